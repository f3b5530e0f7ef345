"""HTML snippets for the views. Every corpus string goes through ``esc`` (``html.escape``) here,
so a source containing ``<script>`` shows as text; callers only concatenate what these return.

The core is ``overlay``: source fragments plus marks (spans) and inserts (points) by source
offset -> escaped, well-nested HTML. Overlapping marks are closed and reopened as needed, so
the result is always well formed; hidden source ranges (footnote markers, Markdown marks) are
skipped, using the ranges the reading order keeps.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.dashboard.stances import COLOURS, INK, STANCES, TINTS, label

Range = tuple[int, int]


def esc(value: Any) -> str:
    """Corpus text -> HTML text (quotes too, so it is safe inside attributes). None -> ''."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


@dataclass(frozen=True)
class Mark:
    """A span to wrap: ``open``/``close`` are trusted HTML built here, never corpus text."""

    start: int
    end: int
    open: str
    close: str
    rank: int = 0  # lower ranks nest outside higher ones


@dataclass(frozen=True)
class Insert:
    """HTML placed at a source offset (a footnote, a lost-name mark, a badge)."""

    at: int
    html: str
    rank: int = 0  # order among inserts at the same offset


def visible_pieces(fragment: Range, visible: Sequence[Range]) -> list[Range]:
    """The parts of ``fragment`` the reading order keeps; all of it when no kept range touches it."""
    start, end = fragment
    if not visible:
        return [fragment]
    i = max(bisect_right(visible, (start, start)) - 1, 0)
    pieces = []
    for s, e in visible[i:]:
        if s >= end:
            break
        lo, hi = max(s, start), min(e, end)
        if lo < hi:
            pieces.append((lo, hi))
    return pieces or [fragment]


def overlay(
    source: str,
    fragments: Sequence[Range],
    marks: Iterable[Mark] = (),
    inserts: Iterable[Insert] = (),
    visible: Sequence[Range] = (),
    joiner: str = " ",
    escape: Callable[[str], str] = esc,
) -> str:
    """Escaped HTML of ``source`` over ``fragments`` (joined by ``joiner``), with marks and inserts.

    ``escape`` is ``esc`` for HTML; the Markdown handout passes its own escaper.
    """
    marks = sorted((m for m in marks if m.end > m.start), key=lambda m: (m.start, m.rank))
    by_point: dict[int, list[Insert]] = {}
    for insert in sorted(inserts, key=lambda i: (i.at, i.rank)):
        by_point.setdefault(insert.at, []).append(insert)
    writer = _Writer(marks)
    for n, fragment in enumerate(fragments):
        if n:
            writer.out.append(escape(joiner))
        pieces = visible_pieces(fragment, visible)
        cuts = _cuts(fragment, pieces, marks, by_point)
        starts = [p[0] for p in pieces]
        for k, position in enumerate(cuts):
            writer.move_to(position, by_point.pop(position, ()))
            if k + 1 < len(cuts):
                i = bisect_right(starts, position) - 1
                if i >= 0 and pieces[i][0] <= position < pieces[i][1]:
                    writer.out.append(escape(source[position : cuts[k + 1]]))
    writer.close_all()
    return "".join(writer.out)


def _cuts(fragment: Range, pieces: Sequence[Range], marks: Sequence[Mark], points: Mapping[int, Any]) -> list[int]:
    start, end = fragment
    cuts = {start, end}
    cuts.update(p for piece in pieces for p in piece)
    cuts.update(p for m in marks for p in (m.start, m.end) if start <= p <= end)
    cuts.update(p for p in points if start <= p <= end)
    return sorted(cuts)


class _Writer:
    """Keeps the stack of open marks well nested while the position moves forward."""

    def __init__(self, marks: list[Mark]) -> None:
        self.marks = marks
        self.next = 0
        self.active: list[Mark] = []
        self.stack: list[Mark] = []
        self.out: list[str] = []

    def move_to(self, position: int, inserts: Iterable[Insert]) -> None:
        while self.next < len(self.marks) and self.marks[self.next].start <= position:
            self.active.append(self.marks[self.next])
            self.next += 1
        self.active = [m for m in self.active if m.start <= position < m.end]
        keep = {id(m) for m in self.active}
        cut = next((i for i, m in enumerate(self.stack) if id(m) not in keep), len(self.stack))
        for mark in reversed(self.stack[cut:]):
            self.out.append(mark.close)
        self.stack = self.stack[:cut]
        self.out.extend(i.html for i in inserts)
        open_ids = {id(m) for m in self.stack}
        for mark in sorted((m for m in self.active if id(m) not in open_ids), key=lambda m: (m.rank, -m.end, m.start)):
            self.out.append(mark.open)
            self.stack.append(mark)

    def close_all(self) -> None:
        self.out.extend(m.close for m in reversed(self.stack))
        self.stack = []


