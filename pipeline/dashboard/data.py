"""The dashboard's one loader: build missing annotations, read every table once, keep it.

Views receive the ``Corpus`` and never read files. ``load()`` runs on every script rerun but
costs a manifest read and a few ``stat`` calls: the tables are read once per process and
annotations state (the *stamp*: the build manifest and the gold files) and kept with
``st.cache_resource``, which hands every session the same read-only object. ``st.cache_data``
would unpickle a fresh copy on every call: 1.5 s per rerun for the 51 MB of a 200-document
corpus, the re-reading a view change must not do. Nothing downstream mutates a ``Corpus``.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from pipeline import build, tables
from pipeline.catalog import load_catalog
from pipeline.paths import annotations_dir, corpus_dir
from pipeline.store import gold_dir, silver_dir

log = logging.getLogger(__name__)

# Layers the reader and the contrast cards draw on, grouped by document at load time.
DOC_LAYERS = ("heading", "paragraph", "footnote", "footnote_marker", "citation", "reference", "date", "event_mention")
LIST_COLUMNS = ("fragments", "events", "cues", "evidence", "notes", "entities")
SOURCE_COLUMNS = ("stance_source", "voice_source", "alignment_source", "events_source")
SCORE_COLUMNS = ("score_power_play", "score_liberalisation", "score_mixed", "score_none")


@dataclass(frozen=True)
class Corpus:
    """Everything the views show, read once. Treat every DataFrame as read-only."""

    stamp: str
    documents: pd.DataFrame
    claims: pd.DataFrame
    events: pd.DataFrame
    kb: pd.DataFrame
    mentions: pd.DataFrame
    lacunae: pd.DataFrame
    sources: Mapping[str, str]
    visible: Mapping[str, tuple[tuple[int, int], ...]]
    by_doc: Mapping[str, Mapping[str, pd.DataFrame]] = field(repr=False)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)  # derived lookups, see ``derived``

    def layer(self, name: str, doc: str) -> pd.DataFrame:
        """One document's rows of a layer (an empty frame when it has none)."""
        return self.by_doc.get(name, {}).get(doc, EMPTY)

    def derived(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """A lookup derived from the tables, computed on first use and kept with the corpus
        (per-document indexes the cards and mention lists would otherwise rebuild per sentence)."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def title(self, doc: str) -> str:
        return self._titles().get(doc, doc)

    def event_name(self, event: str) -> str:
        return self._event_names().get(event, humanise(event))

    def entity_name(self, kb_id: str) -> str:
        """The canonical name of a knowledge-base id ('person:polly-jones' -> 'Polly Jones')."""
        return self._entity_names_map.get(kb_id, kb_id)

    @cached_property
    def _entity_names_map(self) -> dict[str, str]:
        return dict(zip(self.kb["kb_id"], self.kb["name"], strict=True))

    @cached_property
    def voice_options(self) -> list[str]:
        """Voices, most sentences first (computed once per corpus, not per rerun)."""
        return by_size(self.claims["speaker"])

    @cached_property
    def entity_options(self) -> list[str]:
        """Canonical names of the entities the sentences mention, most frequent first."""
        return by_size(self.claims["entity_names"].explode().dropna())

    @cached_property
    def _titles_map(self) -> dict[str, str]:
        return dict(zip(self.documents["doc"], self.documents["title"], strict=True))

    @cached_property
    def _event_names_map(self) -> dict[str, str]:
        return dict(zip(self.events["id"], self.events["name"], strict=True))

    def _titles(self) -> dict[str, str]:
        return self._titles_map

    def _event_names(self) -> dict[str, str]:
        return self._event_names_map


def by_size(values: pd.Series) -> list[str]:
    """Distinct values, most frequent first, then by name."""
    counts = values.value_counts(sort=True)
    return sorted(counts.index, key=lambda v: (-counts[v], str(v)))


EMPTY = pd.DataFrame()


def load() -> Corpus:
    """The corpus for this rerun: built if missing, read once per annotations state."""
    corpus, annotations = str(corpus_dir()), str(annotations_dir())
    _ensure_built(corpus, annotations)
    return _read(corpus, annotations, stamp(Path(annotations)))


@st.cache_resource(show_spinner="Building the annotations (first start only)…")
def _ensure_built(corpus: str, annotations: str) -> None:
    """``build --if-missing`` once per process and folder pair: a no-op when annotations are current."""
    build.run(if_missing=True, progress=log.info)


def stamp(annotations: Path) -> str:
    """What the cached tables depend on: the build manifest and every gold file's mtime and size."""
    parts = []
    manifest = silver_dir(annotations) / build.MANIFEST
    if manifest.is_file():
        parts.append(manifest.read_text(encoding="utf-8"))
    gold = gold_dir(annotations)
    if gold.is_dir():
        for path in sorted(gold.rglob("*.jsonl")):
            info = path.stat()
            parts.append(f"{path}:{info.st_mtime_ns}:{info.st_size}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


@st.cache_resource(show_spinner="Loading the corpus…", max_entries=4)
def _read(corpus: str, annotations: str, stamp: str) -> Corpus:
    """Read every table the views need; keyed on the folders and the stamp, so a rebuild is seen."""
    return read_corpus(stamp)


def read_corpus(stamp: str = "") -> Corpus:
    """The tables, without Streamlit (tests and benchmarks call this directly)."""
    documents = tables.documents()
    sources = source_texts(list(documents["doc"]))
    authors = dict(zip(documents["doc"], documents["authors"], strict=True))
    claims = prepare_claims(tables.claims(), authors, dict(zip(documents["doc"], documents["title"], strict=True)))
    documents = documents.assign(sentences=documents["doc"].map(claims.groupby("doc").size()).fillna(0).astype(int))
    mentions = prepare_mentions(tables.load_layer("entity"))
    doc_layers = {name: tables.load_layer(name) for name in DOC_LAYERS}
    lacunae = lacuna_table()
    by_doc = {name: _group(frame) for name, frame in doc_layers.items()}
    by_doc["lacuna"] = _group(lacunae)
    by_doc["entity"] = _group(mentions)
    by_doc["claims"] = _group(claims)
    return Corpus(
        stamp=stamp,
        documents=documents,
        claims=claims,
        events=events_table(claims, doc_layers["event_mention"]),
        kb=kb_table(mentions),
        mentions=mentions,
        lacunae=lacunae,
        sources=sources,
        visible={doc: visible_ranges(doc) for doc in documents["doc"]},
        by_doc=by_doc,
    )


def _group(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    if frame.empty or "doc" not in frame:
        return {}
    return {doc: rows.reset_index(drop=True) for doc, rows in frame.groupby("doc", sort=False)}


def humanise(identifier: str) -> str:
    """'hungarian_revolution_1956' -> 'Hungarian revolution 1956' (for ids without a name)."""
    text = identifier.removeprefix("event:").replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


# --- claims ---------------------------------------------------------------------------------


def prepare_claims(claims: pd.DataFrame, authors: Mapping[str, str], titles: Mapping[str, str]) -> pd.DataFrame:
    """Add what every view needs and would otherwise recompute: who speaks, the title, search keys."""
    claims = claims.copy()
    for column in LIST_COLUMNS:
        if column not in claims:
            claims[column] = [[] for _ in range(len(claims))]
        claims[column] = [value if isinstance(value, list) else list(value) if _is_sequence(value) else [] for value in claims[column]]
    for column in SOURCE_COLUMNS:
        if column not in claims:
            claims[column] = "predicted"
    for column in SCORE_COLUMNS:
        if column not in claims:
            claims[column] = float("nan")
    claims["voice"] = claims["voice"].fillna("author") if "voice" in claims else "author"
    claims["voice_type"] = claims["voice_type"].fillna("author") if "voice_type" in claims else "author"
    is_author = claims["voice"] == "author"
    claims["speaker"] = claims["voice"].where(~is_author, claims["doc"].map(authors).fillna("author"))
    claims["doc_title"] = claims["doc"].map(titles).fillna(claims["doc"])
    claims["entity_names"] = [sorted({_name(e) for e in ents} - {""}) for ents in claims["entities"]]
    claims["search"] = claims["text"].str.casefold()
    order = {doc: i for i, doc in enumerate(titles)}
    claims["doc_order"] = claims["doc"].map(order).fillna(len(order)).astype(int)
    return claims.sort_values(["doc_order", "index"], kind="stable").reset_index(drop=True)


def _name(mention: Mapping[str, Any]) -> str:
    """A mention's canonical name, else its text ('' when neither is a string)."""
    for key in ("name", "text"):
        value = mention.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


def _is_sequence(value: Any) -> bool:
    return hasattr(value, "__len__") and not isinstance(value, str | dict)


# --- entities, events, lost names -----------------------------------------------------------


def prepare_mentions(frame: pd.DataFrame) -> pd.DataFrame:
    """Entity mentions with a canonical ``name`` (the KB name, else the text) and ``kb_id``."""
    if frame.empty:
        return pd.DataFrame(columns=["doc", "start", "end", "text", "label", "kb_id", "name", "role", "unit"])
    frame = frame.copy()
    for column in ("kb_id", "name", "role", "unit"):
        if column not in frame:
            frame[column] = None
    frame["name"] = frame["name"].where(frame["name"].notna(), frame["text"])
    return frame


def kb_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """The knowledge base with each entry's mention count; ``tables.entities()`` when it exists."""
    kb = tables.entities()
    counts = mentions.dropna(subset=["kb_id"]).groupby("kb_id").size() if not mentions.empty else pd.Series(dtype=int)
    kb = kb.assign(mentions=kb["kb_id"].map(counts).fillna(0).astype(int))
    return kb.sort_values(["mentions", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)


def events_table(claims: pd.DataFrame, event_mentions: pd.DataFrame) -> pd.DataFrame:
    """The event inventory, plus any event id the claims use that the inventory lacks."""
    inventory = tables.events()
    used = sorted({e for events in claims["events"] for e in events} | _mentioned_events(event_mentions))
    known = set(inventory["id"]) if not inventory.empty else set()
    extra = pd.DataFrame(
        [{"id": e, "name": humanise(e), "start": _year_of(e), "end": _year_of(e), "covers": ""} for e in used if e not in known]
    )
    frame = pd.concat([inventory, extra], ignore_index=True) if not extra.empty else inventory
    sentences = pd.Series([e for events in claims["events"] for e in events], dtype=object).value_counts()
    return frame.assign(sentences=frame["id"].map(sentences).fillna(0).astype(int)).reset_index(drop=True)


def _mentioned_events(event_mentions: pd.DataFrame) -> set[str]:
    if event_mentions.empty:
        return set()
    column = "event" if "event" in event_mentions else "label"
    return {str(e).removeprefix("event:") for e in event_mentions[column].dropna()}


def _year_of(identifier: str) -> str | None:
    years = re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", identifier)
    return years[-1] if years else None


def lacuna_table() -> pd.DataFrame:
    """Lost names, predicted (silver) and adjudicated gold, each row marked ``gold`` or not."""
    frames = []
    silver = tables.load_layer("lacuna")
    if not silver.empty:
        frames.append(silver.assign(gold=False))
    gold = tables.load_layer("lacuna", kind="gold")
    if not gold.empty:
        frames.append(gold[gold["annotator"] == "adjudicated"].assign(gold=True))
    if not frames:
        return pd.DataFrame(columns=["doc", "start", "end", "restoration", "confidence", "gold"])
    frame = pd.concat(frames, ignore_index=True)
    for column in ("restoration", "confidence"):
        if column not in frame:
            frame[column] = None
    return frame.sort_values(["doc", "start", "gold"], kind="stable").reset_index(drop=True)


# --- sources and reading order --------------------------------------------------------------


def source_texts(docs: list[str]) -> dict[str, str]:
    """The unmodified sources, hash-checked. One catalogue read for all of them: calling
    ``tables.source_text`` per document re-reads the catalogue each time (3 s on 200 documents)."""
    wanted = set(docs)
    return {doc.id: doc.read() for doc in load_catalog() if doc.id in wanted}


def visible_ranges(doc: str) -> tuple[tuple[int, int], ...]:
    """Source ranges the reading order keeps (markers and Markdown marks left out), sorted.
    Empty when the document is not built: then every source character counts as visible."""
    runs = tables.reading_order(doc).get("runs", [])
    return tuple(sorted((source, source + length) for _, source, length in runs))
