"""``python -m pipeline validate``: the catalogue and every annotation file, checked against
the sources they point into. Problems are reported as ``file:line: problem``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from pipeline.catalog import load_catalog
from pipeline.errors import CorpusError
from pipeline.paths import annotations_dir
from pipeline.records import schema, span_text
from pipeline.store import annotation_files, iter_jsonl


def check_record(data: dict, source: str) -> list[str]:
    """Problems with one record against its source (empty when it is sound)."""
    problems = [f"schema: {err.message}" for err in jsonschema.Draft202012Validator(schema()).iter_errors(data)]
    if problems:
        return problems
    fragments = data["fragments"]
    previous_end = -1
    for start, end in fragments:
        if not 0 <= start <= end <= len(source):
            return [f"fragment [{start}, {end}] outside the source (length {len(source)})"]
        if start < previous_end:
            problems.append(f"fragment [{start}, {end}] overlaps or precedes the previous one")
        previous_end = end
    if span_text(source, fragments) != data["text"]:
        problems.append(f"text {data['text'][:40]!r} differs from the source slice {span_text(source, fragments)[:40]!r}")
    return problems


def check_file(path: Path, sources: dict[str, str]) -> list[str]:
    doc = path.name.split(".", 1)[0]
    if doc not in sources:
        return [f"{path}: no catalogued document {doc!r}"]
    problems, seen = [], set()
    try:
        for line, data in iter_jsonl(path):
            where = f"{path}:{line}"
            if not isinstance(data, dict):
                problems.append(f"{where}: not a JSON object")
                continue
            if data.get("doc") != doc:
                problems.append(f"{where}: record of {data.get('doc')!r} in a file of {doc!r}")
                continue
            if data.get("id") in seen:
                problems.append(f"{where}: duplicate id {data.get('id')!r}")
            seen.add(data.get("id"))
            problems.extend(f"{where}: {p}" for p in check_record(data, sources[doc]))
    except CorpusError as err:
        problems.append(str(err))
    return problems


def check_reading_order(path: Path, sources: dict[str, str]) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    source, text = sources.get(data.get("doc"), ""), data.get("text", "")
    for stream_start, source_start, length in data.get("runs", []):
        if text[stream_start : stream_start + length] != source[source_start : source_start + length]:
            return [f"{path}: run at {stream_start} does not match the source at {source_start}"]
    return []


def run(root: Path | None = None) -> list[str]:
    """All problems found; an empty list means the corpus and its annotations are sound."""
    problems: list[str] = []
    sources: dict[str, str] = {}
    unreadable: set[str] = set()
    for doc in load_catalog():
        try:
            sources[doc.id] = doc.read()
        except CorpusError as err:
            problems.append(str(err))
            unreadable.add(doc.id)
    base = root or annotations_dir()
    checkable = [p for p in annotation_files(base) if p.name.split(".", 1)[0] not in unreadable]
    for path in checkable:
        problems.extend(check_file(path, sources))
    for path in sorted((base / "silver").glob("*.reading-order.json")):
        if path.name.split(".", 1)[0] not in unreadable:
            problems.extend(check_reading_order(path, sources))
    return problems
