"""``python -m pipeline evaluate stance``: stance, voice and alignment against adjudicated gold.

On the development gold (the two seed texts and the essays of ``essays/``), stance is scored
in 5-fold cross-validation grouped by paragraph (no sentence is scored by a model trained on
its paragraph), and across documents (trained on the others, scored on each), beside a
majority-class baseline, the lexicon's cue counts alone, and the annotators' own agreement
with the adjudicated gold as the ceiling. Voice and alignment come from rules, not
training, and are scored directly.

The cue lexicon and the discourse rules were developed on that gold, so its figures are
development figures. The held-out essays (``heldout/``: written, annotated by two annotators
each and adjudicated after the reader was frozen) give the figure on text nothing was tuned on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.evaluate.agreement import annotations, value
from pipeline.evaluate.scoring import PRF, markdown_table
from pipeline.nlp.cues import STANCES, naive_label
from pipeline.nlp.linking import fold
from pipeline.nlp.stance_training import Example, development_examples, fit, gold_examples, standardise
from pipeline.paths import ESSAYS, HELDOUT

FOLDS = 5
UNREAD = "no negation, contrast, concession, thresholds"


@dataclass
class StanceScores:
    name: str
    gold: list[str]
    predicted: list[str]

    def per_label(self) -> dict[str, PRF]:
        out = {}
        for label in STANCES:
            tp = sum(g == p == label for g, p in zip(self.gold, self.predicted, strict=True))
            fp = sum(p == label != g for g, p in zip(self.gold, self.predicted, strict=True))
            fn = sum(g == label != p for g, p in zip(self.gold, self.predicted, strict=True))
            out[label] = PRF(tp, fp, fn)
        return out

    @property
    def macro_f1(self) -> float:
        return float(np.mean([s.f1 for s in self.per_label().values()]))


def grouped_folds(items: list[Example], k: int = FOLDS) -> list[list[int]]:
    """Paragraphs dealt to folds in a fixed order, so a paragraph never straddles folds."""
    groups = sorted({(e.doc, e.paragraph) for e in items})
    fold_of = {g: i % k for i, g in enumerate(groups)}
    return [[i for i, e in enumerate(items) if fold_of[(e.doc, e.paragraph)] == f] for f in range(k)]


def cue_predict(train: list[Example], test: list[Example]) -> list[str]:
    """The cue-family model fitted on ``train``: its most probable label for each of ``test``."""
    model = fit(np.asarray([e.features for e in train], dtype=float), [e.gold.label for e in train])
    return [model.classes[int(np.argmax(p))] for p in model.proba([e.features for e in test])]


def cross_validated(items: list[Example]) -> list[str]:
    return out_of_fold(items, grouped_folds(items), cue_predict)


NGRAM_GRID = tuple((c, w) for c in (0.01, 0.1, 1.0) for w in (0.0, 1.0, 3.0, 10.0))


def ngram_matrices(train: list[Example], test: list[Example], weight: float, cues: bool):
    """Word uni- and bigrams (tf-idf fitted on the training sentences), scaled by ``weight``,
    beside the standardised cue-family features when ``cues``."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    words = [weight * vectorizer.fit_transform([_text(e) for e in train]), weight * vectorizer.transform([_text(e) for e in test])]
    if not cues:
        return words
    x = np.asarray([e.features for e in train], dtype=float)
    mean, scale = standardise(x)
    dense = [(np.asarray([e.features for e in part], dtype=float) - mean) / scale for part in (train, test)]
    return [hstack([csr_matrix(d), w]).tocsr() for d, w in zip(dense, words, strict=True)]


def ngram_predict(train: list[Example], test: list[Example], cues: bool, c: float, weight: float) -> list[str]:
    from sklearn.linear_model import LogisticRegression

    x_train, x_test = ngram_matrices(train, test, weight, cues)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    model.fit(x_train, [e.gold.label for e in train])
    return list(model.predict(x_test))


def ngram_cross_validated(items: list[Example], cues: bool) -> list[str]:
    """A learner that reads words, not only cues: logistic regression over word n-grams (with
    the cue families when ``cues``). Its regularisation and the n-grams' weight are chosen
    inside each training fold by a second grouped cross-validation, so no sentence scored
    helped choose them."""
    grid = sorted(NGRAM_GRID if cues else {(c, 1.0) for c, _ in NGRAM_GRID})

    def inner_f1(train: list[Example], params: tuple[float, float]) -> float:
        predicted = out_of_fold(train, grouped_folds(train, FOLDS - 1), lambda a, b: ngram_predict(a, b, cues, *params))
        return StanceScores("inner", [e.gold.label for e in train], predicted).macro_f1

    def predict(train: list[Example], test: list[Example]) -> list[str]:
        return ngram_predict(train, test, cues, *max(grid, key=lambda params: inner_f1(train, params)))

    return out_of_fold(items, grouped_folds(items), predict)


def out_of_fold(items: list[Example], folds: list[list[int]], predict) -> list[str]:
    """Each fold's labels as predicted by ``predict(train, test)`` trained on the other folds."""
    predicted = [""] * len(items)
    for test in folds:
        held = set(test)
        train = [e for i, e in enumerate(items) if i not in held]
        for i, label in zip(test, predict(train, [items[i] for i in test]), strict=True):
            predicted[i] = label
    return predicted


