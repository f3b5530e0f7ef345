"""Exports: the claims table as sentences.jsonl and CSV, and brat stand-off that brat can read."""

from __future__ import annotations

import csv
import json

import pytest

from pipeline import export

FIELDS = {
    "doc", "sentence_id", "start", "end", "fragments", "text", "stance",
    "score_power_play", "score_liberalisation", "score_mixed", "score_none",
    "voice", "voice_type", "alignment", "events", "evidence", "cues",
    "stance_source", "voice_source", "alignment_source", "events_source",
}  # fmt: skip


@pytest.fixture(scope="module")
def exported(built_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DESTAL_ANNOTATIONS", str(built_root))
        for fmt in export.FORMATS:
            export.export(fmt, out / fmt)
    return out


def test_sentences_jsonl_has_one_valid_record_per_body_sentence(exported):
    lines = (exported / "jsonl" / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 298
    assert all(set(r) >= FIELDS for r in records)
    assert "NaN" not in "".join(lines)
    assert {r["stance_source"] for r in records} == {"gold"}
    cut = next(r for r in records if r["text"].endswith("more than a quarter were executed."))
    assert len(cut["fragments"]) == 2


def test_scores_are_a_distribution(exported):
    for line in (exported / "jsonl" / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        total = r["score_power_play"] + r["score_liberalisation"] + r["score_mixed"] + r["score_none"]
        assert total == pytest.approx(1.0, abs=1e-3)


def test_csv_round_trips_lists_as_json(exported):
    with open(exported / "csv" / "sentences.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 298
    assert isinstance(json.loads(rows[0]["events"]), list)


def test_brat_offsets_point_at_the_annotated_text(exported):
    source = (exported / "brat" / "seniuc-2020.txt").read_text(encoding="utf-8")
    ann = (exported / "brat" / "seniuc-2020.ann").read_text(encoding="utf-8")
    spans = [line.split("\t") for line in ann.splitlines() if line.startswith("T")]
    assert spans
    for _, kind_offsets, text in spans:
        offsets = kind_offsets.split(" ", 1)[1]
        pieces = [source[int(s) : int(e)] for s, e in (part.split() for part in offsets.split(";"))]
        assert " ".join(pieces).replace("\n", " ") == text
