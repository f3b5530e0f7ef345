"""Fit the stance model from the development gold (the seed texts and ``essays/``):
``python -m pipeline train stance``.

The model file records what it was trained on (the hash of every gold file it read, the
number of examples, the feature list), so it is never a file of unknown origin; training is
deterministic, so the same gold gives the same bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from pipeline import PRODUCER
from pipeline.catalog import load_catalog
from pipeline.claims import align, gold_claims
from pipeline.nlp import document as nlp_document
from pipeline.nlp.cues import STANCES, paragraph_labels
from pipeline.nlp.stance import MODEL, StanceModel, StanceTagger, body_paragraphs, features, sentence_view
from pipeline.paths import ESSAYS, ROOT
from pipeline.records import Record
from pipeline.store import atomic_write, gold_dir

C = 0.003


@dataclass
class Example:
    """One body sentence with its features, predictions and (if adjudicated) gold labels."""

    doc: str
    paragraph: int
    claim: Record
    features: list[float]
    lexicon: str
    gold: Record | None


def examples(root: Path | None = None, corpus: Path | None = None) -> list[Example]:
    """Every body sentence of a corpus (``corpus``, default the project's), processed by the
    pipeline and aligned with the gold under the annotations folder ``root``."""
    docs = load_catalog(corpus)
    prepared = [nlp_document.prepare_document(d) for d in docs]
    out = []
    for doc, (prep, spacy_doc) in zip(docs, nlp_document.process(prepared, disable=("destal_stance",)), strict=True):
        StanceTagger(None)(spacy_doc)
        claims = {c.start: c for c in nlp_document.claim_records(prep, spacy_doc)}
        gold = align(gold_claims(doc.id, root), list(claims.values()))
        for p, sents in enumerate(body_paragraphs(spacy_doc)):
            views = [sentence_view(s) for s in sents]
            labels = [label for label, _ in paragraph_labels([v.text for v in views])]
            for i, sent in enumerate(sents):
                claim = _claim_for(prep, spacy_doc, sent, claims)
                if claim is None:
                    continue
                out.append(Example(doc.id, p, claim, features(views, labels, i), labels[i], gold.get(claim.id)))
    return out


def gold_examples(folder: Path) -> list[Example]:
    """The adjudicated sentences of an essay set (``folder``/corpus with ``folder``/annotations);
    none where the set is absent."""
    if not (folder / "corpus").is_dir():
        return []
    return [e for e in examples(folder / "annotations", folder / "corpus") if e.gold is not None]


def development_examples(root: Path | None = None) -> list[Example]:
    """Every adjudicated sentence the stance reader was developed on: the seed texts (gold under
    ``root``) and the essays of ``essays/``."""
    return [e for e in examples(root) if e.gold is not None] + gold_examples(ESSAYS)


def _claim_for(prep: nlp_document.Prepared, doc: Doc, sent, claims: dict[int, Record]) -> Record | None:
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    fragments = prep.stream.fragments(start, start + len(text))
    return claims.get(fragments[0][0]) if fragments else None


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each feature's mean and spread; a feature that never varies keeps a spread of 1."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


def fit(x: np.ndarray, y: list[str]) -> StanceModel:
    """Standardise, then a class-balanced multinomial logistic regression."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = standardise(x)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    model.fit((x - mean) / scale, y)
    classes = list(model.classes_)
    coef, intercept = model.coef_, model.intercept_
    missing = [c for c in STANCES if c not in classes]
    if missing:
        coef = np.vstack([coef, np.full((len(missing), coef.shape[1]), 0.0)])
        intercept = np.concatenate([intercept, np.full(len(missing), -1e3)])
        classes += missing
    return StanceModel(classes, mean, scale, coef, intercept, {})


def gold_hash(root: Path | None = None) -> dict[str, str]:
    """The hash of every adjudicated claim file the model reads, by path from the project root."""
    folders = [gold_dir(root) / "adjudicated", gold_dir(ESSAYS / "annotations") / "adjudicated"]
    files = sorted(p for folder in folders for p in folder.glob("*.claim.jsonl"))
    return {_shown(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def train(root: Path | None = None, out: Path = MODEL) -> StanceModel:
    labelled = development_examples(root)
    if not labelled:
        raise ValueError("no adjudicated gold claims to train on (annotations/gold/adjudicated/*.claim.jsonl)")
    x = np.asarray([e.features for e in labelled], dtype=float)
    model = fit(x, [e.gold.label for e in labelled])
    model.provenance = {
        "command": "python -m pipeline train stance",
        "producer": PRODUCER,
        "examples": len(labelled),
        "gold": gold_hash(root),
        "C": C,
    }
    atomic_write(out, model.to_json())
    return model
