"""Dates: absolute calendar expressions, found by pattern and normalised to ISO 8601 with a
precision (day, month, year, decade, range, season).

The statistical NER finds dates too, but its spans include "the", relative expressions
("the same year") and miss "March 5 1953"; patterns give exact, normalisable spans. A bare
month or day ("in December", "on July 16") takes its year from the nearest year before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from pipeline.nlp import extensions

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
SEASONS = {"spring": ("03", "05"), "summer": ("06", "08"), "autumn": ("09", "11"), "fall": ("09", "11"), "winter": ("12", "02")}
PART = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
M = "(?P<m>" + "|".join(MONTHS) + ")"
M2 = "(?P<m2>" + "|".join(MONTHS) + ")"
Y = r"(?P<y>1[5-9]\d\d|20[0-2]\d)"
Y2 = r"(?P<y2>1[5-9]\d\d|20[0-2]\d)"
D = r"(?P<d>[0-3]?\d)"
D2 = r"(?P<d2>[0-3]?\d)"
DASH = r"\s*(?:–|-|—|to)\s*"
EDGE = r"(?<![\w,.])"
END = r"(?![\w]|,\d)"

PATTERNS = [
    ("day-range-full", rf"{EDGE}{M} {D}, {Y}{DASH}{M2} {D2}, {Y2}{END}"),
    ("day-range", rf"{EDGE}{M} {D}{DASH}{D2}, {Y}{END}"),
    ("day", rf"{EDGE}{M} {D},? {Y}{END}"),
    ("month", rf"{EDGE}{M},? {Y}{END}"),
    ("part-decade", rf"{EDGE}(?P<part>early|mid|late)[- ](?P<dec>1[5-9]\d0|20[0-2]0)s{END}"),
    ("part-year", rf"{EDGE}(?P<part>early|mid|late)[- ]{Y}{END}"),
    ("season", rf"{EDGE}(?P<season>spring|summer|autumn|fall|winter) {Y}{END}"),
    ("decade", rf"{EDGE}(?P<dec>1[5-9]\d0|20[0-2]0)s{END}"),
    ("year-range", rf"{EDGE}{Y}{DASH}{Y2}{END}"),
    ("year", rf"{EDGE}{Y}{END}"),
    ("bare-day", rf"\b(?:on|On|by|By|until|since|from|From|of) (?P<core>{M} {D}){END}"),
    ("bare-month", rf"\b(?:in|In|by|By|until|since|from|From|of) (?P<core>{M}){END}"),
]
COMPILED = [(kind, re.compile(p)) for kind, p in PATTERNS]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str
    precision: str


def _mm(name: str) -> str:
    return f"{MONTHS.index(name) + 1:02d}"


def _day(year: str, month: str, day: str) -> str:
    return f"{year}-{_mm(month)}-{int(day):02d}"


def normalise(kind: str, m: re.Match, context_year: str | None) -> tuple[str, str] | None:
    """ISO value and precision of one match; None when a bare month has no year to borrow."""
    g = m.groupdict()
    if kind == "day-range-full":
        return f"{_day(g['y'], g['m'], g['d'])}/{_day(g['y2'], g['m2'], g['d2'])}", "range"
    if kind == "day-range":
        return f"{_day(g['y'], g['m'], g['d'])}/{_day(g['y'], g['m'], g['d2'])}", "range"
    if kind == "day":
        return _day(g["y"], g["m"], g["d"]), "day"
    if kind == "month":
        return f"{g['y']}-{_mm(g['m'])}", "month"
    if kind == "part-decade":
        lo, hi = PART[g["part"]]
        decade = int(g["dec"])
        return f"{decade + lo}/{decade + hi}", "range"
    if kind == "part-year":
        lo, hi = {"early": ("01", "04"), "mid": ("05", "08"), "late": ("09", "12")}[g["part"]]
        return f"{g['y']}-{lo}/{g['y']}-{hi}", "range"
    if kind == "season":
        lo, hi = SEASONS[g["season"]]
        return f"{g['y']}-{lo}/{g['y']}-{hi}", "range"
    if kind == "decade":
        return f"{g['dec']}/{int(g['dec']) + 9}", "decade"
    if kind == "year-range":
        return f"{g['y']}/{g['y2']}", "range"
    if kind == "year":
        return g["y"], "year"
    if context_year is None:
        return None
    if kind == "bare-day":
        return _day(context_year, g["m"], g["d"]), "day"
    return f"{context_year}-{_mm(g['m'])}", "month"


def find_dates(text: str) -> list[DateMatch]:
    """Non-overlapping date expressions in ``text``, longest pattern first."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, re.Match]] = []
    for kind, pattern in COMPILED:
        for m in pattern.finditer(text):
            start, end = m.span("core") if "core" in m.groupdict() else m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append((start, end, kind, m))
    out, year = [], None
    for start, end, kind, m in sorted(found, key=lambda f: f[0]):
        value = normalise(kind, m, year)
        if value:
            out.append(DateMatch(start, end, *value))
            year = value[0][:4] if kind not in ("bare-day", "bare-month") else year
    return out


class Dates:
    """Replace statistical DATE guesses by pattern dates; keep other entities where they are."""

    def __call__(self, doc: Doc) -> Doc:
        extensions.ensure(doc)
        others = [e for e in doc.ents if e.label_ != "DATE"]
        dates = []
        for match in find_dates(extensions.text(doc)):
            span = doc.char_span(match.start, match.end, label="DATE", alignment_mode="contract")
            if span is None or any(o.start < span.end and span.start < o.end for o in others):
                continue
            dates.append(span)
            doc._.entity_info[(span.start_char, span.end_char)] = {"source": "pattern", "iso": match.iso, "precision": match.precision}
        doc.ents = sorted(filter_spans([*others, *dates]), key=lambda s: s.start)
        return doc


@Language.factory("destal_dates", default_config={})
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates()
