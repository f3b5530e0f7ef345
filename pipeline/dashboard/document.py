"""A document in reading order as HTML: headings and body paragraphs from the source, with
sentences tinted by stance, voices named where they speak, entities underlined, footnotes
opened where their markers stand, and lost names marked where they were cut out.

Everything is placed by source offset (``render.overlay``); the source text is escaped there.
Gold and predicted labels look different: solid badges and marks for gold, dashed italic for
predicted.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import pandas as pd

from pipeline.dashboard.data import Corpus
from pipeline.dashboard.marks import element_start
from pipeline.dashboard.render import (
    Insert,
    Mark,
    anchor,
    cue_marks,
    esc,
    lacuna_mark,
    note_html,
    overlay,
    stance_badge,
    stance_class,
    voice_chip,
)


@dataclass(frozen=True)
class Options:
    """What the reader shows; hashable, so the rendered HTML can be cached per choice."""

    stances: bool = True
    voices: bool = True
    entities: bool = True
    footnotes_open: bool = True
    lacunae: bool = True
    target: str | None = None
    matched: frozenset[str] | None = None  # sentences passing the filters; others are dimmed


def render(corpus: Corpus, doc: str, options: Options) -> str:
    """The body of ``doc`` (headings and paragraphs, in source order) as one HTML block."""
    source = corpus.sources[doc]
    visible = corpus.visible.get(doc, ())
    claims = corpus.layer("claims", doc)
    marks = _sentence_marks(claims, options) + (_entity_marks(corpus.layer("entity", doc)) if options.entities else [])
    inserts = (
        _sentence_inserts(claims, options)
        + _footnotes(corpus, doc, options)
        + (_lacunae(corpus.layer("lacuna", doc)) if options.lacunae else [])
    )
    blocks = []
    paragraphs = corpus.layer("paragraph", doc)
    for kind, row in _blocks(corpus.layer("heading", doc), paragraphs):
        if kind == "heading":
            level = min(int(row.get("level") or 2), 4)
            blocks.append(f"<h{level}>{esc(row.get('title') or row['text'])}</h{level}>")
            continue
        fragments = [tuple(f) for f in row["fragments"]]
        lo, hi = fragments[0][0], fragments[-1][1]
        inside_marks = [m for m in marks if m.start < hi and m.end > lo]
        inside_inserts = [i for i in inserts if lo <= i.at <= hi]
        blocks.append(f'<div class="ds-para">{overlay(source, fragments, inside_marks, inside_inserts, visible)}</div>')
    return f'<div class="ds-reader">{"".join(blocks)}</div>'


def _blocks(headings: pd.DataFrame, paragraphs: pd.DataFrame) -> list[tuple[str, pd.Series]]:
    """Section headings and paragraphs in source order; the title and back-matter headings left out."""
    if paragraphs.empty:
        return []
    last = paragraphs["start"].max()
    items = [("paragraph", row) for _, row in paragraphs.iterrows()]
    if not headings.empty:
        level = headings["level"] if "level" in headings else pd.Series(2, index=headings.index)
        keep = headings[(level.fillna(2) > 1) & (headings["start"] < last)]
        items += [("heading", row) for _, row in keep.iterrows()]
    return sorted(items, key=lambda item: (item[1]["start"], item[0] != "heading"))


def _sentence_marks(claims: pd.DataFrame, options: Options) -> list[Mark]:
    marks = []
    for row in claims.itertuples(index=False):
        classes = ["ds-s"]
        if options.stances:
            classes.append(f"ds-{stance_class(row.stance)}")
        if options.target == row.sentence_id:
            classes.append("ds-target")
        if options.matched is not None and row.sentence_id not in options.matched:
            classes.append("ds-dim")
        title = f"{row.stance} ({row.stance_source}) · voice: {row.speaker}"
        marks.append(Mark(int(row.start), int(row.end), f'<span class="{" ".join(classes)}" title="{esc(title)}">', "</span>", rank=0))
        if options.stances:
            marks.extend(cue_marks(row.cues))
    return marks


def _sentence_inserts(claims: pd.DataFrame, options: Options) -> list[Insert]:
    """An anchor at each sentence start, the voice chip where someone else speaks, the stance badge after."""
    inserts = []
    for row in claims.itertuples(index=False):
        inserts.append(Insert(int(row.start), f'<a id="{anchor(row.sentence_id)}" class="ds-anchor"></a>', rank=0))
        if options.voices and row.voice_type != "author":
            inserts.append(Insert(int(row.start), voice_chip(row.speaker, row.voice_type, row.alignment), rank=1))
        if options.stances and (row.stance != "none" or row.stance_source == "gold"):
            inserts.append(Insert(int(row.end), stance_badge(row.stance, row.stance_source), rank=5))
    return inserts


def _entity_marks(mentions: pd.DataFrame) -> list[Mark]:
    marks = []
    if mentions.empty:
        return marks
    for row in mentions.itertuples(index=False):
        title = f"{row.name} · {row.label}" + (f" · {row.role}" if isinstance(row.role, str) else "")
        marks.append(
            Mark(int(row.start), int(row.end), f'<span class="ds-ent ds-ent-{esc(row.label)}" title="{esc(title)}">', "</span>", rank=1)
        )
    return marks


def _footnotes(corpus: Corpus, doc: str, options: Options) -> list[Insert]:
    """Each footnote where its marker stands: open (text shown inline) or folded to its number."""
    markers, notes = corpus.layer("footnote_marker", doc), corpus.layer("footnote", doc)
    if markers.empty or notes.empty:
        return []
    texts = dict(zip(notes["number"], notes["text"], strict=True))
    inserts = []
    for _, marker in markers.iterrows():
        number = int(marker["number"])
        at = element_start(marker)
        body = note_html(texts[number]) if number in texts else "(note text not found)"
        state = " open" if options.footnotes_open else ""
        inserts.append(
            Insert(at, f'<details class="ds-fn"{state}><summary>{number}</summary><span class="ds-fn-body">{body}</span></details>', rank=2)
        )
    return inserts


def _lacunae(lacunae: pd.DataFrame) -> list[Insert]:
    if lacunae.empty:
        return []
    return [
        Insert(int(row.start), lacuna_mark(row.restoration, row.confidence, bool(row.gold)), rank=3)
        for row in lacunae.itertuples(index=False)
    ]


def sentence_ids(corpus: Corpus, doc: str) -> Collection[str]:
    claims = corpus.layer("claims", doc)
    return set(claims["sentence_id"]) if not claims.empty else set()
