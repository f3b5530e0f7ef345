"""The NLP engine seam: one place that turns reading-order text into annotated spaCy Docs.

The spaCy engine is assembled from ``config.cfg``; another engine (stanza) can stand beside
it by returning Docs with the same extension attributes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Protocol

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import components  # noqa: F401  (registers the destal_* factories)

CONFIG = Path(__file__).resolve().parent / "config.cfg"


class Engine(Protocol):
    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]: ...


@cache
def load(config: Path = CONFIG) -> Language:
    """The configured spaCy pipeline (loaded once per process)."""
    return spacy.util.load_model_from_config(spacy.util.load_config(config), auto_fill=True)


class SpacyEngine:
    """The default engine: the configured spaCy pipeline."""

    def __init__(self, config: Path = CONFIG) -> None:
        self.nlp = load(config)

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        return self.nlp.pipe(texts, batch_size=16)
