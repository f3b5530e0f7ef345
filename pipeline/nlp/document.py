"""Layout -> one spaCy ``Doc`` per document -> stand-off records.

The Doc's text is the document's reading order: headings, body paragraphs, then footnotes,
one unit each, so components see the whole document (a surname in a note links to the full
name in the body) but never join across units. Every span goes back to source fragments
through the stream's map.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from pipeline import PRODUCER
from pipeline.catalog import Document
from pipeline.layout import Layout, Stream, parse
from pipeline.nlp import extensions
from pipeline.nlp.engine import Engine, default_engine
from pipeline.nlp.kb import load as load_kb
from pipeline.records import Record, make_record


@dataclass
class Prepared:
    """A document ready for NLP: its stream, and for each unit its kind and layout span."""

    layout: Layout
    stream: Stream
    units: list[tuple[str, object]]

    def doc(self, engine: Engine | None = None) -> Doc:
        doc = (engine or default_engine()).make_doc(self.stream.text)
        extensions.ensure(doc)
        doc._.units = [(s, e, kind, i) for i, ((s, e), (kind, _)) in enumerate(zip(self.stream.unit_ranges, self.units, strict=True))]
        doc._.context = {
            "doc_id": self.layout.doc_id,
            "title": title(self.layout),
            "cited_authors": cited_authors(self.layout),
            "italic": [span for e in self.layout.layer("emphasis", "italic") if (span := self.stream.span(e.fragments))],
            "markers": self.markers(),
            "note_numbers": {
                s: span.attrs["number"] for (s, _), (kind, span) in zip(self.stream.unit_ranges, self.units, strict=True) if kind == "note"
            },
        }
        return doc

    def markers(self) -> list[tuple[int, int]]:
        """Footnote markers as (stream position of the character before them, note number)."""
        out = []
        for marker in self.layout.layer("footnote_marker"):
            j = marker.attrs["element"][0] - 1
            while j >= 0 and self.stream.to_stream(j) is None:
                j -= 1
            position = self.stream.to_stream(j) if j >= 0 else None
            if position is not None:
                out.append((position, marker.attrs["number"]))
        return sorted(out)


def prepare(layout: Layout) -> Prepared:
    headings = layout.layer("heading")
    paragraphs = layout.layer("paragraph")
    notes = sorted(layout.layer("footnote"), key=lambda n: n.attrs["number"])
    units = [("heading", h) for h in headings] + [("body", p) for p in paragraphs] + [("note", n) for n in notes]
    stream = Stream(layout.source, [span.fragments for _, span in units], layout.hidden)
    return Prepared(layout, stream, units)


def prepare_document(doc: Document) -> Prepared:
    """A catalogued document read, checked, laid out and put in reading order."""
    return prepare(parse(doc.id, doc.read(), doc.format))


def title(layout: Layout) -> str | None:
    zones = layout.layer("zone", "title")
    return zones[0].text(layout.source).strip() if zones else None


def cited_authors(layout: Layout) -> list[str]:
    """Names of the authors the document cites in its bibliography or reference list."""
    names = {name for ref in layout.layer("reference") for name in ref.attrs.get("authors") or []}
    return sorted(names)


def process(prepared: list[Prepared], disable: tuple[str, ...] = (), engine: Engine | None = None) -> Iterator[tuple[Prepared, Doc]]:
    """Run the engine's pipeline (less ``disable``) over prepared documents."""
    engine = engine or default_engine()
    docs = [p.doc(engine) for p in prepared]
    yield from zip(prepared, engine.pipe(docs, disable), strict=True)


