"""The reading-order file: a document's body text with an exact run-length map to the source."""

from __future__ import annotations

import json
from typing import Any

from pipeline.layout.offsets import Stream


def runs(stream: Stream) -> list[list[int]]:
    """``[stream_start, source_start, length]`` for each run of consecutively mapped characters."""
    out: list[list[int]] = []
    for i in range(len(stream.text)):
        s = stream.to_source(i)
        if s is None:
            continue
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == s:
            out[-1][2] += 1
        else:
            out.append([i, s, 1])
    return out


def document(doc: str, stream: Stream) -> dict[str, Any]:
    return {"doc": doc, "text": stream.text, "runs": runs(stream)}


def serialise(doc: str, stream: Stream) -> str:
    return json.dumps(document(doc, stream), ensure_ascii=False, indent=None) + "\n"
