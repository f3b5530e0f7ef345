"""Shared fixtures: the real corpus (parsed once per session) and throwaway corpora."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import layout
from pipeline.catalog import get_document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ESSAY, ENCYCLOPEDIA = "seniuc-2020", "grokipedia-destalinization"


@pytest.fixture(scope="session")
def essay() -> layout.Layout:
    doc = get_document(ESSAY)
    return layout.parse(doc.id, doc.read(), doc.format)


@pytest.fixture(scope="session")
def encyclopedia() -> layout.Layout:
    doc = get_document(ENCYCLOPEDIA)
    return layout.parse(doc.id, doc.read(), doc.format)


@pytest.fixture(scope="session", params=[ESSAY, ENCYCLOPEDIA])
def any_layout(request) -> layout.Layout:
    doc = get_document(request.param)
    return layout.parse(doc.id, doc.read(), doc.format)


@pytest.fixture(scope="session")
def built_root(tmp_path_factory) -> Path:
    """Annotations built once per test session from the real corpus (gold copied in)."""
    from pipeline import build

    root = tmp_path_factory.mktemp("built")
    shutil.copytree(ROOT / "annotations" / "gold", root / "gold")
    build.run(root=root, progress=lambda _: None)
    return root


@pytest.fixture
def corpus_copy(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the real corpus and an empty annotations folder, selected by environment."""
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    (tmp_path / "annotations").mkdir()
    monkeypatch.setenv("DESTAL_CORPUS", str(corpus))
    monkeypatch.setenv("DESTAL_ANNOTATIONS", str(tmp_path / "annotations"))
    return tmp_path


def run_cli(*args: str, env_root: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m pipeline ARGS`` in a subprocess, as a user would run it."""
    import os

    env = dict(os.environ)
    if env_root is not None:
        env["DESTAL_CORPUS"] = str(env_root / "corpus")
        env["DESTAL_ANNOTATIONS"] = str(env_root / "annotations")
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
