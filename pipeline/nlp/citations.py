"""Citations: each footnote linked to the works it cites and their authors.

A work is cited where a note names it (a title or short title from the gazetteer: "Jones,
*The Dilemmas of De-Stalinisation*, 15."), and "Ibid." cites again what the previous note
cited. The authors of the works a note cites are put in the document context, so the voice
component can give a quotation sourced only through a footnote to its scholar.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import extensions
from pipeline.nlp.kb import KnowledgeBase, load

IBID = re.compile(r"^\s*\*?Ibid\b", re.IGNORECASE)


class Citations:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        extensions.ensure(doc)
        citations, note_authors, previous = [], {}, []
        works_in = [(e.start_char, e.end_char, e.kb_id_) for e in doc.ents if e.kb_id_.startswith("work:")]
        for start, end, kind, _ in doc._.units:
            if kind != "note":
                continue
            number = doc._.context.get("note_numbers", {}).get(start)
            works = [w for w in works_in if start <= w[0] < end]
            ibid = bool(IBID.match(extensions.text(doc)[start:end]))
            if not works and ibid:
                works = [(start, start + extensions.text(doc)[start:end].find(".") + 1 or start + 5, w) for _, _, w in previous]
            for s, e, work in works:
                entry = self.kb.entries.get(work)
                authors = (entry.extra.get("authors") or []) if entry else []
                title = entry.name if entry else extensions.text(doc)[s:e].strip("*")
                citations.append((number, s, e, work, title, list(authors), ibid))
                note_authors.setdefault(number, []).extend((self.kb.entries[a].name, a) for a in authors if a in self.kb.entries)
            previous = works or previous
        doc._.citations = citations
        doc._.context["note_authors"] = note_authors
        return doc


@Language.factory("destal_citations", default_config={})
def make_citations(nlp: Language, name: str) -> Citations:
    return Citations(load())
