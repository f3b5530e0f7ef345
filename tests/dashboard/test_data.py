"""The one loader: the claims contract as the views see it, read once per process."""

from __future__ import annotations

import pytest

from pipeline import tables
from pipeline.dashboard import data
from tests.dashboard.conftest import ENCYCLOPEDIA, ESSAY, app

CONTRACT = ["doc", "sentence_id", "index", "paragraph", "section", "start", "end", "fragments", "text", "stance", "voice", "voice_type"]


def test_claims_follow_the_contract_with_the_views_extras(corpus):
    claims = corpus.claims
    assert set(CONTRACT) <= set(claims.columns)
    assert list(claims["doc"].unique()) == [ESSAY, ENCYCLOPEDIA], "catalogue order"
    western = claims[claims["speaker"] == "Western analysts"].iloc[0]
    assert western["fragments"] == [[472, 499], [694, 748]]
    essay_author = claims[(claims["doc"] == ESSAY) & (claims["voice"] == "author")]
    assert set(essay_author["speaker"]) == {"Clara Vogt"}, "the author's voice is named after the document's author"
    assert claims.loc[claims["voice"] == "Polly Jones", "stance_source"].tolist() == ["gold"]


def test_lost_names_keep_gold_and_predicted_apart(corpus):
    lost = corpus.layer("lacuna", ENCYCLOPEDIA)
    assert list(zip(lost["start"], lost["gold"], strict=True)) == [(113, False), (113, True), (513, False), (513, True)]


def test_reading_order_hides_markers(corpus):
    visible = corpus.visible[ESSAY]
    source = corpus.sources[ESSAY]
    marker = source.index("<sup>1</sup>")
    assert not any(s <= marker < e for s, e in visible)


def test_a_view_change_reads_no_file(monkeypatch):
    at = app(view="overview")
    calls = []
    for name in ("load_layer", "claims", "documents", "entities", "events", "source_text"):
        original = getattr(tables, name)
        monkeypatch.setattr(tables, name, lambda *a, _f=original, _n=name, **k: calls.append(_n) or _f(*a, **k))
    for view in ("compare", "contrast", "reader", "entities", "overview"):
        at.segmented_control(key="view").set_value(view).run()
        assert not at.exception
    assert calls == []


def test_a_rebuild_is_seen(monkeypatch):
    first = data.load()
    assert data.load() is first, "cached: the same object for every rerun"
    monkeypatch.setattr(data, "stamp", lambda _: "changed")
    assert data.load() is not first


def test_broken_corpus_shows_an_error_not_a_traceback(tmp_path, monkeypatch):
    (tmp_path / "corpus").mkdir()
    monkeypatch.setenv("DESTAL_CORPUS", str(tmp_path / "corpus"))
    monkeypatch.setenv("DESTAL_ANNOTATIONS", str(tmp_path / "annotations"))
    at = app()
    assert not at.exception
    assert "catalogue not found" in at.error[0].value


@pytest.mark.parametrize("column", ["events", "cues", "notes", "entities"])
def test_list_columns_are_lists(corpus, column):
    assert all(isinstance(v, list) for v in corpus.claims[column])


def test_the_hand_written_fixture_points_at_the_right_text():
    """The fixture's offsets are checked like any annotation: every record equals its source slice."""
    from pipeline import validate

    assert validate.run() == []
