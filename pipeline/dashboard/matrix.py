"""Voices × events: how many sentences each voice gives on each event, and in which stances.

A sentence about two events counts in both columns; a sentence about none counts in the
``NO_EVENT`` column when asked for. Rows are the voices with the most sentences, ordered by
kind (authors, scholars, schools, actors) and then by size, so the matrix stays readable on a
large corpus.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from pipeline.dashboard.stances import STANCES, VOICE_TYPES

NO_EVENT = "(no event)"


def exploded(claims: pd.DataFrame, include_no_event: bool) -> pd.DataFrame:
    """One row per (sentence, event); sentences without an event get ``NO_EVENT`` or are dropped."""
    frame = claims[["doc", "sentence_id", "speaker", "voice_type", "stance", "events"]]
    frame = frame.assign(event=[list(events) or [NO_EVENT] for events in frame["events"]]).explode("event")
    if not include_no_event:
        frame = frame[frame["event"] != NO_EVENT]
    return frame


def voices(frame: pd.DataFrame, limit: int) -> list[str]:
    """The ``limit`` voices with most sentences, ordered by voice kind, then size, then name."""
    if frame.empty:
        return []
    sizes = frame.groupby(["speaker", "voice_type"]).size().reset_index(name="n")
    sizes = sizes.sort_values(["n", "speaker"], ascending=[False, True]).drop_duplicates("speaker").head(limit)
    rank = {kind: i for i, kind in enumerate(VOICE_TYPES)}
    sizes["kind"] = sizes["voice_type"].map(rank).fillna(len(rank))
    return sizes.sort_values(["kind", "n", "speaker"], ascending=[True, False, True])["speaker"].tolist()


def cells(claims: pd.DataFrame, event_name: Callable[[str], str], include_no_event: bool = False, limit: int = 30) -> pd.DataFrame:
    """Long table: one row per (voice, event, stance) with its count, the cell total and share.

    ``x0``/``x1`` place each stance's share side by side inside the cell (for the chart),
    ``row``/``col`` are the cell's position.
    """
    columns = ["speaker", "voice_type", "event", "event_name", "stance", "n", "total", "share", "x0", "x1", "row", "col"]
    frame = exploded(claims, include_no_event)
    rows = voices(frame, limit)
    frame = frame[frame["speaker"].isin(rows)]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    counts = frame.groupby(["speaker", "voice_type", "event", "stance"]).size().reset_index(name="n")
    events = _event_order(counts)
    counts["stance_rank"] = counts["stance"].map({s: i for i, s in enumerate(STANCES)}).fillna(len(STANCES))
    counts = counts.sort_values(["speaker", "event", "stance_rank"]).reset_index(drop=True)
    counts["total"] = counts.groupby(["speaker", "event"])["n"].transform("sum")
    counts["share"] = counts["n"] / counts["total"]
    counts["x1"] = counts.groupby(["speaker", "event"])["share"].cumsum()
    counts["x0"] = counts["x1"] - counts["share"]
    counts["row"] = counts["speaker"].map({v: i for i, v in enumerate(rows)})
    counts["col"] = counts["event"].map({e: i for i, e in enumerate(events)})
    counts["event_name"] = [NO_EVENT if e == NO_EVENT else event_name(e) for e in counts["event"]]
    return counts.sort_values(["row", "col", "stance_rank"])[columns].reset_index(drop=True)


def _event_order(counts: pd.DataFrame) -> list[str]:
    """Events by number of sentences, the no-event column last."""
    sizes = counts.groupby("event")["n"].sum().sort_values(ascending=False, kind="stable")
    order = [e for e in sizes.index if e != NO_EVENT]
    return order + ([NO_EVENT] if NO_EVENT in sizes.index else [])


def table(cells_frame: pd.DataFrame) -> pd.DataFrame:
    """The matrix as text, one row per voice: 'n (power play / mixed / liberalisation / none)'."""
    if cells_frame.empty:
        return pd.DataFrame()
    texts: dict[str, dict[str, str]] = {}
    for (_, speaker, _, name), group in cells_frame.groupby(["row", "speaker", "col", "event_name"], sort=True):
        per_stance = dict(zip(group["stance"], group["n"], strict=True))
        values = [int(per_stance.get(s, 0)) for s in STANCES]
        texts.setdefault(speaker, {})[name] = f"{sum(values)} ({' / '.join(str(v) for v in values)})"
    columns = cells_frame.drop_duplicates("col").sort_values("col")["event_name"].tolist()
    frame = pd.DataFrame.from_dict(texts, orient="index").reindex(columns=columns).fillna("")
    frame.index.name = "voice"
    return frame


def in_cell(claims: pd.DataFrame, speaker: str, event: str) -> pd.DataFrame:
    """The sentences of one cell, in corpus reading order."""
    rows = claims[claims["speaker"] == speaker]
    if event == NO_EVENT:
        return rows[rows["events"].map(len) == 0]
    return rows[rows["events"].map(lambda events: event in events)]
