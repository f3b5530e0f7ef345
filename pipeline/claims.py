"""The claims table: one row per body sentence, predicted labels with gold laid over them
where adjudicated gold exists (each label says which it is)."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

import pandas as pd

from pipeline.records import Record
from pipeline.store import gold_dir, read_layer, silver_dir

LABEL_FIELDS = ("stance", "voice", "voice_type", "alignment", "events")


def overlap(a: Record, b: Record) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.fragments for s2, e2 in b.fragments)


def align(gold: list[Record], predicted: list[Record]) -> dict[str, Record]:
    """Predicted sentence id -> the gold record covering most of it (sentences may be split
    differently once segmentation changes; offsets, not ids, decide)."""
    out: dict[str, Record] = {}
    ordered = sorted(gold, key=lambda r: r.start)
    for p in predicted:
        candidates = [g for g in ordered if g.start < p.end and p.start < g.end]
        best = max(candidates, key=lambda g: overlap(g, p), default=None)
        if best is not None and overlap(best, p) * 2 > sum(e - s for s, e in p.fragments):
            out[p.id] = best
    return out


def entity_row(e: Record) -> dict:
    keys = ("kb_id", "name", "role")
    return {"text": e.text, "label": e.label, **{k: e.attrs.get(k) for k in keys}, "start": e.start, "end": e.end}


def entities_in(claim: Record, entities: list[Record], starts: list[int]) -> list[Record]:
    """Entities inside the claim's fragments (not inside a note block that cuts it in two)."""
    out = []
    for s, e in claim.fragments:
        i = bisect_left(starts, s)
        while i < len(entities) and entities[i].start < e:
            if entities[i].end <= e:
                out.append(entities[i])
            i += 1
    return out


def gold_claims(doc: str, root: Path | None = None) -> list[Record]:
    path = gold_dir(root) / "adjudicated" / f"{doc}.claim.jsonl"
    return read_layer(path) if path.is_file() else []


def rows(doc: str, root: Path | None = None) -> list[dict]:
    """The claims of one document as table rows."""
    silver = silver_dir(root)
    predicted = read_layer(silver / f"{doc}.claim.jsonl")
    sentences = {r.fragments: r for r in read_layer(silver / f"{doc}.sentence.jsonl") if r.label == "body"}
    entities = sorted(read_layer(silver / f"{doc}.entity.jsonl"), key=lambda e: e.start)
    entity_starts = [e.start for e in entities]
    gold = align(gold_claims(doc, root), predicted)
    out = []
    for claim in predicted:
        sentence = sentences.get(claim.fragments)
        attrs = sentence.attrs if sentence else {}
        row = {
            "doc": doc,
            "sentence_id": f"sentence-{claim.start}-{claim.end}",
            "index": attrs.get("index"),
            "paragraph": attrs.get("paragraph"),
            "section": attrs.get("section"),
            "start": claim.start,
            "end": claim.end,
            "fragments": [list(f) for f in claim.fragments],
            "text": attrs.get("reading", claim.text),
            "stance": claim.label,
            **{f"score_{k}": v for k, v in claim.attrs["scores"].items()},
            **{k: claim.attrs[k] for k in ("voice", "voice_type", "alignment", "events", "cues", "evidence")},
            "notes": attrs.get("notes", []),
            "entities": [entity_row(e) for e in entities_in(claim, entities, entity_starts)],
        }
        g = gold.get(claim.id)
        for field in LABEL_FIELDS:
            row[f"{field}_source"] = "predicted"
            if g is not None:
                row[field] = g.label if field == "stance" else g.attrs.get(field)
                row[f"{field}_source"] = "gold"
        out.append(row)
    return out


def table(docs: list[str], root: Path | None = None) -> pd.DataFrame:
    frame = pd.DataFrame([row for doc in docs for row in rows(doc, root)]).astype({"section": object})
    frame["section"] = frame["section"].where(frame["section"].notna(), None)
    return frame.sort_values(["doc", "index"], kind="stable").reset_index(drop=True) if not frame.empty else frame
