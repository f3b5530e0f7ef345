"""Where an entity is mentioned: each mention with the body sentence it sits in (or the words
around it, in a footnote or heading) and a link into the reader."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import pandas as pd

from pipeline.dashboard import marks
from pipeline.dashboard.data import Corpus
from pipeline.dashboard.filters import link
from pipeline.dashboard.render import Mark, esc, overlay

CONTEXT = 90


@dataclass(frozen=True)
class Mention:
    doc: str
    doc_title: str
    text: str
    unit: str
    sentence_id: str | None
    context_html: str
    href: str


def mentions_of(corpus: Corpus, kb_id: str, docs: tuple[str, ...] = (), limit: int = 200) -> tuple[list[Mention], int]:
    """The entity's mentions in reading order (at most ``limit``) and how many there are."""
    rows = corpus.mentions[corpus.mentions["kb_id"] == kb_id]
    if docs:
        rows = rows[rows["doc"].isin(docs)]
    return [_mention(corpus, row) for _, row in rows.head(limit).iterrows()], len(rows)


def _mention(corpus: Corpus, row: pd.Series) -> Mention:
    doc, start, end = row["doc"], int(row["start"]), int(row["end"])
    source = corpus.sources[doc]
    mark = Mark(start, end, "<mark class='ds-cue ds-none'>", "</mark>", rank=3)
    sentence = _sentence_at(corpus, doc, start)
    if sentence is not None:
        fragments = [tuple(f) for f in sentence["fragments"]]
        context = overlay(source, fragments, [mark], marks.inserts(corpus, doc, fragments), visible=corpus.visible.get(doc, ()))
        href = link("reader", doc=doc, sentence=sentence["sentence_id"])
        sentence_id = sentence["sentence_id"]
    else:
        lo, hi = max(start - CONTEXT, 0), min(end + CONTEXT, len(source))
        context = ("…" if lo else "") + overlay(source, [(lo, hi)], [mark]) + ("…" if hi < len(source) else "")
        href, sentence_id = link("reader", doc=doc), None
    unit = row.get("unit") if isinstance(row.get("unit"), str) else "body"
    return Mention(doc, corpus.title(doc), row["text"], unit, sentence_id, context, href)


def _sentence_at(corpus: Corpus, doc: str, position: int) -> pd.Series | None:
    claims = _doc_claims(corpus, doc)
    if claims.empty:
        return None
    starts = corpus.derived(("sentence_starts", doc), lambda: claims["start"].tolist())
    i = bisect_right(starts, position) - 1
    if i >= 0 and claims.iloc[i]["end"] > position:
        return claims.iloc[i]
    return None


def _doc_claims(corpus: Corpus, doc: str) -> pd.DataFrame:
    return corpus.layer("claims", doc)


def mention_html(mention: Mention) -> str:
    where = f"{esc(mention.doc_title)}" + ("" if mention.unit == "body" else f" ({esc(mention.unit)})")
    return (
        f"<div class='ds-card ds-none'><div class='ds-quote'>{mention.context_html}</div>"
        f"<div class='ds-meta'>{where} · <a href='{esc(mention.href)}' target='_blank' rel='noopener'>open in the reader ↗</a></div></div>"
    )
