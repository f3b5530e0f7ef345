"""Source text -> ``Layout``: one reader per source convention, one ``Layout`` type out."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.layout import encyclopedia, markdown_essay
from pipeline.layout.model import Layout, Span
from pipeline.layout.offsets import Stream

READERS: dict[str, Callable[[str, str], Layout]] = {
    "markdown-essay": markdown_essay.parse,
    "plain-encyclopedia": encyclopedia.parse,
    "plain": encyclopedia.parse,
}


def parse(doc_id: str, source: str, fmt: str) -> Layout:
    """The layout of ``source`` read with the reader for its catalogue format."""
    return READERS[fmt](doc_id, source)


def body_stream(layout: Layout) -> Stream:
    """The body (abstract or lead, then paragraphs) in reading order."""
    units = [p.fragments for p in layout.layer("paragraph")]
    return Stream(layout.source, units, layout.hidden)


def notes_stream(layout: Layout) -> Stream:
    """Footnotes in number order, one unit each."""
    notes = sorted(layout.layer("footnote"), key=lambda n: n.attrs["number"])
    return Stream(layout.source, [n.fragments for n in notes], layout.hidden)


__all__ = ["Layout", "Span", "Stream", "body_stream", "notes_stream", "parse"]
