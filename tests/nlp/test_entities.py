"""Entities: clean spans, one id per referent, roles, on the real texts and small fixtures."""

from __future__ import annotations

import pytest

from pipeline.layout import encyclopedia
from pipeline.nlp import document as nlp_document
from pipeline.store import read_layer


@pytest.fixture(scope="module")
def entities(built_root):
    return {doc: read_layer(built_root / "silver" / f"{doc}.entity.jsonl") for doc in ("seniuc-2020", "grokipedia-destalinization")}


def run_text(text: str):
    """A small plain text through the whole NLP pipeline; returns entity records."""
    lay = encyclopedia.parse("fixture", text)
    prepared = nlp_document.prepare(lay)
    ((_, doc),) = nlp_document.process([prepared])
    return nlp_document.entity_records(prepared, doc)


def test_possessive_is_not_part_of_the_name(entities):
    texts = {r.text for r in entities["seniuc-2020"] if r.label == "PERSON"}
    assert "Nikita Khrushchev" in {r.text for r in entities["grokipedia-destalinization"]}
    assert not any(t.endswith(("'s", "’s")) for t in texts)


def test_every_form_of_khrushchev_shares_one_id():
    records = run_text(
        "Title\n\nSection\n\nSub\n\nNikita Khrushchev spoke. Khrushchev's speech followed. N. S. Khrushchev wrote later. Khrushchev left.\n"
    )
    ids = {r.attrs["kb_id"] for r in records if "Khrushchev" in r.text}
    assert ids == {"person:nikita-khrushchev"}
    assert {r.text for r in records if "Khrushchev" in r.text} == {"Nikita Khrushchev", "Khrushchev", "N. S. Khrushchev"}


def test_roy_and_dmitry_medvedev_are_two_people(entities):
    ids = {r.attrs["kb_id"] for doc in entities.values() for r in doc if "Medvedev" in r.text}
    assert "person:roy-medvedev" in ids and "person:dmitry-medvedev" in ids


def test_historian_medvedev_in_notes_is_a_scholar(entities):
    roy = [r for r in entities["seniuc-2020"] if r.attrs.get("kb_id") == "person:roy-medvedev"]
    assert roy and all(r.attrs["role"] == "scholar" for r in roy)


def test_novy_mir_spellings_share_an_id():
    records = run_text("Title\n\nSection\n\nSub\n\nIt appeared in Novyi Mir in 1962. Novy Mir was a journal.\n")
    assert {r.attrs["kb_id"] for r in records if r.text in ("Novyi Mir", "Novy Mir")} == {"org:novy-mir"}


@pytest.mark.parametrize("name", ["Stalingrad", "Volgograd", "Stalino"])
def test_renamed_cities_are_places(entities, name):
    found = [r for r in entities["seniuc-2020"] + entities["grokipedia-destalinization"] if r.text == name]
    assert found and {r.label for r in found} == {"GPE"}


def test_no_entity_crosses_a_heading_and_the_next_line(entities):
    for doc in entities.values():
        assert not any("\n" in r.text for r in doc)


def test_scholars_and_actors(entities):
    roles = {r.attrs["name"]: r.attrs["role"] for r in entities["seniuc-2020"] if r.label == "PERSON" and "role" in r.attrs}
    assert roles["Polly Jones"] == "scholar"
    assert roles["Lavrentiy Beria"] == "actor"


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("March 5, 1953", "1953-03-05", "day"),
        ("mid-1950s", "1954/1956", "range"),
        ("1936–1938", "1936/1938", "range"),
        ("June 1953", "1953-06", "month"),
        ("1930s", "1930/1939", "decade"),
    ],
)
def test_dates_are_normalised(entities, text, iso, precision):
    dates = [r for doc in entities.values() for r in doc if r.label == "DATE" and r.text == text]
    assert dates and {(r.attrs["iso"], r.attrs["precision"]) for r in dates} == {(iso, precision)}
