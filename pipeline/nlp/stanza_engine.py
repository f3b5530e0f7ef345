"""The stanza engine: stanza's tokenizer segments the text, the configured spaCy components annotate it.

Stanza's pretrained models cannot be fetched here, so the tokenizer is the project's own
(``python -m pipeline train tokenizer``, shipped under ``resources/models/stanza/``) and is
loaded with ``download_method=None``: nothing is ever downloaded.

Offsets. The Doc's words are cut from the text itself at stanza's token boundaries (whitespace
between tokens becomes spaCy's trailing space, or a whitespace token as spaCy's tokenizer makes
one), so ``doc.text == text`` holds whatever stanza returns and every character offset maps
back to the source through the reading-order stream.

Sentence boundaries. Stanza's win over the parser's: every token's ``is_sent_start`` is set
(True at stanza's sentence starts, False elsewhere), and spaCy's parser keeps preset
boundaries, so it adds and removes none. ``destal_sentences`` still runs first, exactly as in
the spaCy engine, as a veto layered on stanza's decision: it forces a start at every unit of
the reading-order stream (stanza already splits at the blank lines between units) and forbids
the corpus's known traps (after initials and abbreviations, inside quoted titles, before a
lower-case continuation, before a possessive). The raw tokenizer's boundaries, before that veto,
are kept in ``doc.user_data["stanza_sent_starts"]`` so the two can be evaluated apart
(``python -m pipeline evaluate engines``).

torch and stanza are imported only when a tokenizer is loaded: importing the package never
imports them, and they are an optional extra (``pip install -e '.[stanza]'``).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.nlp.engine import CONFIG, SpacyEngine
from pipeline.paths import RESOURCES

MODEL_DIR = RESOURCES / "models" / "stanza"
PACKAGE = "destal"
WHITESPACE = re.compile(r"\s+")

Span = tuple[int, int]


def model_path(model_dir: Path = MODEL_DIR) -> Path:
    """Where stanza looks for the tokenizer of ``PACKAGE`` under a model folder (its own layout)."""
    return model_dir / "en" / "tokenize" / f"{PACKAGE}.pt"


@cache
def tokenizer(model_dir: Path = MODEL_DIR) -> Any:
    """The stanza tokenizer of a model folder, loaded once per process, offline."""
    try:
        import stanza
    except ImportError as err:
        raise ImportError("the stanza engine needs the optional extra: pip install -e '.[stanza]'") from err
    if not model_path(model_dir).is_file():
        raise FileNotFoundError(f"{model_path(model_dir)}: no stanza tokenizer here; run `python -m pipeline train tokenizer`")
    return stanza.Pipeline(
        lang="en",
        dir=str(model_dir),
        processors="tokenize",
        download_method=None,
        device="cpu",
        logging_level="WARN",
    )


def segment(nlp: Any, text: str) -> tuple[list[Span], set[int]]:
    """Stanza's tokens as character spans of ``text``, and the offsets where its sentences start."""
    spans: list[Span] = []
    starts: set[int] = set()
    for sentence in nlp(text).sentences:
        for i, token in enumerate(sentence.tokens):
            spans.append((token.start_char, token.end_char))
            if i == 0:
                starts.add(token.start_char)
    return spans, starts


def cut(text: str, spans: Iterable[Span]) -> list[Span]:
    """The non-whitespace pieces of ``text``, cut at every token boundary: words that cover the text exactly."""
    cuts = sorted({offset for span in spans for offset in span})
    words: list[Span] = []
    position = 0
    for gap in [*WHITESPACE.finditer(text), None]:
        end = gap.start() if gap else len(text)
        inner = cuts[bisect_right(cuts, position) : bisect_left(cuts, end)]
        bounds = [position, *inner, end]
        words += [(s, e) for s, e in itertools.pairwise(bounds) if s < e]
        position = gap.end() if gap else end
    return words


def words_and_spaces(text: str, pieces: list[Span]) -> tuple[list[str], list[bool]]:
    """spaCy's convention: one following space is a word's trailing space, other whitespace is a token."""
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for start, end in [*pieces, (len(text), len(text))]:
        gap = text[position:start]
        if gap and words and gap[0] == " ":
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
        if start < end:
            words.append(text[start:end])
            spaces.append(False)
        position = end
    return words, spaces


def make_doc(vocab: Vocab, text: str, spans: list[Span], starts: set[int]) -> Doc:
    """A Doc with stanza's tokens and every sentence start preset (True at stanza's, False elsewhere)."""
    words, spaces = words_and_spaces(text, cut(text, spans))
    offsets, position = [], 0
    for word, space in zip(words, spaces, strict=True):
        offsets.append(position)
        position += len(word) + space
    sent_starts = [i == 0 or (not word.isspace() and offset in starts) for i, (word, offset) in enumerate(zip(words, offsets, strict=True))]
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    doc.user_data["stanza_sent_starts"] = sorted(offset for offset, start in zip(offsets, sent_starts, strict=True) if start)
    return doc


class StanzaEngine:
    """Stanza's tokens and sentences, then the configured spaCy components, exactly as in SpacyEngine."""

    def __init__(self, model_dir: Path = MODEL_DIR, config: Path = CONFIG, overrides: tuple[tuple[str, object], ...] = ()) -> None:
        self.spacy = SpacyEngine(config, overrides)
        self.tokenizer = tokenizer(model_dir)

    def make_doc(self, text: str) -> Doc:
        spans, starts = segment(self.tokenizer, text)
        return make_doc(self.spacy.nlp.vocab, text, spans, starts)

    def pipe(self, docs: Iterable[Doc], disable: tuple[str, ...] = ()) -> Iterator[Doc]:
        yield from self.spacy.pipe(docs, disable)
