"""Layers -> pandas DataFrames: the one way the dashboard, exports and notebooks read annotations."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.catalog import load_catalog
from pipeline.paths import annotations_dir
from pipeline.store import iter_jsonl

BASE_COLUMNS = ["doc", "layer", "id", "start", "end", "fragments", "text", "label", "producer", "score"]


def documents() -> pd.DataFrame:
    """The catalogue, one row per document."""
    rows = [
        {
            "doc": d.id,
            "title": d.title,
            "authors": ", ".join(d.authors),
            "year": d.year,
            "genre": d.genre,
            "language": d.language,
            "source": d.source,
            "rights": d.rights,
            "sha256": d.sha256,
        }
        for d in load_catalog()
    ]
    return pd.DataFrame(rows)


def layer_files(layer: str, kind: str = "silver", root: Path | None = None) -> list[Path]:
    base = (root or annotations_dir()) / kind
    pattern = f"*.{layer}.jsonl" if kind == "silver" else f"**/*.{layer}.jsonl"
    return sorted(base.glob(pattern))


def load_layer(layer: str, kind: str = "silver", root: Path | None = None) -> pd.DataFrame:
    """Every record of ``layer`` as a row: base fields, ``start``/``end``, and one column per
    attribute (prefixed ``attr_`` only when it would clash with a base field)."""
    rows = []
    for path in layer_files(layer, kind, root):
        for _, data in iter_jsonl(path):
            row = {key: data.get(key) for key in BASE_COLUMNS if key in data}
            row["start"], row["end"] = data["fragments"][0][0], data["fragments"][-1][1]
            if kind == "gold":
                row["annotator"] = path.parent.name
            for key, value in (data.get("attrs") or {}).items():
                row[f"attr_{key}" if key in BASE_COLUMNS else key] = value
            rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=BASE_COLUMNS)
    return frame.sort_values(["doc", "start", "end", "id"], kind="stable").reset_index(drop=True)


def claims(root: Path | None = None) -> pd.DataFrame:
    """The claims table (docs/claims-table.md): one row per body sentence, gold over predicted."""
    from pipeline.claims import table

    return table([d.id for d in load_catalog()], root)


def entities() -> pd.DataFrame:
    """The knowledge base: canonical people, organisations, places, groups, works and events."""
    from pipeline.nlp.kb import load

    rows = [
        {
            "kb_id": e.id,
            "name": e.name,
            "label": e.label,
            "role": e.role,
            "wikidata": e.wikidata,
            "aliases": list(e.aliases),
            "description": e.description,
        }
        for e in load().entries.values()
    ]
    return pd.DataFrame(rows)


def events() -> pd.DataFrame:
    """The event inventory with its dates."""
    from pipeline.nlp.kb import load

    rows = [
        {"id": k, "name": v.get("name", k), "start": v.get("start"), "end": v.get("end"), "covers": v.get("covers", "")}
        for k, v in load().events.items()
    ]
    return pd.DataFrame(rows)


def source_text(doc: str) -> str:
    """The unmodified source of ``doc``, for rendering spans by offset."""
    from pipeline.catalog import get_document

    return get_document(doc).read()


def reading_order(doc: str, root: Path | None = None) -> dict:
    """The body of ``doc`` in reading order: ``text`` and the run-length map ``runs`` of
    ``[stream_start, source_start, length]`` (empty when the document is not built)."""
    import json

    path = (root or annotations_dir()) / "silver" / f"{doc}.reading-order.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"doc": doc, "text": "", "runs": []}
