"""Read and write annotation layers. Every write is atomic (a temporary file renamed over
the target), and nothing here ever writes under ``annotations/gold``: human work is never
overwritten by a build."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.errors import CorpusError
from pipeline.paths import annotations_dir
from pipeline.records import Record, sort_key


def silver_dir(root: Path | None = None) -> Path:
    return (root or annotations_dir()) / "silver"


def gold_dir(root: Path | None = None) -> Path:
    return (root or annotations_dir()) / "gold"


def atomic_write(path: Path, content: str) -> bool:
    """Write ``content`` to ``path`` atomically; refuse gold files. Returns whether bytes changed."""
    path = Path(path)
    gold = gold_dir().resolve()
    if path.resolve().is_relative_to(gold):
        raise CorpusError(path, "refusing to write under annotations/gold: gold annotations are never overwritten")
    data = content.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def serialise(records: Iterable[Record]) -> str:
    """Records as JSONL in a deterministic order."""
    return "".join(r.to_json() + "\n" for r in sorted(records, key=sort_key))


def read_layer(path: Path) -> list[Record]:
    return [Record.from_dict(data) for _, data in iter_jsonl(path)]


def iter_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    """``(line number, object)`` per line; a malformed line is a CorpusError naming it."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as err:
                raise CorpusError(f"{path}:{n}", f"invalid JSON: {err.msg}") from None


def annotation_files(root: Path | None = None) -> list[Path]:
    """Every JSONL annotation file, silver and gold (task sheets and other files aside)."""
    base = root or annotations_dir()
    files = [p for kind in ("silver", "gold") for p in (base / kind).rglob("*.jsonl")]
    return sorted(p for p in files if not p.name.startswith("."))
