"""Event topic cues: found in any case, at offsets into the text as given."""

from __future__ import annotations

import pytest

from pipeline.nlp.events import cue_patterns, searchable


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The GREAT TERROR ended in 1938.", "GREAT TERROR"),
        ("The Great Terror ended in 1938.", "Great Terror"),
        ("Stalin’s repressions were named.", "Stalin’s repressions"),
        ("İn 1937 the İnstitute saw the Great Purge begin.", "Great Purge"),
    ],
)
def test_cues_match_in_any_case_at_the_texts_offsets(text, phrase):
    start = text.find(phrase)
    found = {(m.start(), m.end()) for pattern in cue_patterns().values() for m in pattern.finditer(searchable(text))}
    assert (start, start + len(phrase)) in found


def test_searchable_keeps_every_offset():
    text = "İstanbul’s Great Purge"
    assert len(searchable(text)) == len(text)
