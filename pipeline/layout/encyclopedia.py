"""Layout of a plain-text encyclopedia article (Grokipedia style).

Conventions: a boilerplate first line, a title line, a lead paragraph, headings as short
lines without final punctuation (a section heading is followed directly by its first
subsection heading), then a numbered reference list whose entries hold a title line and a
search-result snippet, with extraction debris in between.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache

from pipeline.layout.blocks import iter_blocks, iter_lines, strip_span
from pipeline.layout.model import Layout
from pipeline.layout.references import debris_spans, parse_reference_snippet, split_title_site
from pipeline.paths import RESOURCES

ENTRY = re.compile(r"[ \t]*(\d+)\.[ \t]*(?:\[(\d+)\])?[ \t]*$")
HEADING_MAX = 120


@cache
def resources() -> dict:
    with open(RESOURCES / "layout.toml", "rb") as fh:
        data = tomllib.load(fh)
    return {
        "boilerplate": [re.compile(p) for p in data["boilerplate"]],
        "back_matter": {h.lower() for h in data["back_matter_headings"]},
    }


def is_heading_line(text: str) -> bool:
    """Short single line, capitalised, without final sentence punctuation."""
    text = text.strip()
    return 0 < len(text) <= HEADING_MAX and "\n" not in text and text[0].isupper() and text[-1] not in '.,;:!?"”'


def parse(doc_id: str, source: str) -> Layout:
    layout = Layout(doc_id, source)
    res = resources()
    blocks = list(iter_blocks(source))
    body_blocks: list[tuple[int, int]] = []
    references_at = None
    for s, e in blocks:
        text = source[s:e]
        if any(p.match(text) for p in res["boilerplate"]):
            layout.add("zone", "boilerplate", [(s, e)])
        elif not any(sp.label == "title" for sp in layout.spans):
            layout.add("zone", "title", [(s, e)])
            layout.add("heading", "heading", [(s, e)], level=1, title=text.strip())
        elif is_heading_line(text) and text.strip().lower() in res["back_matter"]:
            layout.add("heading", "heading", [(s, e)], level=2, title=text.strip())
            references_at = e
            break
        else:
            body_blocks.append((s, e))
    _headings_and_paragraphs(layout, body_blocks)
    if references_at is not None:
        _references(layout, references_at)
    return layout


def _headings_and_paragraphs(layout: Layout, blocks: list[tuple[int, int]]) -> None:
    src = layout.source
    kinds = ["heading" if is_heading_line(src[s:e]) else "paragraph" for s, e in blocks]
    in_section = False
    section = None
    index = 0
    for i, ((s, e), kind) in enumerate(zip(blocks, kinds, strict=True)):
        if kind == "heading":
            opens_section = i + 1 < len(kinds) and kinds[i + 1] == "heading"
            level = 2 if opens_section or not in_section else 3
            in_section = in_section or opens_section
            section = src[s:e].strip()
            layout.add("heading", "heading", [(s, e)], level=level, title=section)
        else:
            label = "lead" if section is None else "paragraph"
            if label == "lead":
                layout.add("zone", "abstract", [(s, e)])
            layout.add("paragraph", label, [(s, e)], index=index, section=section)
            index += 1


def _references(layout: Layout, start: int) -> None:
    src = layout.source
    entries: list[list] = []
    for ls, le in iter_lines(src, start, len(src)):
        m = ENTRY.match(src, ls, le)
        if m and m.end() == le:
            entries.append([int(m.group(1)), ls, le, []])
        elif entries and src[ls:le].strip():
            entries[-1][3].append(strip_span(src, ls, le))
            entries[-1][2] = le
    if entries:
        layout.add("zone", "references", [(entries[0][1], entries[-1][2])])
    for number, s, e, lines in entries:
        _reference(layout, number, strip_span(src, s, e), lines)


def _reference(layout: Layout, number: int, span: tuple[int, int], lines: list[tuple[int, int]]) -> None:
    src = layout.source
    debris = [d for ls, le in lines for d in debris_spans(src, ls, le)]
    for s, e, kind in debris:
        layout.add("debris", kind, [(s, e)], reference=number)
    clean = [_without(src, ls, le, debris) for ls, le in lines]
    clean = [c for c in clean if c]
    attrs: dict = {"number": number, "title": None, "site": None, "kind": None, "snippet": None, "year": None, "date": None}
    if not clean:
        attrs["flags"] = ["empty"]
        layout.add("reference", "reference_entry", [span], **attrs)
        return
    attrs["title"], attrs["site"], attrs["kind"] = split_title_site(clean[0])
    if len(clean) > 1:
        attrs["snippet"] = " ".join(clean[1:])
        attrs.update(parse_reference_snippet(attrs["snippet"]))
    if " · " in attrs["title"]:
        author, title = attrs["title"].split(" · ", 1)
        attrs["authors"], attrs["title"] = [author.strip()], title.strip()
    layout.add("reference", "reference_entry", [span], **attrs)


def _without(src: str, start: int, end: int, debris: list[tuple[int, int, str]]) -> str:
    """The line's text with debris cut out, whitespace tidied."""
    parts, pos = [], start
    for s, e, _ in sorted(d for d in debris if start <= d[0] < end):
        parts.append(src[pos:s])
        pos = e
    parts.append(src[pos:end])
    return re.sub(r"\s+", " ", "".join(parts)).strip()
