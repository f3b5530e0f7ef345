"""Task sheets out, labels back in as stand-off gold; bad labels refused whole."""

from __future__ import annotations

import json

import pytest

from pipeline import annotate
from pipeline.errors import CorpusError


@pytest.fixture(scope="module")
def tasks(tmp_path_factory):
    out = tmp_path_factory.mktemp("tasks")
    annotate.export_tasks(out)
    return out


def rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_task_sheets_cover_every_body_sentence(tasks):
    assert len(rows(tasks / "seniuc-2020.tasks.jsonl")) == 120
    sheet = (tasks / "seniuc-2020.tasks.md").read_text(encoding="utf-8")
    assert "[54] executed.".replace("[54] ", "") in sheet
    assert "(note 21)" in sheet


def labels_for(task_rows, **override):
    return [
        {
            "sentence_id": r["sentence_id"],
            "stance": "none",
            "voice": "author",
            "voice_type": "author",
            "alignment": "n/a",
            "events": [],
            **override,
        }
        for r in task_rows
    ]


def test_import_writes_gold_records(tasks, tmp_path, monkeypatch):
    monkeypatch.setenv("DESTAL_ANNOTATIONS", str(tmp_path))
    task = tasks / "seniuc-2020.tasks.jsonl"
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps(r) + "\n" for r in labels_for(rows(task))), encoding="utf-8")
    target = annotate.import_labels(labels, "tester", task)
    records = rows(target)
    assert len(records) == 120
    assert all(r["producer"] == "annotator:tester" and r["layer"] == "claim" for r in records)
    with pytest.raises(CorpusError, match="never overwritten"):
        annotate.import_labels(labels, "tester", task)


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"stance": "pro"}, "stance"),
        ({"voice_type": "scholar"}, "alignment is n/a exactly"),
        ({"events": ["moon_landing"]}, "unknown event"),
    ],
)
def test_bad_labels_are_refused_whole(tasks, tmp_path, monkeypatch, override, message):
    monkeypatch.setenv("DESTAL_ANNOTATIONS", str(tmp_path))
    task = tasks / "seniuc-2020.tasks.jsonl"
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps(r) + "\n" for r in labels_for(rows(task), **override)), encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        annotate.import_labels(labels, "tester", task)
    assert not (tmp_path / "gold").exists()
