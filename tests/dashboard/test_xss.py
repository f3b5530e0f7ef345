"""A document whose text holds ``<script>`` and ``<img onerror=…>`` renders as text everywhere."""

from __future__ import annotations

from pipeline.dashboard import contrast, handout
from tests.dashboard.conftest import ENCYCLOPEDIA, app, cards, html_of

RAW = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
ESCAPED = ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")


def assert_text_only(page: str) -> None:
    for raw, escaped in zip(RAW, ESCAPED, strict=True):
        assert escaped in page, f"{raw} should be shown as text"
        assert raw not in page, f"{raw} reached the page as markup"
    assert "<b>(fixture)</b>" not in page, "a catalogue title with markup is escaped too"


def test_reader_shows_the_markup_as_text():
    at = app(view="reader", doc=ENCYCLOPEDIA)
    assert not at.exception
    page = html_of(at)
    assert_text_only(page)
    assert "Destalinization &lt;b&gt;(fixture)&lt;/b&gt;" in page
    assert '<mark class="ds-cue ds-pp" title="cue → Power play (weight 0.2)">&lt;script&gt;alert(1)&lt;/script&gt;</mark>' in page


def test_cell_list_shows_the_markup_as_text():
    at = app(view="compare", no_event="1", cell_voice="Grokipedia (fixture)", cell_event="(no event)")
    assert not at.exception
    listed = cards(at)
    assert listed.count('class="ds-card') == 1
    assert_text_only(listed)


def test_contrast_of_two_voices_shows_the_markup_as_text():
    at = app(view="contrast", mode="voices", a="Grokipedia (fixture)", b="Mao Zedong")
    assert_text_only(cards(at))


def test_only_the_scroll_script_is_a_script():
    at = app(view="reader", doc=ENCYCLOPEDIA, sentence="sentence-233-355")
    scripts = [h.value for h in at.html if "<script" in h.value]
    assert len(scripts) == 1 and "alert" not in scripts[0]


def test_handouts_escape_the_markup(corpus):
    built = contrast.by_voices(corpus, corpus.claims, "Grokipedia (fixture)", "Mao Zedong", scope="test")
    page = handout.html(built, "http://localhost:8501/")
    assert_text_only(page.split("</style>", 1)[1])
    markdown = handout.markdown(built, "http://localhost:8501/")
    for raw in RAW:
        assert raw not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
