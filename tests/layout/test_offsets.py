"""The reading-order map is exact in both directions, on toy strings and on the real texts."""

from __future__ import annotations

import pytest

from pipeline.layout import body_stream, notes_stream
from pipeline.layout.offsets import Stream

SOURCE = "Alpha *beta*<sup>1</sup> gamma\n\n---\n\n<sup>1</sup> Note.\n\ndelta epsilon."


@pytest.fixture
def toy() -> Stream:
    first = (0, SOURCE.index("\n\n"))
    second = (SOURCE.index("delta"), len(SOURCE))
    hidden = [(6, 7), (11, 12), (12, 24)]
    return Stream(SOURCE, [(first, second)], hidden)


def test_toy_text_drops_hidden_and_joins_fragments(toy):
    assert toy.text == "Alpha beta gamma delta epsilon."


def test_toy_fragments_break_only_between_source_fragments(toy):
    start = toy.text.index("beta")
    end = toy.text.index("delta") + len("delta")
    assert toy.fragments(start, end) == ((7, 30), (SOURCE.index("delta"), SOURCE.index("delta") + 5))


def test_toy_span_maps_back(toy):
    fragments = ((SOURCE.index("delta"), SOURCE.index("delta") + 5),)
    start, end = toy.span(fragments)
    assert toy.text[start:end] == "delta"


def assert_exact_map(stream: Stream) -> None:
    kept = 0
    for i, ch in enumerate(stream.text):
        j = stream.to_source(i)
        if j is None:
            assert ch in " \n"
            continue
        assert stream.source[j] == ch
        assert stream.to_stream(j) == i
        kept += 1
    assert kept == sum(1 for j in range(len(stream.source)) if stream.to_stream(j) is not None)


def test_real_body_map_is_exact_both_ways(any_layout):
    assert_exact_map(body_stream(any_layout))


def test_real_notes_map_is_exact_both_ways(essay):
    assert_exact_map(notes_stream(essay))


def test_every_layout_span_round_trips_through_the_body_stream(any_layout):
    stream = body_stream(any_layout)
    for paragraph in any_layout.layer("paragraph"):
        start, end = stream.span(paragraph.fragments)
        back = stream.fragments(start, end)
        assert back[0][0] >= paragraph.start and back[-1][1] <= paragraph.end
        assert len(back) == len(paragraph.fragments)
