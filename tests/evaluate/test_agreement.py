"""Agreement statistics on textbook cases."""

from __future__ import annotations

import math

import pytest

from pipeline.evaluate.agreement import cohen_kappa, krippendorff_alpha


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (["x", "y", "x", "y"], ["x", "y", "x", "y"], 1.0),
        (["x", "x", "y", "y"], ["x", "y", "x", "y"], 0.0),
        # 20 items: 15 agree (10 yes, 5 no); expected agreement 0.5 -> kappa 0.5
        (["y"] * 10 + ["n"] * 5 + ["y"] * 5, ["y"] * 10 + ["n"] * 5 + ["n"] * 5, 0.5),
    ],
)
def test_cohen_kappa(a, b, expected):
    assert cohen_kappa(a, b) == pytest.approx(expected)


def test_krippendorff_alpha_perfect_and_none():
    assert krippendorff_alpha([["a", "a"], ["b", "b"], ["a", "a"]]) == pytest.approx(1.0)
    assert krippendorff_alpha([["a", "b"], ["b", "a"]]) < 0


def test_krippendorff_alpha_matches_kappa_closely_for_two_coders():
    a = ["p", "p", "l", "n", "n", "m", "p", "l", "n", "p"]
    b = ["p", "l", "l", "n", "n", "m", "p", "p", "n", "p"]
    alpha = krippendorff_alpha([[x, y] for x, y in zip(a, b, strict=True)])
    assert math.isclose(alpha, cohen_kappa(a, b), abs_tol=0.05)


def test_units_with_one_coder_are_skipped():
    assert krippendorff_alpha([["a"], ["b"], ["a", "a"], ["b", "b"]]) == pytest.approx(1.0)


def test_pairs_are_the_annotators_who_labelled_the_same_document():
    """In the development essays each pair of annotators labelled its own essays: a pair that
    shares no sentence has no row, and no kappa is computed on nothing."""
    from pipeline.evaluate.agreement import report
    from pipeline.paths import ESSAYS

    table = report(ESSAYS / "annotations")
    pairs = {line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ann-")}
    assert pairs == {"ann-c / ann-d", "ann-e / ann-f", "ann-g / ann-h", "ann-i / ann-j"}
