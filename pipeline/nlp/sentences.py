"""Sentence boundaries that respect the corpus's traps, set before the parser so it keeps them.

The parser alone splits after initials ("Roy A. Medvedev"), abbreviations ("no. 3",
"pp. 9389"), inside quoted titles of footnotes, before a lower-case continuation after a
quoted question, at names lost in extraction ("… . 's trial") and, now and then, in the
middle of a clause ("cleared in 1957, yet | Bukharin"); it can also run across a paragraph
break. This component forces a boundary at every unit (paragraph or note) of
the reading-order stream and forbids the others.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.paths import RESOURCES

INITIAL = re.compile(r"^[A-Z]\.$|^[A-Z]\.[A-Z]\.$")
OPENING_QUOTES = {"“", "‘", '"', "'"}
CLOSING = {"”", "’", '"', "'", "?", "!"}
POSSESSIVE = {"'s", "’s"}
FINAL = {".", "?", "!"}


@cache
def abbreviations() -> frozenset[str]:
    lines = (RESOURCES / "abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_abbreviation(doc: Doc, i: int) -> bool:
    """Whether token ``i`` (joined with a directly following '.') is an initial or abbreviation."""
    text = doc[i].text
    if i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_:
        text += "."
    return bool(INITIAL.match(text)) or text in abbreviations()


def starts_unit(previous: Token) -> bool:
    return "\n\n" in previous.text or "\n\n" in previous.whitespace_


def forbidden_start(token: Token) -> bool:
    """A token that cannot open a sentence whatever the parser thinks."""
    doc, previous = token.doc, token.doc[token.i - 1]
    after_abbreviation = is_abbreviation(doc, previous.i) or (
        previous.text == "." and previous.i > 0 and is_abbreviation(doc, previous.i - 1)
    )
    lower_continuation = token.is_lower and token.is_alpha and previous.text in CLOSING
    number_after_colon = token.text.rstrip(".").isdigit() and previous.text == ":"
    inside_quote = previous.text in OPENING_QUOTES and not previous.whitespace_ and previous.i > 0 and doc[previous.i - 1].whitespace_
    possessive = previous.text in POSSESSIVE
    return after_abbreviation or lower_continuation or number_after_colon or inside_quote or possessive or mid_clause(previous)


def mid_clause(previous: Token) -> bool:
    """After a comma, a semicolon or a lower-case word on the same line the sentence goes on
    ("cleared in 1957, yet Bukharin …"); the parser sometimes splits there."""
    if "\n" in previous.whitespace_:
        return False
    return previous.text in (",", ";") or (previous.is_alpha and previous.is_lower)


@Language.factory("destal_sentences", default_config={})
def make_sentences(nlp: Language, name: str) -> SentenceRules:
    return SentenceRules()


class SentenceRules:
    """Force unit starts; forbid starts after initials, abbreviations and the other traps.

    The decisions are written in one array: setting ``Token.is_sent_start`` token by token
    costs a scan of the whole Doc each time, and most tokens are decided."""

    def __call__(self, doc: Doc) -> Doc:
        starts = doc.to_array([SENT_START]).astype(np.int64)
        for token in doc[1:]:
            starts[token.i] = self.decide(token, doc[token.i - 1], int(starts[token.i]))
        doc.from_array([SENT_START], starts.astype(np.uint64))
        return doc

    @staticmethod
    def decide(token: Token, previous: Token, current: int) -> int:
        """1 to open a sentence at ``token``, -1 to forbid it, ``current`` to leave it to the parser."""
        if starts_unit(previous):
            return 1
        if token.is_space:
            return current
        if token.text in POSSESSIVE and previous.text in FINAL:
            return 1
        return -1 if forbidden_start(token) else current
