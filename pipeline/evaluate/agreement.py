"""``python -m pipeline agreement``: how far independent annotators agree, per field.

Cohen's kappa for every pair of annotators and Krippendorff's alpha (nominal) over all of
them, on the body sentences they both labelled. Events are compared as whole sets.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path

from pipeline.evaluate.scoring import markdown_table
from pipeline.nlp.linking import fold
from pipeline.records import Record
from pipeline.store import gold_dir, read_layer

FIELDS = ("stance", "voice", "voice_type", "alignment", "events")


def value(record: Record, field: str) -> str:
    if field == "stance":
        return record.label
    if field == "events":
        return "|".join(sorted(record.attrs.get("events") or []))
    if field == "voice":
        return fold(record.attrs.get("voice") or "")
    return str(record.attrs.get(field))


def annotations(root: Path | None = None) -> dict[str, dict[tuple[str, tuple], Record]]:
    """Annotator id -> {(doc, fragments): record}, for every annotator's claim files."""
    out: dict[str, dict] = {}
    for folder in sorted(p for p in gold_dir(root).iterdir() if p.is_dir() and p.name != "adjudicated"):
        records = [r for path in sorted(folder.glob("*.claim.jsonl")) for r in read_layer(path)]
        if records:
            out[folder.name] = {(r.doc, r.fragments): r for r in records}
    return out


def cohen_kappa(a: list[str], b: list[str]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def krippendorff_alpha(units: list[list[str]]) -> float:
    """Nominal alpha over units (each the values its coders gave; units with <2 values skipped)."""
    pairable = [u for u in units if len(u) >= 2]
    coincidence: Counter = Counter()
    for values in pairable:
        m = len(values)
        for i, j in ((i, j) for i in range(m) for j in range(m) if i != j):
            coincidence[(values[i], values[j])] += 1 / (m - 1)
    totals: Counter = Counter()
    for (c, _), w in coincidence.items():
        totals[c] += w
    n = sum(totals.values())
    if n <= 1:
        return float("nan")
    disagree_observed = sum(w for (c, k), w in coincidence.items() if c != k)
    disagree_expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k) / (n - 1)
    return 1.0 if disagree_expected == 0 else 1 - disagree_observed / disagree_expected


def quoted_in_guidelines(data: dict[str, dict], guidelines: Path) -> set[tuple]:
    """Sentences the guidelines quote as worked examples: their labels were decided there,
    so agreement on them says nothing about how well the guidelines transfer."""
    if not guidelines.is_file():
        return set()
    text = " ".join(guidelines.read_text(encoding="utf-8").split())
    records = {k: r for d in data.values() for k, r in d.items()}
    return {k for k, r in records.items() if _probe(r) in text}


def _probe(record: Record) -> str:
    """A stretch of the sentence long enough to identify it in the guidelines' quotations."""
    words = record.text.replace("*", "").split()
    return " ".join(words[:12])


def pair_rows(data: dict[str, dict], keep) -> list[list]:
    """Each pair of annotators on the sentences both labelled; pairs that share none (each
    annotated other documents) have no row."""
    rows = []
    for a, b in combinations(sorted(data), 2):
        shared = sorted(k for k in set(data[a]) & set(data[b]) if keep(k))
        if not shared:
            continue
        for field in FIELDS:
            va = [value(data[a][k], field) for k in shared]
            vb = [value(data[b][k], field) for k in shared]
            agree = sum(x == y for x, y in zip(va, vb, strict=True)) / len(shared)
            rows.append([f"{a} / {b}", field, len(shared), agree, cohen_kappa(va, vb)])
    return rows


def alpha_rows(data: dict[str, dict], keep) -> list[list]:
    keys = sorted({k for d in data.values() for k in d if keep(k)})
    return [
        [field, len(keys), krippendorff_alpha([[value(d[k], field) for d in data.values() if k in d] for k in keys])] for field in FIELDS
    ]


BEGIN, END = "<!-- agreement-table -->", "<!-- /agreement-table -->"
CAVEAT = (
    "The annotators ann-a and ann-b are LLM annotation assistants that worked independently from these "
    "guidelines alone; they share a model family, and the guidelines quote many corpus sentences as decided "
    "examples, so these figures are an upper bound on what human annotators would reach. The second pair of "
    "tables leaves out the sentences the guidelines quote."
)


def embed(guidelines: Path, table: str) -> str:
    """The guidelines text with the generated table between the agreement markers."""
    text = guidelines.read_text(encoding="utf-8")
    if BEGIN not in text:
        raise ValueError(f"{guidelines} has no {BEGIN} marker")
    head, _, rest = text.partition(BEGIN)
    tail = rest.partition(END)[2] if END in rest else rest
    return f"{head}{BEGIN}\n\n{CAVEAT}\n\n{table}\n\n{END}{tail if tail.startswith(chr(10)) else chr(10) + tail}"


def report(root: Path | None = None, guidelines: Path | None = None) -> str:
    data = annotations(root)
    if len(data) < 2:
        return "fewer than two annotators' claim files under annotations/gold: nothing to compare"
    quoted = quoted_in_guidelines(data, guidelines or gold_dir(root).parent / "GUIDELINES.md")
    head = ["pair", "field", "sentences", "raw agreement", "kappa"]
    sections = []
    for title, keep in (("all body sentences", lambda k: True), ("sentences the guidelines do not quote", lambda k: k not in quoted)):
        sections.append(
            f"Cohen's kappa per annotator pair, {title}:\n\n"
            + markdown_table(head, pair_rows(data, keep))
            + f"\n\nKrippendorff's alpha (nominal) per field, all annotators, {title}:\n\n"
            + markdown_table(["field", "sentences", "alpha"], alpha_rows(data, keep))
        )
    return f"{len(quoted)} sentences are quoted as worked examples in the guidelines.\n\n" + "\n\n".join(sections)