# --- snippets -------------------------------------------------------------------------------

STANCE_CLASS = {"power_play": "pp", "liberalisation": "lib", "mixed": "mix", "none": "none"}


def stance_class(stance: str) -> str:
    return STANCE_CLASS.get(stance, "none")


def stance_badge(stance: str, source: str = "predicted", title: str = "") -> str:
    """Solid badge for a gold (adjudicated) label, dashed italic outline for a predicted one."""
    kind = "gold" if source == "gold" else "pred"
    text = label(stance) + ("" if kind == "gold" else " ·\u00a0predicted")
    hover = title or ("adjudicated gold label" if kind == "gold" else "predicted by the pipeline")
    return f'<span class="ds-badge ds-{stance_class(stance)} ds-{kind}" title="{esc(hover)}">{esc(text)}</span>'


ALIGNMENT = {"endorse": "endorsed", "contest": "contested"}


def voice_chip(speaker: str, voice_type: str, alignment: str = "") -> str:
    """Who speaks: the holder's name, and whether the author endorses or contests the view."""
    stand = ALIGNMENT.get(alignment, "") if voice_type != "author" else ""
    text = f"{speaker} · {stand}" if stand else speaker
    title = f"voice: {voice_type}" + (f"; the author {alignment}s this view" if stand else "")
    return f'<span class="ds-voice ds-voice-{esc(voice_type)}" title="{esc(title)}">{esc(text)}</span>'


def cue_marks(cues: Iterable[Mapping[str, Any]]) -> list[Mark]:
    """Stance cues as ``<mark>`` spans tinted by the stance they point to."""
    out = []
    for cue in cues:
        stance = str(cue.get("stance", "none"))
        title = f"cue → {label(stance)} (weight {cue.get('weight', '?')})"
        out.append(
            Mark(
                int(cue["start"]),
                int(cue["end"]),
                f'<mark class="ds-cue ds-{stance_class(stance)}" title="{esc(title)}">',
                "</mark>",
                rank=3,
            )
        )
    return out


def highlight(
    source: str,
    fragments: Sequence[Range],
    spans: Iterable[Mapping[str, Any]],
    visible: Sequence[Range] = (),
    inserts: Iterable[Insert] = (),
) -> str:
    """A sentence from its source fragments, escaped, with its cue spans as ``<mark>`` tags."""
    return overlay(source, [tuple(f) for f in fragments], cue_marks(spans), inserts, visible)


MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~!])")


def md_escape(text: str) -> str:
    """Corpus text for a Markdown handout: HTML-escaped (a renderer that allows inline HTML must
    still show ``<script>`` as text) and Markdown punctuation backslashed (no stray emphasis or links)."""
    return MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")


def highlight_md(source: str, fragments: Sequence[Range], spans: Iterable[Mapping[str, Any]], visible: Sequence[Range] = ()) -> str:
    """The sentence for a Markdown handout, its cue words in bold."""
    marks = [Mark(int(c["start"]), int(c["end"]), "**", "**", rank=3) for c in spans]
    return overlay(source, [tuple(f) for f in fragments], marks, (), visible, escape=md_escape)


def note_ref(at: int, number: int) -> Insert:
    """A footnote's number, where its marker stood (the marker itself is hidden source)."""
    return Insert(at, f'<sup class="ds-noteref">{int(number)}</sup>', rank=1)


MARKER_AT_START = re.compile(r"^\s*<sup>\s*\d+\s*</sup>\s*")
ITALIC = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")
URL = re.compile(r"&lt;(https?://\S+?)&gt;")


def note_html(text: str) -> str:
    """A footnote's text: its number marker dropped, escaped, *emphasis* and <urls> kept as such."""
    body = esc(MARKER_AT_START.sub("", text))
    body = ITALIC.sub(r"<em>\1</em>", body.replace("**", ""))
    return URL.sub(r'<a href="\1" target="_blank" rel="noopener noreferrer">\1</a>', body)


