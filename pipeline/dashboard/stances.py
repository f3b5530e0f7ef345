"""The stance vocabulary and its palette, shared by badges, the matrix and the charts.

Colours are from the Okabe–Ito palette, which stays distinguishable under the common forms of
colour blindness: vermillion for power play, blue for liberalisation, amber for mixed and
grey for none. Ink colours give at least 5:1 contrast on each fill (WCAG AA).
"""

from __future__ import annotations

STANCES: tuple[str, ...] = ("power_play", "mixed", "liberalisation", "none")
LABELS: dict[str, str] = {"power_play": "Power play", "liberalisation": "Liberalisation", "mixed": "Mixed", "none": "None"}
COLOURS: dict[str, str] = {"power_play": "#D55E00", "liberalisation": "#0072B2", "mixed": "#E69F00", "none": "#BBBBBB"}
INK: dict[str, str] = {"power_play": "#000000", "liberalisation": "#FFFFFF", "mixed": "#000000", "none": "#1A1A1A"}
TINTS: dict[str, str] = {"power_play": "#FBE3D6", "liberalisation": "#D6E8F5", "mixed": "#FBEFD2", "none": "transparent"}
VOICE_TYPES: tuple[str, ...] = ("author", "scholar", "school", "actor")


def label(stance: str) -> str:
    """Display name of a stance; an unknown value is shown as it is."""
    return LABELS.get(stance, stance)
