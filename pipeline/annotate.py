"""``python -m pipeline annotate``: task sheets for human annotators, and their labels back
into the corpus as stand-off gold records.

An annotator gets, per document, every body sentence with its id, paragraph, section,
reading-order text and the footnotes it carries; they return one JSON line per sentence with
``stance``, ``voice``, ``voice_type``, ``alignment``, ``events`` (and an optional ``note``).
Import checks every value against the scheme and writes
``annotations/gold/<annotator>/<doc>.claim.jsonl``; it refuses to overwrite an existing file.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.build import plan_documents
from pipeline.catalog import load_catalog
from pipeline.errors import CorpusError
from pipeline.nlp.kb import load as load_kb
from pipeline.records import Record, make_record
from pipeline.store import gold_dir, iter_jsonl, serialise

STANCES = ("power_play", "liberalisation", "mixed", "none")
VOICE_TYPES = ("author", "scholar", "school", "actor")
ALIGNMENTS = ("endorse", "contest", "neutral", "n/a")


def task_rows(records: list[Record]) -> list[dict]:
    """One task row per body sentence, with the footnotes it carries."""
    notes = {r.attrs["number"]: r for r in records if r.layer == "footnote"}
    rows = []
    for r in sorted((r for r in records if r.layer == "sentence" and r.label == "body"), key=lambda r: r.attrs["index"]):
        rows.append(
            {
                "doc": r.doc,
                "sentence_id": r.id,
                "index": r.attrs["index"],
                "paragraph": r.attrs["paragraph"],
                "section": r.attrs.get("section"),
                "fragments": [list(f) for f in r.fragments],
                "text": r.attrs["reading"],
                "notes": {str(n): notes[n].text for n in r.attrs.get("notes", []) if n in notes},
            }
        )
    return rows


def task_markdown(doc_title: str, rows: list[dict]) -> str:
    """The same task as a readable sheet: paragraphs with numbered sentences and their notes."""
    lines = [f"# {doc_title}", ""]
    paragraph = None
    for row in rows:
        if row["paragraph"] != paragraph:
            paragraph = row["paragraph"]
            lines += ["", f"## Paragraph {paragraph}" + (f" — {row['section']}" if row["section"] else ""), ""]
        lines.append(f"[{row['index']}] {row['text']}")
        lines += [f"    (note {n}) {text}" for n, text in row["notes"].items()]
    return "\n".join(lines) + "\n"


def export_tasks(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    docs = load_catalog()
    for doc, (_, records) in zip(docs, plan_documents(docs), strict=True):
        rows = task_rows(records)
        jsonl = out / f"{doc.id}.tasks.jsonl"
        jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        (out / f"{doc.id}.tasks.md").write_text(task_markdown(doc.title, rows), encoding="utf-8")
        written += [jsonl, out / f"{doc.id}.tasks.md"]
    return written


def check_labels(where: str, row: dict) -> list[str]:
    """Problems with one labelled row, against the scheme."""
    problems = []
    if row.get("stance") not in STANCES:
        problems.append(f"{where}: stance {row.get('stance')!r} not in {STANCES}")
    if row.get("voice_type") not in VOICE_TYPES:
        problems.append(f"{where}: voice_type {row.get('voice_type')!r} not in {VOICE_TYPES}")
    if row.get("alignment") not in ALIGNMENTS:
        problems.append(f"{where}: alignment {row.get('alignment')!r} not in {ALIGNMENTS}")
    if not row.get("voice"):
        problems.append(f"{where}: voice is empty")
    if (row.get("voice_type") == "author") != (row.get("alignment") == "n/a"):
        problems.append(f"{where}: alignment is n/a exactly when voice_type is author")
    unknown = [e for e in row.get("events", []) if e not in load_kb().events]
    if unknown:
        problems.append(f"{where}: unknown event ids {unknown}")
    return problems


def import_labels(path: Path, annotator: str, tasks: Path, folder: str | None = None) -> Path:
    """Labelled rows -> gold claim records of ``annotator`` (under ``gold/<folder or annotator>``,
    ``adjudicated`` for the reconciled gold); all-or-nothing."""
    task = {row["sentence_id"]: row for _, row in iter_jsonl(tasks)}
    sources = {d.id: d.read() for d in load_catalog()}
    records, problems = [], []
    for line, row in iter_jsonl(path):
        where = f"{path}:{line}"
        base = task.get(row.get("sentence_id"))
        if base is None:
            problems.append(f"{where}: unknown sentence_id {row.get('sentence_id')!r}")
            continue
        problems += check_labels(where, row)
        attrs = {k: row.get(k) for k in ("voice", "voice_type", "alignment")} | {
            "events": row.get("events", []),
            "sentence": base["sentence_id"],
        }
        if row.get("note"):
            attrs["note"] = row["note"]
        fragments = tuple(tuple(f) for f in base["fragments"])
        records.append(
            make_record(base["doc"], sources[base["doc"]], "claim", row.get("stance", ""), fragments, attrs, f"annotator:{annotator}")
        )
    missing = set(task) - {r.attrs["sentence"] for r in records}
    if missing:
        problems.append(f"{path}: {len(missing)} task sentences have no label (e.g. {sorted(missing)[0]})")
    if problems:
        raise CorpusError(path, f"{len(problems)} problem(s); first: {problems[0]}")
    doc = records[0].doc
    target = gold_dir() / (folder or annotator) / f"{doc}.claim.jsonl"
    if target.exists():
        raise CorpusError(target, "exists already; gold files are never overwritten (remove it by hand to re-import)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(serialise(records), encoding="utf-8")
    return target
