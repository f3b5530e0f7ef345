"""The custom attributes our components read and write on a spaCy ``Doc``.

``units`` tells which character ranges are body paragraphs, notes or headings (components
must never join across them); ``context`` carries document facts known before NLP (cited
authors from the bibliography); ``entity_info`` holds per-entity metadata keyed by character
offsets, because spaCy span extensions do not survive re-creating ``doc.ents``.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "units": list,  # [(start_char, end_char, kind, index)], kind in body|note|heading
    "context": dict,  # {"doc_id": str, "cited_authors": [str]}
    "entity_info": dict,  # {(start_char, end_char): {"name", "role", "source", "score", "iso", "precision"}}
    "event_mentions": list,  # [(start_char, end_char, event_id, kind)]
    "lacunae": list,  # [(char, restoration or None, confidence or None, score)]
    "citations": list,  # [(note number, start_char, end_char, work id, title, [author ids], ibid)]
    "voices": dict,  # {sentence start_char: voices.Voice}
    "stances": dict,  # {sentence start_char: stance.Stance}
}


def register() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def ensure(doc: Doc) -> Doc:
    """Give every extension of ``doc`` a fresh empty value if it has none."""
    for name, factory in DOC_EXTENSIONS.items():
        if getattr(doc._, name) is None:
            setattr(doc._, name, factory())
    return doc


def text(doc: Doc) -> str:
    """The Doc's text, computed once: spaCy rebuilds ``doc.text`` from tokens on every access."""
    cached = doc.user_data.get("destal_text")
    if cached is None:
        cached = doc.user_data["destal_text"] = doc.text
    return cached


def unit_kind(doc: Doc, char: int) -> str | None:
    """The kind of unit holding ``char`` (units are sorted by start)."""
    units = doc._.units
    i = bisect_right(units, (char, float("inf"))) - 1
    return units[i][2] if i >= 0 and units[i][0] <= char < units[i][1] else None


register()
