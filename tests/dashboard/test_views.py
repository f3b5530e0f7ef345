"""Each view, driven through its widgets with Streamlit's AppTest on the fixture corpus: the
sentences a user would expect for a chosen event and voice, and what the page says about them."""

from __future__ import annotations

import json

from tests.dashboard.conftest import ENCYCLOPEDIA, ESSAY, app, cards, charts, html_of

ARGUES = "It argues that the Secret Speech served to"
CALCULATED = "was above all a <mark"
POLLY = "The historian Polly Jones argues"
MAO = "Mao Zedong condemned the Secret Speech"


def test_overview_counts_documents_sentences_and_gold_labels():
    at = app()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Documents"] == "2 / 2"
    assert metrics["Sentences"] == "12 / 12"
    assert metrics["Gold stance labels"] == "1"
    table = at.dataframe[0].value
    assert list(table["title"]) == ["Thaw or Tactic? Reading Khrushchev's Secret Speech", "Destalinization <b>(fixture)</b>"]
    assert list(table["sentences"]) == [7, 5]
    assert len(charts(at)) == 2, "stance by document and stance by voice"


def test_compare_matrix_counts_each_voice_on_each_event():
    at = app(view="compare", as_table="1")
    assert not at.exception
    assert any(s.value == "Voices × events" for s in at.subheader)
    spec = json.loads(charts(at)[0].proto.spec)
    assert spec["layer"][0]["mark"]["type"] == "rect"
    matrix = at.dataframe[0].value
    assert matrix.loc["Clara Vogt", "20th Party Congress and the Secret Speech"] == "2 (2 / 0 / 0 / 0)"
    assert matrix.loc["Clara Vogt", "The cultural thaw and its limits"] == "2 (0 / 1 / 1 / 0)"
    assert matrix.loc["Polly Jones", "20th Party Congress and the Secret Speech"] == "1 (0 / 0 / 1 / 0)"


def test_compare_cell_lists_the_sentences_of_the_chosen_voice_and_event():
    at = app(view="compare")
    at.selectbox(key="cell_voice").select("Clara Vogt")
    at.selectbox(key="cell_event").select("secret_speech_1956")
    at.run()
    listed = cards(at)
    assert listed.count('class="ds-card') == 2
    assert ARGUES in listed and CALCULATED in listed
    assert POLLY not in listed and MAO not in listed
    assert "open in the reader" in listed and "view=reader&amp;doc=vogt-essay&amp;sentence=sentence-174-236" in listed


def test_compare_cell_from_the_url_shows_the_gold_badge_and_the_footnote():
    at = app(view="compare", cell_voice="Polly Jones", cell_event="secret_speech_1956")
    listed = cards(at)
    assert listed.count('class="ds-card') == 1 and POLLY in listed
    assert 'ds-lib ds-gold"' in listed, "the adjudicated label is a solid badge"
    assert "Polly Jones, <em>The Dilemmas of De-Stalinisation</em>" in listed, "the footnote behind the sentence"


def test_contrast_by_event_puts_framings_side_by_side_by_stance():
    at = app(view="contrast", event="secret_speech_1956")
    assert not at.exception
    page = html_of(at)
    assert "20th Party Congress and the Secret Speech: the framings side by side" in page
    columns = {h.value.split(" <small>")[0].removeprefix("<h5>"): h.value for h in at.html if h.value.startswith("<h5>")}
    assert list(columns) == ["Power play", "Mixed", "Liberalisation"]
    assert columns["Power play"].count('class="ds-card') == 3
    assert ARGUES in columns["Power play"] and MAO in columns["Power play"]
    assert POLLY in columns["Liberalisation"] and "No sentences" in columns["Mixed"]
    assert {"Handout (Markdown)", "Handout (HTML)", "Sentences (CSV)", "Sentences (JSONL)"} <= {b.label for b in at.get("download_button")}


def test_contrast_two_voices():
    at = app(view="contrast", mode="voices", a="Polly Jones", b="Mao Zedong")
    columns = [h.value for h in at.html if h.value.startswith("<h5>")]
    assert len(columns) == 2
    assert columns[0].startswith("<h5>Polly Jones") and POLLY in columns[0]
    assert columns[1].startswith("<h5>Mao Zedong") and MAO in columns[1]


def test_reader_opens_at_the_linked_sentence_with_footnotes_in_place():
    at = app(view="reader", doc=ESSAY, sentence="sentence-356-471")
    assert not at.exception
    body = next(h.value for h in at.html if 'class="ds-reader"' in h.value)
    assert '<a id="s-sentence-356-471" class="ds-anchor"></a>' in body
    assert 'class="ds-s ds-lib ds-target"' in body, "the linked sentence is outlined"
    assert '<details class="ds-fn" open><summary>1</summary>' in body and "William Taubman" in body
    assert 'ds-lib ds-gold"' in body and "ds-pred" in body, "gold and predicted badges differ"
    assert "Polly Jones · contested" in body, "the voice is named where it speaks"
    assert 'class="ds-ent ds-ent-PERSON" title="Georgy Malenkov · PERSON · actor"' in body
    scripts = [h for h in at.html if "<script>" in h.value]
    assert len(scripts) == 1 and '"s-sentence-356-471"' in scripts[0].value


def test_reader_marks_lost_names_gold_and_predicted():
    at = app(view="reader", doc=ENCYCLOPEDIA)
    body = next(h.value for h in at.html if 'class="ds-reader"' in h.value)
    assert 'ds-lacuna ds-gold ds-conf-high" title="lost name (gold): Soviet Union, high confidence">[⋯ Soviet Union?]' in body
    assert 'ds-lacuna ds-pred ds-conf-low" title="lost name (predicted): Soviet Army, low confidence">[⋯ Soviet Army?]' in body
    assert ">[⋯]</span>showed the reforms" in body, "an unrestorable gap is still marked"


def test_reader_display_choices_remove_marks():
    at = app(view="reader", doc=ESSAY, show=["footnotes"])
    body = next(h.value for h in at.html if 'class="ds-reader"' in h.value)
    assert "ds-badge" not in body and "ds-ent" not in body and "ds-voice" not in body
    assert "William Taubman" in body


def test_entities_lists_mentions_and_the_timeline():
    at = app(view="entities")
    assert not at.exception
    at.selectbox(key="entity").select("person:nikita-khrushchev").run()
    page = html_of(at)
    assert "Nikita Khrushchev <small>(PERSON)</small>" in page and "4 mention(s)" in page
    mentions = next(h.value for h in at.html if "open in the reader" in h.value)
    assert mentions.count("ds-card") == 4 and "<mark class='ds-cue ds-none'>Khrushchev</mark>" in mentions
    timeline = json.loads(charts(at)[0].proto.spec)
    assert timeline["layer"][0]["mark"]["type"] == "bar"
    events = at.dataframe[-1].value
    discussed = events[events["sentences"] > 0]
    assert list(discussed["name"]) == [
        "Stalin's death and the collective leadership",
        "The cultural thaw and its limits",
        "20th Party Congress and the Secret Speech",
        "The Hungarian Revolution and its suppression",
    ], "in date order"
    assert list(discussed["sentences"]) == [1, 3, 4, 2]
