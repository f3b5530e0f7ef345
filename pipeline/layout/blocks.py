"""Shared scanning helpers: blank-line blocks, lines, markers and Markdown emphasis."""

from __future__ import annotations

import re
from collections.abc import Iterator

MARKER = re.compile(r"<sup>\s*(\d+(?:\s+\d+)*)\s*</sup>")
NUMBER = re.compile(r"\d+")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
ITALIC = re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)")
TERMINAL = set(".?!")
CLOSERS = "\"'”’)]*"


def iter_blocks(source: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Maximal runs of non-blank lines as ``(start, end)``, trailing newline excluded."""
    end = len(source) if end is None else end
    block_start = None
    last_end = start
    pos = start
    while pos < end:
        nl = source.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        blank = not source[pos:line_end].strip()
        if blank and block_start is not None:
            yield block_start, last_end
            block_start = None
        elif not blank:
            if block_start is None:
                block_start = pos
            last_end = line_end
        pos = line_end + 1
    if block_start is not None:
        yield block_start, last_end


def iter_lines(source: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Lines of ``source[start:end]`` as ``(start, end)``, newline excluded."""
    pos = start
    while pos <= end:
        nl = source.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        yield pos, line_end
        pos = line_end + 1


def strip_span(source: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding whitespace."""
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end


def emphasis(source: str, start: int, end: int) -> list[tuple[str, tuple[int, int], list[tuple[int, int]]]]:
    """Markdown emphasis in a block: ``(label, content span, [mark ranges])`` per emphasised run."""
    found = []
    masked = source[start:end]
    for label, pattern, width in (("bold", BOLD, 2), ("italic", ITALIC, 1)):
        for m in pattern.finditer(masked):
            s, e = start + m.start(), start + m.end()
            found.append((label, (s + width, e - width), [(s, s + width), (e - width, e)]))
            masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end() :]
    return sorted(found, key=lambda f: f[1])


def ends_sentence(text: str) -> bool:
    """Whether text (markers and closing quotes aside) ends with terminal punctuation."""
    text = MARKER.sub("", text).rstrip().rstrip(CLOSERS).rstrip()
    return bool(text) and text[-1] in TERMINAL