def across_documents(items: list[Example]) -> tuple[list[str], list[str]]:
    """Train on the other documents, score on each in turn."""
    gold, predicted = [], []
    for doc in sorted({e.doc for e in items}):
        test = [e for e in items if e.doc == doc]
        gold += [e.gold.label for e in test]
        predicted += cue_predict([e for e in items if e.doc != doc], test)
    return gold, predicted


def ceiling(items: list[Example], root: Path | None) -> list[StanceScores]:
    """Each annotator against the adjudicated gold: what a perfect reader of the guidelines gets."""
    out = []
    by_key = {(e.doc, e.gold.fragments): e.gold for e in items}
    for annotator, records in sorted(annotations(root).items()):
        keys = [k for k in by_key if k in records]
        out.append(StanceScores(f"annotator {annotator}", [by_key[k].label for k in keys], [records[k].label for k in keys]))
    return out


def voice_accuracy(items: list[Example]) -> list[list]:
    rows = []
    for subset, chosen in (("stance-bearing", [e for e in items if e.gold.label != "none"]), ("all body sentences", items)):
        n = len(chosen)
        voice = sum(fold(e.claim.attrs["voice"]) == value(e.gold, "voice") for e in chosen)
        vtype = sum(e.claim.attrs["voice_type"] == e.gold.attrs.get("voice_type") for e in chosen)
        align = sum(e.claim.attrs["alignment"] == e.gold.attrs.get("alignment") for e in chosen)
        rows.append([subset, n, voice / n, vtype / n, align / n])
    return rows


def _text(example: Example) -> str:
    return example.claim.attrs.get("reading") or example.claim.text


def report(root: Path | None = None, heldout: Path | None = HELDOUT) -> str:
    items = development_examples(root)
    if not items:
        return "no adjudicated gold claims under annotations/gold/adjudicated"
    gold = [e.gold.label for e in items]
    doc_gold, doc_predicted = across_documents(items)
    runs = [
        *baselines(items),
        *per_document(items),
        StanceScores(f"cue-family learner, {FOLDS}-fold CV grouped by paragraph", gold, cross_validated(items)),
        StanceScores("cue-family learner, trained on the other documents", doc_gold, doc_predicted),
        StanceScores(f"word n-grams (bag of words), {FOLDS}-fold CV grouped by paragraph", gold, ngram_cross_validated(items, cues=False)),
        StanceScores(f"cue families + word n-grams, {FOLDS}-fold CV grouped by paragraph", gold, ngram_cross_validated(items, cues=True)),
        *ceiling(items, root),
        *ceiling(items, ESSAYS / "annotations"),
    ]
    out = (
        f"Development gold: stance on {len(items)} body sentences of {len({e.doc for e in items})} texts, "
        f"the seeds and essays/ ({_distribution(gold)}):\n\n" + _stance_table(runs)
    )
    out += "\n\nVoice and alignment (rules, no training):\n\n" + _voice_table(items)
    return out + (heldout_report(items, gold_examples(heldout), heldout) if heldout is not None else "")


def baselines(items: list[Example]) -> list[StanceScores]:
    """The majority class, the lexicon's cue counts alone, and the served cue decision."""
    gold = [e.gold.label for e in items]
    majority = Counter(gold).most_common(1)[0][0]
    return [
        StanceScores("majority class", gold, [majority] * len(items)),
        StanceScores(f"lexicon, cue counts only ({UNREAD})", gold, [naive_label(_text(e)) for e in items]),
        StanceScores("cue decision (served; no training)", gold, [e.lexicon for e in items]),
    ]


def per_document(items: list[Example]) -> list[StanceScores]:
    """The served cue decision on each document alone."""
    docs = sorted({e.doc for e in items}, reverse=True)
    return [
        StanceScores(f"cue decision, {doc} only", [e.gold.label for e in items if e.doc == doc], [e.lexicon for e in items if e.doc == doc])
        for doc in docs
    ]


def heldout_report(development: list[Example], items: list[Example], heldout: Path = HELDOUT) -> str:
    """The same systems on the held-out essays, which no cue, rule or model was developed on:
    the served cue decision as it is, and the cue-family learner trained on all the
    development gold."""
    if not items:
        return ""
    gold = [e.gold.label for e in items]
    runs = [
        *baselines(items),
        *per_document(items),
        StanceScores("cue-family learner, trained on the development gold", gold, cue_predict(development, items)),
        *ceiling(items, heldout / "annotations"),
    ]
    return (
        f"\n\nHeld-out essays ({len({e.doc for e in items})} texts written after the stance reader was frozen), "
        f"stance on {len(items)} gold body sentences ({_distribution(gold)}):\n\n"
        + _stance_table(runs)
        + "\n\nVoice and alignment on the held-out essays:\n\n"
        + _voice_table(items)
    )


def _distribution(gold: list[str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in Counter(gold).most_common())


def _stance_table(runs: list[StanceScores]) -> str:
    head = ["system", "macro-F1", *[f"{s} P/R/F1" for s in STANCES]]
    rows = [[r.name, r.macro_f1, *[f"{p.precision:.2f}/{p.recall:.2f}/{p.f1:.2f}" for p in r.per_label().values()]] for r in runs]
    return markdown_table(head, rows)


def _voice_table(items: list[Example]) -> str:
    return markdown_table(["sentences", "n", "voice", "voice type", "alignment"], voice_accuracy(items))
