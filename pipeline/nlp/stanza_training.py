"""Train the stanza engine's tokenizer on the corpus itself: ``python -m pipeline train tokenizer``.

No UD treebank is reachable offline, so the reference segmentation is the spaCy engine's
(its tokenizer, ``destal_sentences`` and parser) over the body paragraphs and the notes of the
corpus (notes cite: "Ibid., p. 12.", "no. 3, pp. 9389-9403", which body prose never teaches).
Each unit becomes one paragraph of stanza's tokenizer format: the raw text, and a label
per character (0 inside a token, 1 at a token's end, 2 at a sentence's end). Every fifth body
paragraph and every fifth note of each document is held out; training runs stanza's own entry point
(``stanza.models.tokenizer``) on CPU with a fixed seed for a fixed number of steps (no early
stopping, so the held-out paragraphs are never seen), and the held-out sentence-boundary F1 is
written with the model's provenance. For a seed the weights repeat exactly (``weights_sha256``);
the file's bytes do not, as torch's legacy pickling, which stanza uses, names storages by address.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from pipeline.catalog import load_catalog
from pipeline.evaluate.scoring import PRF
from pipeline.nlp import document as nlp_document
from pipeline.nlp.engine import SpacyEngine
from pipeline.nlp.stanza_engine import MODEL_DIR, PACKAGE, model_path, segment
from pipeline.store import atomic_write

STEPS = 1000
SEED = 1234
HOLD_OUT_EVERY = 5
SHORTHAND = "en_destal"
MAX_SEQLEN = 400  # stanza drops training sentences longer than this (default 100); 95% of the corpus's are shorter
BATCH_SIZE = 16
COMMAND = "python -m pipeline train tokenizer"
# the least stanza.Pipeline(download_method=None) needs: the default package of "en" is our tokenizer
RESOURCES_JSON = {"en": {"lang_name": "English", "packages": {"default": {"tokenize": PACKAGE}}, "tokenize": {PACKAGE: {}}}}


TRAINED_KINDS = ("body", "note")


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph or note with the reference segmentation as stanza's character labels."""

    doc: str
    number: int
    text: str
    labels: str
    kind: str = "body"

    @property
    def held_out(self) -> bool:
        return is_held_out(self.number)

    @property
    def name(self) -> str:
        return f"{self.doc}#{'' if self.kind == 'body' else self.kind}{self.number}"


def is_held_out(number: int) -> bool:
    """Whether the ``number``-th unit of its kind in a document (from 0) is kept out of training."""
    return number % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1


def reference_docs(engine: SpacyEngine | None = None) -> Iterator[tuple[nlp_document.Prepared, Doc]]:
    """Each catalogued document through the spaCy engine up to the parser (sentences are final there)."""
    engine = engine or SpacyEngine()
    names = engine.nlp.pipe_names
    after_parser = tuple(names[names.index("parser") + 1 :])
    prepared = [nlp_document.prepare_document(d) for d in load_catalog()]
    yield from nlp_document.process(prepared, disable=after_parser, engine=engine)


def labels_for(doc: Doc, start: int, end: int) -> str:
    """Stanza's labels for ``doc``'s text in [start, end): 1 ends a token, 2 ends a sentence."""
    labels = ["0"] * (end - start)
    tokens = [t for t in doc.char_span(start, end, alignment_mode="expand") if not t.is_space]
    for i, token in enumerate(tokens):
        last = i + 1 == len(tokens) or tokens[i + 1].is_sent_start
        labels[token.idx + len(token.text) - 1 - start] = "2" if last else "1"
    return "".join(labels)


def paragraphs(docs: Iterator[tuple[nlp_document.Prepared, Doc]]) -> list[Paragraph]:
    """Every body paragraph and note of the corpus, labelled with the reference tokens and
    sentences, numbered within their kind."""
    out = []
    for prepared, doc in docs:
        for kind in TRAINED_KINDS:
            ranges = [r for r, (k, _) in zip(prepared.stream.unit_ranges, prepared.units, strict=True) if k == kind]
            for number, (start, end) in enumerate(ranges):
                out.append(Paragraph(prepared.layout.doc_id, number, doc.text[start:end], labels_for(doc, start, end), kind))
    return out


def write_split(paragraphs: list[Paragraph], folder: Path, name: str) -> tuple[Path, Path]:
    """Stanza's tokenizer files: paragraphs separated by blank lines, text and labels in parallel."""
    text, labels = folder / f"{name}.txt", folder / f"{name}.labels"
    text.write_text("\n\n".join(p.text for p in paragraphs) + "\n", encoding="utf-8")
    labels.write_text("\n\n".join(p.labels for p in paragraphs) + "\n", encoding="utf-8")
    return text, labels


def data_hash(paragraphs: list[Paragraph]) -> str:
    digest = hashlib.sha256()
    for p in paragraphs:
        digest.update(f"{p.name}\0{p.text}\0{p.labels}\0".encode())
    return digest.hexdigest()


def stanza_args(text: Path, labels: Path, mwt: Path, save: Path, steps: int, seed: int) -> list[str]:
    """Arguments of stanza's tokenizer trainer; the dev set is the training set and is never evaluated."""
    files = ["--txt_file", text, "--label_file", labels, "--dev_txt_file", text, "--dev_label_file", labels, "--mwt_json_file", mwt]
    run = ["--steps", steps, "--eval_steps", steps + 1, "--seed", seed, "--cpu", "--no_use_mwt"]
    shape = ["--max_seqlen", MAX_SEQLEN, "--batch_size", BATCH_SIZE]
    names = ["--lang", "en", "--shorthand", SHORTHAND, "--save_dir", save.parent, "--save_name", save.name, "--mode", "train"]
    return [str(a) for a in [*files, *run, *shape, *names]]


