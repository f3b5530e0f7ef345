"""Events on a time axis: inventory dates (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) to day ranges,
with how many of the selected sentences are about each event and the stance most of them take."""

from __future__ import annotations

import calendar

import pandas as pd

from pipeline.dashboard.stances import STANCES


def day_range(start: object, end: object) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """'1956' -> 1956-01-01 .. 1956-12-31; '1956-10' -> the whole month; no end -> the start's range."""
    first = _bounds(start)
    if first is None:
        return None, None
    last = _bounds(end) if isinstance(end, str) and end else first
    return first[0], (last or first)[1]


def _bounds(value: object) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    if not isinstance(value, str | int) or not str(value).strip():
        return None
    parts = str(value).strip().split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return pd.Timestamp(year, month, 1), pd.Timestamp(year, month, calendar.monthrange(year, month)[1])
        day = pd.Timestamp(year, month, int(parts[2]))
        return day, day
    except (ValueError, TypeError):
        return None


def events_on_timeline(events: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The dated events with ``start_date``, ``end_date``, ``sentences`` (in ``claims``) and ``dominant`` stance."""
    frame = events.drop(columns=["sentences"], errors="ignore").copy()
    ranges = [day_range(s, e) for s, e in zip(frame["start"], frame["end"], strict=True)]
    frame["start_date"] = [r[0] for r in ranges]
    frame["end_date"] = [r[1] for r in ranges]
    pairs = claims[["events", "stance"]].explode("events").dropna(subset=["events"])
    counts = pairs.groupby(["events", "stance"]).size().unstack(fill_value=0).reindex(columns=list(STANCES), fill_value=0)
    frame["sentences"] = frame["id"].map(counts.sum(axis=1)).fillna(0).astype(int)
    frame["dominant"] = frame["id"].map(dominant(counts)).fillna("none")
    dated = frame.dropna(subset=["start_date"])
    return dated.sort_values(["start_date", "name"]).reset_index(drop=True)


def dominant(counts: pd.DataFrame) -> pd.Series:
    """Per event, the stance most of its sentences take among power play, mixed and liberalisation;
    'none' only when no sentence takes a side (most sentences take none, which says little)."""
    sides = counts[[s for s in STANCES if s != "none"]] if not counts.empty else counts
    if sides.empty:
        return pd.Series(dtype=object)
    return sides.idxmax(axis=1).where(sides.sum(axis=1) > 0, "none")
