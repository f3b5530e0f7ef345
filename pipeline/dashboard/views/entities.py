"""Entities and timeline: the canonical people, places, groups, works and events with their
mentions, and the inventory's events on a time axis."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pipeline.dashboard import charts, timeline
from pipeline.dashboard.data import Corpus
from pipeline.dashboard.filters import Filters, UrlState
from pipeline.dashboard.mentions import mention_html, mentions_of
from pipeline.dashboard.render import esc

TABLE_KEY = "kb_table"


def render(corpus: Corpus, claims: pd.DataFrame, filters: Filters, url: UrlState) -> None:
    st.subheader("Entities")
    left, right = st.columns([1, 1], gap="large")
    _entities(corpus, filters, url, left, right)
    _timeline(corpus, claims, filters)


def _entities(corpus: Corpus, filters: Filters, url: UrlState, left, right) -> None:
    """The knowledge base on the left, the chosen entity's mentions on the right."""
    kb = corpus.kb[corpus.kb["mentions"] > 0]
    labels = sorted(kb["label"].dropna().unique())
    url.seed("labels", [], labels, many=True)
    left.multiselect("Kinds", labels, key="labels", placeholder="all kinds (PERSON, GPE, EVENT…)")
    if st.session_state["labels"]:
        kb = kb[kb["label"].isin(st.session_state["labels"])]
    ids = kb["kb_id"].tolist()
    url.seed("entity", None, ids)
    columns = [c for c in ("name", "label", "role", "mentions", "description") if c in kb]
    left.dataframe(
        kb[columns],
        hide_index=True,
        width="stretch",
        height=420,
        key=TABLE_KEY,
        on_select=_pick_row(ids),
        selection_mode="single-row",
        column_config={
            "name": st.column_config.TextColumn("Name", width="medium"),
            "description": st.column_config.TextColumn("Description", width="medium"),
        },
    )
    right.selectbox("Entity", ids, key="entity", format_func=corpus.entity_name, placeholder="choose an entity (or a row in the table)…")
    entity = st.session_state.get("entity")
    if not entity:
        right.caption("Choose an entity to see where the corpus mentions it.")
        return
    shown, total = mentions_of(corpus, entity, filters.docs)
    entry = kb[kb["kb_id"] == entity].iloc[0]
    where = f" in {', '.join(corpus.title(d) for d in filters.docs)}" if filters.docs else ""
    aliases = entry.get("aliases")
    aka = f" · also: {', '.join(aliases)}" if isinstance(aliases, list | tuple) and len(aliases) > 1 else ""
    right.html(
        f"<h4>{esc(entry['name'])} <small>({esc(entry['label'])})</small></h4>"
        f"<div class='ds-meta'>{total} mention(s){esc(where)}{esc(aka)}</div>"
    )
    with right.container(key="mentions", height=420):
        st.html("".join(mention_html(m) for m in shown) or "<p>No mentions.</p>")


def _pick_row(ids: list[str]):
    """Table row click -> the entity selector (it holds the state and the URL)."""

    def pick() -> None:
        rows = st.session_state.get(TABLE_KEY, {}).get("selection", {}).get("rows") or []
        if rows and rows[0] < len(ids):
            st.session_state["entity"] = ids[rows[0]]

    return pick


def _timeline(corpus: Corpus, claims: pd.DataFrame, filters: Filters) -> None:
    st.subheader("Timeline of events")
    events = timeline.events_on_timeline(corpus.events, claims)
    if events.empty:
        st.info("No dated events in the inventory.")
        return
    st.caption(
        "Bars span each event's dates (from the event inventory); colour is the side most sentences about the event take "
        f"(grey: none takes a side); the number is how many sentences are about it. Showing {filters.describe(corpus.event_name)}."
    )
    with st.container(key="timeline"):
        chart = charts.timeline(events)
        st.altair_chart(chart, width="stretch", height=charts.pixels(chart, 40))
    table = events.assign(date=[_when(s, e) for s, e in zip(events["start"], events["end"], strict=True)])
    st.dataframe(table[["name", "date", "sentences", "covers"]], hide_index=True, width="stretch", height=260)


def _when(start: object, end: object) -> str:
    return f"{start} – {end}" if isinstance(end, str) and end else str(start)
