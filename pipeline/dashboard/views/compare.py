"""Compare: voices × events. Each cell shows its mix of stances and how many sentences; picking a
cell (a click on the chart, or the two selectors below it) lists its sentences."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pipeline.dashboard import charts, contrast, handout, matrix
from pipeline.dashboard.data import Corpus
from pipeline.dashboard.filters import Filters, UrlState
from pipeline.dashboard.render import card, esc, legend

CHART_KEY = "matrix_chart"
LIST_LIMIT = 100
ROW_CHOICES = (10, 20, 30, 50, 100)


def render(corpus: Corpus, claims: pd.DataFrame, filters: Filters, url: UrlState) -> None:
    url.seed("no_event", False)
    url.seed("rows", 30, ROW_CHOICES)
    with st.container(key="matrix"):
        st.subheader("Voices × events")
        st.caption(
            f"Showing {filters.describe(corpus.event_name)}. Each cell: the share of each stance in the voice's sentences on the event, "
            "and their number. Click a cell to list its sentences (double-click clears)."
        )
        options = st.columns([2, 1, 3])
        options[0].toggle("Include sentences without an event", key="no_event")
        options[1].selectbox("Voices shown", ROW_CHOICES, key="rows", help="The voices with most sentences")
        st.html(legend())
        cells = matrix.cells(
            claims, corpus.event_name, include_no_event=bool(st.session_state["no_event"]), limit=int(st.session_state["rows"])
        )
        if cells.empty:
            st.info("No sentence passes the filters with an event: clear some filters, or include sentences without an event.")
            return
        chart = charts.matrix(cells)
        st.altair_chart(
            chart, key=CHART_KEY, on_select=_pick_cell, selection_mode="cell", width="stretch", height=charts.pixels(chart, 160)
        )
        url.seed("as_table", False)
        if st.toggle("Also as a table (total, then power play / mixed / liberalisation / none)", key="as_table"):
            st.dataframe(matrix.table(cells), width="stretch")
    _cell_sentences(corpus, claims, cells, url)


def _pick_cell() -> None:
    """Chart click -> the two cell selectors (they, not the chart, hold the state and the URL)."""
    picked = st.session_state.get(CHART_KEY, {}).get("selection", {}).get("cell") or []
    if picked:
        st.session_state["cell_voice"] = picked[0].get("speaker")
        st.session_state["cell_event"] = picked[0].get("event")


def _cell_sentences(corpus: Corpus, claims: pd.DataFrame, cells: pd.DataFrame, url: UrlState) -> None:
    voices = cells.drop_duplicates("speaker").sort_values("row")["speaker"].tolist()
    events = cells.drop_duplicates("event").sort_values("col")["event"].tolist()
    url.seed("cell_voice", None, voices)
    url.seed("cell_event", None, events)
    st.markdown("**Sentences in a cell**")
    left, right = st.columns(2)
    left.selectbox("Voice", voices, key="cell_voice", placeholder="choose a voice…")
    right.selectbox(
        "Event",
        events,
        key="cell_event",
        format_func=lambda e: matrix.NO_EVENT if e == matrix.NO_EVENT else corpus.event_name(e),
        placeholder="choose an event…",
    )
    voice, event = st.session_state.get("cell_voice"), st.session_state.get("cell_event")
    if not voice or not event:
        st.caption("Pick a cell in the matrix, or a voice and an event here.")
        return
    rows = matrix.in_cell(claims, voice, event)
    name = matrix.NO_EVENT if event == matrix.NO_EVENT else corpus.event_name(event)
    st.html(f"<p>{len(rows)} sentence(s) by <b>{esc(voice)}</b> on <b>{esc(name)}</b></p>")
    with st.container(key="cell_list"):
        st.html("".join(card(f) for f in contrast.framings(corpus, rows.head(LIST_LIMIT))) or "<p>No sentences in this cell.</p>")
    if len(rows) > LIST_LIMIT:
        st.caption(f"The first {LIST_LIMIT} are shown; the export holds all {len(rows)}.")
    a, b, _ = st.columns([1, 1, 4])
    a.download_button("Cell as CSV", lambda: handout.to_csv(rows), "cell.csv", "text/csv", on_click="ignore", key="cell_csv")
    b.download_button(
        "Cell as JSONL", lambda: handout.to_jsonl(rows), "cell.jsonl", "application/jsonl", on_click="ignore", key="cell_jsonl"
    )
