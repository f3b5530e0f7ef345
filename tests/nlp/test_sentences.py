"""Sentences respect initials, abbreviations, footnote markers and cut sentences."""

from __future__ import annotations

import itertools

import pytest

from pipeline.store import read_layer


@pytest.fixture(scope="module")
def sentences(built_root):
    return {doc: read_layer(built_root / "silver" / f"{doc}.sentence.jsonl") for doc in ("seniuc-2020", "grokipedia-destalinization")}


def containing(records, needle):
    return [r for r in records if needle in r.text]


@pytest.mark.parametrize(
    ("doc", "needle"),
    [
        ("seniuc-2020", "Roy A. Medvedev, *Khrushchev*"),
        ("seniuc-2020", "J. Arch Getty, ‘The Future did not work,’"),
        ("seniuc-2020", "a U.S. aeroplane was shot down"),
        ("seniuc-2020", "*Studies on the Soviet Union* 5, no. 3 (1965)"),
        ("seniuc-2020", "C11, Part 7 (June 4, 1956), pp. 9389–9403"),
        ("seniuc-2020", "Roy A. Medvedev and Zhores A. Medvedev, *Khrushchev: The Years in Power*"),
        ("grokipedia-destalinization", "Sinyavsky-Daniel trial convicted writers and Yuli Daniel"),
    ],
)
def test_no_split_inside(sentences, doc, needle):
    assert len(containing(sentences[doc], needle)) == 1, needle


def test_sentence_cut_by_note_block_is_one_sentence_of_two_fragments(sentences):
    (cut,) = containing(sentences["seniuc-2020"], "more than a quarter were")
    assert cut.label == "body"
    assert len(cut.fragments) == 2
    assert cut.attrs["reading"].endswith("out of which more than a quarter were executed.")


def test_marker_after_closing_quote_attaches_to_its_sentence(sentences):
    (quoted,) = [r for r in sentences["seniuc-2020"] if r.attrs.get("reading", "").startswith("Thus, “the Soviet bloc threatened")]
    assert quoted.attrs["notes"] == [30]


def test_quoted_question_continues_in_lower_case(sentences):
    heirs = containing(sentences["seniuc-2020"], "how can we remove Stalin from Stalin's heirs?")
    assert len(heirs) == 1 and "even some Stalinist in me" in heirs[0].text


def test_every_body_sentence_is_numbered_in_reading_order(sentences):
    body = sorted((r for r in sentences["seniuc-2020"] if r.label == "body"), key=lambda r: r.attrs["index"])
    assert [r.attrs["index"] for r in body] == list(range(len(body)))
    assert all(a.start < b.start for a, b in itertools.pairwise(body))
    assert len(body) == 120


def test_no_sentence_starts_in_the_middle_of_a_clause():
    """From a held-out essay: the parser alone splits after "yet"."""
    from pipeline.nlp.engine import load

    text = (
        "Party members were processed first and frequently readmitted with their seniority restored; Marshal Tukhachevsky was cleared"
        " in 1957, yet Bukharin, Zinoviev and the remaining defendants of the Moscow show trials had to wait until the Gorbachev years."
    )
    assert len(list(load()(text).sents)) == 1
