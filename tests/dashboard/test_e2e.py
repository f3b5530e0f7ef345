"""End to end: ``streamlit run dashboard.py`` in a subprocess, opened in headless Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from tests.dashboard.browser import MATRIX, dashboard_server, launch

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def playwright():
    """One Playwright driver for the module (two sync drivers cannot run in one thread)."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def page(fixture_env, playwright):
    """One server and one browser page for the module; dialogs (``alert``) are recorded."""
    with dashboard_server(fixture_env) as url:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.base = url
        yield page
        browser.close()


def test_the_matrix_renders_in_the_browser(page):
    page.goto(f"{page.base}/?view=compare")
    matrix = page.locator(".st-key-matrix")
    matrix.get_by_role("heading", name="Voices × events").wait_for(timeout=60_000)
    page.locator(MATRIX).first.wait_for(timeout=60_000)
    assert page.locator(MATRIX).first.bounding_box()["height"] > 150, "the chart has room for its rows"


def test_choosing_a_view_is_written_to_the_address_bar(page):
    page.goto(f"{page.base}/?view=compare&stances=power_play")
    page.locator(MATRIX).first.wait_for(timeout=60_000)
    page.locator(".st-key-view").get_by_role("radio", name="Reader").click()
    page.wait_for_url("**view=reader**", timeout=30_000)
    assert "stances=power_play" in page.url, "the filters stay in the URL"


def test_hostile_markup_in_a_document_stays_text(page):
    page.goto(f"{page.base}/?view=reader&doc=grok-fixture")
    reader = page.locator(".st-key-reader")
    reader.get_by_text("<script>alert(1)</script>").wait_for(timeout=60_000)
    assert reader.get_by_text("<img src=x onerror=alert(1)>").count() == 1
    page.wait_for_timeout(500)
    assert page.dialogs == [], "no script from the corpus ran"
    assert reader.locator("script, img").count() == 0


def test_clicking_a_cell_lists_its_sentences_and_updates_the_url(page):
    page.goto(f"{page.base}/?view=compare")
    cell = page.locator('.st-key-matrix g.mark-rect path[aria-label*="speaker: Polly Jones"]').first
    cell.click(timeout=60_000)
    page.wait_for_url("**cell_voice=Polly+Jones**", timeout=30_000)
    assert "cell_event=secret_speech_1956" in page.url
    listed = page.locator(".st-key-cell_list")
    listed.get_by_text("The historian Polly Jones argues").wait_for(timeout=30_000)
    assert listed.locator(".ds-card").count() == 1


@pytest.fixture(scope="module")
def real_page(built_root, playwright):
    """The dashboard served on the real bundled corpus (annotations built once per session)."""
    from pipeline import build
    from pipeline.catalog import load_catalog
    from tests.conftest import ROOT

    env = {"DESTAL_CORPUS": str(ROOT / "corpus"), "DESTAL_ANNOTATIONS": str(built_root)}
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, value)
        (build.silver_dir() / build.MANIFEST).write_text(build.manifest(load_catalog()), encoding="utf-8")
    with dashboard_server(env) as url:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.base = url
        yield page
        browser.close()


def test_the_matrix_of_the_real_corpus_renders_and_a_cell_opens(real_page):
    page = real_page
    page.goto(f"{page.base}/?view=compare")
    page.locator(".st-key-matrix").get_by_role("heading", name="Voices × events").wait_for(timeout=60_000)
    page.locator(MATRIX).first.wait_for(timeout=60_000)
    cell = page.locator('.st-key-matrix g.mark-rect path[aria-label*="speaker: Polly Jones"]').first
    cell.click(timeout=60_000)
    page.wait_for_url("**cell_voice=Polly+Jones**", timeout=30_000)
    page.locator(".st-key-cell_list .ds-card").first.wait_for(timeout=30_000)
    assert "Polly Jones" in page.locator(".st-key-cell_list").inner_text()
