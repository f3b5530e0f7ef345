"""Where the project keeps its corpus and annotations; overridable for tests and new corpora."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = Path(__file__).resolve().parent / "resources"
# Essays written for evaluation after the stance cues were frozen: a corpus of their own
# (heldout/corpus) with their own gold (heldout/annotations), never served by the dashboard.
HELDOUT = ROOT / "heldout"


def corpus_dir() -> Path:
    """The corpus folder: ``$DESTAL_CORPUS`` or ``corpus/`` beside the package."""
    return Path(os.environ.get("DESTAL_CORPUS", ROOT / "corpus"))


def annotations_dir() -> Path:
    """The annotations folder: ``$DESTAL_ANNOTATIONS`` or ``annotations/`` beside the package."""
    return Path(os.environ.get("DESTAL_ANNOTATIONS", ROOT / "annotations"))
