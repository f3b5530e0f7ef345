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
    elif args.task == "stance":
        from pipeline.evaluate import stance

        print(stance.report())
    elif args.task == "lacunae":
        from pipeline.evaluate import lacunae

        print(lacunae.report())
    elif args.task == "engines":
        from pipeline.evaluate import engines

        print(engines.report())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pipeline import build, export

    build.run(if_missing=True)
    for path in export.export(args.format, Path(args.out)):
        print(path)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pipeline.catalog import add_document

    doc = add_document(Path(args.file), args.id, args.title, args.author, args.year, args.format, genre=args.genre)
    print(f"added {doc.id} ({doc.path}); run `python -m pipeline build` to annotate it")
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    from pipeline.evaluate import agreement
    from pipeline.paths import annotations_dir
    from pipeline.store import atomic_write

    table = agreement.report()
    print(table)
    if args.update_guidelines:
        path = annotations_dir() / "GUIDELINES.md"
        atomic_write(path, agreement.embed(path, table))
        print(f"updated the agreement section of {path}")
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    if args.model == "tokenizer":
        from pathlib import Path

        from pipeline.nlp import stanza_training

        out = Path(args.out) if args.out else stanza_training.MODEL_DIR
        steps, seed = args.steps or stanza_training.STEPS, stanza_training.SEED if args.seed is None else args.seed
        provenance = stanza_training.train(out, steps, seed, args.limit)
        f1 = provenance["held_out_scores"]["sentence_boundaries"]["f1"]
        print(f"trained the stanza tokenizer ({provenance['steps']} steps, {provenance['training_seconds']} s) -> {out}")
        print(f"held-out sentence-boundary F1 against the spaCy engine: {f1:.3f} (details in {out / 'provenance.json'})")
        return 0
    from pipeline.nlp import stance_training

    model = stance_training.train()
    print(f"trained the stance model on {model.provenance['examples']} gold sentences -> {stance_training.MODEL}")
    return 0


def cmd_annotate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pipeline import annotate

    if args.action == "export":
        for path in annotate.export_tasks(Path(args.out)):
            print(path)
    else:
        print(annotate.import_labels(Path(args.file), args.annotator, Path(args.tasks), args.folder))
    return 0


COMMANDS = {
    "build": (cmd_build, "build every annotation layer of the catalogued corpus under annotations/silver"),
    "validate": (cmd_validate, "check the catalogue, source hashes and every annotation file"),
    "annotate": (cmd_annotate, "export annotation task sheets, or import an annotator's labels as gold"),
    "evaluate": (cmd_evaluate, "score a layer against the gold annotations (entities, lacunae, stance), or compare the engines"),
    "add": (cmd_add, "add a reading to the corpus (copied, hashed and catalogued)"),
    "export": (cmd_export, "write the claims table and annotations as jsonl, csv or brat stand-off"),
    "agreement": (cmd_agreement, "inter-annotator agreement: Cohen's kappa per pair, Krippendorff's alpha per field"),
    "train": (cmd_train, "rebuild the stance model from the adjudicated gold, or train stanza's tokenizer on the corpus"),
}


OPTIONS: dict[str, list[tuple[str, dict]]] = {
    "build": [("--if-missing", {"action": "store_true", "help": "build only when the annotations are missing or stale"})],
    "annotate": [
        ("action", {"choices": ["export", "import"]}),
        ("--out", {"default": "annotations/tasks", "help": "export: folder for the task sheets"}),
        ("--file", {"help": "import: the labelled JSONL file"}),
        ("--tasks", {"help": "import: the task sheet the labels answer"}),
        ("--annotator", {"help": "import: the annotator's id"}),
        ("--folder", {"help": "import: gold sub-folder (default: the annotator id; 'adjudicated' for reconciled gold)"}),
    ],
    "evaluate": [("task", {"choices": ["entities", "stance", "lacunae", "engines"], "help": "what to evaluate"})],
    "add": [
        ("file", {"help": "the text to add (UTF-8; Markdown essay or plain text)"}),
        ("--id", {"required": True}),
        ("--title", {"required": True}),
        ("--author", {"action": "append", "required": True, "help": "repeat for several authors"}),
        ("--year", {"type": int, "required": True}),
        ("--format", {"choices": ["markdown-essay", "plain-encyclopedia", "plain"], "default": "markdown-essay"}),
        ("--genre", {"default": "essay"}),
    ],
    "export": [
        ("--format", {"choices": ["jsonl", "csv", "brat"], "default": "jsonl"}),
        ("--out", {"required": True, "help": "output folder"}),
    ],
    "agreement": [("--update-guidelines", {"action": "store_true", "help": "write the tables into annotations/GUIDELINES.md"})],
    "train": [
        ("model", {"choices": ["stance", "tokenizer"], "help": "stance: from the gold; tokenizer: stanza's, from the corpus"}),
        ("--steps", {"type": int, "help": "tokenizer: training steps (default 1000)"}),
        ("--seed", {"type": int, "help": "tokenizer: random seed (default 1234)"}),
        ("--limit", {"type": int, "help": "tokenizer: only the first N paragraphs of each split (a quick check)"}),
        ("--out", {"help": "tokenizer: model folder (default pipeline/resources/models/stanza)"}),
    ],
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
