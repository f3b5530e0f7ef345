"""``python -m pipeline build``: deterministic, stand-off exact, gold untouched."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline import build, validate
from pipeline.catalog import get_document
from pipeline.records import Record
from pipeline.store import atomic_write, read_layer
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def built(built_root, tmp_path_factory):
    """A copy of the session's build, which these tests rebuild and change in place."""
    root = tmp_path_factory.mktemp("annotations")
    shutil.copytree(built_root, root, dirs_exist_ok=True)
    return root


def test_second_build_changes_no_byte(built):
    root = built
    snapshot = {p: p.read_bytes() for p in (root / "silver").iterdir()}
    second = build.run(root=root, progress=lambda _: None)
    assert second.changed == []
    assert {p: p.read_bytes() for p in (root / "silver").iterdir()} == snapshot


def test_every_record_equals_its_source_slice(built):
    root = built
    assert validate.run(root) == []


def test_layers_written_for_both_documents(built):
    root = built
    names = {p.name for p in (root / "silver").iterdir()}
    for doc in ("seniuc-2020", "grokipedia-destalinization"):
        for layer in ("zone", "heading", "paragraph", "reference"):
            assert f"{doc}.{layer}.jsonl" in names
    assert "seniuc-2020.footnote.jsonl" in names and "grokipedia-destalinization.debris.jsonl" in names


def test_reading_order_file_maps_exactly(built):
    root = built
    data = json.loads((root / "silver" / "seniuc-2020.reading-order.json").read_text(encoding="utf-8"))
    src = get_document("seniuc-2020").read()
    mapped: set[int] = set()
    for stream_start, source_start, length in data["runs"]:
        assert data["text"][stream_start : stream_start + length] == src[source_start : source_start + length]
        mapped.update(range(stream_start, stream_start + length))
    unmapped = {data["text"][i] for i in range(len(data["text"])) if i not in mapped}
    assert unmapped <= {" ", "\n"}, "only separators may lack a source position"


def test_records_carry_producer_and_stable_ids(built):
    root = built
    records = read_layer(root / "silver" / "seniuc-2020.footnote.jsonl")
    assert all(r.producer.startswith("pipeline/") for r in records)
    assert len({r.id for r in records}) == len(records) == 55
    assert all(r.id == f"footnote-{r.start}-{r.end}" for r in records)


def test_a_record_with_a_wrong_text_is_reported(built, tmp_path):
    root = built
    bad = tmp_path / "silver" / "seniuc-2020.footnote.jsonl"
    bad.parent.mkdir()
    record = read_layer(root / "silver" / "seniuc-2020.footnote.jsonl")[0]
    data = json.loads(record.to_json())
    data["text"] = "tampered"
    bad.write_text(json.dumps(data) + "\n", encoding="utf-8")
    problems = validate.run(tmp_path)
    assert len(problems) == 1 and "seniuc-2020.footnote.jsonl:1" in problems[0] and "differs" in problems[0]


def test_the_store_never_writes_gold(tmp_path, monkeypatch):
    monkeypatch.setenv("DESTAL_ANNOTATIONS", str(tmp_path))
    gold = tmp_path / "gold" / "ann-a" / "seniuc-2020.claim.jsonl"
    gold.parent.mkdir(parents=True)
    gold.write_text("human work\n", encoding="utf-8")
    with pytest.raises(Exception, match="never overwritten"):
        atomic_write(gold, "machine output\n")
    assert gold.read_text(encoding="utf-8") == "human work\n"


def test_build_leaves_gold_files_alone(corpus_copy):
    gold = corpus_copy / "annotations" / "gold" / "ann-a" / "seniuc-2020.claim.jsonl"
    gold.parent.mkdir(parents=True)
    gold.write_bytes(b"{}\n")
    assert run_cli("build", env_root=corpus_copy).returncode == 0
    assert gold.read_bytes() == b"{}\n"


def test_build_if_missing_skips_a_current_build(corpus_copy):
    assert run_cli("build", env_root=corpus_copy).returncode == 0
    again = run_cli("build", "--if-missing", env_root=corpus_copy)
    assert again.returncode == 0 and "nothing to build" in again.stderr


def test_build_shows_progress(corpus_copy):
    result = run_cli("build", env_root=corpus_copy)
    assert "[1/2]" in result.stderr and "[2/2]" in result.stderr


def test_record_json_round_trip():
    record = Record("d", "sentence", "sentence-0-5", ((0, 2), (4, 5)), "ab e", "sentence", {"k": 1}, "pipeline/0.1.0", 0.5)
    assert Record.from_dict(json.loads(record.to_json())) == record


def test_switching_the_engine_makes_the_build_stale(built, monkeypatch):
    root = built
    assert build.is_current(root)
    monkeypatch.setenv("DESTAL_ENGINE", "stanza")
    assert not build.is_current(root)
    assert json.loads(build.manifest([get_document("seniuc-2020")]))["engine"] == "stanza"


def test_a_layer_left_without_records_is_emptied(built):
    root = built
    stale = root / "silver" / "seniuc-2020.retired-layer.jsonl"
    atomic_write(stale, '{"doc": "seniuc-2020"}\n')
    build.run(root=root, progress=lambda _: None)
    assert stale.read_text(encoding="utf-8") == ""
