"""The dashboard: how each historian frames de-Stalinization, power play or liberalisation.

Thin by design: page layout and widgets only. Data comes from ``pipeline.dashboard.data`` (read
once, cached), logic from ``pipeline.dashboard``; the view and every filter live in the URL.
"""

from __future__ import annotations

import streamlit as st

from pipeline.dashboard import data, render
from pipeline.dashboard.filters import VIEW_LABELS, VIEWS, UrlState
from pipeline.dashboard.views import compare, contrast, entities, overview, reader, sidebar
from pipeline.errors import CorpusError

RENDERERS = {"overview": overview, "compare": compare, "contrast": contrast, "reader": reader, "entities": entities}

st.set_page_config(page_title="De-Stalinization debates", page_icon="📚", layout="wide")
try:
    corpus = data.load()
except CorpusError as err:
    st.error(f"The corpus cannot be read: {err}")
    st.stop()

url = UrlState()
st.html(render.stylesheet())
st.title("De-Stalinization: power play or genuine liberalisation?")
filters = sidebar.render(corpus, url)
claims = filters.apply(corpus.claims)
sidebar.export(claims)
url.seed("view", "overview", VIEWS)
st.segmented_control("View", VIEWS, key="view", format_func=VIEW_LABELS.get, required=True, label_visibility="collapsed")
RENDERERS[st.session_state["view"]].render(corpus, claims, filters, url)
url.publish()
