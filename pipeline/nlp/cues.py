"""Stance cues in a sentence, with the modifiers that must not flip them blindly.

A cue negated within a few words before it ("not entirely honest", "without delivering
systemic liberalization"), or standing in the denied half of a contrast ("genuine rather
than a recalibration of control", "prioritizing regime stability over ideological
reckoning") or in the premise of a rhetorical question ("If it was a liberalisation, how do
we account for …?"), counts for the other side at its ``denied`` weight: denying a genuine
break asserts a limit, so a denied liberalisation cue counts almost fully for power play,
while a denied power-play cue counts for liberalisation only at half weight. Denying that a
reading is the whole story ("not … a calculation that rested on power alone", "If it was
only a power play, why …?") keeps it as one side: the cue counts for mixed. A cue inside a
concessive clause ("although Khrushchev tried to come to terms …") counts at half weight,
because the main clause carries the framing; hedges ("seems", "to a certain degree") lower
every cue of the sentence a little. Across the paragraph, a sentence with no cue that only
weighs the view just given ("her case persuades me", "but this overlooks …") takes its
stance from it (``paragraph_labels``). An open question that sets readings side by side
("Was it a gamble …, an act of conscience, or …?") is mixed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from pipeline.paths import RESOURCES

STANCES = STANCE_LABELS = ("power_play", "liberalisation", "mixed", "none")
OPPOSITE = {"power_play": "liberalisation", "liberalisation": "power_play", "mixed": "mixed"}
NEGATION_WINDOW = 30
HEDGE_FACTOR = 0.8
STRONG = 0.7


@dataclass(frozen=True)
class Cue:
    stance: str
    weight: float
    start: int
    end: int
    text: str
    negated: bool = False
    concessive: bool = False
    family: int = -1
    denied: float = 0.0
    exclusive: bool = False  # a denied cue whose reading was exclusive ('not … power alone')

    @property
    def effective(self) -> tuple[str, float]:
        """The side this cue counts for, and how much, after negation and concession; a
        denied exclusive reading ("not … power alone") counts for mixed."""
        stance, weight = self.stance, self.weight
        if self.negated and self.exclusive:
            stance = "mixed"
        elif self.negated:
            stance, weight = OPPOSITE[stance], self.denied
        if self.concessive:
            weight *= 0.5
        return stance, weight


@cache
def lexicon() -> dict:
    with open(RESOURCES / "stance_cues.toml", "rb") as fh:
        data = tomllib.load(fh)
    mods = data["modifiers"]

    def words(key: str) -> re.Pattern:
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(mods[key], key=len, reverse=True)) + r")\b", re.IGNORECASE)

    cues = [(re.compile(r"\b" + c["pattern"], re.IGNORECASE), c["stance"], float(c["weight"]), _denied(c)) for c in data["cue"]]
    return {
        "cues": cues,
        "negation": words("negation"),
        "contrast_scope": _any(mods["contrast_scope"]),
        "scope_end": re.compile(mods["scope_end"]),
        "concession": words("concession"),
        "initial_concession": re.compile(r"^\W*(?:" + "|".join(mods["initial_concession"]) + r")\b", re.IGNORECASE),
        "hedge": words("hedge"),
        "negative_verbs": words("negative_verbs"),
        "meta": words("meta"),
        "exclusive_before": re.compile(r"\b(?:" + "|".join(mods["exclusive"]) + r")\s+(?:\w+\s+){0,2}$", re.IGNORECASE),
        "exclusive_after": re.compile(r"[^,;:.?]{0,40}?\b(?:" + "|".join(mods["exclusive_after"]) + r")\b", re.IGNORECASE),
        "open_question": _any(mods["open_question"]),
        "endorse_previous": _any(mods["endorse_previous"]),
        "rebut_previous": _any(mods["rebut_previous"]),
    }


def _any(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _denied(cue: dict) -> float:
    """What a cue counts for the other side when denied: its ``denied`` weight, or half its weight."""
    return float(cue.get("denied", 0.5 * float(cue["weight"])))


def contrast_spans(text: str) -> list[tuple[int, int]]:
    """The denied half of each contrast: from 'rather than', 'instead of', 'over' after
    'prioritizing …' to the end of the clause."""
    lex = lexicon()
    spans = []
    for m in lex["contrast_scope"].finditer(text):
        end = lex["scope_end"].search(text, m.end())
        spans.append((m.end(), end.start() if end else len(text)))
    return spans


def concessive_span(text: str) -> tuple[int, int] | None:
    """The concessive clause: from 'although/even though …' (or a sentence-initial 'while') to
    the comma that closes it."""
    lex = lexicon()
    m = lex["initial_concession"].search(text) or lex["concession"].search(text)
    if not m:
        return None
    comma = text.find(",", m.end())
    return (m.start(), comma if comma > 0 else len(text))


def find_cues(text: str, offset: int = 0) -> list[Cue]:
    """Every cue in ``text`` (offsets shifted by ``offset``), longest match first, no overlaps."""
    if offset:
        return [replace(c, start=c.start + offset, end=c.end + offset) for c in _cues(text)]
    return list(_cues(text))


@lru_cache(maxsize=4096)
def _cues(text: str) -> tuple[Cue, ...]:
    lex = lexicon()
    concession = concessive_span(text)
    contrasts = contrast_spans(text)
    found: list[Cue] = []
    taken: list[tuple[int, int]] = []
    for family, (pattern, stance, weight, denied) in enumerate(lex["cues"]):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            window = text[max(0, m.start() - NEGATION_WINDOW) : m.start()]
            negated = bool(lex["negation"].search(window)) and not lex["negative_verbs"].search(window)
            negated = negated or any(s <= m.start() < e for s, e in contrasts)
            concessive = concession is not None and concession[0] <= m.start() < concession[1]
            exclusive = negated and bool(lex["exclusive_before"].search(text[: m.start()]) or lex["exclusive_after"].match(text, m.end()))
            found.append(Cue(stance, weight, m.start(), m.end(), m.group(), negated, concessive, family, denied, exclusive))
    return tuple(sorted(found, key=lambda c: c.start))


def cue_scores(text: str) -> dict[str, float]:
    """Summed effective weight per side, hedged."""
    scores = dict.fromkeys(STANCES[:3], 0.0)
    for cue in find_cues(text):
        stance, weight = cue.effective
        scores[stance] += weight
    if lexicon()["hedge"].search(text):
        scores = {k: v * HEDGE_FACTOR for k, v in scores.items()}
    return scores


def is_meta(text: str) -> bool:
    """The author describing the essay, a term or a method rather than framing events."""
    return bool(lexicon()["meta"].search(text))


def side_strengths(text: str) -> dict[str, tuple[float, float]]:
    """Per side: (summed effective weight, strongest single cue), hedged."""
    out = {side: (0.0, 0.0) for side in STANCES[:3]}
    factor = HEDGE_FACTOR if lexicon()["hedge"].search(text) else 1.0
    for cue in find_cues(text):
        side, weight = cue.effective
        total, strongest = out[side]
        out[side] = (total + weight * factor, max(strongest, weight * factor))
    return out


def fires(total: float, strongest: float) -> bool:
    """A side frames the sentence only with one clear cue or several weaker ones: a single
    weak cue ('limited', 'remained') is narrative, not framing."""
    return strongest >= STRONG or total >= 1.0


def lexicon_label(text: str) -> str:
    """The cue decision: the strongest side that fires; both sides firing with strong cues
    and close together, or a strong mixed cue, gives mixed."""
    firing = {side: total for side, (total, strongest) in side_strengths(text).items() if fires(total, strongest)}
    if not firing:
        return "none"
    if lexicon()["open_question"].search(text):
        return "mixed"
    pp, lib, mix = (firing.get(s, 0.0) for s in STANCES[:3])
    both = pp >= STRONG and lib >= STRONG and abs(pp - lib) < 0.5
    if both or (mix and mix >= max(pp, lib)):
        return "mixed"
    return "power_play" if pp >= lib else "liberalisation"


def naive_label(text: str) -> str:
    """Baseline without the modifiers: the side with most cue weight, negation, concession,
    hedging and thresholds ignored; both sides equal -> mixed; no cue -> none."""
    totals = dict.fromkeys(STANCES[:3], 0.0)
    for cue in find_cues(text):
        totals[cue.stance] += cue.weight
    if not any(totals.values()):
        return "none"
    best = max(totals.values())
    winners = [side for side, total in totals.items() if total == best]
    return winners[0] if len(winners) == 1 else "mixed"


def paragraph_labels(texts: list[str]) -> list[tuple[str, Cue | None]]:
    """The cue decision for each sentence of a paragraph, then the discourse step: a sentence
    with no cue that endorses the view just given takes the label of the previous
    stance-bearing sentence, one that rebuts it the other side's; the returned cue is the
    phrase that did so ("persuades me", "overlooks"), placed in the sentence."""
    lex = lexicon()
    out: list[tuple[str, Cue | None]] = []
    previous: str | None = None
    for text in texts:
        label, cue = lexicon_label(text), None
        if label == "none" and previous is not None and not find_cues(text):
            if m := lex["endorse_previous"].search(text):
                label, cue = previous, Cue(previous, 1.0, m.start(), m.end(), m.group())
            elif m := lex["rebut_previous"].search(text):
                label = OPPOSITE[previous]
                cue = Cue(previous, 1.0, m.start(), m.end(), m.group(), negated=True, denied=1.0)
        out.append((label, cue))
        previous = label if label != "none" else previous
    return out
