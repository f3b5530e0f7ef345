"""``python -m pipeline evaluate engines``: the stanza engine's segmentation against the spaCy engine's.

The stanza tokenizer was trained on the spaCy engine's tokens and sentences, so agreement with
them is what it was taught; there is no hand-made gold. Sentence boundaries are counted inside
units only: a unit's start (paragraph, note, heading) comes from the layout in both engines
and would inflate the figures. "stanza tokenizer" is the trained model alone; "stanza engine"
is what the pipeline writes, after ``destal_sentences`` has vetoed the known traps. The
held-out rows are the body paragraphs and notes the tokenizer never saw; headings were never
in its training data at all. Entities show how far a different segmentation moves a
downstream layer (exact span and label against the spaCy engine's).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.catalog import load_catalog
from pipeline.evaluate.scoring import PRF, markdown_table
from pipeline.nlp import document as nlp_document
from pipeline.nlp.engine import Engine, SpacyEngine
from pipeline.nlp.stanza_training import is_held_out

Region = tuple[int, int]


@dataclass
class Run:
    """One engine over the corpus: the annotated Docs, stanza's own sentence starts, timings."""

    name: str
    docs: list[Doc]
    raw_starts: list[set[int]]
    tokenize_seconds: float
    pipeline_seconds: float


def run(name: str, engine: Engine, prepared: list[nlp_document.Prepared]) -> Run:
    """``document.process`` with the make-doc (tokenizer) and component times taken apart."""
    started = time.perf_counter()
    docs = [p.doc(engine) for p in prepared]
    made = time.perf_counter()
    raw = [set(doc.user_data.get("stanza_sent_starts", ())) for doc in docs]
    docs = list(engine.pipe(docs))
    return Run(name, docs, raw, made - started, time.perf_counter() - made)


def tokens(doc: Doc, regions: list[Region]) -> set[Region]:
    return {(t.idx, t.idx + len(t)) for t in doc if not t.is_space and inside(t.idx, regions)}


def sentence_starts(doc: Doc) -> set[int]:
    """Where each sentence's first non-space token starts."""
    out = set()
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        if first is not None:
            out.add(first.idx)
    return out


def inside(offset: int, regions: list[Region]) -> bool:
    return any(start <= offset < end for start, end in regions)


def boundaries(starts: set[int], regions: list[Region]) -> set[int]:
    """Sentence starts inside the regions, less the regions' own starts."""
    firsts = {start for start, _ in regions}
    return {s for s in starts if s not in firsts and inside(s, regions)}


def entities(doc: Doc, regions: list[Region]) -> set[tuple[int, int, str]]:
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents if inside(e.start_char, regions)}


Selector = Callable[[Doc], list[Region]]


def units(kind: str | None = None, held_out: bool = False) -> Selector:
    """The units of a kind (all if None), or only those of the kind the tokenizer never saw."""

    def select(doc: Doc) -> list[Region]:
        chosen = [(s, e) for s, e, k, _ in doc._.units if kind is None or k == kind]
        return [unit for n, unit in enumerate(chosen) if is_held_out(n)] if held_out else chosen

    return select


def row(label: str, reference: Run, stanza: Run, indices: list[int], select: Selector) -> list[object]:
    """Token, sentence-boundary (tokenizer alone and engine) and entity agreement over some documents' regions."""
    tok = raw = final = ents = PRF(0, 0, 0)
    gold_sentences = 0
    for i in indices:
        ref, pred = reference.docs[i], stanza.docs[i]
        regions = select(ref)
        gold = boundaries(sentence_starts(ref), regions)
        gold_sentences += len(gold)
        tok += PRF.of_sets(tokens(ref, regions), tokens(pred, regions))
        raw += PRF.of_sets(gold, boundaries(stanza.raw_starts[i], regions))
        final += PRF.of_sets(gold, boundaries(sentence_starts(pred), regions))
        ents += PRF.of_sets(entities(ref, regions), entities(pred, regions))
    return [
        label,
        tok.tp + tok.fn,
        tok.f1,
        gold_sentences,
        *(raw.precision, raw.recall, raw.f1),
        *(final.precision, final.recall, final.f1),
        ents.f1,
    ]


HEADER = [
    "part",
    "spaCy tokens",
    "token F1",
    "spaCy boundaries",
    "tokenizer P",
    "tokenizer R",
    "tokenizer F1",
    "engine P",
    "engine R",
    "engine F1",
    "entity F1",
]


def agreement_table(reference: Run, stanza: Run, doc_ids: list[str]) -> str:
    every = list(range(len(doc_ids)))
    rows = [row(doc_id, reference, stanza, [i], units()) for i, doc_id in enumerate(doc_ids)]
    rows += [row(f"all {kind} units", reference, stanza, every, units(kind)) for kind in ("body", "note", "heading")]
    rows.append(row("held-out body paragraphs", reference, stanza, every, units("body", held_out=True)))
    rows.append(row("held-out notes", reference, stanza, every, units("note", held_out=True)))
    return markdown_table(HEADER, rows)


def timing_table(runs: list[Run]) -> str:
    rows = [
        [r.name, f"{r.tokenize_seconds:.2f}", f"{r.pipeline_seconds:.2f}", f"{r.tokenize_seconds + r.pipeline_seconds:.2f}"] for r in runs
    ]
    return markdown_table(["engine", "make docs (s)", "components (s)", "total (s)"], rows)


def report() -> str:
    """Both engines over the catalogued corpus, agreement per document and part, and timings."""
    from pipeline.nlp.stanza_engine import StanzaEngine

    docs = load_catalog()
    prepared = [nlp_document.prepare_document(d) for d in docs]
    spacy_engine, stanza_engine = SpacyEngine(), StanzaEngine()
    run("warm-up", spacy_engine, prepared[:1])  # the components are shared: one warm-up serves both engines
    stanza_engine.make_doc("A warm-up. For the tokenizer.")
    reference = run("spaCy", spacy_engine, prepared)
    stanza = run("stanza", stanza_engine, prepared)
    return "\n\n".join(
        [
            "Stanza engine against the spaCy engine (reference), sentence boundaries inside units:",
            agreement_table(reference, stanza, [d.id for d in docs]),
            "Timings on this machine (model loading excluded):",
            timing_table([reference, stanza]),
        ]
    )