def lacuna_mark(restoration: Any, confidence: Any, gold: bool) -> str:
    """A lost name, visible where it was cut out: ``[⋯ Soviet Union?]``, or ``[⋯]`` when unknown."""
    name = esc(restoration) if restoration and restoration == restoration else ""
    conf = str(confidence) if confidence and confidence == confidence else ""
    text = f"[⋯ {name}?]" if name else "[⋯]"
    who = "gold" if gold else "predicted"
    title = f"lost name ({who})" + (f": {name}, {esc(conf)} confidence" if name else ": not restorable from the text")
    return f'<span class="ds-lacuna ds-{"gold" if gold else "pred"} ds-conf-{esc(conf or "none")}" title="{title}">{text}</span>'


def legend(gold: bool = True) -> str:
    """Stance colours, and how gold and predicted labels differ."""
    items = "".join(stance_badge(s, "gold", title=label(s)) for s in STANCES)
    parts = [f'<span class="ds-legend-label">Stance</span> {items}']
    if gold:
        gold_badge, model_badge = stance_badge("mixed", "gold"), stance_badge("mixed", "predicted")
        parts.append(f'<span class="ds-legend-label">Label</span> {gold_badge} gold (adjudicated) {model_badge} model')
    return '<div class="ds-legend">' + " &nbsp; ".join(parts) + "</div>"


def anchor(sentence_id: str) -> str:
    """An HTML id for a sentence: only [a-z0-9-] survive, so it is safe in a URL and a selector."""
    return "s-" + re.sub(r"[^a-z0-9-]", "", sentence_id.lower())


def stylesheet() -> str:
    return f"<style>{CSS}{stance_css()}</style>"


def stance_css() -> str:
    rules = []
    for stance, cls in STANCE_CLASS.items():
        colour, ink, tint = COLOURS[stance], INK[stance], TINTS[stance]
        rules.append(f".ds-badge.ds-{cls}{{border-color:{colour}}}.ds-badge.ds-{cls}.ds-gold{{background:{colour};color:{ink}}}")
        rules.append(f".ds-cue.ds-{cls}{{background:{tint if tint != 'transparent' else '#EEEEEE'};border-bottom:2px solid {colour}}}")
        rules.append(f".ds-s.ds-{cls}{{background:{tint}}}.ds-card.ds-{cls}{{border-left-color:{colour}}}")
        rules.append(f".ds-bar .ds-{cls}{{background:{colour}}}")
    return "".join(rules)


