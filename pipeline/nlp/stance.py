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
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp import extensions
from pipeline.nlp.cues import STANCE_LABELS as STANCES
from pipeline.nlp.cues import STRONG, Cue, cue_scores, find_cues, is_meta, lexicon, paragraph_labels
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


def cue_families() -> list[str]:
    """One name per cue family of ``stance_cues.toml`` (its stance and position)."""
    return [f"{stance}#{i}" for i, (_, stance, _, _) in enumerate(lexicon()["cues"])]


FEATURES = (
    [f"family_{f}" for f in cue_families()]
    + [f"negated_{f}" for f in cue_families()]
    + ["meta", "numeric_share"]
    + [f"voice_{v}" for v in VOICE_TYPES]
    + [f"paragraph_{s}" for s in SIDES]
    + [f"lexicon_{s}" for s in STANCES]
)


def family_counts(text: str) -> list[float]:
    """Cue matches per family, negated ones apart; a concessive-clause match counts half."""
    n = len(lexicon()["cues"])
    counts = [0.0] * (2 * n)
    for cue in find_cues(text):
        counts[cue.family + (n if cue.negated else 0)] += 0.5 if cue.concessive else 1.0
    return counts


def features(paragraph: list[SentenceView], labels: list[str], i: int) -> list[float]:
    """The feature vector of sentence ``i`` of a paragraph, in ``FEATURES`` order: its cue
    families, meta-discourse, narrative density, voice, and how the rest of the paragraph reads
    (``labels``: the paragraph's cue decisions, from ``paragraph_labels``)."""
    s = paragraph[i]
    others = labels[:i] + labels[i + 1 :]
    n = max(len(others), 1)
    label = labels[i]
    return [
        *family_counts(s.text),
        float(is_meta(s.text)),
        s.numeric_share,
        *(float(s.voice_type == v) for v in VOICE_TYPES),
        *(sum(o == side for o in others) / n for side in SIDES),
        *(float(label == x) for x in STANCES),
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


def cue_decision(view: SentenceView, label: str) -> dict[str, float]:
    """Scores for the label the cues decided (``paragraph_labels``): a softmax over each side's
    cue strength and the firing threshold for ``none``, the decided label lifted so it is
    always the top score."""
    raw = np.array([view.scores["power_play"], view.scores["liberalisation"], view.scores["mixed"], STRONG])
    raw[STANCES.index(label)] += 1.0
    e = np.exp(2.0 * (raw - raw.max()))
    return {s: float(v) for s, v in zip(STANCES, e / e.sum(), strict=True)}


class StanceTagger:
    """Scores every body sentence. ``cues`` (the default): the cue decision; ``learned``: the
    cue-family model trained on the gold (all ``none`` until one is trained)."""

    def __init__(self, model: StanceModel | None, mode: str = "cues") -> None:
        self.model = model
        self.mode = mode

    def __call__(self, doc: Doc) -> Doc:
        extensions.ensure(doc)
        for sents in body_paragraphs(doc):
            views = [sentence_view(s) for s in sents]
            decided = paragraph_labels([v.text for v in views])
            for i, sent in enumerate(sents):
                label, scores = self.decide(views, [label for label, _ in decided], i)
                cues = find_cues(sent.text, sent.start_char)
                if (discourse := decided[i][1]) is not None:
                    cues.append(replace(discourse, start=discourse.start + sent.start_char, end=discourse.end + sent.start_char))
                doc._.stances[sent.start_char] = Stance(label, scores, cues, sent.end_char)
        return doc

    def decide(self, views: list[SentenceView], labels: list[str], i: int) -> tuple[str, dict[str, float]]:
        if self.mode == "cues":
            return labels[i], cue_decision(views[i], labels[i])
        if self.model is None:
            return "none", {label: float(label == "none") for label in STANCES}
        probs = self.model.proba([features(views, labels, i)])[0]
        scores = {label: float(probs[self.model.classes.index(label)]) for label in STANCES}
        return max(scores, key=scores.get), scores


class LazyStanceTagger(StanceTagger):
    """Loads the learned model at first use, so a pipeline can be built (and the model
    retrained) while the model file is stale or missing."""

    def __init__(self, mode: str) -> None:
        self._loaded = mode != "learned"
        super().__init__(None, mode)

    def __call__(self, doc: Doc) -> Doc:
        if not self._loaded:
            self.model, self._loaded = load_model(), True
        return super().__call__(doc)


@Language.factory("destal_stance", default_config={"mode": "cues"})
def make_stance(nlp: Language, name: str, mode: str) -> StanceTagger:
    if mode not in ("cues", "learned"):
        raise ValueError(f"destal_stance mode must be 'cues' or 'learned', not {mode!r}")
    return LazyStanceTagger(mode)