def fitting_first(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with one holding a sentence stanza keeps (<= MAX_SEQLEN) first: its trainer reads features off the first."""
    fits = [any(len(s) < MAX_SEQLEN for s in p.labels.split("2")) for p in paragraphs]
    first = fits.index(True) if True in fits else 0
    return [paragraphs[first], *paragraphs[:first], *paragraphs[first + 1 :]] if paragraphs else []


def fit(train: list[Paragraph], folder: Path, steps: int, seed: int) -> Path:
    """Run stanza's trainer; the model file it saved."""
    from stanza.models import tokenizer as trainer

    text, labels = write_split(fitting_first(train), folder, "train")
    mwt = folder / "mwt.json"
    mwt.write_text("[]\n", encoding="utf-8")  # English has no multi-word tokens here: spaCy splits "don't" into two
    save = folder / "model" / f"{PACKAGE}.pt"
    trainer.main(stanza_args(text, labels, mwt, save, steps, seed))
    return save


def weights_hash(model: Path) -> str:
    """A hash of the trained weights alone: for a seed they repeat, the file's bytes do not (torch's legacy pickling)."""
    import torch

    state = torch.load(model, map_location="cpu", weights_only=False)["model"]
    digest = hashlib.sha256()
    for name in sorted(state):
        digest.update(name.encode())
        digest.update(state[name].cpu().numpy().tobytes())
    return digest.hexdigest()


def boundaries(paragraph: Paragraph) -> tuple[set[tuple[int, int]], set[int]]:
    """Token spans and sentence starts (after the paragraph's first character) from the labels."""
    tokens, starts, begin = set(), set(), None
    for i, (char, label) in enumerate(zip(paragraph.text, paragraph.labels, strict=True)):
        if begin is None and not char.isspace():
            begin = i
        if label != "0" and begin is not None:
            tokens.add((begin, i + 1))
            begin = None
            if label == "2" and i + 1 < len(paragraph.text):
                starts.add(next(j for j in range(i + 1, len(paragraph.text)) if not paragraph.text[j].isspace()))
    return tokens, starts


def score(nlp: object, held_out: list[Paragraph]) -> dict[str, dict[str, float | int]]:
    """Token and sentence-boundary P/R/F1 of a stanza tokenizer against the reference labels."""
    tok = sent = PRF(0, 0, 0)
    for paragraph in held_out:
        gold_tokens, gold_starts = boundaries(paragraph)
        spans, starts = segment(nlp, paragraph.text)
        starts.discard(0)
        tok += PRF.of_sets(gold_tokens, set(spans))
        sent += PRF.of_sets(gold_starts, starts)
    return {"tokens": summary(tok), "sentence_boundaries": summary(sent)}


def summary(prf: PRF) -> dict[str, float | int]:
    rates = {"precision": prf.precision, "recall": prf.recall, "f1": prf.f1}
    return {"tp": prf.tp, "fp": prf.fp, "fn": prf.fn} | {name: round(value, 4) for name, value in rates.items()}


def versions() -> dict[str, str]:
    import stanza
    import torch

    return {"stanza": stanza.__version__, "torch": torch.__version__, "python": sys.version.split()[0]}


def install(model: Path, out: Path) -> None:
    """Put the model where ``stanza.Pipeline(dir=out, download_method=None)`` finds it."""
    model_path(out).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(model, model_path(out))
    atomic_write(out / "resources.json", json.dumps(RESOURCES_JSON, indent=2, sort_keys=True) + "\n")


def command(steps: int, seed: int, limit: int | None) -> str:
    """The command line that reproduces a model (the output folder aside)."""
    options = {"--steps": steps if steps != STEPS else None, "--seed": seed if seed != SEED else None, "--limit": limit}
    return " ".join([COMMAND, *(f"{flag} {value}" for flag, value in options.items() if value is not None)])


def train(out: Path = MODEL_DIR, steps: int = STEPS, seed: int = SEED, limit: int | None = None) -> dict:
    """Train, install under ``out``, score the held-out paragraphs; the provenance written beside the model.

    ``limit`` keeps only the first paragraphs of each split (a quick run for tests).
    """
    from pipeline.nlp.stanza_engine import tokenizer

    every = paragraphs(reference_docs())
    train_set = [p for p in every if not p.held_out][:limit]
    held_out = [p for p in every if p.held_out][:limit]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="stanza-tokenizer-") as tmp:
        install(fit(train_set, Path(tmp), steps, seed), out)
    seconds = round(time.perf_counter() - started, 1)
    tokenizer.cache_clear()
    provenance = {
        "command": command(steps, seed, limit),
        "reference": "spaCy engine (tokenizer, destal_sentences, parser) over the body paragraphs and notes of corpus/texts",
        "held_out": f"every {HOLD_OUT_EVERY}th body paragraph and every {HOLD_OUT_EVERY}th note of each document",
        "train_paragraphs": [p.name for p in train_set],
        "held_out_paragraphs": [p.name for p in held_out],
        "train_characters": sum(len(p.text) for p in train_set),
        "data_sha256": data_hash(train_set),
        "held_out_sha256": data_hash(held_out),
        "model_sha256": hashlib.sha256(model_path(out).read_bytes()).hexdigest(),
        "weights_sha256": weights_hash(model_path(out)),
        "model_bytes": model_path(out).stat().st_size,
        "steps": steps,
        "seed": seed,
        "device": "cpu",
        "training_seconds": seconds,
        "versions": versions(),
        "held_out_scores": score(tokenizer(out), held_out),
    }
    atomic_write(out / "provenance.json", json.dumps(provenance, indent=2) + "\n")
    return provenance
