"""The layout of one source text: typed spans over the unmodified source."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Fragments = tuple[tuple[int, int], ...]


class HasFragments:
    """First and last source offset of anything stand-off (layout spans, records)."""

    fragments: Fragments

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


@dataclass(frozen=True)
class Span(HasFragments):
    """A layout span: a layer, a label, fragments into the source, and attributes."""

    layer: str
    label: str
    fragments: Fragments
    attrs: dict[str, Any] = field(default_factory=dict, compare=False)

    def text(self, source: str) -> str:
        return " ".join(source[s:e] for s, e in self.fragments)


@dataclass
class Layout:
    """Everything the layout readers find in one document.

    ``body`` lists the body paragraphs (abstract or lead first) in reading order; ``hidden``
    lists the inline source ranges that reading-order text leaves out (footnote markers,
    Markdown emphasis marks, labels such as "**Abstract:**").
    """

    doc_id: str
    source: str
    spans: list[Span] = field(default_factory=list)
    hidden: list[tuple[int, int]] = field(default_factory=list)

    def add(self, layer: str, label: str, fragments: Fragments | list, **attrs: Any) -> Span:
        span = Span(layer, label, tuple(tuple(f) for f in fragments), attrs)
        self.spans.append(span)
        return span

    def layer(self, name: str, label: str | None = None) -> list[Span]:
        found = [s for s in self.spans if s.layer == name and (label is None or s.label == label)]
        return sorted(found, key=lambda s: (s.start, s.end))
