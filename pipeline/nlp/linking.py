"""Entity linking: every name mention gets one canonical id, and every person a role.

Order of evidence: an exact gazetteer alias; for an ambiguous alias ("Medvedev"), the
candidate the same document names in full; for an unknown short name, a person already
named in full in the document with that surname ("Tucker" -> Robert C. Tucker); else a new
id made from the name. Roles: the gazetteer's, else ``scholar`` for authors the document
cites (bibliography, reference list) and for names inside footnotes, else ``actor``.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp import extensions
from pipeline.nlp.entities import rules
from pipeline.nlp.kb import KnowledgeBase, load, slug

EXACT, RESOLVED, COREF, NEW = 1.0, 0.8, 0.9, 0.5


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Novyi Mir' and 'NOVYI MIR' fold alike."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace("’", "'")


class Linker:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.folded: dict[str, list[str]] = {}
        for alias, ids in kb.by_alias.items():
            self.folded.setdefault(fold(alias), []).extend(ids)

    def __call__(self, doc: Doc) -> Doc:
        extensions.ensure(doc)
        linked = rules()["linked"]
        mentions = [e for e in doc.ents if e.label_ in linked]
        full_names = self.full_names(mentions)
        cited = {fold(name.split()[-1]) for name in doc._.context.get("cited_authors", [])}
        ents = []
        for ent in doc.ents:
            if ent.label_ not in linked:
                ents.append(ent)
                continue
            kb_id, score = self.link(ent, full_names)
            info = doc._.entity_info.setdefault((ent.start_char, ent.end_char), {})
            entry = self.kb.entries.get(kb_id)
            info.update({"name": entry.name if entry else ent.text, "link_score": score})
            if ent.label_ == "PERSON":
                info["role"] = self.role(ent, entry, cited)
            ents.append(Span(doc, ent.start, ent.end, label=ent.label_, kb_id=kb_id))
        doc.ents = ents
        return doc

    def full_names(self, mentions: list[Span]) -> dict[str, Counter]:
        """Surname -> ids of multi-word person mentions in this document, by frequency."""
        index: dict[str, Counter] = {}
        for ent in mentions:
            if ent.label_ != "PERSON" or len(ent.text.split()) < 2:
                continue
            ids = self.known(ent.text)
            kb_id = ids[0] if len(ids) == 1 else f"person:{slug(ent.text)}"
            index.setdefault(fold(ent.text.split()[-1]), Counter())[kb_id] += 1
        return index

    def known(self, text: str) -> list[str]:
        return self.kb.by_alias.get(text) or self.folded.get(fold(text), [])

    def link(self, ent: Span, full_names: dict[str, Counter]) -> tuple[str, float]:
        text = ent.text
        if ent.kb_id_ and not ent.kb_id_.startswith("ambiguous:"):
            return ent.kb_id_, EXACT
        candidates = self.kb.ambiguous.get(text) or self.known(text)
        if len(candidates) == 1:
            return candidates[0], EXACT
        surname = fold(text.split()[-1])
        in_doc = full_names.get(surname, Counter())
        if ent.label_ == "PERSON" and in_doc:
            preferred = [c for c, _ in in_doc.most_common() if not candidates or c in candidates]
            if preferred:
                return preferred[0], COREF if not candidates else RESOLVED
        if candidates:
            return self.by_context(ent, candidates), RESOLVED
        if ent.label_ == "PERSON":
            by_surname = self.kb.surname_index().get(text.split()[-1], [])
            if len(by_surname) == 1 and _compatible(text, self.kb.entries[by_surname[0]].name):
                return by_surname[0], COREF
        return f"{rules()['id_prefix'][ent.label_]}:{slug(text)}", NEW

    def by_context(self, ent: Span, candidates: list[str]) -> str:
        """The candidate whose description shares most word stems with the sentence
        ("Medvedev's presidency" -> the president); ties go to the first listed."""
        sentence = {w[:6] for w in fold(ent.sent.text).split() if len(w) > 3}

        def overlap(kb_id: str) -> int:
            entry = self.kb.entries.get(kb_id)
            words = {w[:6] for w in fold(entry.description if entry else "").split() if len(w) > 3}
            return len(sentence & words)

        return max(candidates, key=lambda c: (overlap(c), -candidates.index(c)))

    @staticmethod
    def role(ent: Span, entry, cited: set[str]) -> str:
        kb_role = entry.role if entry else None
        if kb_role in ("actor", "scholar"):
            return kb_role
        in_note = extensions.unit_kind(ent.doc, ent.start_char) == "note"
        if in_note or (kb_role is None and fold(ent.text.split()[-1]) in cited):
            return "scholar"
        return "actor"


def _compatible(mention: str, name: str) -> bool:
    """'Roy Medvedev' fits 'Roy A. Medvedev'; 'Dmitry Medvedev' does not; a bare surname fits."""
    first_m, first_n = mention.split()[0], name.split()[0]
    return len(mention.split()) == 1 or first_m[0] == first_n[0]


@Language.factory("destal_linker", default_config={})
def make_linker(nlp: Language, name: str) -> Linker:
    return Linker(load())
