"""The encyclopedia reader on the real seed article and on a small fixture of its traps."""

from __future__ import annotations

import pytest

from pipeline.layout import body_stream, encyclopedia
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def fixture_layout():
    source = (FIXTURES / "reference_list_debris.txt").read_text(encoding="utf-8")
    return encyclopedia.parse("fixture", source)


def test_boilerplate_is_kept_out_of_the_body(encyclopedia):
    boilerplate = encyclopedia.layer("zone", "boilerplate")
    assert [b.text(encyclopedia.source) for b in boilerplate] == ["Fact-checked by Grok 2 weeks ago"]
    assert "Fact-checked" not in body_stream(encyclopedia).text


def test_headings_nest(encyclopedia):
    headings = [(h.attrs["level"], h.attrs["title"]) for h in encyclopedia.layer("heading")]
    assert headings[0] == (1, "De-Stalinization")
    sections = [t for lvl, t in headings if lvl == 2]
    assert sections == [
        "Definition and Historical Context",
        "Initiation of De-Stalinization",
        "Domestic Reforms and Implementation",
        "International Repercussions",
        "Limitations, Reversals, and Criticisms",
        "Long-Term Legacy and Modern Assessments",
        "References",
    ]
    assert (3, "Debates on Efficacy: Power Play vs. Genuine Liberalization") in headings
    assert sum(1 for lvl, _ in headings if lvl == 3) == 17


def test_every_subsection_has_its_paragraph(encyclopedia):
    paragraphs = encyclopedia.layer("paragraph")
    assert paragraphs[0].label == "lead"
    assert [p.attrs["section"] for p in paragraphs[1:3]] == ["Terminology and Conceptual Scope", "Stalin Era Repressions as Precursor"]
    assert len(paragraphs) == 18


def test_all_144_references_parsed(encyclopedia):
    refs = encyclopedia.layer("reference", "reference_entry")
    assert [r.attrs["number"] for r in refs] == list(range(1, 145))


def test_reference_attributes_carry_no_debris(encyclopedia):
    for ref in encyclopedia.layer("reference"):
        for key in ("title", "snippet"):
            value = ref.attrs.get(key) or ""
            assert "<|" not in value and "Missing:" not in value and "Show results" not in value, (ref.attrs["number"], value)


def test_empty_references_are_flagged(encyclopedia):
    empty = [r.attrs["number"] for r in encyclopedia.layer("reference") if "empty" in r.attrs.get("flags", [])]
    assert 34 in empty
    for number in empty:
        ref = next(r for r in encyclopedia.layer("reference") if r.attrs["number"] == number)
        assert ref.attrs["title"] is None


def test_debris_is_its_own_layer(encyclopedia):
    debris = encyclopedia.layer("debris")
    texts = [d.text(encyclopedia.source) for d in debris]
    assert any(t == "<|separator|>" for t in texts)
    assert any(t == "<|control11|>" for t in texts)
    assert any(t.startswith("Missing:") for t in texts)


def test_reference_title_site_and_year(encyclopedia):
    ref = next(r for r in encyclopedia.layer("reference") if r.attrs["number"] == 3)
    assert ref.attrs["title"] == "After the Stalinist Gulag"
    assert ref.attrs["site"] == "Oxford Academic"
    assert ref.attrs["year"] == 2024


def test_fixture_reference_list(fixture_layout):
    refs = fixture_layout.layer("reference")
    assert [r.attrs["number"] for r in refs] == [1, 2, 3]
    first, second, third = (r.attrs for r in refs)
    assert (first["title"], first["site"], first["year"]) == ("First Source", "Some Site", 2024)
    assert first["snippet"] == "Feb 29, 2024 · A snippet about the topic."
    assert second["flags"] == ["empty"]
    assert (third["kind"], third["title"], third["snippet"]) == ("pdf", "Third Source", "A snippet with a token.")


def test_fixture_nesting(fixture_layout):
    headings = [(h.attrs["level"], h.attrs["title"]) for h in fixture_layout.layer("heading")]
    assert headings == [(1, "A Title"), (2, "Section One"), (3, "Subsection A"), (3, "Subsection B"), (2, "References")]
