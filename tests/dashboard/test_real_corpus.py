"""Each view on the real bundled corpus (built once per session, gold included): the widgets
give the sentences the adjudicated gold says they should for a chosen voice and event."""

from __future__ import annotations

import pytest

from pipeline import build, tables
from pipeline.catalog import load_catalog
from tests.conftest import ROOT
from tests.dashboard.conftest import app, cards, charts, html_of


@pytest.fixture(autouse=True)
def use_real_corpus(use_fixture, built_root, monkeypatch):
    """Point this module at the real corpus and its built annotations (after the fixture's env)."""
    monkeypatch.setenv("DESTAL_CORPUS", str(ROOT / "corpus"))
    monkeypatch.setenv("DESTAL_ANNOTATIONS", str(built_root))
    (build.silver_dir() / build.MANIFEST).write_text(build.manifest(load_catalog()), encoding="utf-8")


@pytest.fixture
def claims(built_root):
    return tables.claims(built_root)


def sentences_of(claims, voice: str, event: str) -> list[str]:
    rows = claims[(claims["voice"] == voice) & claims["events"].map(lambda events: event in events)]
    return list(rows["text"])


def test_overview_counts_the_real_corpus():
    at = app()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Documents"] == "2 / 2"
    assert metrics["Sentences"] == "298 / 298"
    assert metrics["Gold stance labels"] == "298"


def test_compare_cell_lists_polly_jones_on_the_thaw(claims):
    expected = sentences_of(claims, "Polly Jones", "thaw_culture")
    assert any(text.startswith("Polly Jones warned that it is not a synonym") for text in expected)
    at = app(view="compare", cell_voice="Polly Jones", cell_event="thaw_culture")
    assert not at.exception
    listed = cards(at)
    assert listed.count('class="ds-card') == len(expected)
    assert "Polly Jones warned that it is not a synonym" in listed


def test_compare_cell_lists_the_critics_on_the_secret_speech(claims):
    expected = sentences_of(claims, "critics", "secret_speech_1956")
    at = app(view="compare", cell_voice="critics", cell_event="secret_speech_1956")
    listed = cards(at)
    assert expected and listed.count('class="ds-card') == len(expected)
    assert "Critics, including Stalin-era survivors and Western observers, highlighted" in listed


def test_contrast_of_an_event_shows_framings_side_by_side(claims):
    at = app(view="contrast", mode="event", event="hungary_1956")
    assert not at.exception
    columns = cards(at)
    framed = claims[claims["events"].map(lambda e: "hungary_1956" in e) & (claims["stance"] != "none")]
    assert len(framed) > 0
    assert columns.count('class="ds-card') == len(framed)
    assert "Hungarian Revolution" in columns


def test_reader_reads_the_essay_in_order_with_its_footnotes():
    at = app(view="reader", doc="seniuc-2020")
    assert not at.exception
    page = html_of(at)
    assert "more than a quarter were" in page and "executed." in page
    assert "Weidenfeld and Nicolson" in page, "note 50's continuation is opened in place"


def test_entities_view_lists_mentions_and_the_timeline():
    at = app(view="entities", entity="person:polly-jones")
    assert not at.exception
    assert "Polly Jones" in html_of(at)
    assert len(charts(at)) >= 1, "the events timeline"
