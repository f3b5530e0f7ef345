"""A text the pipeline has never seen gets voices, stances and events with no retraining and
no code change: it is added to a copy of the corpus with ``python -m pipeline add`` and built."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, run_cli


@pytest.fixture(scope="module")
def built_unseen(tmp_path_factory):
    """The silver folder of a copy of the corpus with the unseen essay added and built."""
    import shutil

    from tests.conftest import ROOT

    root = tmp_path_factory.mktemp("unseen")
    shutil.copytree(ROOT / "corpus", root / "corpus")
    (root / "annotations").mkdir()
    fixture = str(FIXTURES / "unseen_essay.md")
    meta = ["--id", "doe-2026", "--title", "Reform from Above", "--author", "Jane Doe", "--year", "2026"]
    added = run_cli("add", fixture, *meta, env_root=root)
    assert added.returncode == 0, added.stderr
    built = run_cli("build", env_root=root)
    assert built.returncode == 0, built.stderr
    return root / "annotations" / "silver"


@pytest.fixture(scope="module")
def claims(built_unseen):
    lines = (built_unseen / "doe-2026.claim.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def claim(claims, start: str) -> dict:
    (found,) = [c for c in claims if c["text"].lstrip("*").startswith(start)]
    return found


def voice(found: dict) -> tuple[str, str, str]:
    """A claim's voice, voice type and alignment."""
    return found["attrs"]["voice"], found["attrs"]["voice_type"], found["attrs"]["alignment"]


def test_every_body_sentence_gets_a_claim(claims):
    assert len(claims) == 10
    assert all(set(c["attrs"]["scores"]) == {"power_play", "liberalisation", "mixed", "none"} for c in claims)


def test_reported_scholar_contested_by_the_author(claims):
    conquest = claim(claims, "Historian Robert Conquest argued")
    assert voice(conquest) == ("Robert Conquest", "scholar", "contest")
    assert conquest["label"] == "power_play"
    assert any(e["kind"] == "reporting_verb" and e["text"] == "argued" for e in conquest["attrs"]["evidence"])


def test_group_voice(claims):
    critics = claim(claims, "Critics, including Western observers")
    assert critics["attrs"]["voice_type"] == "school"
    assert critics["label"] == "power_play"


def test_frame_voice(claims):
    jones = claim(claims, "According to Polly Jones")
    assert (jones["attrs"]["voice"], jones["attrs"]["voice_type"]) == ("Polly Jones", "scholar")
    assert jones["label"] == "mixed"


@pytest.mark.parametrize(
    ("start", "stance"),
    [
        ("The release of prisoners from the Gulag brought genuine relief", "liberalisation"),
        ("The cultural thaw was marked by thaws and freezes", "mixed"),
    ],
)
def test_author_stances(claims, start, stance):
    found = claim(claims, start)
    assert found["attrs"]["voice"] == "author"
    assert found["label"] == stance
    assert found["attrs"]["cues"], "a reader must see which cues drove the label"


def test_events(claims):
    assert "hungary_1956" in claim(claims, "In 1956 Soviet tanks crushed")["attrs"]["events"]
    assert "secret_speech_1956" in claim(claims, "Historian Robert Conquest argued")["attrs"]["events"]


def test_a_note_citing_a_work_outside_the_gazetteer_is_recorded_with_its_title(built_unseen):
    citations = [json.loads(line) for line in (built_unseen / "doe-2026.citation.jsonl").read_text(encoding="utf-8").splitlines()]
    (kramer,) = [c for c in citations if c["attrs"].get("note") == 3]
    assert kramer["attrs"]["title"] == "Journal of Contemporary History"


def test_a_scholars_work_speaks_for_the_scholar_and_endorsing_it_keeps_the_view(claims):
    account = claim(claims, "Jones's account of the congress")
    assert voice(account) == ("Polly Jones", "scholar", "endorse")
    assert account["label"] == claim(claims, "According to Polly Jones")["label"] == "mixed"
    assert any(c["text"] == "is persuasive" for c in account["attrs"]["cues"])


def test_a_frame_carries_the_last_reported_voice_into_the_next_sentence(claims):
    carried = claim(claims, "In this account the leadership drew back")
    assert voice(carried)[:2] == ("Polly Jones", "scholar")
    assert carried["label"] == "power_play"
    assert [e["text"] for e in carried["attrs"]["evidence"] if e["kind"] == "continuation"] == ["In this account"]