CSS = """
[data-testid="stMainBlockContainer"] h1{font-size:2.1rem;padding-top:0}
.st-key-matrix g.mark-text{pointer-events:none}
.ds-badge{display:inline-block;padding:0 .5em;border:2px solid;border-radius:.7em;font-size:.78rem;font-weight:600;
  line-height:1.45;white-space:nowrap;vertical-align:baseline}
.ds-badge.ds-pred{background:transparent;border-style:dashed;font-style:italic;font-weight:500}
.ds-voice{display:inline-block;padding:0 .4em;margin-right:.25em;border-radius:.3em;font-size:.75rem;font-weight:600;
  background:#ECECF4;color:#2B2B45;white-space:nowrap}
.ds-voice-scholar{background:#E6F0E6;color:#1F3D1F}.ds-voice-school{background:#EFE6F3;color:#3D1F4A}
.ds-voice-actor{background:#F3EDE0;color:#4A3A12}
mark.ds-cue{color:inherit;padding:0 .1em;border-radius:.15em}
.ds-legend{font-size:.85rem;margin:.2rem 0 .6rem 0;line-height:2}
.ds-legend-label{font-weight:600;margin-right:.3em;color:#555}
.ds-card{border:1px solid #DDD;border-left:6px solid #BBB;border-radius:.4rem;padding:.55rem .7rem;margin:0 0 .6rem 0;
  background:#FFF;color:#1A1A1A}
.ds-card .ds-quote{font-family:Georgia,'Times New Roman',serif;font-size:1.02rem;line-height:1.5;margin:.25rem 0}
.ds-card .ds-meta{font-size:.8rem;color:#555}
.ds-card .ds-notes{font-size:.8rem;color:#333;margin-top:.3rem;padding-top:.3rem;border-top:1px dotted #CCC}
.ds-card .ds-notes div{margin:.1rem 0}
.ds-card a{color:#0B5394}
.ds-reader{font-family:Georgia,'Times New Roman',serif;font-size:1.05rem;line-height:1.75;max-width:52rem;color:#1A1A1A}
.ds-reader h2,.ds-reader h3,.ds-reader h4{font-family:inherit;margin:1.2rem 0 .4rem 0}
.ds-reader .ds-para{margin:0 0 1rem 0}
.ds-s{border-radius:.2em;padding:.05em 0}
.ds-s.ds-dim{opacity:.45}
.ds-s.ds-target{outline:3px solid #1A1A1A;outline-offset:2px}
.ds-s .ds-badge{font-family:system-ui,sans-serif;font-size:.66rem;margin-left:.2em}
.ds-ent{border-bottom:2px dotted #666}
.ds-ent-PERSON{border-bottom-color:#7B3294}.ds-ent-GPE,.ds-ent-LOC,.ds-ent-FAC{border-bottom-color:#1B7837}
.ds-ent-ORG,.ds-ent-NORP{border-bottom-color:#2166AC}.ds-ent-EVENT{border-bottom-color:#B35806}
.ds-ent-WORK_OF_ART,.ds-ent-LAW{border-bottom-color:#555}
.ds-date{border-bottom:2px dotted #999}
.ds-lacuna{font-family:system-ui,sans-serif;font-size:.8rem;padding:0 .25em;border-radius:.25em;white-space:nowrap;
  background:#FFF3BF;color:#5C4400;border:1px solid #C9A400}
.ds-lacuna.ds-pred{background:transparent;border-style:dashed;font-style:italic}
.ds-lacuna.ds-conf-low,.ds-lacuna.ds-conf-none{opacity:.8}
details.ds-fn{display:inline;font-family:system-ui,sans-serif;font-size:.8rem}
details.ds-fn>summary{display:inline;cursor:pointer;color:#0B5394;font-weight:600;list-style:none;vertical-align:super;font-size:.7rem}
details.ds-fn>summary::-webkit-details-marker{display:none}
details.ds-fn[open]>summary::after{content:""}
details.ds-fn .ds-fn-body{display:inline;background:#F1F3F6;border:1px solid #D5DAE1;border-radius:.3em;padding:.05em .35em;
  margin:0 .2em;color:#333;line-height:1.5}
sup.ds-noteref{color:#0B5394;font-weight:600}
.ds-matrix-help{font-size:.85rem;color:#555}
.ds-bar{display:flex;height:.7rem;border-radius:.2rem;overflow:hidden;min-width:4rem;background:#EEE}
"""


def card(framing: Any, show_doc: bool = True) -> str:
    """A framing as a card: stance badge, voice, quote with cue words marked, notes, citations, link.

    ``framing`` is a ``contrast.Framing``; its ``quote_html`` is already escaped by ``highlight``.
    """
    meta = [voice_chip(framing.speaker, framing.voice_type, framing.alignment), stance_badge(framing.stance, framing.stance_source)]
    if framing.events:
        more = f" +{len(framing.events) - 2} more" if len(framing.events) > 2 else ""
        meta.append(f'<span class="ds-meta" title="{esc("; ".join(framing.events))}">on {esc("; ".join(framing.events[:2]))}{more}</span>')
    notes = "".join(f"<div><sup>{int(n)}</sup> {note_html(text)}</div>" for n, text in framing.notes)
    cites = f"<div>Cites: {' · '.join(esc(c) for c in framing.citations)}</div>" if framing.citations else ""
    behind = (
        f'<div class="ds-notes">{notes}{cites}</div>' if notes or cites else '<div class="ds-notes ds-none">No footnote or citation.</div>'
    )
    where = f"{esc(framing.doc_title)}, sentence {framing.index + 1}" if show_doc else f"sentence {framing.index + 1}"
    reader = f'<a href="{esc(framing.href)}#{anchor(framing.sentence_id)}" target="_blank" rel="noopener">open in the reader ↗</a>'
    return (
        f'<div class="ds-card ds-{stance_class(framing.stance)}" data-sentence="{esc(framing.sentence_id)}">'
        f"<div>{' '.join(meta)}</div>"
        f'<div class="ds-quote">{framing.quote_html}</div>'
        f"{behind}"
        f'<div class="ds-meta">{where} · {reader}</div>'
        "</div>"
    )
