"""The essay reader on the real seed essay and on a small fixture of its traps."""

from __future__ import annotations

import re

import pytest

from pipeline.layout import body_stream, markdown_essay
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def fixture_layout():
    source = (FIXTURES / "note_block_cuts_sentence.md").read_text(encoding="utf-8")
    return markdown_essay.parse("fixture", source)


def notes_by_number(layout):
    return {n.attrs["number"]: n.text(layout.source) for n in layout.layer("footnote")}


def test_essay_has_exactly_55_footnotes_numbered_1_to_55(essay):
    assert sorted(notes_by_number(essay)) == list(range(1, 56))


@pytest.mark.parametrize(
    ("number", "expected_end"),
    [
        (50, "Raymond, *Democracy and Totalitarianism: A Theory of Political Systems*, (London: Weidenfeld and Nicolson, 1970)."),
        (51, "<https://www.theatlantic.com/magazine/archive/2000/03/the-future-did-not-work/378081/>"),
        (55, "Viola, 'The Question of the Perpetrator in Soviet History,' 3."),
        (29, "See Appendix 1."),
    ],
)
def test_footnotes_are_complete(essay, number, expected_end):
    assert notes_by_number(essay)[number].endswith(expected_end)


def test_note_50_continues_into_next_page_block(essay):
    note = next(n for n in essay.layer("footnote") if n.attrs["number"] == 50)
    assert len(note.fragments) == 2
    assert "A similar view was encompassed in Aron" in essay.source[slice(*note.fragments[0])]


def test_note_55_stands_after_the_appendices_heading(essay):
    appendices = next(h for h in essay.layer("heading") if h.attrs.get("title") == "Appendices")
    note = next(n for n in essay.layer("footnote") if n.attrs["number"] == 55)
    assert note.start > appendices.end


def test_every_body_marker_links_to_its_note(essay):
    numbers = sorted(m.attrs["number"] for m in essay.layer("footnote_marker"))
    assert numbers == list(range(1, 56))
    for marker in essay.layer("footnote_marker"):
        assert essay.source[slice(*marker.fragments[0])] == str(marker.attrs["number"])
        element = essay.source[slice(*marker.attrs["element"])]
        assert re.fullmatch(r"<sup>[\d ]+</sup>", element)


def test_shared_sup_element_holds_two_markers(essay):
    """``<sup>3 4</sup>`` marks notes 3 and 4."""
    shared = [m for m in essay.layer("footnote_marker") if essay.source[slice(*m.attrs["element"])] == "<sup>3 4</sup>"]
    assert sorted(m.attrs["number"] for m in shared) == [3, 4]


@pytest.mark.parametrize(
    "sentence",
    [
        "arrested during 1935 and 1940, out of which more than a quarter were executed.",
        "It can first be traced from the expression of the “[overcoming of] the cult of personality” guised in the title",
        "this was the first time someone dared to speak in public against Stalin.",
        "This symbolic act, indeed, reinforced Lenin's authority",
        "the other one being during Gorbachev’s leadership).",
    ],
)
def test_sentences_cut_by_note_blocks_read_whole(essay, sentence):
    assert sentence in body_stream(essay).text


def test_body_reading_order_leaves_out_notes_markers_and_markup(essay):
    text = body_stream(essay).text
    assert "<sup>" not in text and "*" not in text and "---" not in text
    assert "Polly Jones, *The Dilemmas" not in text
    assert text.startswith("The following article assesses")


def test_title_byline_abstract(essay):
    zones = {z.label: z.text(essay.source) for z in essay.layer("zone")}
    assert zones["title"].startswith("The Fundamental Weaknesses of Khrushchev's")
    assert zones["byline"] == "Elena Seniuc (Lincoln, University of Oxford)"
    assert zones["abstract"].startswith("**Abstract:** The following article")


def test_headings_nest_appendices_under_their_heading(essay):
    levels = [(h.attrs["level"], h.attrs.get("title", "")[:12]) for h in essay.layer("heading")]
    assert [lvl for lvl, _ in levels] == [1, 2, 3, 3, 2]
    assert levels[-1][1] == "Bibliography"


def test_every_bibliography_entry_has_author_and_year(essay):
    entries = essay.layer("reference", "bibliography_entry")
    assert len(entries) == 34
    for entry in entries:
        assert entry.attrs["authors"], entry.text(essay.source)
        assert entry.attrs["year"], entry.text(essay.source)


@pytest.mark.parametrize(
    ("surname", "authors", "year", "title"),
    [
        ("Medvedev, Roy A. and", ["Roy A. Medvedev", "Zhores A. Medvedev"], 1977, "Khrushchev: The Years in Power"),
        ("Getty", ["J. Arch Getty"], 2000, "The Future did not work"),
        ("Fitzpatrick", ["Sheila Fitzpatrick"], 1985, "Postwar Soviet Society: The 'Return to Normalcy,' 1945-1953"),
        ("Zubkova", ["Elena Zubkova"], 2003, "The Postwar Years: Russia after the War: Hopes, Illusions, and Disappointments"),
    ],
)
def test_bibliography_entries_parse(essay, surname, authors, year, title):
    entry = next(e for e in essay.layer("reference") if e.text(essay.source).startswith(surname))
    assert (entry.attrs["authors"], entry.attrs["year"], entry.attrs["title"]) == (authors, year, title)


def test_bibliography_entry_keeps_its_url_line(essay):
    getty = next(e for e in essay.layer("reference") if e.text(essay.source).startswith("Getty"))
    assert getty.text(essay.source).endswith("378081/>.")


def test_unbulleted_entry_is_flagged(essay):
    zubkova = next(e for e in essay.layer("reference") if e.text(essay.source).startswith("Zubkova"))
    assert zubkova.attrs["flags"] == ["bullet-missing"]


def test_fixture_sentence_cut_by_note_block(fixture_layout):
    text = body_stream(fixture_layout).text
    assert "more than a quarter were executed. The next sentence follows." in text
    assert "Another paragraph ends here." in text


def test_fixture_note_continuations(fixture_layout):
    notes = notes_by_number(fixture_layout)
    assert notes[2].endswith("continues on the next page in later pages of the same note.")
    assert notes[3].endswith("<https://example.org/a>")
    assert notes[4] == "<sup>4</sup> A note printed after the Appendices heading."


def test_fixture_appendix_and_bibliography(fixture_layout):
    src = fixture_layout.source
    assert [a.text(src) for a in fixture_layout.layer("appendix")] == ["Some appended text."]
    entries = fixture_layout.layer("reference")
    assert [(e.attrs["authors"], e.attrs["year"]) for e in entries] == [
        (["Jane Doe"], 2001),
        (["Richard A. Roe", "Edgar Poe"], 1999),
    ]
