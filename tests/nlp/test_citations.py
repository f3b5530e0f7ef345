"""Footnotes are linked to the works they cite and their authors; bibliography entries to the same ids."""

from __future__ import annotations

import pytest

from pipeline.store import read_layer


@pytest.fixture(scope="module")
def citations(built_root):
    return read_layer(built_root / "silver" / "seniuc-2020.citation.jsonl")


def works_of_note(citations, number):
    return {c.attrs["work"] for c in citations if c.label == "footnote" and c.attrs["note"] == number}


@pytest.mark.parametrize(
    ("note", "work", "author"),
    [
        (1, "work:dilemmas-of-de-stalinisation", "person:polly-jones"),
        (4, "work:dilemmas-of-de-stalinisation", "person:polly-jones"),
        (21, "work:khrushchev-the-man-and-his-era", "person:william-taubman"),
    ],
)
def test_notes_cite_works_and_their_scholars(citations, note, work, author):
    assert work in works_of_note(citations, note)
    cited = next(c for c in citations if c.attrs.get("note") == note and c.attrs["work"] == work)
    assert author in cited.attrs["authors"]


def test_ibid_cites_what_the_previous_note_cited(citations):
    ibid = [c for c in citations if c.attrs.get("note") == 26]
    assert ibid and all(c.attrs["ibid"] for c in ibid)
    assert works_of_note(citations, 26) == works_of_note(citations, 25)


def test_bibliography_entries_share_the_notes_work_ids(citations):
    bibliography = {c.attrs["work"] for c in citations if c.label == "bibliography"}
    notes = {c.attrs["work"] for c in citations if c.label == "footnote"}
    assert "work:dilemmas-of-de-stalinisation" in bibliography & notes
    assert len(bibliography) >= 25


def test_notes_that_cite_nothing_have_no_citation(citations):
    for number in (29, 37):  # "See Appendix 1." / "See Appendix 2."
        assert works_of_note(citations, number) == set()
