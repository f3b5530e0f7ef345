"""Contrast: one event through every voice (a column per stance) or two voices side by side, as
cards; exported as a handout (Markdown, HTML) or as data (CSV, JSONL)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pipeline.dashboard import contrast, handout
from pipeline.dashboard.data import Corpus
from pipeline.dashboard.filters import Filters, UrlState
from pipeline.dashboard.render import card, esc, legend

MODES = ("event", "voices")
MODE_LABELS = {"event": "One event, every voice", "voices": "Two voices"}
ANY_EVENT = ""


def render(corpus: Corpus, claims: pd.DataFrame, filters: Filters, url: UrlState) -> None:
    st.subheader("Contrast")
    url.seed("mode", "event", MODES)
    st.radio("Contrast", MODES, key="mode", format_func=MODE_LABELS.get, horizontal=True, label_visibility="collapsed")
    scope = filters.describe(corpus.event_name)
    built = _by_event(corpus, claims, scope, url) if st.session_state["mode"] == "event" else _by_voices(corpus, claims, scope, url)
    if built is None:
        return
    st.html(legend())
    _show(built)
    _exports(built, {(f.doc, f.sentence_id) for f in built.framings()}, claims)


def _events(corpus: Corpus, claims: pd.DataFrame) -> list[str]:
    """Events the filtered sentences are about, most discussed first."""
    counts = claims["events"].explode().dropna().value_counts()
    return sorted(counts.index, key=lambda e: (-counts[e], corpus.event_name(e)))


def _by_event(corpus: Corpus, claims: pd.DataFrame, scope: str, url: UrlState) -> contrast.Contrast | None:
    events = _events(corpus, claims)
    if not events:
        st.info("No sentence about an event passes the filters.")
        return None
    url.seed("event", events[0], events)
    url.seed("none_col", False)
    left, right = st.columns([3, 1])
    left.selectbox("Event", events, key="event", format_func=lambda e: f"{corpus.event_name(e)}")
    right.toggle("Show stance 'none' too", key="none_col")
    return contrast.by_event(corpus, claims, st.session_state["event"], scope, include_none=st.session_state["none_col"])


def _by_voices(corpus: Corpus, claims: pd.DataFrame, scope: str, url: UrlState) -> contrast.Contrast | None:
    voices = [v for v in corpus.voice_options if v in set(claims["speaker"])]
    if len(voices) < 2:
        st.info("Fewer than two voices pass the filters.")
        return None
    url.seed("a", voices[0], voices)
    url.seed("b", voices[1], voices)
    events = [ANY_EVENT, *_events(corpus, claims)]
    url.seed("event", ANY_EVENT, events)
    first, second, on = st.columns(3)
    first.selectbox("First voice", voices, key="a")
    second.selectbox("Second voice", voices, key="b")
    on.selectbox("On", events, key="event", format_func=lambda e: "any event" if e == ANY_EVENT else corpus.event_name(e))
    return contrast.by_voices(corpus, claims, st.session_state["a"], st.session_state["b"], st.session_state["event"] or None, scope)


def _show(built: contrast.Contrast) -> None:
    st.html(f"<h4>{esc(built.title)}</h4>")
    with st.container(key="contrast_columns"):
        for column, (heading, framings) in zip(st.columns(len(built.columns)), built.columns, strict=True):
            with column:
                st.html(
                    f"<h5>{esc(heading)} <small>({len(framings)})</small></h5>"
                    + ("".join(card(f) for f in framings) or "<p><i>No sentences.</i></p>")
                )
    if built.hidden:
        st.caption(f"{built.hidden} more sentences are left out of the columns; narrow the filters to see them.")


def _exports(built: contrast.Contrast, shown: set[tuple[str, str]], claims: pd.DataFrame) -> None:
    """Handouts in the two formats, and the contrast's sentences as data."""
    base = _base_url()
    rows = claims[[pair in shown for pair in zip(claims["doc"], claims["sentence_id"], strict=True)]]
    st.markdown("**Export this contrast**")
    cols = st.columns(4)
    cols[0].download_button(
        "Handout (Markdown)", lambda: handout.markdown(built, base), "contrast.md", "text/markdown", on_click="ignore", key="handout_md"
    )
    cols[1].download_button(
        "Handout (HTML)", lambda: handout.html(built, base), "contrast.html", "text/html", on_click="ignore", key="handout_html"
    )
    cols[2].download_button(
        "Sentences (CSV)", lambda: handout.to_csv(rows), "contrast.csv", "text/csv", on_click="ignore", key="contrast_csv"
    )
    cols[3].download_button(
        "Sentences (JSONL)", lambda: handout.to_jsonl(rows), "contrast.jsonl", "application/jsonl", on_click="ignore", key="contrast_jsonl"
    )


def _base_url() -> str:
    """Where the app is served, for absolute reader links in handouts."""
    url = getattr(st.context, "url", None)
    return url or "http://localhost:8501/"
