"""The entity layer against the hand-checked gold, beside bare en_core_web_sm."""

from __future__ import annotations

import pytest

from pipeline.evaluate import entities


@pytest.fixture(scope="module")
def report():
    return entities.evaluate()


def test_entity_f1_reaches_090(report):
    assert report.system["ALL"].f1 >= 0.90


def test_pipeline_beats_bare_spacy_by_15_points(report):
    assert report.system["ALL"].f1 >= report.baseline["ALL"].f1 + 0.15


def test_people_are_linked_to_the_right_identity(report):
    correct, total = report.linking["PERSON"]
    assert total >= 250 and correct / total >= 0.95


def test_table_names_every_label(report):
    table = report.table()
    for label in ("PERSON", "DATE", "WORK_OF_ART", "ALL"):
        assert f"| {label} |" in table


def test_rules_alone_beat_bare_spacy(report):
    """Without the gazetteer, span rules and date patterns still add to the statistical NER."""
    assert report.baseline["ALL"].f1 < report.no_gazetteer["ALL"].f1 < report.system["ALL"].f1
