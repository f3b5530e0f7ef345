"""Exports: a contrast as a handout (Markdown, or a standalone printable HTML page) and any
selection of sentences as CSV or JSONL bytes.

Handouts carry the same things as the cards (quote with cue words, stance and whether it is
gold or predicted, voice, footnotes and citations, a link into the reader) so an instructor
can print them. Corpus text is escaped in both formats: HTML-escaped in the HTML handout, and
HTML-escaped plus Markdown-escaped in the Markdown one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

import pandas as pd

from pipeline.dashboard.contrast import Contrast, Framing, plain
from pipeline.dashboard.render import CSS, card, esc, md_escape, stance_css
from pipeline.dashboard.stances import label

EXPORT_COLUMNS = [
    "doc",
    "doc_title",
    "sentence_id",
    "index",
    "section",
    "text",
    "stance",
    "stance_source",
    "speaker",
    "voice",
    "voice_type",
    "alignment",
    "events",
    "entity_names",
    "cues",
    "notes",
    "score_power_play",
    "score_liberalisation",
    "score_mixed",
    "score_none",
]
FORMULA_START = ("=", "+", "@", "\t", "\r")


def absolute(base_url: str, href: str) -> str:
    """The reader link as an absolute URL (handouts leave the app)."""
    return base_url.split("?", 1)[0].split("#", 1)[0] + href


def markdown(contrast: Contrast, base_url: str) -> str:
    """The contrast as Markdown: a section per column, a numbered quote per framing."""
    lines = [f"# {md_escape(contrast.title)}", "", f"*Selection: {md_escape(contrast.scope)}*", ""]
    for heading, column in contrast.columns:
        lines += [f"## {md_escape(heading)} ({len(column)})", ""]
        if not column:
            lines += ["*No sentences.*", ""]
        for n, framing in enumerate(column, 1):
            lines += _markdown_framing(n, framing, base_url)
    if contrast.hidden:
        lines += [f"*{contrast.hidden} more sentences are in the dashboard; the handout shows the first of each column.*", ""]
    lines += ["---", "", _legend_md()]
    return "\n".join(lines) + "\n"


def _markdown_framing(n: int, framing: Framing, base_url: str) -> list[str]:
    source = "gold" if framing.stance_source == "gold" else "predicted"
    voice = f"{md_escape(framing.speaker)} ({md_escape(framing.voice_type)})"
    lines = [f"{n}. > {framing.quote_md}", ""]
    lines.append(
        f"   **{label(framing.stance)}** ({source}) · voice: {voice} · {md_escape(framing.doc_title)}, sentence {framing.index + 1}"
    )
    if framing.events:
        lines.append(f"   · on {md_escape(', '.join(framing.events))}")
    for number, text in framing.notes:
        lines.append(f"   - note {number}: {md_escape(plain(text))}")
    for citation in framing.citations:
        lines.append(f"   - cites: {md_escape(citation)}")
    lines += [f"   - [open in the reader]({absolute(base_url, framing.href)})", ""]
    return lines


def _legend_md() -> str:
    return (
        "Stances: power play, liberalisation, mixed, none. Cue words that drove a label are in **bold**. "
        "A *gold* label was adjudicated by people; a *predicted* one comes from the pipeline."
    )


def html(contrast: Contrast, base_url: str) -> str:
    """The contrast as one standalone HTML page, columns side by side, styles inlined, printable."""
    columns = []
    for heading, column in contrast.columns:
        cards = "".join(_linked_card(framing, base_url) for framing in column) or '<p class="ds-meta">No sentences.</p>'
        columns.append(f"<section><h2>{esc(heading)} <small>({len(column)})</small></h2>{cards}</section>")
    hidden = f'<p class="ds-meta">{contrast.hidden} more sentences are in the dashboard.</p>' if contrast.hidden else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(contrast.title)}</title>"
        f"<style>{CSS}{stance_css()}{PAGE_CSS}</style></head><body>"
        f"<h1>{esc(contrast.title)}</h1>"
        f'<p class="ds-meta">Selection: {esc(contrast.scope)}</p>'
        f'<div class="ds-columns" style="grid-template-columns:repeat({max(len(columns), 1)},1fr)">{"".join(columns)}</div>'
        f"{hidden}<footer class='ds-meta'>{esc(_legend_md().replace('**', ''))}</footer>"
        "</body></html>\n"
    )


def _linked_card(framing: Framing, base_url: str) -> str:
    """The dashboard card, with its reader link made absolute."""
    return card(framing).replace(f'href="{esc(framing.href)}', f'href="{esc(absolute(base_url, framing.href))}', 1)


PAGE_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1A1A1A}
h1{font-size:1.4rem}h2{font-size:1.1rem}
.ds-columns{display:grid;gap:1rem;align-items:start}
@media print{.ds-card{break-inside:avoid}a{color:inherit}}
"""


def selection_frame(claims: pd.DataFrame) -> pd.DataFrame:
    """The exported columns of a selection (present ones only), in reading order."""
    return claims[[c for c in EXPORT_COLUMNS if c in claims]].reset_index(drop=True)


def to_csv(claims: pd.DataFrame) -> bytes:
    """CSV (UTF-8): lists joined with '; ', cues as their words; cells that a spreadsheet would
    run as a formula are prefixed with an apostrophe."""
    frame = selection_frame(claims)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        writer.writerow([_cell(column, value) for column, value in zip(frame.columns, row, strict=True)])
    return buffer.getvalue().encode("utf-8")


def _cell(column: str, value: object) -> str:
    if isinstance(value, list | tuple):
        items: Iterable[object] = (v.get("text", "") if isinstance(v, dict) else v for v in value)
        text = "; ".join(str(i) for i in items)
    elif value is None or (isinstance(value, float) and value != value):
        text = ""
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_jsonl(claims: pd.DataFrame) -> bytes:
    """JSON Lines (UTF-8), one sentence per line, lists and cue records kept as JSON."""
    frame = selection_frame(claims)
    lines = [json.dumps({k: _json_value(v) for k, v in row.items()}, ensure_ascii=False) for row in frame.to_dict(orient="records")]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


def _json_value(value: object) -> object:
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value
