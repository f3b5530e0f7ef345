"""Reading-order text with an exact map back to the source.

A ``Stream`` is built from units (paragraphs, notes), each a list of source fragments.
Fragments of one unit are joined by a space (a sentence cut by a footnote block reads as
one), units by a blank line; hidden inline ranges (markers, emphasis marks) are left out.
Every stream character that came from the source knows its source index, and every
kept source character knows its stream index, so spans move between the two exactly.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from pipeline.layout.model import Fragments

UNIT_SEPARATOR = "\n\n"
FRAGMENT_SEPARATOR = " "


class Stream:
    """Reading-order text over a source, with maps in both directions."""

    def __init__(
        self,
        source: str,
        units: Sequence[Fragments],
        hidden: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.source = source
        self._hidden = sorted(hidden)
        chars: list[str] = []
        to_source = array("i")
        self.pieces: list[tuple[int, int]] = []  # stream ranges that each stem from one fragment
        self.unit_ranges: list[tuple[int, int]] = []
        for u, fragments in enumerate(units):
            if u:
                self._separator(chars, to_source, UNIT_SEPARATOR)
            unit_start = len(chars)
            for f, (start, end) in enumerate(fragments):
                if f:
                    self._separator(chars, to_source, FRAGMENT_SEPARATOR)
                piece_start = len(chars)
                for i in self._visible(start, end):
                    chars.append(source[i])
                    to_source.append(i)
                self.pieces.append((piece_start, len(chars)))
            self.unit_ranges.append((unit_start, len(chars)))
        self.text = "".join(chars)
        self._to_source = to_source
        self._to_stream: dict[int, int] = {s: i for i, s in enumerate(to_source) if s >= 0}
        self._piece_starts = [p[0] for p in self.pieces]

    @staticmethod
    def _separator(chars: list[str], to_source: array, sep: str) -> None:
        chars.extend(sep)
        to_source.extend([-1] * len(sep))

    def _visible(self, start: int, end: int) -> Iterable[int]:
        i = start
        k = bisect_right(self._hidden, (start, start)) - 1
        k = max(k, 0)
        while i < end:
            while k < len(self._hidden) and self._hidden[k][1] <= i:
                k += 1
            if k < len(self._hidden) and self._hidden[k][0] <= i < self._hidden[k][1]:
                i = self._hidden[k][1]
                continue
            yield i
            i += 1

    def to_source(self, i: int) -> int | None:
        """Source index of stream character ``i``; None for a separator."""
        s = self._to_source[i]
        return None if s < 0 else s

    def to_stream(self, j: int) -> int | None:
        """Stream index of source character ``j``; None when the stream leaves it out."""
        return self._to_stream.get(j)

    def fragments(self, start: int, end: int) -> Fragments:
        """Source fragments of the stream range ``[start, end)``.

        A new fragment begins only where the range crosses from one source fragment to the
        next (a footnote block in between); inline hidden marks inside a fragment stay in it.
        """
        out: list[tuple[int, int]] = []
        k = bisect_right(self._piece_starts, start) - 1
        for p_start, p_end in self.pieces[max(k, 0) :]:
            if p_start >= end:
                break
            lo, hi = max(start, p_start), min(end, p_end)
            idx = [self._to_source[i] for i in range(lo, hi) if self._to_source[i] >= 0]
            if idx:
                out.append((idx[0], idx[-1] + 1))
        return tuple(out)

    def span(self, fragments: Fragments) -> tuple[int, int] | None:
        """Stream range covering the visible characters of source ``fragments``."""
        idx = [self._to_stream[j] for s, e in fragments for j in range(s, e) if j in self._to_stream]
        return (min(idx), max(idx) + 1) if idx else None
