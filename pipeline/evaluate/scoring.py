"""Precision, recall and F1 over sets of labelled spans, and small table helpers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @classmethod
    def of_sets(cls, gold: set, predicted: set) -> PRF:
        """Exact-match counts of a predicted set against a gold set."""
        return cls(len(gold & predicted), len(predicted - gold), len(gold - predicted))

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def prf_by_label(gold: Iterable[tuple[Hashable, str]], predicted: Iterable[tuple[Hashable, str]]) -> dict[str, PRF]:
    """Exact-match P/R/F1 per label and ``ALL`` (micro) for ``(span key, label)`` pairs."""
    gold_set, pred_set = set(gold), set(predicted)
    labels = sorted({label for _, label in gold_set | pred_set})
    counts: dict[str, Counter] = {label: Counter() for label in [*labels, "ALL"]}
    for item in pred_set:
        key = "tp" if item in gold_set else "fp"
        counts[item[1]][key] += 1
        counts["ALL"][key] += 1
    for item in gold_set - pred_set:
        counts[item[1]]["fn"] += 1
        counts["ALL"]["fn"] += 1
    return {label: PRF(c["tp"], c["fp"], c["fn"]) for label, c in counts.items()}


def markdown_table(header: list[str], rows: list[list[object]]) -> str:
    def cell(value: object) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