def records(prepared: Prepared, doc: Doc) -> list[Record]:
    """The NLP layers of one document as stand-off records."""
    return [
        *sentence_records(prepared, doc),
        *entity_records(prepared, doc),
        *event_records(prepared, doc),
        *lacuna_records(prepared, doc),
        *claim_records(prepared, doc),
        *citation_records(prepared, doc),
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
    units = doc._.units
    i = bisect_right(units, (char, float("inf"))) - 1
    if i >= 0 and units[i][0] <= char < units[i][1]:
        return units[i][2], units[i][3]
    raise ValueError(f"character {char} is in no unit")


def sentence_records(prepared: Prepared, doc: Doc) -> list[Record]:
    markers = marker_positions(prepared.layout)
    sections = section_starts(prepared.layout)
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
            attrs |= {
                "index": body_index,
                "paragraph": span.attrs.get("index"),
                "section": section_of(sections, span.start),
                "reading": text,
            }
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


def section_starts(layout: Layout) -> list[tuple[int, str]]:
    """(start, title) of each section heading (below the document title), in order."""
    headings = (h for h in layout.layer("heading") if h.attrs.get("level", 1) > 1)
    return [(h.start, h.attrs.get("title") or h.text(layout.source)) for h in headings]


def section_of(sections: list[tuple[int, str]], position: int) -> str | None:
    """The title of the last section heading that starts before ``position``."""
    i = bisect_left(sections, position, key=lambda s: s[0]) - 1
    return sections[i][1] if i >= 0 else None


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


def _spans(prepared: Prepared, items: list[tuple[str, int, int, dict]]) -> list[dict]:
    """Doc character ranges -> dicts with source offsets, for attrs."""
    out = []
    for text, start, end, extra in items:
        fragments = prepared.stream.fragments(start, end)
        if fragments:
            out.append({"text": text, "start": fragments[0][0], "end": fragments[-1][1], **extra})
    return out


def sentence_events(doc: Doc, start: int, end: int) -> list[str]:
    mentions = doc._.event_mentions
    first = bisect_left(mentions, (start,))
    events = sorted({event for s, _, event, _ in mentions[first:] if s < end} if mentions else set())
    if not events and "stalini" in extensions.text(doc)[start:end].lower():
        events = ["general"]
    return events


def citation_records(prepared: Prepared, doc: Doc) -> list[Record]:
    """Works cited in footnotes, and bibliography or reference entries linked to the same ids."""
    kb = load_kb()
    out = []
    for number, start, end, work, title, authors, ibid in doc._.citations:
        attrs = {"note": number, "work": work, "title": title, "authors": authors, "ibid": ibid}
        record = _record(prepared, "citation", "footnote", start, end, attrs, qualifier=work.split(":", 1)[1])
        if record:
            out.append(record)
    layout = prepared.layout
    for entry in layout.layer("reference"):
        work = work_for_title(entry.attrs.get("title"))
        if work:
            attrs = {"work": work, "title": kb.entries[work].name, "authors": kb.entries[work].extra.get("authors") or []}
            if "number" in entry.attrs:
                attrs["reference"] = entry.attrs["number"]
            label = "bibliography" if entry.label == "bibliography_entry" else "reference"
            out.append(make_record(layout.doc_id, layout.source, "citation", label, entry.fragments, attrs, PRODUCER))
    return out


def work_for_title(title: str | None) -> str | None:
    """The gazetteer work a parsed bibliography title names (case- and accent-insensitive)."""
    if not title:
        return None
    return works_by_title().get(title_key(title))


def title_key(title: str) -> str:
    """A title compared case- and accent-insensitively, without trailing punctuation."""
    from pipeline.nlp.linking import fold

    return fold(title).rstrip(" .,")


@cache
def works_by_title() -> dict[str, str]:
    """Title key -> id of each gazetteer work (the first work listed wins a shared alias)."""
    index: dict[str, str] = {}
    for entry in load_kb().entries.values():
        if entry.label == "WORK_OF_ART" and entry.id.startswith("work:"):
            for alias in entry.aliases:
                index.setdefault(title_key(alias), entry.id)
    return index


def claim_records(prepared: Prepared, doc: Doc) -> list[Record]:
    """One claim per body sentence: stance with scores and cues, voice with evidence, events."""
    out = []
    for sent_start, stance in doc._.stances.items():
        raw = extensions.text(doc)[sent_start : stance.end]
        start = sent_start + (len(raw) - len(raw.lstrip()))
        end = start + len(raw.strip())
        voice = doc._.voices.get(sent_start)
        cues = _spans(
            prepared, [(c.text, c.start, c.end, {"stance": c.effective[0], "weight": round(c.effective[1], 3)}) for c in stance.cues]
        )
        evidence = _spans(prepared, [(extensions.text(doc)[s:e], s, e, {"kind": k}) for k, s, e in (voice.evidence if voice else [])])
        attrs = {
            "scores": {k: round(v, 4) for k, v in stance.scores.items()},
            "voice": voice.name if voice else "author",
            "voice_type": voice.type if voice else "author",
            "alignment": voice.alignment if voice else "n/a",
            "voice_kb_id": voice.kb_id if voice else None,
            "events": sentence_events(doc, start, end),
            "cues": cues,
            "evidence": evidence,
        }
        record = _record(prepared, "claim", stance.label, start, end, attrs, round(max(stance.scores.values()), 4))
        if record:
            out.append(record)
    return out


__all__ = ["Prepared", "prepare", "process", "records"]
