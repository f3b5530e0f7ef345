"""An instructor's exports: the contrast as a Markdown or HTML handout, a selection as CSV or JSONL."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd

from pipeline.dashboard import contrast, handout

BASE = "http://class.example:8501/?view=contrast&event=secret_speech_1956"


def secret_speech(corpus) -> contrast.Contrast:
    return contrast.by_event(corpus, corpus.claims, "secret_speech_1956", scope="all sentences")


def test_markdown_handout_has_quotes_stances_notes_and_links(corpus):
    text = handout.markdown(secret_speech(corpus), BASE)
    assert text.startswith("# 20th Party Congress and the Secret Speech: the framings side by side\n")
    assert "## Power play (3)" in text and "## Mixed (0)" in text and "## Liberalisation (1)" in text
    assert "> It argues that the Secret Speech served to **isolate his rivals**." in text
    assert "**Liberalisation** (gold) · voice: Polly Jones (scholar)" in text
    assert "**Power play** (predicted) · voice: Mao Zedong (actor)" in text
    assert "note 2: Polly Jones, The Dilemmas of De-Stalinisation (London: Routledge, 2006): 2." in text
    assert "cites: Polly Jones, The Dilemmas of De-Stalinisation" in text
    assert "[open in the reader](http://class.example:8501/?view=reader&doc=vogt-essay&sentence=sentence-356-471)" in text


def test_html_handout_is_a_standalone_page_with_columns(corpus):
    page = handout.html(secret_speech(corpus), BASE)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<style>" in page and "grid-template-columns:repeat(3,1fr)" in page
    assert page.count('<div class="ds-card') == 4
    assert '<mark class="ds-cue ds-pp" title="cue → Power play (weight 0.8)">isolate his rivals</mark>' in page
    assert 'href="http://class.example:8501/?view=reader&amp;doc=vogt-essay&amp;sentence=sentence-356-471#s-sentence-356-471"' in page
    assert 'ds-lib ds-gold"' in page and "ds-pp ds-pred" in page


def test_csv_round_trips_the_selection(corpus):
    rows = corpus.claims[corpus.claims["speaker"] == "Clara Vogt"]
    parsed = list(csv.DictReader(io.StringIO(handout.to_csv(rows).decode("utf-8"))))
    assert [r["sentence_id"] for r in parsed] == list(rows["sentence_id"])
    assert parsed[2]["events"] == "secret_speech_1956" and parsed[2]["notes"] == "1"
    assert parsed[2]["cues"] == "calculated move"
    assert (
        parsed[3]["stance"] == "liberalisation"
        and parsed[3]["text"] == "The Thaw brought real relief to writers and to returning prisoners."
    )


def test_jsonl_keeps_lists_and_numbers(corpus):
    lines = handout.to_jsonl(corpus.claims).decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == len(corpus.claims)
    polly = next(r for r in records if r["speaker"] == "Polly Jones")
    assert polly["stance"] == "liberalisation" and polly["stance_source"] == "gold"
    assert polly["events"] == ["secret_speech_1956"] and polly["notes"] == [2]
    assert polly["cues"][0] == {"text": "genuine", "start": 414, "end": 421, "stance": "liberalisation", "weight": 0.6}
    assert isinstance(polly["index"], int) and polly["score_mixed"] == 0.35
    western = next(r for r in records if r["speaker"] == "Western analysts")
    assert western["text"] == "Western analysts saw in the Hungarian Revolution the limits of any liberalisation.", (
        "cut by a note block, read whole"
    )


def test_csv_defuses_spreadsheet_formulas():
    frame = pd.DataFrame([{"doc": "d", "sentence_id": "s", "text": '=HYPERLINK("http://x")', "events": []}])
    parsed = list(csv.DictReader(io.StringIO(handout.to_csv(frame).decode("utf-8"))))
    assert parsed[0]["text"] == '\'=HYPERLINK("http://x")'
