"""What a sentence carries besides its words, placed where it stood in the source: footnote
numbers (their markers are hidden source) and lost names. Shared by cards and mention lists.

Each document's points are indexed once (sorted offsets, kept with the corpus), so a card
costs a bisection, not a scan of the layer."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import pandas as pd

from pipeline.dashboard.data import Corpus
from pipeline.dashboard.render import Insert, lacuna_mark, note_ref


def inserts(corpus: Corpus, doc: str, fragments: list) -> list[Insert]:
    """Note numbers where the markers stood (a marker right after the full stop still belongs to
    the sentence), and lost names where they were cut out."""
    positions, points = corpus.derived(("points", doc), lambda: _points(corpus, doc))
    out = []
    for start, end in fragments:
        out += points[bisect_left(positions, start) : bisect_right(positions, end)]
    return out


def _points(corpus: Corpus, doc: str) -> tuple[list[int], list[Insert]]:
    points = []
    markers = corpus.layer("footnote_marker", doc)
    for _, marker in markers.iterrows():
        points.append(note_ref(element_start(marker), int(marker["number"])))
    lost = corpus.layer("lacuna", doc)
    for row in lost.itertuples(index=False):
        points.append(Insert(int(row.start), lacuna_mark(row.restoration, row.confidence, bool(row.gold)), rank=3))
    points.sort(key=lambda insert: (insert.at, insert.rank))
    return [p.at for p in points], points


def element_start(marker: pd.Series) -> int:
    """Where a footnote marker's whole ``<sup>…</sup>`` element starts."""
    element = marker.get("element")
    return int(element[0]) if isinstance(element, list | tuple) and element else int(marker["start"])
