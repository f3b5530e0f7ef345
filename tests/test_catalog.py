"""The catalogue, and bad input: a clear one-line error naming the file, a non-zero exit,
and no annotation file touched."""

from __future__ import annotations

import hashlib
import tomllib

import pytest

from pipeline.catalog import load_catalog
from tests.conftest import ROOT, run_cli

FIELDS = ("id", "title", "authors", "year", "genre", "language", "source", "rights", "sha256")


def test_catalogue_describes_both_seed_texts():
    docs = {d.id: d for d in load_catalog()}
    assert set(docs) == {"seniuc-2020", "grokipedia-destalinization"}
    for doc in docs.values():
        assert hashlib.sha256(doc.path.read_bytes()).hexdigest() == doc.sha256
        for field in FIELDS:
            assert getattr(doc, field), field


def test_sources_are_the_seed_bytes_unchanged():
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.fail("../shared/seeds is missing: the corpus must be checked against the received seeds")
    with open(ROOT / "corpus" / "catalog.toml", "rb") as fh:
        entries = tomllib.load(fh)["document"]
    for entry in entries:
        original = seeds / entry["original_name"]
        assert (ROOT / "corpus" / entry["file"]).read_bytes() == original.read_bytes()


def _break_empty(corpus):
    (corpus / "texts" / "seniuc-2020.txt").write_bytes(b"")


def _break_binary(corpus):
    (corpus / "texts" / "seniuc-2020.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def _break_encoding(corpus):
    path = corpus / "texts" / "seniuc-2020.txt"
    path.write_bytes(path.read_bytes().replace("é".encode(), "é".encode("latin-1")))


def _break_missing(corpus):
    (corpus / "texts" / "seniuc-2020.txt").unlink()


def _break_edited(corpus):
    path = corpus / "texts" / "seniuc-2020.txt"
    path.write_bytes(path.read_bytes().replace(b"Khrushchev", b"Chruschtschow", 1))


@pytest.fixture(scope="module")
def built_corpus(tmp_path_factory):
    """The real corpus with its annotations built once; tests copy it."""
    import shutil

    root = tmp_path_factory.mktemp("built-corpus")
    shutil.copytree(ROOT / "corpus", root / "corpus")
    (root / "annotations").mkdir()
    assert run_cli("build", env_root=root).returncode == 0
    return root


@pytest.fixture
def corpus_built(built_corpus, tmp_path):
    import shutil

    shutil.copytree(built_corpus, tmp_path / "c")
    return tmp_path / "c"


@pytest.mark.parametrize(
    ("breaker", "message"),
    [
        (_break_empty, "empty file"),
        (_break_binary, "binary file"),
        (_break_encoding, "not UTF-8"),
        (_break_missing, "file not found"),
        (_break_edited, "does not match the catalogue"),
    ],
)
@pytest.mark.parametrize("command", ["build", "validate"])
def test_bad_input_is_refused_and_nothing_is_touched(corpus_built, breaker, message, command):
    corpus_copy = corpus_built
    silver = corpus_copy / "annotations" / "silver"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in silver.iterdir()}
    breaker(corpus_copy / "corpus")
    result = run_cli(command, env_root=corpus_copy)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "seniuc-2020.txt" in lines[0] and message in lines[0], result.stderr
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in silver.iterdir()}
    assert after == before


def test_broken_catalogue_is_named(corpus_copy):
    (corpus_copy / "corpus" / "catalog.toml").write_text("[[document]]\nid = 'x'\n", encoding="utf-8")
    result = run_cli("build", env_root=corpus_copy)
    assert result.returncode != 0
    assert "catalog.toml" in result.stderr and "lacks" in result.stderr


def test_a_new_corpus_is_started_by_adding_its_first_reading(tmp_path):
    from tests.conftest import FIXTURES

    meta = ["--id", "doe-2026", "--title", "Reform from Above", "--author", "Jane Doe", "--year", "2026"]
    added = run_cli("add", str(FIXTURES / "unseen_essay.md"), *meta, env_root=tmp_path)
    assert added.returncode == 0, added.stderr
    (doc,) = load_catalog(tmp_path / "corpus")
    assert doc.id == "doe-2026" and doc.path.read_bytes() == (FIXTURES / "unseen_essay.md").read_bytes()
    again = run_cli("add", str(FIXTURES / "unseen_essay.md"), *meta, env_root=tmp_path)
    assert again.returncode != 0 and "exists already" in again.stderr


@pytest.mark.parametrize(("folder", "essays"), [("essays", 6), ("heldout", 3)])
def test_the_evaluation_essays_are_catalogued_apart_from_the_served_corpus(folder, essays):
    from pipeline.paths import ROOT

    docs = load_catalog(ROOT / folder / "corpus")
    assert len(docs) == essays and not {d.id for d in docs} & {d.id for d in load_catalog()}
    for doc in docs:
        assert hashlib.sha256(doc.path.read_bytes()).hexdigest() == doc.sha256
