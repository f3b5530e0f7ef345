"""Lost names: the encyclopedia lost every hyperlinked name in extraction ("the 20th Congress
of the Communist Party of the in February 1956"). A gap is marked where a word that needs a
noun phrase (a determiner, a preposition, an adjective, a possessive) meets what cannot
start one, where a main clause has lost its subject, and where quotes stand empty; a
restoration is proposed only where a rule in ``lacunae.toml`` says the context settles it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.nlp import extensions
from pipeline.paths import RESOURCES

PAIRED = re.compile(r"\"\"|“”|\(\)|‘’")
EMPTY = re.compile(r"(?<=\s)[\"“](?=[\s,.;:])|(?<=[.!?] )(?=[,;])")
SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) (?=[,.;:)](?:\s|$))")
FINITE = {"VBD", "VBZ", "VBP", "MD"}
POSSESSIVE = {"'s", "’s"}
SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
SCORES = {"high": 0.9, "medium": 0.6, "low": 0.3}


@cache
def lexicon() -> dict:
    with open(RESOURCES / "lacunae.toml", "rb") as fh:
        data = tomllib.load(fh)
    sets = {k: frozenset(v) for k, v in data.items() if isinstance(v, list) and k != "restoration"}
    sets["restoration"] = [(re.compile(r["left"]), re.compile(r["right"]), r["name"], r["confidence"]) for r in data.get("restoration", [])]
    return sets


def _next(token: Token) -> Token | None:
    if token.i + 1 >= len(token.doc) or "\n" in token.whitespace_:
        return None
    nxt = token.doc[token.i + 1]
    return None if nxt.is_space else nxt


def _cannot_start_np(token: Token) -> bool:
    lex = lexicon()
    return token.lower_ in lex["blocked_after"] or token.text in lex["closing_punct"]


def needs_noun_after(token: Token, nxt: Token) -> bool:
    """A determiner, preposition, adjective or possessive followed by what cannot follow it."""
    lex, word = lexicon(), token.lower_
    if word in lex["determiners"]:
        if _cannot_start_np(nxt) or nxt.tag_ in ("IN", "TO", "VBD", "MD") or nxt.text == "(":
            return True
        if nxt.tag_ == "VBN" and (after := _next(nxt)) is not None and (after.tag_ in ("IN", "TO") or _hard_punct(after)):
            return True
        if word == "a" and nxt.is_alpha and nxt.lower_[0] in "aeiou":
            return not any(nxt.lower_.startswith(p) for p in lex["a_exception_prefixes"])
    if word == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such":
        return _cannot_start_np(nxt)
    if word in lex["prepositions"] and token.tag_ in ("IN", "TO"):
        return _preposition_gap(token, nxt)
    if token.text in POSSESSIVE:
        return nxt.tag_ in ("CC", "IN") or nxt.text in lex["closing_punct"]
    return token.tag_ in ("JJ", "VBN") and _adjective_without_noun(token, nxt)


def _preposition_gap(token: Token, nxt: Token) -> bool:
    lex, word = lexicon(), token.lower_
    after = _next(nxt)
    if word != "to" and _cannot_start_np(nxt):
        return f"{word} {nxt.lower_}" not in lex["preposition_pairs"] and not _ends_phrasal_verb(token)
    if nxt.tag_ in ("VBD", "VBZ") or (word != "to" and nxt.tag_ in FINITE):
        return True
    if word != "to" and nxt.tag_ == "VBN" and after is not None and (after.tag_ in ("IN", "RB", "DT") or _hard_punct(after)):
        return True
    if nxt.lower_ in ("that", "which") and after is not None and after.tag_ in FINITE:
        return True
    if (
        nxt.tag_ == "RB"
        and nxt.lower_.endswith("ly")
        and nxt.lower_ not in lex["temporal_adverbs"]
        and after is not None
        and after.is_punct
    ):
        return True
    if nxt.lower_ in lex["temporal_adjectives"] and after is not None and (after.tag_ in ("CC", "IN", "TO") or _hard_punct(after)):
        return True
    if nxt.tag_ == "IN" and nxt.lower_ in lex["prepositions"] and not _quantifies(nxt):
        return f"{word} {nxt.lower_}" not in lex["preposition_pairs"]
    return False


def _hard_punct(token: Token) -> bool:
    """Punctuation that ends a phrase (not a hyphen joining a compound)."""
    return token.is_punct and token.text not in {"-", "–", "(", "“", "‘", '"'}


def _ends_phrasal_verb(token: Token) -> bool:
    """'to begin with,' and 'as in,' end in a preposition with nothing lost."""
    previous = token.doc[token.i - 1] if token.i else None
    return previous is not None and (previous.pos_ == "VERB" or previous.lower_ == "as")


def _quantifies(token: Token) -> bool:
    """'over 4 million', 'under 5 percent': a preposition used as a quantity modifier."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].like_num


