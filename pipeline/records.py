"""The stand-off record: one annotated span, pointing at the unmodified source."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pipeline.layout.model import Fragments, HasFragments, Span
from pipeline.paths import RESOURCES

FIELDS = ("doc", "layer", "id", "fragments", "text", "label", "attrs", "producer", "score")


@dataclass(frozen=True)
class Record(HasFragments):
    """One span of one layer; ``text`` is the fragments' source slices joined by a space."""

    doc: str
    layer: str
    id: str
    fragments: Fragments
    text: str
    label: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False)
    producer: str = ""
    score: float | None = None

    def to_json(self) -> str:
        data = {name: getattr(self, name) for name in FIELDS}
        data["fragments"] = [list(f) for f in self.fragments]
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls(
            doc=data["doc"],
            layer=data["layer"],
            id=data["id"],
            fragments=tuple(tuple(f) for f in data["fragments"]),
            text=data["text"],
            label=data["label"],
            attrs=data.get("attrs") or {},
            producer=data.get("producer", ""),
            score=data.get("score"),
        )


def span_text(source: str, fragments: Fragments) -> str:
    return " ".join(source[s:e] for s, e in fragments)


def record_id(layer: str, fragments: Fragments, qualifier: str = "") -> str:
    """Stable id from layer and offsets (and a qualifier where one span carries several
    labels), never from iteration order."""
    base = f"{layer}-{fragments[0][0]}-{fragments[-1][1]}"
    return f"{base}-{qualifier}" if qualifier else base


def make_record(
    doc: str,
    source: str,
    layer: str,
    label: str,
    fragments: Fragments,
    attrs: dict[str, Any],
    producer: str,
    score: float | None = None,
    qualifier: str = "",
) -> Record:
    fragments = tuple(tuple(f) for f in fragments)
    return Record(
        doc, layer, record_id(layer, fragments, qualifier), fragments, span_text(source, fragments), label, attrs, producer, score
    )


def from_span(doc: str, source: str, span: Span, producer: str) -> Record:
    return make_record(doc, source, span.layer, span.label, span.fragments, dict(span.attrs), producer)


def sort_key(record: Record) -> tuple:
    return (record.start, record.end, record.id)


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema every record validates against."""
    with open(RESOURCES / "record.schema.json", encoding="utf-8") as fh:
        return json.load(fh)
