"""Lost names in the encyclopedia against the gold list, and on small traps."""

from __future__ import annotations

import pytest

from pipeline.evaluate.lacunae import match
from pipeline.layout import encyclopedia
from pipeline.nlp import document as nlp_document
from pipeline.store import read_layer


def gaps_in(text: str) -> list[str]:
    lay = encyclopedia.parse("fixture", f"Title\n\nSection\n\nSub\n\n{text}\n")
    prepared = nlp_document.prepare(lay)
    ((_, doc),) = nlp_document.process([prepared])
    source = lay.source
    return [source[r.start : r.start + 6].strip() for r in nlp_document.lacuna_records(prepared, doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reforms were undertaken in the and other states.", ["and ot"]),
        ("He spoke at the 20th Congress of the Communist Party of the in February 1956.", ["in Feb"]),
        ("Uprisings in and in 1956 followed.", ["and in", "in 195"]),
        ('It marked a shift toward "" with the West.', ['" with']),
        ("Rehabilitations of prominent victims like .", ["."]),
    ],
)
def test_lost_names_are_marked(text, expected):
    assert gaps_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "To begin with, it is uncertain when de-Stalinisation started.",
        "It was not a straightforward, linear process, but a fragile one.",
        "However, during that time, the regime became more rigid.",
        "Many were left in shock: this was the first time.",
    ],
)
def test_grammatical_text_has_no_lost_names(text):
    assert gaps_in(text) == []


def test_match_counts_each_gold_mark_once():
    assert match([10, 20], [9, 11, 20]) == 2


def test_encyclopedia_lacunae_against_gold(built_root):
    gold = [r.start for r in read_layer(built_root / "gold" / "adjudicated" / "grokipedia-destalinization.lacuna.jsonl")]
    predicted = [r.start for r in read_layer(built_root / "silver" / "grokipedia-destalinization.lacuna.jsonl")]
    hits = match(gold, predicted)
    assert hits / len(predicted) >= 0.90
    assert hits / len(gold) >= 0.65
    essay = (
        read_layer(built_root / "silver" / "seniuc-2020.lacuna.jsonl")
        if (built_root / "silver" / "seniuc-2020.lacuna.jsonl").exists()
        else []
    )
    assert essay == []
