"""Layout -> one spaCy ``Doc`` per document -> stand-off records.

The Doc's text is the document's reading order: headings, body paragraphs, then footnotes,
one unit each, so components see the whole document (a surname in a note links to the full
name in the body) but never join across units. Every span goes back to source fragments
through the stream's map.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline import PRODUCER
from pipeline.layout import Layout, Stream
from pipeline.nlp import extensions
from pipeline.nlp.engine import load
from pipeline.records import Record, make_record

KINDS = ("heading", "body", "note")


@dataclass
class Prepared:
    """A document ready for NLP: its stream, and for each unit its kind and layout span."""

    layout: Layout
    stream: Stream
    units: list[tuple[str, object]]

    def doc(self) -> Doc:
        nlp = load()
        doc = nlp.make_doc(self.stream.text)
        extensions.ensure(doc)
        doc._.units = [(s, e, kind, i) for i, ((s, e), (kind, _)) in enumerate(zip(self.stream.unit_ranges, self.units, strict=True))]
        doc._.context = {
            "doc_id": self.layout.doc_id,
            "title": title(self.layout),
            "cited_authors": cited_authors(self.layout),
            "italic": [span for e in self.layout.layer("emphasis", "italic") if (span := self.stream.span(e.fragments))],
        }
        return doc


def prepare(layout: Layout) -> Prepared:
    headings = layout.layer("heading")
    paragraphs = layout.layer("paragraph")
    notes = sorted(layout.layer("footnote"), key=lambda n: n.attrs["number"])
    units = [("heading", h) for h in headings] + [("body", p) for p in paragraphs] + [("note", n) for n in notes]
    stream = Stream(layout.source, [span.fragments for _, span in units], layout.hidden)
    return Prepared(layout, stream, units)


def title(layout: Layout) -> str | None:
    zones = layout.layer("zone", "title")
    return zones[0].text(layout.source).strip() if zones else None


def cited_authors(layout: Layout) -> list[str]:
    """Names of the authors the document cites in its bibliography or reference list."""
    names = {name for ref in layout.layer("reference") for name in ref.attrs.get("authors") or []}
    return sorted(names)


def process(prepared: list[Prepared]) -> Iterator[tuple[Prepared, Doc]]:
    """Run the configured pipeline over prepared documents."""
    nlp = load()
    docs = (p.doc() for p in prepared)
    yield from zip(prepared, nlp.pipe(docs, batch_size=4), strict=True)


def records(prepared: Prepared, doc: Doc) -> list[Record]:
    """The NLP layers of one document as stand-off records."""
    return [
        *sentence_records(prepared, doc),
        *entity_records(prepared, doc),
        *event_records(prepared, doc),
        *lacuna_records(prepared, doc),
    ]


def _record(
    prepared: Prepared, layer: str, label: str, start: int, end: int, attrs: dict, score: float | None = None, qualifier: str = ""
) -> Record | None:
    fragments = prepared.stream.fragments(start, end)
    if not fragments:
        return None
    layout = prepared.layout
    return make_record(layout.doc_id, layout.source, layer, label, fragments, attrs, PRODUCER, score, qualifier)


def unit_of(doc: Doc, char: int) -> tuple[str, int]:
    for start, end, kind, index in doc._.units:
        if start <= char < end:
            return kind, index
    raise ValueError(f"character {char} is in no unit")


def sentence_records(prepared: Prepared, doc: Doc) -> list[Record]:
    markers = marker_positions(prepared.layout)
    body_index = 0
    out = []
    body_starts: list[tuple[int, Record]] = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        kind, unit = unit_of(doc, start)
        span = prepared.units[unit][1]
        attrs: dict = {"unit": kind}
        if kind == "body":
            attrs |= {"index": body_index, "paragraph": span.attrs.get("index"), "section": section_of(prepared.layout, span.start)}
            body_index += 1
        elif kind == "note":
            attrs["note"] = span.attrs["number"]
        record = _record(prepared, "sentence", kind, start, start + len(text), attrs)
        if record:
            out.append(record)
            if kind == "body":
                body_starts.append((record.start, record))
    attach_markers(body_starts, markers)
    return out


def marker_positions(layout: Layout) -> list[tuple[int, int]]:
    return sorted((m.start, m.attrs["number"]) for m in layout.layer("footnote_marker"))


def attach_markers(body: list[tuple[int, Record]], markers: Iterable[tuple[int, int]]) -> None:
    """A marker belongs to the last body sentence that starts before it."""
    starts = [s for s, _ in body]
    for position, number in markers:
        i = bisect_right(starts, position) - 1
        if i >= 0:
            body[i][1].attrs.setdefault("notes", []).append(number)


def section_of(layout: Layout, position: int) -> str | None:
    title = None
    for heading in layout.layer("heading"):
        if heading.start < position and heading.attrs.get("level", 1) > 1:
            title = heading.attrs.get("title") or heading.text(layout.source)
    return title


def entity_records(prepared: Prepared, doc: Doc) -> list[Record]:
    out = []
    for ent in doc.ents:
        info = doc._.entity_info.get((ent.start_char, ent.end_char), {})
        kind, _ = unit_of(doc, ent.start_char)
        attrs = {"unit": kind, "source": info.get("source", "ner")}
        if ent.kb_id_:
            attrs |= {"kb_id": ent.kb_id_, "name": info.get("name", ent.text)}
        for key in ("role", "iso", "precision"):
            if key in info:
                attrs[key] = info[key]
        record = _record(prepared, "entity", ent.label_, ent.start_char, ent.end_char, attrs, info.get("link_score"))
        if record:
            out.append(record)
    return out


def event_records(prepared: Prepared, doc: Doc) -> list[Record]:
    out = []
    for start, end, event_id, kind in doc._.event_mentions:
        unit, _ = unit_of(doc, start)
        record = _record(prepared, "event_mention", event_id, start, end, {"kind": kind, "unit": unit}, qualifier=event_id)
        if record:
            out.append(record)
    return out


def lacuna_records(prepared: Prepared, doc: Doc) -> list[Record]:
    """Zero-width records at the source position of the character after each gap."""
    layout = prepared.layout
    out = []
    for position, name, confidence, score in doc._.lacunae:
        source = prepared.stream.to_source(position)
        if source is None:
            continue
        left = layout.source[max(0, source - 30) : source]
        right = layout.source[source : source + 30]
        attrs = {"restoration": name, "confidence": confidence, "left": left, "right": right}
        out.append(make_record(layout.doc_id, layout.source, "lacuna", "lacuna", ((source, source),), attrs, PRODUCER, score))
    return out


__all__ = ["KINDS", "Prepared", "prepare", "process", "records"]
