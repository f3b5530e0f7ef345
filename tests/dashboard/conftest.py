"""Dashboard test fixtures: the hand-annotated fixture corpus, selected by environment.

The fixture's annotations are written by hand (``tests/fixtures/dashboard/make_annotations.py``)
so the tests know what each sentence says. A copy gets a build manifest that matches the
current pipeline, so the dashboard's ``build --if-missing`` leaves it alone instead of
re-annotating it with the pipeline's own predictions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipeline import build
from pipeline.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "dashboard"
APP = str(ROOT / "dashboard.py")
ESSAY, ENCYCLOPEDIA = "vogt-essay", "grok-fixture"


def install_fixture(target: Path) -> dict[str, str]:
    """Copy the fixture corpus and annotations to ``target``; return the DESTAL_* variables."""
    shutil.copytree(FIXTURE / "corpus", target / "corpus")
    shutil.copytree(FIXTURE / "annotations", target / "annotations")
    env = {"DESTAL_CORPUS": str(target / "corpus"), "DESTAL_ANNOTATIONS": str(target / "annotations")}
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, value)
        (build.silver_dir() / build.MANIFEST).write_text(build.manifest(load_catalog()), encoding="utf-8")
    return env


@pytest.fixture(scope="session")
def fixture_env(tmp_path_factory) -> dict[str, str]:
    return install_fixture(tmp_path_factory.mktemp("dashboard"))


@pytest.fixture(autouse=True)
def use_fixture(fixture_env, monkeypatch) -> dict[str, str]:
    """Every dashboard test reads the fixture corpus."""
    for key, value in fixture_env.items():
        monkeypatch.setenv(key, value)
    return fixture_env


@pytest.fixture
def corpus():
    from pipeline.dashboard import data

    return data.read_corpus()


def app(**params: str | list[str]) -> AppTest:
    """The real dashboard.py, with URL parameters, run once."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def html_of(at: AppTest) -> str:
    """Every HTML and Markdown body the app rendered, joined (what a user's browser receives)."""
    return "\n".join([h.value for h in at.html] + [m.value for m in at.markdown])


def charts(at: AppTest) -> list:
    return at.get("vega_lite_chart")


def cards(at: AppTest) -> str:
    """The HTML blocks that hold sentence cards (the cell list, the contrast columns)."""
    return "\n".join(h.value for h in at.html if 'class="ds-card' in h.value)
