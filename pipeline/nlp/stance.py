"""Stance: where each body sentence stands between power play and genuine liberalisation.

Features are the domain's own signals (pipeline/nlp/cues.py): cue scores after negation,
concession and hedging; the same scores for the rest of the paragraph and the neighbouring
sentences; who is speaking and how the author aligns with them; how much of the sentence is
bare dates and figures. A multinomial logistic model over them gives a score per label; its
weights are plain JSON (``resources/models/stance.json``) written by
``python -m pipeline train stance`` from the gold annotations, with the data's hash.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp import extensions
from pipeline.nlp.cues import STANCES, Cue, cue_scores, find_cues, is_meta, lexicon_label
from pipeline.paths import RESOURCES

MODEL = RESOURCES / "models" / "stance.json"
SIDES = STANCES[:3]
VOICE_TYPES = ("author", "scholar", "school", "actor")


@dataclass
class SentenceView:
    """What the features need of a sentence: its text, voice, and numeric share."""

    text: str
    voice_type: str = "author"
    alignment: str = "n/a"
    numeric_share: float = 0.0
    events: int = 0
    scores: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.scores:
            self.scores = cue_scores(self.text)


FEATURES = (
    [f"cue_{s}" for s in SIDES]
    + ["cue_both_sides", "cue_margin", "has_negation_cue", "has_concession_cue"]
    + [f"para_{s}" for s in SIDES]
    + [f"prev_{s}" for s in SIDES]
    + [f"next_{s}" for s in SIDES]
    + [f"voice_{v}" for v in VOICE_TYPES]
    + ["align_contest", "align_endorse", "numeric_share", "log_length", "events", "first_in_paragraph", "quotes", "meta"]
    + [f"lexicon_{s}" for s in STANCES]
)


def features(paragraph: list[SentenceView], i: int) -> list[float]:
    """The feature vector of sentence ``i`` of a paragraph, in ``FEATURES`` order."""
    s = paragraph[i]
    cues = find_cues(s.text)
    others = [p for j, p in enumerate(paragraph) if j != i]
    n = max(len(others), 1)
    prev = paragraph[i - 1].scores if i > 0 else dict.fromkeys(SIDES, 0.0)
    nxt = paragraph[i + 1].scores if i + 1 < len(paragraph) else dict.fromkeys(SIDES, 0.0)
    pp, lib = s.scores["power_play"], s.scores["liberalisation"]
    return [
        *(s.scores[x] for x in SIDES),
        min(pp, lib),
        pp - lib,
        float(any(c.negated for c in cues)),
        float(any(c.concessive for c in cues)),
        *(sum(o.scores[x] for o in others) / n for x in SIDES),
        *(prev[x] for x in SIDES),
        *(nxt[x] for x in SIDES),
        *(float(s.voice_type == v) for v in VOICE_TYPES),
        float(s.alignment == "contest"),
        float(s.alignment == "endorse"),
        s.numeric_share,
        math.log(1 + len(s.text.split())),
        float(s.events),
        float(i == 0),
        float(any(q in s.text for q in '“"')),
        float(is_meta(s.text)),
        *(float(lexicon_label(s.scores) == label) for label in STANCES),
    ]


@dataclass
class StanceModel:
    """Standardised features -> softmax over the four labels."""

    classes: list[str]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    provenance: dict

    def proba(self, rows: list[list[float]]) -> np.ndarray:
        x = (np.asarray(rows, dtype=float) - self.mean) / self.scale
        z = x @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def to_json(self) -> str:
        data = {
            "features": FEATURES,
            "classes": self.classes,
            "mean": self.mean.round(8).tolist(),
            "scale": self.scale.round(8).tolist(),
            "coef": self.coef.round(8).tolist(),
            "intercept": self.intercept.round(8).tolist(),
            "provenance": self.provenance,
        }
        return json.dumps(data, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> StanceModel:
        data = json.loads(text)
        if data["features"] != FEATURES:
            raise ValueError("the stance model was trained on other features; retrain with `python -m pipeline train stance`")
        arrays = {k: np.asarray(data[k], dtype=float) for k in ("mean", "scale", "coef", "intercept")}
        return cls(data["classes"], **arrays, provenance=data["provenance"])


@cache
def load_model(path: Path = MODEL) -> StanceModel | None:
    return StanceModel.from_json(path.read_text(encoding="utf-8")) if path.is_file() else None


@dataclass
class Stance:
    label: str
    scores: dict[str, float]
    cues: list[Cue]
    end: int = 0


def sentence_view(sent: Span) -> SentenceView:
    voice = sent.doc._.voices.get(sent.start_char)
    tokens = [t for t in sent if not t.is_punct and not t.is_space]
    numeric = sum(1 for t in tokens if t.like_num or t.ent_type_ in ("DATE", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"))
    events = {event for start, _, event, _ in sent.doc._.event_mentions if sent.start_char <= start < sent.end_char}
    return SentenceView(
        sent.text,
        voice.type if voice else "author",
        voice.alignment if voice else "n/a",
        numeric / max(len(tokens), 1),
        len(events),
    )


def body_paragraphs(doc: Doc) -> list[list[Span]]:
    out = []
    for start, end, kind, _ in doc._.units:
        if kind == "body":
            unit = doc.char_span(start, end, alignment_mode="expand")
            out.append([s for s in unit.sents if s.text.strip()] if unit is not None else [])
    return out


class StanceTagger:
    """Scores every body sentence; without a model (before the first training) all are ``none``."""

    def __init__(self, model: StanceModel | None) -> None:
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        extensions.ensure(doc)
        for sents in body_paragraphs(doc):
            views = [sentence_view(s) for s in sents]
            rows = [features(views, i) for i in range(len(views))]
            probs = self.model.proba(rows) if self.model and rows else None
            for i, sent in enumerate(sents):
                cues = find_cues(sent.text, sent.start_char)
                if probs is None:
                    scores = {label: float(label == "none") for label in STANCES}
                else:
                    scores = {label: float(probs[i][self.model.classes.index(label)]) for label in STANCES}
                doc._.stances[sent.start_char] = Stance(max(scores, key=scores.get), scores, cues, sent.end_char)
        return doc


class LazyStanceTagger(StanceTagger):
    """Loads the model at first use, so a pipeline can be built (and the model retrained)
    while the model file is stale or missing."""

    def __init__(self) -> None:
        self._loaded = False
        super().__init__(None)

    def __call__(self, doc: Doc) -> Doc:
        if not self._loaded:
            self.model, self._loaded = load_model(), True
        return super().__call__(doc)


@Language.factory("destal_stance", default_config={})
def make_stance(nlp: Language, name: str) -> StanceTagger:
    return LazyStanceTagger()
