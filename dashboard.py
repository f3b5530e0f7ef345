"""The dashboard: how each historian frames de-Stalinization, document by document.

Thin by design: page layout and widgets only; all data access goes through pipeline.tables.
"""

from __future__ import annotations

import html

import streamlit as st

from pipeline import build, tables

st.set_page_config(page_title="De-Stalinization debates", layout="wide")


@st.cache_data(show_spinner="Building annotations…")
def load() -> dict:
    build.run(if_missing=True, progress=lambda _: None)
    return {
        "documents": tables.documents(),
        "paragraph": tables.load_layer("paragraph"),
        "footnote": tables.load_layer("footnote"),
        "reference": tables.load_layer("reference"),
    }


data = load()
st.title("De-Stalinization: power play or genuine liberalisation?")
st.dataframe(data["documents"][["doc", "title", "authors", "year", "genre"]], hide_index=True)
doc = st.selectbox("Document", data["documents"]["doc"].tolist())
for _, row in data["paragraph"][data["paragraph"]["doc"] == doc].iterrows():
    st.markdown(f"<p>{html.escape(row['text'])}</p>", unsafe_allow_html=True)
