"""The sidebar: search and filters shared by every view (kept in the URL), and the export of
the current selection."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pipeline.dashboard import handout
from pipeline.dashboard.data import Corpus
from pipeline.dashboard.filters import Filters, UrlState, current_filters
from pipeline.dashboard.stances import STANCES, label


def render(corpus: Corpus, url: UrlState) -> Filters:
    """Draw the filter widgets and return the filters they hold."""
    options = {
        "docs": corpus.documents["doc"].tolist(),
        "voices": corpus.voice_options,
        "stances": list(STANCES),
        "events": [e for e in corpus.events.sort_values("sentences", ascending=False, kind="stable")["id"] if e],
        "entities": corpus.entity_options,
    }
    url.seed("q", "")
    for key, values in options.items():
        url.seed(key, [], values, many=True)
    with st.sidebar:
        st.header("Search and filters")
        st.text_input(
            "Full text", key="q", placeholder="words in the sentence…", help="Case-insensitive; matches the sentence text literally."
        )
        st.multiselect("Documents", options["docs"], key="docs", format_func=corpus.title)
        st.multiselect("Voices", options["voices"], key="voices", placeholder="historians, schools, authors…")
        st.multiselect("Stances", options["stances"], key="stances", format_func=label)
        st.multiselect("Events", options["events"], key="events", format_func=corpus.event_name)
        st.multiselect("Entities", options["entities"], key="entities", placeholder="people, places, works…")
        st.caption("The filters apply to every view and are kept in the page address: copy it to share this view.")
    return current_filters()


def export(claims: pd.DataFrame, name: str = "selection") -> None:
    """CSV and JSONL downloads of the filtered sentences, generated only when clicked."""
    with st.sidebar:
        st.subheader("Export the selection")
        st.caption(f"{len(claims)} sentences pass the filters.")
        left, right = st.columns(2)
        left.download_button("CSV", lambda: handout.to_csv(claims), f"{name}.csv", "text/csv", on_click="ignore", key="export_csv")
        right.download_button(
            "JSONL", lambda: handout.to_jsonl(claims), f"{name}.jsonl", "application/jsonl", on_click="ignore", key="export_jsonl"
        )
