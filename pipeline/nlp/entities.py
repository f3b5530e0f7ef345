"""Entities: the gazetteer and rules on top of en_core_web_sm's statistical NER.

Gazetteer names win over statistical guesses (the statistical model calls Stalingrad a
person and misses most scholars' surnames); statistical spans survive where the gazetteer
is silent; every span is trimmed to a clean name and kept inside one paragraph or note.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.nlp import extensions
from pipeline.nlp.kb import KnowledgeBase, load
from pipeline.paths import RESOURCES

GAZETTEER, NER = "gazetteer", "ner"


@cache
def rules() -> dict:
    with open(RESOURCES / "entity_rules.toml", "rb") as fh:
        data = tomllib.load(fh)
    return {key: set(value) if isinstance(value, list) else value for key, value in data.items()}


def trim(span: Span) -> Span | None:
    """The span without determiners, possessives, titles, punctuation or space at its edges."""
    r = rules()
    start, end = span.start, span.end
    doc = span.doc
    leading = r["strip_leading"] - ({"The"} if span.label_ in r["keep_the"] else set())
    while start < end and (doc[start].text in leading or doc[start].is_punct or doc[start].is_space):
        start += 1
    if span.label_ == "PERSON":
        while start < end - 1 and doc[start].text in r["titles"]:
            start += 1
    while end > start and (
        doc[end - 1].text in r["strip_trailing"] or doc[end - 1].is_space or (doc[end - 1].is_punct and doc[end - 1].text != ".")
    ):
        end -= 1
    if end > start and doc[end - 1].text == "." and not _keeps_period(doc[start:end]):
        end -= 1
    if end <= start:
        return None
    return Span(doc, start, end, label=span.label_, kb_id=span.kb_id_)


def _keeps_period(span: Span) -> bool:
    """'U.S.' keeps its final period; 'Stalin.' at a sentence end does not."""
    return len(span) >= 2 and len(span[-2].text) <= 2 and span[-2].text[:1].isupper()


def crosses_unit(span: Span) -> bool:
    return "\n" in span.text


@cache
def never_patterns() -> list[re.Pattern]:
    return [re.compile(p) for p in rules()["never"]]


def plausible(span: Span) -> bool:
    """A statistical span worth keeping: capitalised, not a known non-entity, not in a heading
    (title-case headings make the statistical model see names everywhere)."""
    if span.label_ == "DATE":
        return False
    if not span.text[:1].isupper() and not span.text[:1].isdigit():
        return False
    if any(p.search(span.text) for p in never_patterns()):
        return False
    return extensions.unit_kind(span.doc, span.start_char) != "heading"


def in_italics(span: Span) -> bool:
    return any(s <= span.start_char and span.end_char <= e for s, e in span.doc._.context.get("italic", []))


class EntityResolver:
    """Merge gazetteer matches with statistical entities; clean every span."""

    def __init__(self, nlp: Language, kb: KnowledgeBase, use_gazetteer: bool = True) -> None:
        self.kb = kb
        self.use_gazetteer = use_gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[str, str] = {}
        for entry in kb.entries.values():
            self.labels[entry.id] = entry.label
            self.matcher.add(entry.id, list(nlp.tokenizer.pipe(entry.aliases)))
        for alias, candidates in kb.ambiguous.items():
            key = f"ambiguous:{alias}"
            self.labels[key] = kb.entries[candidates[0]].label
            self.matcher.add(key, [nlp.make_doc(alias)])

    def __call__(self, doc: Doc) -> Doc:
        extensions.ensure(doc)
        found = self.matcher(doc) if self.use_gazetteer else []
        matches = [Span(doc, s, e, label=self.labels[doc.vocab.strings[m]], kb_id=doc.vocab.strings[m]) for m, s, e in found]
        gazetteer = [t for t in (trim(s) for s in self.disambiguate(matches)) if t and not crosses_unit(t)]
        gazetteer = filter_spans(gazetteer)
        statistical = [
            t for t in (trim(ent) for ent in doc.ents if ent.label_ in rules()["labels"]) if t and not crosses_unit(t) and plausible(t)
        ]
        kept = self.merge(gazetteer, statistical)
        doc.ents = kept
        for span in kept:
            doc._.entity_info[(span.start_char, span.end_char)] = {"source": GAZETTEER if span.kb_id_ else NER}
        return doc

    def disambiguate(self, matches: list[Span]) -> list[Span]:
        """A work's short title that is also a name ("Khrushchev") is the work only in italics;
        the document's own title is not an entity of itself."""
        title = matches[0].doc._.context.get("title") if matches else None
        names = {(m.start, m.end) for m in matches if m.label_ != "WORK_OF_ART"}
        kept = []
        for m in matches:
            if m.label_ == "WORK_OF_ART" and (m.text == title or ((m.start, m.end) in names and not in_italics(m))):
                continue
            if (
                m.label_ != "WORK_OF_ART"
                and in_italics(m)
                and any(w.label_ == "WORK_OF_ART" and (w.start, w.end) == (m.start, m.end) for w in matches)
            ):
                continue
            kept.append(m)
        return kept

    @staticmethod
    def merge(gazetteer: list[Span], statistical: list[Span]) -> list[Span]:
        """Gazetteer spans first; a statistical span only where it overlaps none, or where it
        strictly extends same-label gazetteer spans ("Nikita Sergeyevich Khrushchev")."""
        taken = {i: span for span in gazetteer for i in range(span.start, span.end)}
        kept = list(gazetteer)
        for span in statistical:
            overlapped = {id(taken[i]): taken[i] for i in range(span.start, span.end) if i in taken}
            if not overlapped:
                kept.append(span)
                continue
            inner = list(overlapped.values())
            contained = all(g.label_ == span.label_ and span.start <= g.start and g.end <= span.end for g in inner)
            covered = {i for g in inner for i in range(g.start, g.end)}
            extra_are_names = all(t.pos_ == "PROPN" or t.i in covered for t in span)
            extends = contained and extra_are_names and len(span) > max(len(g) for g in inner)
            if extends and span.label_ == "PERSON":
                for g in inner:
                    kept.remove(g)
                kept.append(Span(span.doc, span.start, span.end, label=span.label_, kb_id=inner[0].kb_id_ if len(inner) == 1 else ""))
        return sorted(filter_spans(kept), key=lambda s: s.start)


@Language.factory("destal_entities", default_config={"use_gazetteer": True})
def make_entities(nlp: Language, name: str, use_gazetteer: bool) -> EntityResolver:
    return EntityResolver(nlp, load(), use_gazetteer)
