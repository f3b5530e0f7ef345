"""Overview: the corpus in figures, its documents, and stance by document and by voice."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pipeline.dashboard import charts
from pipeline.dashboard.data import Corpus
from pipeline.dashboard.filters import Filters, UrlState, link
from pipeline.dashboard.render import legend
from pipeline.dashboard.stances import STANCES, label

TOP_VOICES = 15


def render(corpus: Corpus, claims: pd.DataFrame, filters: Filters, url: UrlState) -> None:
    with st.container(key="overview"):
        _render(corpus, claims, filters)


def _render(corpus: Corpus, claims: pd.DataFrame, filters: Filters) -> None:
    st.subheader("Overview")
    st.caption(f"Showing {filters.describe(corpus.event_name)}.")
    _figures(corpus, claims)
    st.html(legend())
    st.markdown("**Documents**")
    st.dataframe(documents_table(corpus, claims), hide_index=True, width="stretch", column_config=_document_columns())
    if claims.empty:
        st.info("No sentence passes the filters: clear some in the sidebar.")
        return
    left, right = st.columns(2)
    with left:
        st.markdown("**Stance by document** (share of its sentences)")
        chart = charts.stance_by(claims.assign(document=claims["doc_title"]), "document", "Document", normalise=True)
        st.altair_chart(chart, width="stretch", height=charts.pixels(chart, 50))
    with right:
        st.markdown(f"**Stance by voice** (share; the {TOP_VOICES} voices with most sentences, their number in brackets)")
        labels = {v: f"{v} ({n})" for v, n in claims["speaker"].value_counts().items()}
        chart = charts.stance_by(claims.assign(voice=claims["speaker"].map(labels)), "voice", "Voice", normalise=True, limit=TOP_VOICES)
        st.altair_chart(chart, width="stretch", height=charts.pixels(chart, 50))


def _figures(corpus: Corpus, claims: pd.DataFrame) -> None:
    cols = st.columns(6)
    cols[0].metric("Documents", f"{claims['doc'].nunique()} / {len(corpus.documents)}")
    cols[1].metric("Sentences", f"{len(claims)} / {len(corpus.claims)}")
    cols[2].metric("Voices", claims["speaker"].nunique())
    cols[3].metric("Events", len({e for events in claims["events"] for e in events}))
    cols[4].metric("Entities", len({n for names in claims["entity_names"] for n in names}))
    cols[5].metric("Gold stance labels", int((claims["stance_source"] == "gold").sum()))


def documents_table(corpus: Corpus, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per catalogued document: metadata, sentences passing the filters, stance shares."""
    docs = corpus.documents[["doc", "title", "authors", "year"]].copy()
    counts = claims.groupby(["doc", "stance"]).size().unstack(fill_value=0).reindex(columns=list(STANCES), fill_value=0)
    docs["sentences"] = docs["doc"].map(counts.sum(axis=1)).fillna(0).astype(int)
    for stance in STANCES:
        share = counts[stance] / counts.sum(axis=1).where(counts.sum(axis=1) > 0)
        docs[label(stance)] = docs["doc"].map(share * 100).fillna(0.0)
    docs["read"] = [link("reader", doc=doc) for doc in docs["doc"]]
    return docs


def _document_columns() -> dict:
    shares = {label(s): st.column_config.NumberColumn(f"{label(s)} %", format="%.0f%%", width="small") for s in STANCES}
    return {
        "doc": None,
        "title": st.column_config.TextColumn("Title", width="medium"),
        "authors": st.column_config.TextColumn("Authors", width="medium"),
        "year": st.column_config.NumberColumn("Year", format="%d", width="small"),
        "sentences": st.column_config.NumberColumn("Sentences", width="small"),
        "read": st.column_config.LinkColumn("Reader", display_text="open ↗", width="small"),
        **shares,
    }
