"""Dashboard latency (a benchmark, not a test): server start to first complete render, and each
view's response time, on the real corpus and on a synthetic corpus of 200 documents.

    .venv/bin/python -m benchmarks.dashboard_latency                 # both corpora
    .venv/bin/python -m benchmarks.dashboard_latency --skip-synthetic
    .venv/bin/python -m benchmarks.dashboard_latency --synthetic-dir /tmp/synthetic   # reuse a built one

Three kinds of figure:
- cold start: ``streamlit run dashboard.py`` launched, until headless Chromium shows the
  voices × events matrix drawn (``?view=compare``), the script finished;
- view switch (browser): a click on a view in the page until that view's content is drawn and
  the script has finished;
- interaction (server): the script's rerun time for a widget change, measured with AppTest
  in this process (the data cache is warm; the first, cold load is reported apart).

Aims (the issue): 4 s cold, 300 ms per interaction on the real corpus, 1 s on the large one.
The real corpus is annotated into a temporary folder (the working tree's annotations are left
alone); the synthetic one is generated and annotated by ``benchmarks.synthetic_corpus``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest

from benchmarks import synthetic_corpus
from pipeline.dashboard.filters import VIEW_LABELS, VIEWS
from tests.dashboard.browser import MATRIX, ROOT, dashboard_server, launch

APP = str(ROOT / "dashboard.py")
DONE = "document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'"
# What shows that a view is drawn: its keyed container, with its charts painted.
MARKERS = {
    "overview": ".st-key-overview [data-testid='stVegaLiteChart'] canvas, .st-key-overview [data-testid='stVegaLiteChart'] svg",
    "compare": MATRIX,
    "contrast": ".st-key-contrast_columns h5",
    "reader": ".st-key-reader .ds-reader",
    "entities": ".st-key-timeline [data-testid='stVegaLiteChart'] canvas, .st-key-timeline [data-testid='stVegaLiteChart'] svg",
}


@dataclass
class Figure:
    corpus: str
    what: str
    seconds: list[float]
    aim: float | None = None

    def row(self) -> str:
        median, worst = statistics.median(self.seconds), max(self.seconds)
        verdict = "" if self.aim is None else ("ok" if median <= self.aim else "OVER")
        aim = "" if self.aim is None else f"{self.aim * 1000:.0f}"
        return f"| {self.corpus} | {self.what} | {median * 1000:.0f} | {worst * 1000:.0f} | {len(self.seconds)} | {aim} | {verdict} |"


# --- corpora ----------------------------------------------------------------------------------


@contextmanager
def real_corpus(annotations: Path | None, assume_current: bool) -> Iterator[dict[str, str]]:
    """The bundled corpus, annotated (silver built, gold copied) into a temporary folder, or
    read from ``annotations`` when given."""
    if annotations is not None:
        env = {"DESTAL_CORPUS": str(ROOT / "corpus"), "DESTAL_ANNOTATIONS": str(annotations)}
        prepare(env, assume_current)
        yield env
        return
    with tempfile.TemporaryDirectory(prefix="destal-real-") as tmp:
        annotations = Path(tmp) / "annotations"
        shutil.copytree(ROOT / "annotations" / "gold", annotations / "gold")
        env = {"DESTAL_CORPUS": str(ROOT / "corpus"), "DESTAL_ANNOTATIONS": str(annotations)}
        run_build(env)
        yield env


@contextmanager
def large_corpus(folder: Path | None, docs: int, assume_current: bool) -> Iterator[dict[str, str]]:
    """The synthetic corpus: reused from ``folder`` when it is built there, else generated."""
    if folder is not None and (folder / "annotations" / "silver" / "MANIFEST.json").is_file():
        env = synthetic_corpus.environment(folder)
        prepare(env, assume_current)
        yield env
        return
    with tempfile.TemporaryDirectory(prefix="destal-synthetic-") as tmp:
        out = folder or Path(tmp)
        synthetic_corpus.generate(out, docs)
        print(f"annotating {docs} synthetic documents…", flush=True)
        print(f"  built in {synthetic_corpus.build(out):.0f} s", flush=True)
        yield synthetic_corpus.environment(out)


def prepare(env: Mapping[str, str], assume_current: bool) -> None:
    """Annotations given by hand: rebuilt if stale, or (``--assume-current``, while the pipeline is
    being changed) declared current so the server does not rebuild them."""
    if not assume_current:
        run_build(env)
        return
    code = (
        "from pipeline import build; from pipeline.catalog import load_catalog;"
        "(build.silver_dir() / build.MANIFEST).write_text(build.manifest(load_catalog()), encoding='utf-8')"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, **env}, check=True)


def run_build(env: Mapping[str, str]) -> None:
    """What ``make dashboard`` does first, so the server start is measured on built annotations."""
    subprocess.run([sys.executable, "-m", "pipeline", "build", "--if-missing"], cwd=ROOT, env={**os.environ, **env}, check=True)


# --- browser ----------------------------------------------------------------------------------


def wait_drawn(page, view: str, timeout: float = 120_000) -> None:
    page.wait_for_selector(MARKERS[view], timeout=timeout, state="attached")
    page.wait_for_function(DONE, timeout=timeout)


def browser_figures(name: str, env: Mapping[str, str], aim: float, cycles: int) -> list[Figure]:
    """Cold start, then each view switch by clicking, ``cycles`` times round the views."""
    figures: list[Figure] = []
    switches: dict[str, list[float]] = {view: [] for view in MARKERS}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        started = time.perf_counter()
        with dashboard_server(env) as url:
            ready = time.perf_counter()
            page.goto(f"{url}/?view=compare")
            wait_drawn(page, "compare")
            drawn = time.perf_counter()
            figures.append(Figure(name, "server start → healthy", [ready - started]))
            figures.append(Figure(name, "server start → matrix drawn (cold)", [drawn - started], 4.0 if name == "real" else None))
            for _ in range(cycles):
                for view in ("overview", "contrast", "reader", "entities", "compare"):
                    before = time.perf_counter()
                    page.locator(".st-key-view").get_by_role("radio", name=VIEW_LABELS[view]).click()
                    wait_drawn(page, view)
                    switches[view].append(time.perf_counter() - before)
        browser.close()
    figures += [Figure(name, f"browser: switch to {view}", times, aim) for view, times in switches.items()]
    return figures


# --- server-side interactions (AppTest) -------------------------------------------------------


def timed(at: AppTest, change: Callable[[AppTest], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        before = time.perf_counter()
        change(at)
        at.run()
        out.append(time.perf_counter() - before)
        assert not at.exception, at.exception
    return out


def apptest_figures(name: str, env: Mapping[str, str], aim: float, repeat: int) -> list[Figure]:
    """Rerun times for view switches and typical widget changes, the data cache warm."""
    os.environ.update(env)
    from pipeline.dashboard import data

    before = time.perf_counter()
    corpus = data.read_corpus()
    figures = [Figure(name, "in-process: read every table once (cold)", [time.perf_counter() - before])]
    at = AppTest.from_file(APP, default_timeout=300)
    before = time.perf_counter()
    at.run()
    figures.append(Figure(name, "AppTest: first run (loads the cache)", [time.perf_counter() - before]))
    for view in VIEWS:
        figures.append(
            Figure(
                name, f"AppTest: switch to {view}", timed(at, lambda a, v=view: a.segmented_control(key="view").set_value(v), repeat), aim
            )
        )
    figures += _interactions(name, at, corpus, aim, repeat)
    return figures


def _interactions(name: str, at: AppTest, corpus, aim: float, repeat: int) -> list[Figure]:
    claims = corpus.claims
    top_voice = claims["speaker"].value_counts().index[0]
    event_counts = claims["events"].explode().dropna().value_counts()
    events = list(event_counts.index[:repeat])
    docs = list(corpus.documents["doc"])
    entities = list(corpus.kb[corpus.kb["mentions"] > 0]["kb_id"][:repeat])
    figures = []
    at.segmented_control(key="view").set_value("compare").run()
    cycle = iter(events * repeat)
    figures.append(Figure(name, "compare: choose a cell", timed(at, lambda a: _cell(a, top_voice, next(cycle)), repeat), aim))
    at.segmented_control(key="view").set_value("contrast").run()
    cycle = iter(events * repeat)
    figures.append(
        Figure(name, "contrast: choose an event", timed(at, lambda a: a.selectbox(key="event").select(next(cycle)), repeat), aim)
    )
    at.segmented_control(key="view").set_value("reader").run()
    cycle = iter((docs[1:] + docs[:1]) * repeat)
    figures.append(
        Figure(name, "reader: open another document", timed(at, lambda a: a.selectbox(key="doc").select(next(cycle)), repeat), aim)
    )
    at.segmented_control(key="view").set_value("entities").run()
    cycle = iter(entities * repeat)
    figures.append(
        Figure(name, "entities: choose an entity", timed(at, lambda a: a.selectbox(key="entity").select(next(cycle)), repeat), aim)
    )
    at.segmented_control(key="view").set_value("overview").run()
    stances = iter([["power_play"], ["liberalisation"], []] * repeat)
    figures.append(
        Figure(name, "filters: change the stances", timed(at, lambda a: a.multiselect(key="stances").set_value(next(stances)), repeat), aim)
    )
    words = iter(["speech", "thaw", ""] * repeat)
    figures.append(Figure(name, "search: type a word", timed(at, lambda a: a.text_input(key="q").input(next(words)), repeat), aim))
    return figures


def _cell(at: AppTest, voice: str, event: str) -> None:
    at.selectbox(key="cell_voice").select(voice)
    at.selectbox(key="cell_event").select(event)


# --- main -------------------------------------------------------------------------------------


def measure(name: str, env: Mapping[str, str], aim: float, args: argparse.Namespace) -> list[Figure]:
    print(f"measuring the {name} corpus…", flush=True)
    figures = browser_figures(name, env, aim, args.cycles)
    # AppTest runs in this process: a fresh interpreter per corpus keeps caches and env apart.
    return figures + _apptest_in_subprocess(name, env, aim, args.repeat)


def _apptest_in_subprocess(name: str, env: Mapping[str, str], aim: float, repeat: int) -> list[Figure]:
    code = (
        "import json, sys; from benchmarks.dashboard_latency import apptest_figures;"
        f"figs = apptest_figures({name!r}, {dict(env)!r}, {aim!r}, {repeat!r});"
        "print('FIGURES' + json.dumps([[f.corpus, f.what, f.seconds, f.aim] for f in figs]))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("FIGURES"))
    import json

    return [Figure(*item) for item in json.loads(line.removeprefix("FIGURES"))]


def report(figures: list[Figure]) -> str:
    head = ["| corpus | measurement | median ms | worst ms | n | aim ms | |", "|---|---|---:|---:|---:|---:|---|"]
    return "\n".join(head + [f.row() for f in figures])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic-dir", type=Path, help="build (or reuse) the synthetic corpus here")
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--real-annotations", type=Path, help="use annotations of the real corpus already built here")
    parser.add_argument("--assume-current", action="store_true", help="do not rebuild given annotations (pipeline under change)")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--cycles", type=int, default=3, help="rounds of view switches in the browser")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of each AppTest interaction")
    args = parser.parse_args()
    figures: list[Figure] = []
    if not args.skip_real:
        with real_corpus(args.real_annotations, args.assume_current) as env:
            figures += measure("real", env, 0.3, args)
    if not args.skip_synthetic:
        with large_corpus(args.synthetic_dir, args.docs, args.assume_current) as env:
            figures += measure(f"synthetic {args.docs}", env, 1.0, args)
    print()
    print(report(figures))


if __name__ == "__main__":
    main()
