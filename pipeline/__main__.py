"""The command line: ``python -m pipeline COMMAND``."""

from __future__ import annotations

import argparse
import sys

from pipeline import __version__
from pipeline.errors import CorpusError


def cmd_build(args: argparse.Namespace) -> int:
    from pipeline import build

    build.run(if_missing=args.if_missing)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from pipeline import validate

    problems = validate.run()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s)" if problems else "catalogue and annotations are valid")
    return 1 if problems else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.task == "entities":
        from pipeline.evaluate import entities

        print(entities.evaluate().table())
    return 0


COMMANDS = {
    "build": (cmd_build, "build every annotation layer of the catalogued corpus under annotations/silver"),
    "validate": (cmd_validate, "check the catalogue, source hashes and every annotation file"),
    "evaluate": (cmd_evaluate, "score a layer against the gold annotations (entities, lacunae, stance)"),
}


OPTIONS: dict[str, list[tuple[str, dict]]] = {
    "build": [("--if-missing", {"action": "store_true", "help": "build only when the annotations are missing or stale"})],
    "evaluate": [("task", {"choices": ["entities"], "help": "what to evaluate"})],
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Corpus of de-Stalinization historiography: build, check, evaluate, export.",
    )
    p.add_argument("--version", action="version", version=f"pipeline {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (func, help_text) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        sp.set_defaults(func=func)
        for flag, kwargs in OPTIONS.get(name, []):
            sp.add_argument(flag, **kwargs)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
