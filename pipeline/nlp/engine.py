"""The NLP engine seam: the one place that turns reading-order text into annotated spaCy Docs.

An engine makes a ``Doc`` from text (so the layout's units and context can be attached before
any component runs) and runs the pipeline over such Docs. The spaCy engine is assembled from
``config.cfg``; another engine (stanza, through a tokenizer/tagger/parser of its own) stands
beside it by returning Docs with the same tokens, sentence starts, entities and extensions, so
every destal_* component and every record writer works on its output unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from functools import cache
from pathlib import Path
from typing import Protocol

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import components  # noqa: F401  (registers the destal_* factories)

CONFIG = Path(__file__).resolve().parent / "config.cfg"


class Engine(Protocol):
    def make_doc(self, text: str) -> Doc: ...

    def pipe(self, docs: Iterable[Doc], disable: tuple[str, ...] = ()) -> Iterator[Doc]: ...


@cache
def load(config: Path = CONFIG, overrides: tuple[tuple[str, object], ...] = ()) -> Language:
    """The configured spaCy pipeline (loaded once per process and set of overrides)."""
    return spacy.util.load_model_from_config(spacy.util.load_config(config, overrides=dict(overrides)), auto_fill=True)


class SpacyEngine:
    """The default engine: the configured spaCy pipeline."""

    def __init__(self, config: Path = CONFIG, overrides: tuple[tuple[str, object], ...] = ()) -> None:
        self.nlp = load(config, overrides)

    def make_doc(self, text: str) -> Doc:
        return self.nlp.make_doc(text)

    def pipe(self, docs: Iterable[Doc], disable: tuple[str, ...] = ()) -> Iterator[Doc]:
        selected: AbstractContextManager = self.nlp.select_pipes(disable=list(disable))
        with selected:
            yield from self.nlp.pipe(docs, batch_size=4)


def engine_name() -> str:
    """The engine ``$DESTAL_ENGINE`` names: ``spacy`` (the default) or ``stanza`` (the project's own tokenizer, optional extra)."""
    name = os.environ.get("DESTAL_ENGINE", "spacy").strip().lower() or "spacy"
    if name not in ("spacy", "stanza"):
        raise ValueError(f"DESTAL_ENGINE={name!r}: the engines are 'spacy' and 'stanza'")
    return name


@cache
def default_engine() -> Engine:
    if engine_name() == "stanza":
        from pipeline.nlp.stanza_engine import StanzaEngine

        return StanzaEngine()
    return SpacyEngine()
