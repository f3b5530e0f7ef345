"""Events: mentions of the inventory's events, by name (EVENT entities linked to the
inventory) and by topic cue (a lower-case phrase from ``events.toml``: "virgin lands",
"budapest"), so each sentence can say which events it is about."""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import extensions
from pipeline.nlp.kb import load

NAME, CUE = "name", "cue"


@cache
def cue_patterns() -> dict[str, re.Pattern]:
    """One regex per event: its cues as word-initial, case-insensitive alternatives."""
    patterns = {}
    for event_id, item in load().events.items():
        cues = sorted({c.lower() for c in item.get("cues", [])}, key=len, reverse=True)
        if cues:
            patterns[event_id] = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + ")")
    return patterns


def searchable(text: str) -> str:
    """The text the lower-case cue patterns run on (a case-insensitive regex is three times
    slower); a letter whose lower case is longer ('İ') stays as it is, so offsets hold."""
    text = text.replace("’", "'")
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class EventMentions:
    def __call__(self, doc: Doc) -> Doc:
        extensions.ensure(doc)
        mentions = []
        for ent in doc.ents:
            if ent.kb_id_.startswith("event:") and ent.kb_id_[6:] in load().events:
                mentions.append((ent.start_char, ent.end_char, ent.kb_id_[6:], NAME))
        named = {(s, e) for s, e, _, _ in mentions}
        text = searchable(extensions.text(doc))
        for event_id, pattern in cue_patterns().items():
            for m in pattern.finditer(text):
                if (m.start(), m.end()) not in named:
                    mentions.append((m.start(), m.end(), event_id, CUE))
        doc._.event_mentions = sorted(mentions)
        return doc


@Language.factory("destal_events", default_config={})
def make_events(nlp: Language, name: str) -> EventMentions:
    return EventMentions()
