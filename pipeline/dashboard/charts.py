"""Altair charts: the voices × events matrix, stance by document and by voice, the timeline.

Every chart colours stances with the same palette and legend (``stances.COLOURS``), so a
colour means the same thing in every view. Labels are passed as data, never as markup.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from pipeline.dashboard.stances import COLOURS, LABELS, STANCES, label

CELL_PAD = 0.06
ROW_HEIGHT = 34


def stance_scale() -> alt.Scale:
    return alt.Scale(domain=[LABELS[s] for s in STANCES], range=[COLOURS[s] for s in STANCES])


def stance_colour() -> alt.Color:
    """Stance colours; no Altair legend, since every view shows the HTML legend (``render.legend``)."""
    return alt.Color("stance_label:N", title="Stance", scale=stance_scale(), legend=None)


def _with_labels(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(stance_label=frame["stance"].map(label))


def matrix(cells: pd.DataFrame, selection_name: str = "cell") -> alt.LayerChart:
    """Each cell: a bar split by the stances' shares, and the number of sentences on it.

    Columns sit on a quantitative axis (cell ``col`` spans [col, col+1)) so each stance can take
    its share of the cell's width; the axis labels map back to event names.
    """
    frame = _with_labels(cells).assign(
        left=lambda f: f["col"] + CELL_PAD + f["x0"] * (1 - 2 * CELL_PAD),
        right=lambda f: f["col"] + CELL_PAD + f["x1"] * (1 - 2 * CELL_PAD),
        middle=lambda f: f["col"] + 0.5,
    )
    names = frame[["col", "event_name"]].drop_duplicates().sort_values("col")["event_name"].tolist()
    rows = frame[["row", "speaker"]].drop_duplicates().sort_values("row")["speaker"].tolist()
    label_expr = f"{json.dumps([_short(n) for n in names])}[floor(datum.value)]"
    scale = alt.Scale(domain=[0, max(len(names), 1)], nice=False, zero=True)
    axis = alt.Axis(
        values=[i + 0.5 for i in range(len(names))],
        labelExpr=label_expr,
        orient="top",
        labelAngle=-55,
        labelAlign="left",
        labelOverlap=False,
        grid=False,
        ticks=False,
        domain=False,
        labelLimit=170,
    )
    x = alt.X("left:Q", title=None, scale=scale, axis=axis)
    middle = alt.X("middle:Q", title=None, scale=scale, axis=axis)
    y = alt.Y("speaker:N", title=None, sort=rows, scale=alt.Scale(paddingInner=0.22), axis=alt.Axis(labelLimit=220))
    pick = alt.selection_point(name=selection_name, fields=["speaker", "event"], on="click", clear="dblclick")
    tooltip = [
        alt.Tooltip("speaker:N", title="Voice"),
        alt.Tooltip("event_name:N", title="Event"),
        alt.Tooltip("stance_label:N", title="Stance"),
        alt.Tooltip("n:Q", title="Sentences in this stance"),
        alt.Tooltip("total:Q", title="Sentences in the cell"),
    ]
    bars = (
        alt.Chart(frame)
        .mark_rect(stroke="white", strokeWidth=0.5, cursor="pointer")
        .encode(
            x=x, x2="right:Q", y=y, color=stance_colour(), tooltip=tooltip, opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35))
        )
        .add_params(pick)
    )
    totals = frame.drop_duplicates(["row", "col"])
    halo = (
        alt.Chart(totals)
        .mark_text(fontSize=12, fontWeight="bold", stroke="white", strokeWidth=3, strokeOpacity=0.9)
        .encode(x=middle, y=y, text="total:Q")
    )
    text = (
        alt.Chart(totals)
        .mark_text(fontSize=12, fontWeight="bold", color="#111")
        .encode(x=middle, y=y, text="total:Q", tooltip=[*tooltip[:2], tooltip[4]])
    )
    return alt.layer(bars, halo, text).properties(height=ROW_HEIGHT * max(len(rows), 1), width="container").configure_view(stroke=None)


def pixels(chart: alt.TopLevelMixin, axis_room: int) -> int:
    """The height to give ``st.altair_chart``: the plot's height plus room for axis labels.

    Streamlit's default ("content") height leaves these charts a few pixels tall, so every
    view passes this explicitly."""
    return int(chart.height) + axis_room


def _short(name: str, limit: int = 28) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def stance_by(claims: pd.DataFrame, field: str, title: str, normalise: bool, limit: int | None = None) -> alt.Chart:
    """Horizontal stacked bars of sentences per ``field`` value, split by stance."""
    counts = claims.groupby([field, "stance"]).size().reset_index(name="n")
    if limit is not None:
        top = counts.groupby(field)["n"].sum().sort_values(ascending=False).head(limit).index
        counts = counts[counts[field].isin(top)]
    order = counts.groupby(field)["n"].sum().sort_values(ascending=False).index.tolist()
    counts = _with_labels(counts).assign(order=lambda f: f["stance"].map({s: i for i, s in enumerate(STANCES)}))
    x = alt.X(
        "n:Q",
        title="Share of sentences" if normalise else "Sentences",
        stack="normalize" if normalise else "zero",
        axis=alt.Axis(format="%" if normalise else "d"),
    )
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y(f"{field}:N", title=None, sort=order, axis=alt.Axis(labelLimit=200)),
            color=stance_colour(),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip(f"{field}:N", title=title),
                alt.Tooltip("stance_label:N", title="Stance"),
                alt.Tooltip("n:Q", title="Sentences"),
            ],
        )
        .properties(height=max(24 * len(order), 60), width="container")
    )


def timeline(events: pd.DataFrame) -> alt.LayerChart:
    """Events by date: a bar from start to end, coloured by the side most sentences about the event
    take, labelled with how many sentences are about it. A one-day event gets a bar wide enough
    to see (1.2 % of the time axis)."""
    frame = events.dropna(subset=["start_date"]).copy()
    ends = frame["end_date"].fillna(frame["start_date"])
    least = max((ends.max() - frame["start_date"].min()) * 0.012, pd.Timedelta(days=30)) if len(frame) else pd.Timedelta(days=30)
    frame["end_shown"] = [max(end, start + least) for start, end in zip(frame["start_date"], ends, strict=True)]
    frame["stance_label"] = frame["dominant"].map(lambda s: label(s) if isinstance(s, str) else "None")
    frame["when"] = frame["start"].astype(str) + frame["end"].map(lambda e: f" – {e}" if isinstance(e, str) and e else "")
    order = frame.sort_values("start_date")["name"].tolist()
    y = alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=260))
    tooltip = [
        alt.Tooltip("name:N", title="Event"),
        alt.Tooltip("when:N", title="Date"),
        alt.Tooltip("sentences:Q", title="Sentences"),
        alt.Tooltip("stance_label:N", title="Most frequent stance"),
    ]
    bars = (
        alt.Chart(frame)
        .mark_bar(cornerRadius=2, height=14)
        .encode(
            x=alt.X("start_date:T", title=None, axis=alt.Axis(format="%Y", tickCount=12)),
            x2="end_shown:T",
            y=y,
            color=stance_colour(),
            tooltip=tooltip,
        )
    )
    text = (
        alt.Chart(frame).mark_text(align="left", dx=4, fontSize=11, color="#333").encode(x="end_shown:T", y=y, text=alt.Text("sentences:Q"))
    )
    return alt.layer(bars, text).properties(height=max(26 * len(order), 80), width="container")
