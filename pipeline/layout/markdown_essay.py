"""Layout of an essay converted from a paginated PDF to Markdown.

Conventions of this source type: a ``## `` title, an author line, a ``**Abstract:**``
paragraph, footnote markers ``<sup>N</sup>``, and each page's notes after a ``---`` line.
A note block can cut a body sentence in two; a note can continue at the top of the next
page's block (a paragraph with no number) or on a bare ``<https://…>`` line; notes may
follow the Appendices heading; the back matter is appendices and a ``- `` bibliography.
"""

from __future__ import annotations

import re

from pipeline.layout.blocks import MARKER, NUMBER, emphasis, ends_sentence, iter_blocks, iter_lines, strip_span
from pipeline.layout.model import Layout
from pipeline.layout.references import parse_bibliography_entry

NOTE_START = re.compile(r"<sup>\s*(\d+)\s*</sup>\s*")
BARE_URL = re.compile(r"<https?://\S+>\s*$")
HEADING = re.compile(r"(#{1,6})\s+(.*)$")
ABSTRACT = re.compile(r"\*\*Abstract:?\*\*:?\s*")
APPENDIX_TITLE = re.compile(r"(?:#{1,6}\s+)?Appendix\s+\d+\.")
BULLET = re.compile(r"-\s+")


class _Reader:
    """One pass over the blocks; state is the part of the document we are in."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.src = layout.source
        self.part = "front"
        self.in_notes = False
        self.notes: dict[int, list[tuple[int, int]]] = {}
        self.note_order: list[int] = []
        self.notes_in_block = 0
        self.paragraphs: list[list[tuple[int, int]]] = []
        self.appendix: list[tuple[int, int]] = []
        self.section: str | None = None
        self.block_start = 0

    def read(self) -> None:
        for start, end in iter_blocks(self.src):
            self.block(start, end)
        self.close_note_block(len(self.src))
        self.finish()

    def block(self, start: int, end: int) -> None:
        text = self.src[start:end]
        if text.strip() == "---":
            self.close_note_block(start)
            self.in_notes, self.notes_in_block, self.block_start = True, 0, start
            return
        if self.in_notes and self.note_block(start, end, text):
            return
        if self.in_notes:
            self.close_note_block(start)
        heading = HEADING.match(text)
        if self.part == "front":
            self.front(start, end, text, heading)
        elif heading or (APPENDIX_TITLE.match(text) and self.part == "appendices"):
            self.heading(start, end, text, heading)
        elif self.part == "body":
            self.body(start, end, text)
        elif self.part == "appendices":
            self.appendix.append((start, end))
            self.layout.add("appendix", "paragraph", [(start, end)], section=self.section)
            self.markup(start, end)
        elif self.part == "bibliography":
            self.bibliography(start, end)

    def note_block(self, start: int, end: int, text: str) -> bool:
        m = NOTE_START.match(text)
        if m:
            number = int(m.group(1))
            self.notes[number] = [(start, end)]
            self.note_order.append(number)
            self.notes_in_block += 1
            self.layout.hidden.append((start, start + m.end()))
            self.markup(start + m.end(), end)
            return True
        if self.note_order:
            last = self.note_order[-1]
            so_far = " ".join(self.src[s:e] for s, e in self.notes[last])
            continues_page = self.notes_in_block == 0 and not ends_sentence(so_far)
            if continues_page or BARE_URL.match(text):
                self.notes[last].append((start, end))
                self.markup(start, end)
                return True
        return False

    def close_note_block(self, end: int) -> None:
        if self.in_notes:
            self.layout.add("zone", "note_block", [(self.block_start, end)])
        self.in_notes = False

    def front(self, start: int, end: int, text: str, heading: re.Match | None) -> None:
        if heading and not any(s.label == "title" for s in self.layout.spans):
            s = start + heading.start(2)
            self.layout.add("zone", "title", [(s, end)])
            self.layout.add("heading", "heading", [(s, end)], level=1)
            self.markup(s, end)
        elif ABSTRACT.match(text):
            label_end = start + ABSTRACT.match(text).end()
            self.layout.add("zone", "abstract", [(start, end)])
            self.layout.hidden.append((start, label_end))
            self.paragraphs.append([(label_end, end)])
            self.markup(label_end, end)
            self.part = "body"
        elif any(s.label == "title" for s in self.layout.spans) and not any(s.label == "byline" for s in self.layout.spans):
            self.layout.add("zone", "byline", [(start, end)])
        else:
            self.part = "body"
            self.body(start, end, text)

    def heading(self, start: int, end: int, text: str, heading: re.Match | None) -> None:
        s = start + heading.start(2) if heading else start
        title = re.sub(r"\*+", "", self.src[s:end]).strip()
        if title.lower().startswith("appendices"):
            self.part, level = "appendices", 2
        elif title.lower().startswith(("bibliography", "references", "works cited")):
            self.part, level = "bibliography", 2
        else:
            level = 3 if self.part == "appendices" else len(heading.group(1)) if heading else 2
        self.section = title
        self.layout.add("heading", "heading", [(s, end)], level=level, title=title)
        self.markup(s, end)

    def body(self, start: int, end: int, text: str) -> None:
        after_notes = self.layout.spans and self.layout.spans[-1].label == "note_block"
        previous = self.paragraphs[-1] if self.paragraphs else None
        if after_notes and previous and not ends_sentence(self.src[previous[-1][0] : previous[-1][1]]):
            previous.append((start, end))
        else:
            self.paragraphs.append([(start, end)])
        self.markup(start, end)

    def bibliography(self, start: int, end: int) -> None:
        entries: list[list[int]] = []
        for ls, le in iter_lines(self.src, start, end):
            bullet = BULLET.match(self.src, ls)
            if bullet or not entries:
                entries.append([bullet.end() if bullet else ls, le, not bullet])
            else:
                entries[-1][1] = le
        for s, e, unbulleted in entries:
            s, e = strip_span(self.src, s, e)
            text = self.src[s:e]
            attrs = parse_bibliography_entry(text)
            if unbulleted:
                attrs["flags"] = ["bullet-missing"]
            self.layout.add("reference", "bibliography_entry", [(s, e)], **attrs)
            self.markup(s, e)

    def markup(self, start: int, end: int) -> None:
        """Hide markers and emphasis marks from reading order; keep emphasis as a layer."""
        for m in MARKER.finditer(self.src, start, end):
            self.layout.hidden.append((m.start(), m.end()))
            for n in NUMBER.finditer(self.src, m.start(1), m.end(1)):
                self.layout.add("footnote_marker", "marker", [(n.start(), n.end())], number=int(n.group()), element=[m.start(), m.end()])
        for label, (s, e), marks in emphasis(self.src, start, end):
            self.layout.hidden.extend(marks)
            self.layout.add("emphasis", label, [(s, e)])

    def finish(self) -> None:
        for number in self.note_order:
            fragments = self.notes[number]
            self.layout.add("footnote", "footnote", fragments, number=number)
        for i, fragments in enumerate(self.paragraphs):
            label = "abstract" if i == 0 and any(s.label == "abstract" for s in self.layout.spans) else "paragraph"
            self.layout.add("paragraph", label, fragments, index=i)


def parse(doc_id: str, source: str) -> Layout:
    layout = Layout(doc_id, source)
    _Reader(layout).read()
    return layout
