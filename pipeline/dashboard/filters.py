"""The filter and view state every view shares, and its round trip through the page URL.

The URL is the state's home, so a view can be shared by copying the address bar: widgets are
seeded from ``st.query_params`` when a session starts (or when a value no longer fits the
options) and their values are written back after each run. Parameter values are ids
(``stances=power_play``, ``doc=seniuc-2020``), never display labels, so links built here and
links typed by hand mean the same thing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from pipeline.dashboard.stances import label

VIEWS: tuple[str, ...] = ("overview", "compare", "contrast", "reader", "entities")
VIEW_LABELS: dict[str, str] = {
    "overview": "Overview",
    "compare": "Compare",
    "contrast": "Contrast",
    "reader": "Reader",
    "entities": "Entities & timeline",
}


@dataclass(frozen=True)
class Filters:
    """What every view narrows the sentences by. Empty means 'no restriction'."""

    q: str = ""
    docs: tuple[str, ...] = ()
    voices: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_params(cls, params: Mapping[str, str | Iterable[str]]) -> Filters:
        """From URL parameters (a value may be a string or a list of repeated values)."""
        values: dict[str, Any] = {}
        for key in cls.names():
            raw = params.get(key)
            items = [raw] if isinstance(raw, str) else list(raw or [])
            if key == "q":
                values[key] = items[-1].strip() if items else ""
            else:
                values[key] = tuple(dict.fromkeys(v for v in items if v))
        return cls(**values)

    def to_params(self) -> dict[str, str | list[str]]:
        """URL parameters; empty filters are left out so a clean URL means 'everything'."""
        params: dict[str, str | list[str]] = {}
        for key in self.names():
            value = getattr(self, key)
            if value:
                params[key] = value if isinstance(value, str) else list(value)
        return params

    def active(self) -> bool:
        return any(getattr(self, key) for key in self.names())

    def apply(self, claims: pd.DataFrame) -> pd.DataFrame:
        """The sentences that pass every filter (text search is case-insensitive, literal)."""
        mask = pd.Series(True, index=claims.index)
        if self.q:
            mask &= claims["search"].str.contains(self.q.casefold(), regex=False)
        if self.docs:
            mask &= claims["doc"].isin(self.docs)
        if self.voices:
            mask &= claims["speaker"].isin(self.voices)
        if self.stances:
            mask &= claims["stance"].isin(self.stances)
        if self.events:
            wanted = set(self.events)
            mask &= claims["events"].map(lambda events: not wanted.isdisjoint(events))
        if self.entities:
            wanted = set(self.entities)
            mask &= claims["entity_names"].map(lambda names: not wanted.isdisjoint(names))
        return claims[mask]

    def describe(self, event_name: Any = None) -> str:
        """One line for a handout or caption: what the selection was narrowed to."""
        name = event_name or (lambda e: e)
        parts = []
        if self.q:
            parts.append(f"text contains “{self.q}”")
        for key, title, show in (
            ("docs", "document", str),
            ("voices", "voice", str),
            ("stances", "stance", label),
            ("events", "event", name),
            ("entities", "entity", str),
        ):
            values = getattr(self, key)
            if values:
                parts.append(f"{title}: " + ", ".join(show(v) for v in values))
        return "; ".join(parts) if parts else "all sentences"


def link(view: str, **params: str | Iterable[str] | None) -> str:
    """A relative URL (``?view=…&…``) to a view with the given parameters."""
    query: list[tuple[str, str]] = [("view", view)]
    for key, value in params.items():
        if value is None or value == "":
            continue
        query.extend((key, v) for v in ([value] if isinstance(value, str) else value))
    return "?" + urlencode(query)


class UrlState:
    """Seeds widgets from the URL and writes their values back, once per script run.

    Call ``seed`` before drawing a widget with that key (the key doubles as the URL parameter
    name) and ``publish`` once at the end of the run. Parameters of widgets not drawn in this
    run (another view's) stay in the URL, so coming back to a view restores it.
    """

    def __init__(self) -> None:
        self.drawn: dict[str, Any] = {}
        self.dropped: set[str] = set()

    def seed(self, key: str, default: Any, options: Collection[Any] | None = None, many: bool = False) -> None:
        """Give the widget ``key`` its URL value on a new session, or its default when invalid.

        URL strings are read as the default's type (``bool``: 1/true, ``int``: digits).
        """
        self.drawn[key] = default
        state = st.session_state
        if key in state and _fits(state[key], options, many):
            return
        values = st.query_params.get_all(key)
        if many:
            state[key] = [v for v in dict.fromkeys(values) if options is None or v in options] if values else list(default)
            return
        value = _parse(values[-1], default) if values else None
        state[key] = value if value is not None and (options is None or value in options) else default

    def value(self, key: str, default: str | None = None) -> str | None:
        """A parameter without a widget (the reader's target sentence)."""
        values = st.query_params.get_all(key)
        return values[-1] if values else default

    def drop(self, key: str) -> None:
        self.dropped.add(key)

    def publish(self) -> None:
        """Write drawn widgets' values to the URL (defaults left out); touch the URL only on change."""
        wanted: dict[str, list[str]] = {key: st.query_params.get_all(key) for key in st.query_params}
        for key, default in self.drawn.items():
            value = st.session_state.get(key, default)
            if value == default or value in (None, "", []):
                wanted.pop(key, None)
            elif isinstance(value, list | tuple):
                wanted[key] = [str(v) for v in value]
            else:
                wanted[key] = [("1" if value else "0") if isinstance(value, bool) else str(value)]
        for key in self.dropped:
            wanted.pop(key, None)
        current = {key: st.query_params.get_all(key) for key in st.query_params}
        if wanted != current:
            st.query_params.from_dict({key: values if len(values) > 1 else values[0] for key, values in wanted.items() if values})


def _parse(text: str, default: Any) -> Any:
    if isinstance(default, bool):
        return text.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(text) if text.strip().isdigit() else None
    return text


def _fits(value: Any, options: Collection[Any] | None, many: bool) -> bool:
    if options is None:
        return True
    if many:
        return isinstance(value, list) and all(v in options for v in value)
    return value is None or value in options


def current_filters() -> Filters:
    """The filters as the sidebar widgets hold them in this run."""
    state = st.session_state
    return Filters(
        q=str(state.get("q") or "").strip(),
        **{key: tuple(state.get(key) or ()) for key in ("docs", "voices", "stances", "events", "entities")},
    )
