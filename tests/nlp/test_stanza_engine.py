"""The stanza engine: the project's own tokenizer, loaded offline; exact offsets; the components unchanged."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys

import pytest

from pipeline.__main__ import main
from pipeline.nlp import document as nlp_document
from pipeline.nlp import engine as engine_module
from pipeline.nlp import stanza_training
from pipeline.nlp.stanza_engine import MODEL_DIR, StanzaEngine, model_path, tokenizer
from pipeline.records import Record
from pipeline.validate import check_record
from tests.conftest import ENCYCLOPEDIA, ESSAY, ROOT


@pytest.fixture(scope="module")
def stanza_engine() -> StanzaEngine:
    return StanzaEngine()


@pytest.fixture(scope="module")
def stanza_processed(stanza_engine, essay, encyclopedia) -> dict[str, tuple[nlp_document.Prepared, object]]:
    """Both real documents through the stanza engine and every configured component."""
    prepared = [nlp_document.prepare(lay) for lay in (essay, encyclopedia)]
    return {p.layout.doc_id: (p, doc) for p, doc in nlp_document.process(prepared, engine=stanza_engine)}


@pytest.fixture(scope="module")
def stanza_records(stanza_processed) -> dict[str, list[Record]]:
    return {doc_id: nlp_document.records(prepared, doc) for doc_id, (prepared, doc) in stanza_processed.items()}


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_shipped_model_loads_offline_and_segments(no_network):
    nlp = tokenizer.__wrapped__(MODEL_DIR)  # a fresh load, not the cached one
    sentences = nlp("Khrushchev spoke for four hours. The delegates sat in silence.").sentences
    assert [[t.text for t in s.tokens] for s in sentences] == [
        ["Khrushchev", "spoke", "for", "four", "hours", "."],
        ["The", "delegates", "sat", "in", "silence", "."],
    ]


def test_shipped_model_is_small_and_documented():
    assert model_path().stat().st_size < 2_000_000
    provenance = json.loads((MODEL_DIR / "provenance.json").read_text(encoding="utf-8"))
    assert provenance["model_sha256"] == digest(model_path())
    assert {"command", "data_sha256", "weights_sha256", "versions", "steps", "seed", "held_out_scores"} <= provenance.keys()
    assert provenance["held_out_scores"]["sentence_boundaries"]["f1"] > 0.9
    assert any("#note" in name for name in provenance["train_paragraphs"])


def test_held_out_notes_are_not_split_inside_their_citations():
    """Notes the tokenizer never saw ('Anne Applebaum, Gulag: A History ... 2003): 458.') keep the
    reference's sentences: no break after 'C.', 'no.' or 'pp.'."""
    notes = [p for p in stanza_training.paragraphs(stanza_training.reference_docs()) if p.kind == "note" and p.held_out]
    scores = stanza_training.score(tokenizer(MODEL_DIR), notes)
    assert len(notes) >= 10
    assert scores["sentence_boundaries"]["fp"] == 0
    assert scores["tokens"]["f1"] > 0.99


def test_the_package_imports_without_torch_and_stanza():
    """As in the dashboard's install, which has neither (thinc imports torch itself whenever it is installed)."""
    code = "import sys; sys.modules['torch'] = sys.modules['stanza'] = None; "
    code += "import pipeline.__main__, pipeline.nlp.document, pipeline.nlp.stanza_engine, pipeline.evaluate.engines; print('ok')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.stdout.strip() == "ok", result.stderr


@pytest.mark.parametrize("doc_id", [ESSAY, ENCYCLOPEDIA])
def test_doc_text_is_the_reading_order_text(stanza_processed, doc_id):
    prepared, doc = stanza_processed[doc_id]
    assert doc.text == prepared.stream.text
    assert not any(t.is_space and t.is_sent_start for t in doc[1:]), "whitespace belongs to the sentence before it"


@pytest.mark.parametrize("doc_id", [ESSAY, ENCYCLOPEDIA])
def test_every_component_ran_and_records_equal_their_source_slices(stanza_processed, stanza_records, doc_id):
    prepared, doc = stanza_processed[doc_id]
    records = stanza_records[doc_id]
    layers = {r.layer for r in records}
    assert {"sentence", "entity", "event_mention", "claim"} <= layers
    assert doc._.stances and doc._.voices is not None
    source = prepared.layout.source
    problems = [(r.id, p) for r in records for p in check_record(json.loads(r.to_json()), source)]
    assert problems == []


def test_claims_are_the_body_sentences(stanza_records):
    records = stanza_records[ESSAY]
    body = {r.start for r in records if r.layer == "sentence" and r.label == "body"}
    claims = {r.start for r in records if r.layer == "claim"}
    assert claims == body


@pytest.mark.parametrize(
    "needle",
    [
        "Roy A. Medvedev, *Khrushchev*",
        "J. Arch Getty, ‘The Future did not work,’",
        "C11, Part 7 (June 4, 1956), pp. 9389–9403",
        "*Studies on the Soviet Union* 5, no. 3 (1965)",
        "a U.S. aeroplane was shot down",
    ],
)
def test_hard_cases_of_the_essay_are_not_split(stanza_records, needle):
    sentences = [r for r in stanza_records[ESSAY] if r.layer == "sentence"]
    assert len([r for r in sentences if needle in r.text]) == 1, needle


@pytest.mark.parametrize(("name", "engine_class"), [("spacy", "SpacyEngine"), ("stanza", "StanzaEngine"), ("", "SpacyEngine")])
def test_destal_engine_selects_the_default_engine(monkeypatch, stanza_engine, name, engine_class):
    monkeypatch.setenv("DESTAL_ENGINE", name)
    assert type(engine_module.default_engine.__wrapped__()).__name__ == engine_class


def test_an_unknown_engine_is_refused(monkeypatch):
    monkeypatch.setenv("DESTAL_ENGINE", "udpipe")
    with pytest.raises(ValueError, match="udpipe"):
        engine_module.default_engine.__wrapped__()


def test_train_tokenizer_on_a_tiny_slice_leaves_the_shipped_model_alone(tmp_path, capsys):
    shipped = {p: digest(p) for p in MODEL_DIR.rglob("*") if p.is_file()}
    assert main(["train", "tokenizer", "--steps", "20", "--limit", "2", "--out", str(tmp_path)]) == 0
    assert "held-out sentence-boundary F1" in capsys.readouterr().out
    assert {p: digest(p) for p in MODEL_DIR.rglob("*") if p.is_file()} == shipped
    provenance = json.loads((tmp_path / "provenance.json").read_text(encoding="utf-8"))
    assert provenance["steps"] == 20 and "--steps 20" in provenance["command"]
    assert len(provenance["train_paragraphs"]) == len(provenance["held_out_paragraphs"]) == 2
    text = "Stalin died in March 1953. Khrushchev spoke in 1956."
    assert StanzaEngine(model_dir=tmp_path).make_doc(text).text == text
