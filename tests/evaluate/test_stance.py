"""Stance, voice and alignment against the adjudicated gold, and the model's provenance."""

from __future__ import annotations

import dataclasses
import json

import pytest

from pipeline.evaluate import stance
from pipeline.nlp import stance_training
from pipeline.nlp.stance import MODEL
from pipeline.paths import HELDOUT

FIRST_ESSAYS = ("elvestad-returnees", "vrabec-empire", "marczak-thaw")
SECOND_ESSAYS = ("ellery-second-wave", "okonek-bloc", "renner-motives")
HELDOUT_ESSAYS = ("sabel-reception", "haldane-legality", "aldana-coexistence")
HELDOUT_SENTENCES = 352


@pytest.fixture(scope="module")
def items():
    return [e for e in stance_training.examples() if e.gold is not None]


def test_every_gold_sentence_is_aligned_with_a_pipeline_sentence(items):
    assert len(items) == 298


def test_voice_accuracy_on_stance_bearing_sentences(items):
    (bearing, _) = stance.voice_accuracy(items)
    assert bearing[0] == "stance-bearing"
    assert bearing[2] >= 0.90


def test_folds_never_split_a_paragraph(items):
    folds = stance.grouped_folds(items)
    paragraphs = [{(items[i].doc, items[i].paragraph) for i in fold} for fold in folds]
    assert sum(len(p) for p in paragraphs) == len(set().union(*paragraphs))
    assert sorted(i for fold in folds for i in fold) == list(range(len(items)))


def test_served_stance_beats_the_majority_class(items):
    gold = [e.gold.label for e in items]
    served = stance.StanceScores("cues", gold, [e.lexicon for e in items]).macro_f1
    majority = stance.StanceScores("majority", gold, ["none"] * len(items)).macro_f1
    assert served >= majority + 0.3


def test_served_stance_reaches_070_and_beats_counting_the_same_cues_by_010_on_the_seed_gold(items):
    """The acceptance line, on the seed texts (the issue's gold), which the cues were revised
    on. The cue decision has no training, so its grouped cross-validated score is its score on
    every sentence; the held-out essays below give its score on unseen text."""
    runs = {r.name.split(" (")[0]: r.macro_f1 for r in stance.baselines(items)}
    served, counted = runs["cue decision"], runs["lexicon, cue counts only"]
    assert served >= 0.70
    assert served >= counted + 0.10


def test_retraining_reproduces_the_committed_model(tmp_path):
    out = tmp_path / "stance.json"
    stance_training.train(out=out)
    assert out.read_bytes() == MODEL.read_bytes()
    provenance = json.loads(out.read_text(encoding="utf-8"))["provenance"]
    assert provenance["command"] == "python -m pipeline train stance"
    gold = "annotations/gold/adjudicated/{}.claim.jsonl"
    seeds = {gold.format(d) for d in ("seniuc-2020", "grokipedia-destalinization")}
    essays = {"essays/" + gold.format(d) for d in FIRST_ESSAYS + SECOND_ESSAYS}
    assert set(provenance["gold"]) == seeds | essays
    assert provenance["examples"] == 298 + 288 + 372


def test_the_ngram_learner_never_sees_the_labels_it_is_scored_on(items):
    """Relabelling every sentence of a held-out fold leaves that fold's predictions unchanged:
    neither the model nor the choice of its hyperparameters saw them."""
    essay = [e for e in items if e.doc == "seniuc-2020"]
    held = stance.grouped_folds(essay)[0]
    relabelled = [dataclasses.replace(e, gold=dataclasses.replace(e.gold, label="mixed")) if i in held else e for i, e in enumerate(essay)]
    before = stance.ngram_cross_validated(essay, cues=True)
    after = stance.ngram_cross_validated(relabelled, cues=True)
    assert [before[i] for i in held] == [after[i] for i in held]
    assert any(e.gold.label != "mixed" for e in (essay[i] for i in held))


@pytest.fixture(scope="module")
def development():
    return stance_training.development_examples()


def test_the_development_gold_is_the_seeds_and_the_essays_of_both_earlier_rounds(development):
    assert len(development) == 298 + 288 + 372
    assert {e.doc for e in development} >= set(FIRST_ESSAYS + SECOND_ESSAYS)
    assert not {e.doc for e in development} & set(HELDOUT_ESSAYS)


@pytest.fixture(scope="module")
def heldout():
    return stance_training.gold_examples(HELDOUT)


def test_every_heldout_sentence_has_adjudicated_gold(heldout):
    assert len(heldout) == HELDOUT_SENTENCES
    assert {e.doc for e in heldout} == set(HELDOUT_ESSAYS)


def test_the_heldout_report_scores_the_served_stance_on_unseen_text(development, heldout):
    table = stance.heldout_report(development, heldout)
    served = next(line for line in table.splitlines() if line.startswith("| cue decision (served"))
    assert f"{HELDOUT_SENTENCES} gold body sentences" in table
    majority = stance.StanceScores("majority", [e.gold.label for e in heldout], ["none"] * len(heldout)).macro_f1
    assert float(served.split("|")[2]) > majority + 0.1
