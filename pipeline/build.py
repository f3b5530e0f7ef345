"""``python -m pipeline build``: every document's layers, checked first, then written.

All sources are read, checked and annotated before the first write, so bad input leaves
every annotation file as it was; each file is then replaced atomically, and a file whose
bytes would not change is not touched (a second build changes nothing).
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import PRODUCER, layout
from pipeline.catalog import Document, load_catalog
from pipeline.reading_order import serialise as reading_order_json
from pipeline.records import Record, from_span
from pipeline.store import atomic_write, serialise, silver_dir

Progress = Callable[[str], None]
MANIFEST = "MANIFEST.json"


def stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Build:
    """What one build produced: file contents by path, and which files changed on disk."""

    files: dict[Path, str] = field(default_factory=dict)
    changed: list[Path] = field(default_factory=list)


def layout_records(doc: Document, source: str, lay: layout.Layout) -> list[Record]:
    return [from_span(doc.id, source, span, PRODUCER) for span in lay.spans]


def plan_documents(docs: list[Document]) -> Iterator[tuple[layout.Layout, list[Record]]]:
    """Each document's layout and every record (layout and NLP layers), checked sources first."""
    from pipeline.nlp import document as nlp_document  # spaCy loads only when a build runs

    sources = {doc.id: doc.read() for doc in docs}
    layouts = {doc.id: layout.parse(doc.id, sources[doc.id], doc.format) for doc in docs}
    prepared = [nlp_document.prepare(layouts[doc.id]) for doc in docs]
    for doc, (prep, spacy_doc) in zip(docs, nlp_document.process(prepared), strict=True):
        lay = layouts[doc.id]
        yield lay, layout_records(doc, sources[doc.id], lay) + nlp_document.records(prep, spacy_doc)


def plan(docs: list[Document], out: Path, progress: Progress) -> Build:
    """Every file of the build, in memory: layout layers, NLP layers, reading order."""
    build = Build()
    started = time.perf_counter()
    for n, (doc, (lay, records)) in enumerate(zip(docs, plan_documents(docs), strict=True), 1):
        by_layer: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            by_layer[record.layer].append(record)
        for name, recs in by_layer.items():
            build.files[out / f"{doc.id}.{name}.jsonl"] = serialise(recs)
        build.files[out / f"{doc.id}.reading-order.json"] = reading_order_json(doc.id, layout.body_stream(lay))
        took = time.perf_counter() - started
        progress(f"[{n}/{len(docs)}] {doc.id}: {len(records)} records in {len(by_layer)} layers ({took:.1f} s)")
        started = time.perf_counter()
    return build


def code_digest() -> str:
    """Hash of the package's code and resources, so a changed pipeline makes a build stale."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    inputs = (p for p in package.rglob("*") if p.suffix in {".py", ".toml", ".json", ".cfg", ".txt"})
    for path in sorted(p for p in inputs if "dashboard" not in p.relative_to(package).parts):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def manifest(docs: list[Document]) -> str:
    """What a build depends on: pipeline version, code and engine, and each source's hash."""
    from pipeline.nlp.engine import engine_name

    entries = {doc.id: doc.sha256 for doc in docs}
    record = {"producer": PRODUCER, "code": code_digest(), "engine": engine_name(), "sources": entries}
    return json.dumps(record, indent=2, sort_keys=True) + "\n"


def is_current(root: Path | None = None) -> bool:
    """Whether the silver layers were built by this pipeline version from these sources."""
    path = silver_dir(root) / MANIFEST
    return path.is_file() and path.read_text(encoding="utf-8") == manifest(load_catalog())


def emptied_layers(docs: list[Document], out: Path, planned: dict[Path, str]) -> dict[Path, str]:
    """A layer a document no longer has records in is written empty, so no earlier build's
    records outlive the code that made them."""
    return {path: "" for doc in docs for path in out.glob(f"{doc.id}.*.jsonl") if path not in planned}


def run(root: Path | None = None, progress: Progress = stderr, if_missing: bool = False) -> Build:
    """Build every catalogued document; write only after all succeeded."""
    docs = load_catalog()
    out = silver_dir(root)
    if if_missing and is_current(root):
        progress(f"annotations under {out} are current; nothing to build")
        return Build()
    build = plan(docs, out, progress)
    build.files.update(emptied_layers(docs, out, build.files))
    build.files[out / MANIFEST] = manifest(docs)
    for path, content in sorted(build.files.items()):
        if atomic_write(path, content):
            build.changed.append(path)
    progress(f"wrote {len(build.changed)} of {len(build.files)} files under {out} ({len(build.files) - len(build.changed)} unchanged)")
    return build
