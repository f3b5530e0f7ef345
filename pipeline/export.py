"""``python -m pipeline export --format jsonl|csv|brat --out DIR``: the corpus in the formats
other tools read.

- ``jsonl``: ``sentences.jsonl``, the claims table, one record per body sentence;
- ``csv``: the same table flattened (lists as JSON strings), for spreadsheets;
- ``brat``: per document ``<doc>.txt`` (the unmodified source) and ``<doc>.ann`` with
  entities (T), claims as sentence spans with stance/voice attributes (T + A), and
  normalisations to canonical ids (N), all by source offsets.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline import tables
from pipeline.store import atomic_write, read_layer, silver_dir

FORMATS = ("jsonl", "csv", "brat")
JSONL_FIELDS = [
    "doc", "sentence_id", "index", "paragraph", "section", "start", "end", "fragments", "text",
    "stance", "score_power_play", "score_liberalisation", "score_mixed", "score_none",
    "voice", "voice_type", "alignment", "events", "cues", "evidence", "notes", "entities",
    "stance_source", "voice_source", "alignment_source", "events_source",
]  # fmt: skip


def write_jsonl(out: Path) -> list[Path]:
    frame = tables.claims()
    lines = [json.dumps({k: _plain(row[k]) for k in JSONL_FIELDS}, ensure_ascii=False) for _, row in frame.iterrows()]
    path = out / "sentences.jsonl"
    atomic_write(path, "".join(line + "\n" for line in lines))
    return [path]


def _plain(value):
    """numpy scalars -> Python; pandas' missing values -> None (JSON has no NaN)."""
    if isinstance(value, float) and value != value:
        return None
    return value.item() if hasattr(value, "item") else value


def write_csv(out: Path) -> list[Path]:
    frame = tables.claims()[JSONL_FIELDS].copy()
    for column in ("fragments", "events", "cues", "evidence", "notes", "entities"):
        frame[column] = frame[column].map(lambda v: json.dumps(v, ensure_ascii=False))
    path = out / "sentences.csv"
    atomic_write(path, frame.to_csv(index=False))
    return [path]


def brat_lines(doc: str, claims, source: str) -> list[str]:
    """brat stand-off annotations of one document, by offsets into its ``source`` (``claims``:
    the claims table)."""
    lines: list[str] = []
    t = a = n = 0
    for entity in read_layer(silver_dir() / f"{doc}.entity.jsonl"):
        t += 1
        lines.append(f"T{t}\t{entity.label} {_brat_offsets(entity.fragments)}\t{entity.text.replace(chr(10), ' ')}")
        if entity.attrs.get("kb_id"):
            n += 1
            lines.append(f"N{n}\tReference T{t} destal:{entity.attrs['kb_id']}\t{entity.attrs.get('name', '')}")
    for _, row in claims[claims["doc"] == doc].iterrows():
        t += 1
        text = " ".join(source[s:e] for s, e in row["fragments"]).replace("\n", " ")
        lines.append(f"T{t}\tClaim {_brat_offsets(row['fragments'])}\t{text}")
        for key in ("stance", "voice_type", "alignment"):
            a += 1
            lines.append(f"A{a}\t{key.capitalize()} T{t} {row[key].replace('/', '_')}")
    return lines


def _brat_offsets(fragments) -> str:
    return ";".join(f"{s} {e}" for s, e in fragments)


def write_brat(out: Path) -> list[Path]:
    written = []
    claims = tables.claims()
    for doc in tables.documents()["doc"]:
        txt, ann = out / f"{doc}.txt", out / f"{doc}.ann"
        source = tables.source_text(doc)
        atomic_write(txt, source)
        atomic_write(ann, "\n".join(brat_lines(doc, claims, source)) + "\n")
        written += [txt, ann]
    return written


def export(fmt: str, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return {"jsonl": write_jsonl, "csv": write_csv, "brat": write_brat}[fmt](out)
