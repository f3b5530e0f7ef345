"""Stance cues in a sentence, with the modifiers that must not flip them blindly.

A cue negated within a few words before it ("not entirely honest", "without delivering
systemic liberalization") counts for the other side at half weight; a cue inside a
concessive clause ("although Khrushchev tried to come to terms …") counts at half weight,
because the main clause carries the framing; hedges ("seems", "to a certain degree") lower
every cue of the sentence a little.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.paths import RESOURCES

STANCES = ("power_play", "liberalisation", "mixed", "none")
OPPOSITE = {"power_play": "liberalisation", "liberalisation": "power_play", "mixed": "mixed"}
NEGATION_WINDOW = 30
HEDGE_FACTOR = 0.8


@dataclass(frozen=True)
class Cue:
    stance: str
    weight: float
    start: int
    end: int
    text: str
    negated: bool = False
    concessive: bool = False

    @property
    def effective(self) -> tuple[str, float]:
        """The side this cue counts for, and how much, after negation and concession."""
        stance, weight = self.stance, self.weight
        if self.negated:
            stance, weight = OPPOSITE[stance], weight * 0.5
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

    cues = [(re.compile(r"\b" + c["pattern"], re.IGNORECASE), c["stance"], float(c["weight"])) for c in data["cue"]]
    return {
        "cues": cues,
        "negation": words("negation"),
        "concession": words("concession"),
        "hedge": words("hedge"),
        "negative_verbs": words("negative_verbs"),
        "meta": words("meta"),
    }


def concessive_span(text: str) -> tuple[int, int] | None:
    """The concessive clause: from 'although/even though/while …' to the comma that closes it."""
    m = lexicon()["concession"].search(text)
    if not m:
        return None
    comma = text.find(",", m.end())
    return (m.start(), comma if comma > 0 else len(text))


def find_cues(text: str, offset: int = 0) -> list[Cue]:
    """Every cue in ``text`` (offsets shifted by ``offset``), longest match first, no overlaps."""
    if offset:
        return [Cue(c.stance, c.weight, c.start + offset, c.end + offset, c.text, c.negated, c.concessive) for c in _cues(text)]
    return list(_cues(text))


@lru_cache(maxsize=4096)
def _cues(text: str) -> tuple[Cue, ...]:
    lex = lexicon()
    concession = concessive_span(text)
    found: list[Cue] = []
    taken: list[tuple[int, int]] = []
    for pattern, stance, weight in lex["cues"]:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            window = text[max(0, m.start() - NEGATION_WINDOW) : m.start()]
            negated = bool(lex["negation"].search(window)) and not lex["negative_verbs"].search(window)
            concessive = concession is not None and concession[0] <= m.start() < concession[1]
            found.append(Cue(stance, weight, m.start(), m.end(), m.group(), negated, concessive))
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


def lexicon_label(scores: dict[str, float]) -> str:
    """The lexicon-only baseline: the strongest side; both sides close together -> mixed."""
    pp, lib, mix = scores["power_play"], scores["liberalisation"], scores["mixed"]
    if max(pp, lib, mix) < 0.5:
        return "none"
    if mix >= max(pp, lib) or (min(pp, lib) >= 0.5 and abs(pp - lib) < 0.5):
        return "mixed"
    return "power_play" if pp > lib else "liberalisation"
