"""Framings side by side: one event seen by every voice (a column per stance), or two voices
(a column each). A ``Framing`` carries everything a card or a handout shows about a sentence:
the quote with its cue words, its stance and where the label came from, the voice, the
footnotes and citations behind it, and a link into the reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from pipeline.dashboard import marks
from pipeline.dashboard.data import Corpus
from pipeline.dashboard.filters import link
from pipeline.dashboard.render import highlight, highlight_md
from pipeline.dashboard.stances import STANCES, label

PER_COLUMN = 60
MARKUP = re.compile(r"^\s*<sup>\s*\d+\s*</sup>\s*|\*+|<(?=https?://)|(?<=\S)>(?=\s|$)")


@dataclass(frozen=True)
class Framing:
    """One sentence as a framing: what it says, in which stance, in whose voice, on what authority."""

    doc: str
    doc_title: str
    sentence_id: str
    index: int
    text: str
    stance: str
    stance_source: str
    speaker: str
    voice_type: str
    alignment: str
    events: tuple[str, ...]
    cues: tuple[tuple[str, str], ...]
    notes: tuple[tuple[int, str], ...]
    citations: tuple[str, ...]
    quote_html: str
    quote_md: str
    href: str


@dataclass(frozen=True)
class Contrast:
    """Columns of framings under a title; ``hidden`` counts framings left out for length."""

    title: str
    scope: str
    columns: tuple[tuple[str, tuple[Framing, ...]], ...]
    hidden: int = 0

    def framings(self) -> list[Framing]:
        return [f for _, column in self.columns for f in column]


def plain(text: str) -> str:
    """A footnote or citation as plain text: marker, Markdown asterisks and URL brackets out."""
    return MARKUP.sub("", text).strip()


def framing(corpus: Corpus, row: pd.Series) -> Framing:
    doc = row["doc"]
    notes = _notes(corpus, doc, row["notes"])
    return Framing(
        doc=doc,
        doc_title=row["doc_title"],
        sentence_id=row["sentence_id"],
        index=int(row["index"]),
        text=row["text"],
        stance=row["stance"],
        stance_source=row["stance_source"],
        speaker=row["speaker"],
        voice_type=row["voice_type"],
        alignment=str(row.get("alignment") or ""),
        events=tuple(corpus.event_name(e) for e in row["events"]),
        cues=tuple((str(c.get("text", "")), str(c.get("stance", ""))) for c in row["cues"]),
        notes=notes,
        citations=_citations(corpus, doc, row, {n for n, _ in notes}),
        quote_html=highlight(
            corpus.sources[doc], row["fragments"], row["cues"], corpus.visible.get(doc, ()), marks.inserts(corpus, doc, row["fragments"])
        ),
        quote_md=highlight_md(corpus.sources[doc], row["fragments"], row["cues"], corpus.visible.get(doc, ())),
        href=link("reader", doc=doc, sentence=row["sentence_id"]),
    )


def framings(corpus: Corpus, rows: pd.DataFrame) -> tuple[Framing, ...]:
    return tuple(framing(corpus, row) for _, row in rows.iterrows())


def _notes(corpus: Corpus, doc: str, numbers: Iterable[int]) -> tuple[tuple[int, str], ...]:
    texts = corpus.derived(("notes", doc), lambda: _note_texts(corpus, doc))
    return tuple((int(n), texts[n]) for n in numbers if n in texts)


def _note_texts(corpus: Corpus, doc: str) -> dict[int, str]:
    notes = corpus.layer("footnote", doc)
    if notes.empty or "number" not in notes:
        return {}
    return {int(n): text for n, text in zip(notes["number"], notes["text"], strict=True)}


def _citations(corpus: Corpus, doc: str, row: pd.Series, notes: set[int]) -> tuple[str, ...]:
    """Works cited inside the sentence, or in one of its footnotes."""
    cited = corpus.derived(("citations", doc), lambda: _cited(corpus, doc))
    fragments = row["fragments"]
    chosen = (text for start, end, note, text in cited if note in notes or any(s <= start and end <= e for s, e in fragments))
    return tuple(dict.fromkeys(chosen))


def _cited(corpus: Corpus, doc: str) -> list[tuple[int, int, object, str]]:
    """A document's citations as (start, end, note number, display text)."""
    cited = corpus.layer("citation", doc)
    if cited.empty:
        return []
    notes = cited["note"] if "note" in cited else pd.Series(None, index=cited.index)
    return [(int(c["start"]), int(c["end"]), note, _citation(corpus, c)) for (_, c), note in zip(cited.iterrows(), notes, strict=True)]


def _citation(corpus: Corpus, row: pd.Series) -> str:
    """'Polly Jones (2006), The Dilemmas of De-Stalinisation' from a citation's attributes, else its text."""
    title = row.get("title")
    if not isinstance(title, str) or not title:
        return plain(row["text"])
    authors = row.get("authors")
    who = ", ".join(corpus.entity_name(a) for a in authors) if isinstance(authors, list | tuple) else ""
    year = row.get("year")
    year_text = f" ({int(year)})" if isinstance(year, int | float) and year == year else ""
    return f"{who}{year_text}, {title}" if who else f"{title}{year_text}"


def by_event(corpus: Corpus, claims: pd.DataFrame, event: str, scope: str = "", include_none: bool = False) -> Contrast:
    """Every voice on one event, a column per stance (power play, mixed, liberalisation[, none])."""
    rows = claims[claims["events"].map(lambda events: event in events)]
    stances = STANCES if include_none else tuple(s for s in STANCES if s != "none")
    columns, hidden = [], 0
    for stance in stances:
        group = rows[rows["stance"] == stance]
        hidden += max(len(group) - PER_COLUMN, 0)
        columns.append((label(stance), framings(corpus, group.head(PER_COLUMN))))
    return Contrast(f"{corpus.event_name(event)}: the framings side by side", scope, tuple(columns), hidden)


def by_voices(corpus: Corpus, claims: pd.DataFrame, first: str, second: str, event: str | None = None, scope: str = "") -> Contrast:
    """Two voices side by side, optionally on one event."""
    if event:
        claims = claims[claims["events"].map(lambda events: event in events)]
    columns, hidden = [], 0
    for voice in (first, second):
        group = claims[claims["speaker"] == voice]
        hidden += max(len(group) - PER_COLUMN, 0)
        columns.append((voice, framings(corpus, group.head(PER_COLUMN))))
    on = f" on {corpus.event_name(event)}" if event else ""
    return Contrast(f"{first} and {second}{on}", scope, tuple(columns), hidden)
