"""``python -m pipeline evaluate lacunae``: lost-name marks against the gold list, and on
text the rules were not written on.

A predicted mark matches a gold mark within two characters (the gap between two words can
be marked before or after the space); each gold mark matches at most one prediction.

The rules were developed on the encyclopedia, the only text that lost its names. To see how
they carry to other prose, the essay (which lost none) has names cut out of its body the way
the encyclopedia's extraction cut them, a random half of its gold entity mentions per seed,
and the marks are scored against the cuts.
"""

from __future__ import annotations

import random
from pathlib import Path

from pipeline import layout
from pipeline.catalog import get_document
from pipeline.evaluate.scoring import markdown_table
from pipeline.records import Record
from pipeline.store import gold_dir, read_layer, silver_dir

TOLERANCE = 2
CUT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP", "WORK_OF_ART", "DATE")
CUT_RATE = 0.5
SEEDS = (0, 1, 2, 3, 4)


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


def cut_names(source: str, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """``source`` with each span cut out as the extraction did it ("in the X and" -> "in the
    and"): the name and one of the spaces around it go; each gap is the offset of the
    character that follows it in the new text."""
    parts: list[str] = []
    gaps: list[int] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            continue
        parts.append(source[last:start])
        gaps.append(sum(map(len, parts)))
        last = end + 1 if source[start - 1 : start] == " " and source[end : end + 1] == " " else end
    parts.append(source[last:])
    return "".join(parts), gaps


def body_spans(doc_id: str, source: str, fmt: str, root: Path | None = None) -> list[tuple[int, int]]:
    """Gold entity mentions of the cut labels that lie inside body paragraphs."""
    paragraphs = [f for p in layout.parse(doc_id, source, fmt).layer("paragraph") for f in p.fragments]
    entities = read_layer(gold_dir(root) / "adjudicated" / f"{doc_id}.entity.jsonl")
    return [(e.start, e.end) for e in entities if e.label in CUT_LABELS and any(s <= e.start and e.end <= t for s, t in paragraphs)]


def unseen(doc_id: str = "seniuc-2020", root: Path | None = None) -> list[list]:
    """Per seed: names cut, marks, precision, recall on the essay with half its names cut."""
    from pipeline.nlp import document as nlp_document

    doc = get_document(doc_id)
    source = doc.read()
    spans = body_spans(doc_id, source, doc.format, root)
    rows = []
    for seed in SEEDS:
        chosen = random.Random(seed).sample(spans, round(len(spans) * CUT_RATE))
        cut, gaps = cut_names(source, chosen)
        prepared = nlp_document.prepare(layout.parse(doc_id, cut, doc.format))
        ((_, spacy_doc),) = nlp_document.process([prepared], disable=("destal_stance", "destal_voices"))
        predicted = [r.start for r in nlp_document.lacuna_records(prepared, spacy_doc)]
        hits = match(gaps, predicted)
        rows.append([seed, len(gaps), len(predicted), hits / max(len(predicted), 1), hits / max(len(gaps), 1)])
    return rows


def report(root: Path | None = None, with_unseen: bool = True) -> str:
    rows = []
    for path in sorted((gold_dir(root) / "adjudicated").glob("*.lacuna.jsonl")):
        doc = path.name.split(".")[0]
        gold = read_layer(path)
        predicted = read_layer(silver_dir(root) / f"{doc}.lacuna.jsonl")
        hits = match([g.start for g in gold], [p.start for p in predicted])
        right, proposed = restorations(gold, predicted)
        precision, recall = hits / max(len(predicted), 1), hits / max(len(gold), 1)
        rows.append([doc, len(gold), len(predicted), precision, recall, f"{right}/{proposed}"])
    out = "Lost names (marks within 2 characters):\n\n" + markdown_table(
        ["document", "gold", "predicted", "precision", "recall", "restorations right/proposed"], rows
    )
    if not with_unseen:
        return out
    seeds = unseen(root=root)
    average = [sum(r[k] for r in seeds) / len(seeds) for k in range(1, 5)]
    mean = ["mean", f"{average[0]:.1f}", f"{average[1]:.1f}", *average[2:]]
    return (
        out
        + f"\n\nUnseen text: seniuc-2020 with {CUT_RATE:.0%} of its body names ({', '.join(CUT_LABELS)}) cut out, per seed:\n\n"
        + markdown_table(["seed", "names cut", "predicted", "precision", "recall"], [*seeds, mean])
    )
