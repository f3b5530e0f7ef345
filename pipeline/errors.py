"""One error type for bad input, so the CLI can report it in one line and exit non-zero."""

from __future__ import annotations

from pathlib import Path


class CorpusError(Exception):
    """A problem with an input file: names the file and says what is wrong."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
