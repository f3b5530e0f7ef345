"""``python -m pipeline evaluate lacunae``: lost-name marks against the gold list.

A predicted mark matches a gold mark within two characters (the gap between two words can
be marked before or after the space); each gold mark matches at most one prediction.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.evaluate.scoring import markdown_table
from pipeline.records import Record
from pipeline.store import gold_dir, read_layer, silver_dir

TOLERANCE = 2


def match(gold: list[int], predicted: list[int]) -> int:
    free = sorted(gold)
    hits = 0
    for p in sorted(predicted):
        near = [g for g in free if abs(g - p) <= TOLERANCE]
        if near:
            free.remove(min(near, key=lambda g: abs(g - p)))
            hits += 1
    return hits


def restorations(gold: list[Record], predicted: list[Record]) -> tuple[int, int]:
    """(proposed restorations equal to the gold's, restorations proposed on matched marks)."""
    by_pos = {g.start: g for g in gold}
    right = proposed = 0
    for p in predicted:
        name = p.attrs.get("restoration")
        near = [by_pos[k] for k in by_pos if abs(k - p.start) <= TOLERANCE]
        if name and near:
            proposed += 1
            right += (near[0].attrs.get("restoration") or "").lower() == name.lower()
    return right, proposed


def report(root: Path | None = None) -> str:
    rows = []
    for path in sorted((gold_dir(root) / "adjudicated").glob("*.lacuna.jsonl")):
        doc = path.name.split(".")[0]
        gold = read_layer(path)
        predicted = read_layer(silver_dir(root) / f"{doc}.lacuna.jsonl")
        hits = match([g.start for g in gold], [p.start for p in predicted])
        right, proposed = restorations(gold, predicted)
        precision, recall = hits / max(len(predicted), 1), hits / max(len(gold), 1)
        rows.append([doc, len(gold), len(predicted), precision, recall, f"{right}/{proposed}"])
    return "Lost names (marks within 2 characters):\n\n" + markdown_table(
        ["document", "gold", "predicted", "precision", "recall", "restorations right/proposed"], rows
    )
