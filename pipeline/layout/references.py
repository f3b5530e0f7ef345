"""Parse bibliography and reference-list entries into authors, year and title, and find
the extraction debris that web-scraped reference lists carry."""

from __future__ import annotations

import re
from typing import Any

QUOTED = re.compile(r"‘([^’]{3,}?)’(?=[\s.,;:]|$)|“([^”]{3,}?)”|\"([^\"]{3,}?)\"|(?<![\w])'(.{3,}?)'(?=[\s.,;:]|$)")
ITALIC = re.compile(r"\*([^*]+)\*")
URL = re.compile(r"<?https?://\S+?>?(?=\s|$)")
YEAR = re.compile(r"(?<![\d/])(1[89]\d\d|20\d\d)(?![\d/])")
PAREN_YEAR = re.compile(r"\((?:[^()]*\s)?(1[89]\d\d|20\d\d)\)")
ACCESSED = re.compile(r"Accessed:?[^.]*\.")
DEBRIS = re.compile(r"<\|[a-z0-9_]+\|>|Missing:.*$|\|\s*Show results with:.*$", re.MULTILINE)
SNIPPET_DATE = re.compile(r"^([A-Z][a-z]{2} \d{1,2}, (\d{4})) · ")
CORPORATE = re.compile(r"\bIn \*?(?:The )?(New York Times|[A-Z][\w ]+?)(?: Archives)?\*?\.")
AUTHOR_SPLIT = re.compile(r",?\s+and\s+|;\s*")


def parse_bibliography_entry(text: str) -> dict[str, Any]:
    """Authors, year, title and container of one Chicago-style bibliography entry."""
    title_match = quoted_title(text) or ITALIC.search(text)
    head = text[: title_match.start()] if title_match else text.split(". ", 1)[0]
    authors = split_authors(head.strip())
    if not authors:
        corporate = CORPORATE.search(text)
        authors = [("The " if corporate and corporate.group(1) == "New York Times" else "") + corporate.group(1)] if corporate else []
    title = _group(title_match).strip().rstrip(",.") if title_match else None
    rest = text[title_match.end() :] if title_match else text
    container = ITALIC.search(rest)
    return {
        "authors": authors,
        "year": publication_year(text),
        "title": title,
        "container": container.group(1).strip() if container and container.group(1) != title else None,
        "url": _url(text),
    }


def quoted_title(text: str) -> re.Match | None:
    """The first quoted title; a straight-quoted one may hold inner quotes, so it runs to the
    last closing quote before the italic container that follows it."""
    first = QUOTED.search(text)
    if not first or first.group(4) is None:
        return first
    container = text.find("*", first.start())
    limit = container if container > 0 else first.end()
    best = first
    for m in re.finditer(r"'(?=[\s.,;:]|$)", text[:limit]):
        if m.start() > first.start() + 3:
            best = re.compile(r"'(.+)'").match(text, first.start(), m.end()) or best
    return best


def _group(match: re.Match) -> str:
    return next(g for g in match.groups() if g is not None)


def _drop_final_period(name: str) -> str:
    """'Cohen, Stephen F.' keeps the initial's period; 'Brus, Włodzimierz.' loses the stop."""
    name = name.strip().rstrip(",")
    last = name.split()[-1] if name.split() else ""
    return name if len(last.rstrip(".")) <= 1 else name.rstrip(".")


def split_authors(head: str) -> list[str]:
    """'Medvedev, Roy A. and Medvedev, Zhores A.' -> ['Roy A. Medvedev', 'Zhores A. Medvedev']."""
    if not head:
        return []
    names = []
    for part in AUTHOR_SPLIT.split(head):
        part = _drop_final_period(part)
        if "," in part:
            surname, given = (p.strip() for p in part.split(",", 1))
            names.append(f"{given} {surname}".strip())
        elif part:
            names.append(part)
    return names


def publication_year(text: str) -> int | None:
    """The year of publication: a parenthesised year, else the last year outside titles,
    URLs and access dates."""
    cleaned = ACCESSED.sub(" ", URL.sub(" ", text))
    cleaned = ITALIC.sub(" ", QUOTED.sub(" ", cleaned))
    paren = PAREN_YEAR.findall(cleaned)
    years = paren or YEAR.findall(cleaned)
    return int(years[-1]) if years else None


def _url(text: str) -> str | None:
    m = URL.search(text)
    return m.group(0).strip("<>") if m else None


def split_title_site(line: str) -> tuple[str, str | None, str | None]:
    """'[PDF] The Politics of Soviet De-Stalinization - RAND' -> (title, site, kind)."""
    kind = None
    if line.startswith("[PDF]"):
        kind, line = "pdf", line[5:].strip()
    for sep in (" - ", " | "):
        if sep in line:
            title, site = line.rsplit(sep, 1)
            return title.strip(), site.strip(), kind
    return line.strip(), None, kind


def parse_reference_snippet(snippet: str) -> dict[str, Any]:
    """The page date (and so the year) a search-result snippet starts with, if any."""
    m = SNIPPET_DATE.match(snippet)
    return {"date": m.group(1), "year": int(m.group(2))} if m else {"date": None, "year": None}


def debris_spans(source: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Extraction debris inside ``[start, end)``: control tokens and 'Missing: …' tails."""
    found = []
    for m in DEBRIS.finditer(source, start, end):
        s, e = m.start(), min(m.end(), end)
        kind = "control-token" if m.group(0).startswith("<|") else "search-ui"
        found.append((s, e, kind))
    return found
