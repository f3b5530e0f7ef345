"""Where the project keeps its corpus and annotations; overridable for tests and new corpora."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = Path(__file__).resolve().parent / "resources"
# Essays written for evaluation, each set a corpus of its own (<set>/corpus) with its own gold
# (<set>/annotations), never served by the dashboard. ``essays/`` holds the first two held-out
# sets; the stance reader has since been developed on them, so they are development gold now.
# ``heldout/`` was written after the current revision was frozen: the test on unseen text.
ESSAYS = ROOT / "essays"
HELDOUT = ROOT / "heldout"


def corpus_dir() -> Path:
    """The corpus folder: ``$DESTAL_CORPUS`` or ``corpus/`` beside the package."""
    return Path(os.environ.get("DESTAL_CORPUS", ROOT / "corpus"))


def annotations_dir() -> Path:
    """The annotations folder: ``$DESTAL_ANNOTATIONS`` or ``annotations/`` beside the package."""
    return Path(os.environ.get("DESTAL_ANNOTATIONS", ROOT / "annotations"))
