"""Screenshots of the dashboard's main views, for the documentation and for a look at the layout.

    .venv/bin/python -m benchmarks.screenshots                       # the bundled corpus
    .venv/bin/python -m benchmarks.screenshots --fixture             # the dashboard test fixture
    .venv/bin/python -m benchmarks.screenshots --annotations DIR     # annotations built elsewhere

Starts ``streamlit run dashboard.py``, opens each view in headless Chromium, waits until it is
drawn (its keyed container present, charts painted, the script finished) and saves
``docs/screenshots/<view>.png``. The compare, contrast and entities views are opened with a
cell, an event and an entity chosen (the corpus's most discussed ones), as a user would.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.dashboard_latency import wait_drawn
from tests.dashboard.browser import ROOT, dashboard_server, launch

OUT = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1440, "height": 1600}


def choices(env: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """URL parameters per view: the most discussed voice, event and entity of the corpus."""
    os.environ.update(env)
    from pipeline.dashboard import data

    corpus = data.read_corpus()
    claims = corpus.claims
    events = claims["events"].explode().dropna().value_counts()
    event = next((e for e in events.index if e != "general"), events.index[0])
    voices = claims[claims["events"].map(lambda es: event in es)]["speaker"].value_counts()
    docs = corpus.documents["doc"].tolist()
    reader_doc = docs[-1]
    target = corpus.layer("claims", reader_doc)
    notes = target[target["notes"].map(len) > 0]
    sentence = (notes if not notes.empty else target).iloc[min(2, len(target) - 1)]["sentence_id"]
    entity = corpus.kb[corpus.kb["mentions"] > 0].iloc[0]["kb_id"]
    return {
        "overview": {},
        "compare": {"rows": "10", "cell_voice": voices.index[0], "cell_event": event},
        "contrast": {"event": event},
        "reader": {"doc": reader_doc, "sentence": sentence},
        "entities": {"entity": entity},
    }


def shoot(env: Mapping[str, str], out: Path = OUT) -> list[Path]:
    from urllib.parse import urlencode

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    params = choices(env)
    with dashboard_server(env) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport=VIEWPORT)
        for view, extra in params.items():
            page.goto(f"{url}/?{urlencode({'view': view, **extra})}")
            wait_drawn(page, view)
            page.wait_for_timeout(800)  # let charts finish their transitions
            path = out / f"{view}.png"
            page.screenshot(path=str(path), full_page=True)
            saved.append(path)
        browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fixture", action="store_true", help="use the dashboard test fixture")
    parser.add_argument("--annotations", type=Path, help="annotations of the bundled corpus, built elsewhere")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.fixture:
        from tests.dashboard.conftest import install_fixture

        env = install_fixture(Path(tempfile.mkdtemp(prefix="destal-fixture-")))
    elif args.annotations:
        env = {"DESTAL_CORPUS": str(ROOT / "corpus"), "DESTAL_ANNOTATIONS": str(args.annotations)}
    else:
        env = {}
    for path in shoot(env, args.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