def _adjective_without_noun(token: Token, nxt: Token) -> bool:
    lex = lexicon()
    if token.lower_ in lex["nominal_adjectives"] or token.i == 0:
        return False
    previous = token.doc[token.i - 1]
    determined = previous.lower_ in lex["determiners"]
    if determined and token.tag_ == "VBN":
        return False
    verb_follows = nxt.tag_ in FINITE or (nxt.tag_ == "VBN" and _next(nxt) is not None and _next(nxt).is_punct)
    if (determined or previous.tag_ == "IN" or previous.text in {";", "-"}) and (verb_follows or nxt.lower_ == "rather"):
        return True
    if determined:
        coordinated = nxt.text == "," and _next(nxt) is not None and _next(nxt).tag_ == "JJ"
        return not coordinated and (nxt.tag_ in ("IN", "WDT", "TO") or nxt.text in lex["closing_punct"])
    return False


def subject_lost(sent: Span) -> Token | None:
    """The first word of a main verb group whose subject was lost ("…, 1953, emerged as")."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.tag_ not in FINITE | {"VBN"} or root.i == sent.start:
        return None
    if any(child.dep_ in SUBJECTS for child in root.children):
        return None
    group = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i] + [root]
    first = min(group, key=lambda t: t.i)
    before = first.doc[first.i - 1]
    return first if before.text == "," else None


def find_gaps(doc: Doc) -> list[int]:
    """Character offsets (in the doc) of what follows each gap, in body units only."""

    def in_body(pos: int) -> bool:
        return extensions.unit_kind(doc, pos) == "body"

    gaps = set(_token_gaps(doc, in_body))
    for m in PAIRED.finditer(extensions.text(doc)):
        if in_body(m.start()):
            gaps.add(m.start() + 1)
    for pattern in (EMPTY, SPACE_BEFORE_PUNCT):
        for m in pattern.finditer(extensions.text(doc)):
            if in_body(m.end()):
                gaps.add(m.end())
    return sorted(gaps)


def _token_gaps(doc: Doc, in_body) -> Iterator[int]:
    after_gap = set()
    for token in doc:
        if not in_body(token.idx):
            continue
        nxt = _next(token)
        if nxt is None:
            continue
        if token.text in POSSESSIVE and token.i > 0 and doc[token.i - 1].whitespace_:
            after_gap.add(token.i)
            yield token.idx
        if needs_noun_after(token, nxt) or (
            token.i in after_gap and token.lower_ == "and" and (nxt.tag_ == "IN" or nxt.text in {",", "."})
        ):
            after_gap.add(nxt.i)
            yield nxt.idx
    for sent in doc.sents:
        if in_body(sent.start_char) and (first := subject_lost(sent)) is not None:
            yield first.idx


def restore(text: str, position: int) -> tuple[str | None, str | None]:
    left, right = text[max(0, position - 80) : position], text[position : position + 80]
    for left_re, right_re, name, confidence in lexicon()["restoration"]:
        if left_re.search(left) and right_re.search(right):
            return name, confidence
    return None, None


class Lacunae:
    def __call__(self, doc: Doc) -> Doc:
        extensions.ensure(doc)
        found = []
        for position in find_gaps(doc):
            name, confidence = restore(extensions.text(doc), position)
            found.append((position, name, confidence, SCORES.get(confidence or "")))
        doc._.lacunae = found
        return doc


@Language.factory("destal_lacunae", default_config={})
def make_lacunae(nlp: Language, name: str) -> Lacunae:
    return Lacunae()
