"""Search and filters: shared by every view and kept in the URL, so a view can be shared."""

from __future__ import annotations

from pipeline.dashboard.filters import Filters, link
from tests.dashboard.conftest import ENCYCLOPEDIA, ESSAY, app, cards, html_of


def test_filters_round_trip_through_url_parameters():
    filters = Filters(
        q="thaw", docs=("vogt-essay",), voices=("Polly Jones", "Clara Vogt"), stances=("power_play",), events=("thaw_culture",)
    )
    params = filters.to_params()
    assert params == {
        "q": "thaw",
        "docs": ["vogt-essay"],
        "voices": ["Polly Jones", "Clara Vogt"],
        "stances": ["power_play"],
        "events": ["thaw_culture"],
    }
    assert Filters.from_params(params) == filters
    assert Filters.from_params({}) == Filters() and not Filters().active()
    assert Filters.from_params({"stances": "mixed"}).stances == ("mixed",), "a single value is a one-item list"


def test_filters_narrow_the_sentences(corpus):
    claims = corpus.claims
    assert list(Filters(q="THAW").apply(claims)["index"]) == [5, 6, 3]
    assert set(Filters(stances=("power_play",), docs=(ESSAY,)).apply(claims)["index"]) == {0, 1, 2, 4}
    assert list(Filters(events=("hungary_1956",)).apply(claims)["speaker"]) == ["Western analysts", "Grokipedia (fixture)"]
    assert list(Filters(entities=("Georgy Malenkov",)).apply(claims)["index"]) == [2]
    assert Filters(voices=("Polly Jones",)).apply(claims)["stance"].tolist() == ["liberalisation"], "gold wins over the prediction"


def test_links_carry_ids_not_labels():
    assert link("reader", doc="vogt-essay", sentence="sentence-1-2") == "?view=reader&doc=vogt-essay&sentence=sentence-1-2"
    assert link("compare", stances=["power_play", "mixed"], q="") == "?view=compare&stances=power_play&stances=mixed"


def test_url_sets_the_view_and_every_filter():
    at = app(view="compare", stances="power_play", docs=ESSAY, q="secret", as_table="1")
    assert at.segmented_control(key="view").value == "compare"
    assert at.multiselect(key="stances").value == ["power_play"]
    assert at.multiselect(key="docs").value == [ESSAY]
    assert at.text_input(key="q").value == "secret"
    matrix = at.dataframe[0].value
    assert list(matrix.index) == ["Clara Vogt"] and list(matrix.columns) == ["20th Party Congress and the Secret Speech"]
    assert "Showing text contains “secret”; document: vogt-essay; stance: Power play." in next(c.value for c in at.caption)


def test_widget_changes_are_written_to_the_url():
    at = app(view="overview")
    at.multiselect(key="stances").select("mixed").run()
    at.text_input(key="q").input("thaw").run()
    at.segmented_control(key="view").set_value("contrast").run()
    assert at.query_params == {"stances": "mixed", "q": "thaw", "view": "contrast"}
    assert "The cultural thaw and its limits: the framings side by side" in html_of(at)
    assert cards(at).count('class="ds-card') == 1, "only the mixed sentence about the thaw"


def test_invalid_url_values_fall_back_to_defaults():
    at = app(view="nowhere", stances=["power_play", "bogus"], doc="no-such-doc")
    assert not at.exception
    assert at.segmented_control(key="view").value == "overview"
    assert at.multiselect(key="stances").value == ["power_play"]


def test_filters_follow_the_user_across_views():
    at = app(view="compare", voices="Mao Zedong", as_table="1")
    assert list(at.dataframe[0].value.index) == ["Mao Zedong"]
    at.segmented_control(key="view").set_value("reader").run()
    at.selectbox(key="doc").select(ENCYCLOPEDIA).run()
    body = next(h.value for h in at.html if 'class="ds-reader"' in h.value)
    assert body.count("ds-dim") == 4, "in the reader, the sentences that fail the filters are dimmed"
    assert 'class="ds-s ds-pp" title="power_play (predicted) · voice: Mao Zedong"' in body
