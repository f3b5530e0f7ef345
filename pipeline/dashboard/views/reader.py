"""Reader: one document in reading order, with stances, voices, entities, footnotes in place and
lost names marked. ``?view=reader&doc=…&sentence=…`` opens it scrolled to that sentence."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from pipeline.dashboard import document
from pipeline.dashboard.data import Corpus
from pipeline.dashboard.filters import Filters, UrlState
from pipeline.dashboard.render import anchor, esc, lacuna_mark, legend

LAYERS = ("stances", "voices", "entities", "footnotes", "lost names")


def render(corpus: Corpus, claims: pd.DataFrame, filters: Filters, url: UrlState) -> None:
    docs = corpus.documents["doc"].tolist()
    url.seed("doc", docs[0], docs)
    url.seed("show", list(LAYERS), LAYERS, many=True)
    top = st.columns([2, 3])
    top[0].selectbox("Document", docs, key="doc", format_func=corpus.title)
    top[1].pills("Show", LAYERS, key="show", selection_mode="multi")
    doc = st.session_state["doc"]
    target = _target(corpus, doc, url)
    _header(corpus, doc, claims)
    show = set(st.session_state["show"])
    options = document.Options(
        stances="stances" in show,
        voices="voices" in show,
        entities="entities" in show,
        footnotes_open="footnotes" in show,
        lacunae="lost names" in show,
        target=target,
        matched=frozenset(claims.loc[claims["doc"] == doc, "sentence_id"]) if filters.active() else None,
    )
    with st.container(key="reader"):
        st.html(_html(corpus, corpus.stamp, doc, options))
    if target and st.session_state.get("scrolled_to") != (doc, target):
        st.session_state["scrolled_to"] = (doc, target)  # scroll once, not on every later rerun
        st.html(_scroll_script(target), unsafe_allow_javascript=True)


def _target(corpus: Corpus, doc: str, url: UrlState) -> str | None:
    """The sentence the URL points at, if it belongs to the document shown (else it is dropped)."""
    target = url.value("sentence")
    if not target:
        return None
    if target in document.sentence_ids(corpus, doc):
        return target
    url.drop("sentence")
    return None


def _header(corpus: Corpus, doc: str, claims: pd.DataFrame) -> None:
    meta = corpus.documents.set_index("doc").loc[doc]
    shown = int((claims["doc"] == doc).sum())
    total = int((corpus.claims["doc"] == doc).sum())
    dimmed = f" · {total - shown} sentences that fail the filters are dimmed" if shown < total else ""
    lost = corpus.layer("lacuna", doc)
    gold_lost = int(lost["gold"].sum()) if not lost.empty else 0
    st.html(
        f"<h3 style='margin-bottom:0'>{esc(meta['title'])}</h3>"
        f"<div class='ds-meta'>{esc(meta['authors'])} · {esc(meta['year'])} · {esc(meta['genre'])} · "
        f"{total} body sentences{esc(dimmed)}</div>"
        f"<div class='ds-meta'><i>{esc(meta['source'])}</i>. {esc(meta['rights'])}</div>"
        + legend()
        + "<div class='ds-legend'><span class='ds-legend-label'>Marks</span> "
        "<span class='ds-voice ds-voice-scholar'>voice</span> before a sentence in someone else's voice · "
        "<span class='ds-ent ds-ent-PERSON'>entity</span> (hover for its canonical name) · "
        "<mark class='ds-cue ds-pp'>cue words</mark> · footnote numbers open in place · lost names "
        f"{lacuna_mark('name', 'high', True)} gold {lacuna_mark('name', 'medium', False)} predicted"
        f"{f' ({len(lost)} here, {gold_lost} gold)' if len(lost) else ''}</div>"
    )


@st.cache_data(max_entries=64, show_spinner=False)
def _html(_corpus: Corpus, stamp: str, doc: str, options: document.Options) -> str:
    """The rendered document, cached per corpus state, document and display choice."""
    return document.render(_corpus, doc, options)


def _scroll_script(target: str) -> str:
    """Scroll the target sentence into view once it is in the page (no corpus text in the script)."""
    element = json.dumps(anchor(target))
    return (
        "<script>(function(){var n=0;function go(){var el=document.getElementById("
        + element
        + ");if(el){el.scrollIntoView({block:'center'});}else if(n++<60){setTimeout(go,100);}}go();})();</script>"
    )
