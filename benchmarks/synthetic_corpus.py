"""A synthetic corpus for load tests: N catalogued documents made of the real texts' sentences,
sampled and perturbed (shuffled, spliced at commas, years shifted), half as Markdown essays with
footnotes, half as plain encyclopedia articles, then annotated by the real pipeline.

    .venv/bin/python -m benchmarks.synthetic_corpus /tmp/synthetic --docs 200

writes /tmp/synthetic/corpus (texts + catalog.toml) and runs ``python -m pipeline build`` with
DESTAL_CORPUS and DESTAL_ANNOTATIONS pointing there, so /tmp/synthetic/annotations is what the
pipeline makes of it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from pipeline import layout
from pipeline.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[1]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
MARKUP = re.compile(r"<sup>\s*[\d\s]+\s*</sup>|\*+")
YEAR = re.compile(r"\b(19[0-9]{2})\b")
HEADINGS = [
    "Background",
    "The Secret Speech",
    "The Thaw",
    "Releases and Rehabilitation",
    "Foreign Policy",
    "Limits",
    "Legacy",
    "Historiography",
]


def real_material() -> tuple[list[str], list[str]]:
    """Body sentences and footnote texts of the real corpus (markers and Markdown marks out)."""
    sentences, notes = [], []
    for doc in load_catalog(ROOT / "corpus"):
        source = doc.read()
        lay = layout.parse(doc.id, source, doc.format)
        for paragraph in lay.layer("paragraph"):
            text = MARKUP.sub("", " ".join(source[s:e] for s, e in paragraph.fragments))
            sentences += [s.strip() for s in SENTENCE_END.split(text) if 40 <= len(s.strip()) <= 400]
        for note in lay.layer("footnote"):
            text = MARKUP.sub("", " ".join(source[s:e] for s, e in note.fragments)).strip()
            if 20 <= len(text) <= 300 and "\n" not in text:
                notes.append(text)
    return sentences, notes


def perturb(sentence: str, pool: list[str], rng: random.Random) -> str:
    """A variant: sometimes spliced with another sentence at a comma, sometimes with shifted years."""
    if rng.random() < 0.25 and "," in sentence:
        other = rng.choice(pool)
        if "," in other:
            head = sentence.split(",", 1)[0]
            tail = other.split(",", 1)[1].strip()
            sentence = f"{head}, {tail}"
    if rng.random() < 0.3:
        shift = rng.choice([-2, -1, 1, 2])
        sentence = YEAR.sub(lambda m: str(int(m.group(1)) + shift), sentence)
    return sentence


def paragraph(pool: list[str], rng: random.Random) -> list[str]:
    return [perturb(rng.choice(pool), pool, rng) for _ in range(rng.randint(3, 6))]


def essay(n: int, pool: list[str], notes: list[str], rng: random.Random) -> str:
    """A Markdown essay: title, byline, abstract, sections, footnote markers and note blocks."""
    lines = [f"## Synthetic essay {n}: {rng.choice(HEADINGS)}", "", f"Author {n} (Benchmark College)", ""]
    lines += ["**Abstract:** " + " ".join(paragraph(pool, rng)), ""]
    number = 0
    for heading in rng.sample(HEADINGS, rng.randint(3, 5)):
        lines += [f"## {heading}", ""]
        for _ in range(rng.randint(2, 3)):
            sentences, pending = paragraph(pool, rng), []
            for i, sentence in enumerate(sentences):
                if rng.random() < 0.3:
                    number += 1
                    sentences[i] = f"{sentence}<sup>{number}</sup>"
                    pending.append(f"<sup>{number}</sup> {rng.choice(notes)}")
            lines += [" ".join(sentences), ""]
            if pending:
                lines += ["---", ""] + [line for note in pending for line in (note, "")]
    return "\n".join(lines)


def article(n: int, pool: list[str], rng: random.Random) -> str:
    """A plain encyclopedia article: boilerplate, title, lead, headed sections."""
    lines = ["Fact-checked by Grok 1 week ago", "", f"Synthetic article {n}", "", " ".join(paragraph(pool, rng)), ""]
    for heading in rng.sample(HEADINGS, rng.randint(3, 5)):
        lines += [heading, ""]
        lines += [line for _ in range(rng.randint(2, 3)) for line in (" ".join(paragraph(pool, rng)), "")]
    return "\n".join(lines)


def generate(out: Path, docs: int = 200, seed: int = 1956) -> Path:
    """Write ``out/corpus`` (texts and catalogue); return the corpus folder."""
    rng = random.Random(seed)
    pool, notes = real_material()
    corpus = out / "corpus"
    (corpus / "texts").mkdir(parents=True, exist_ok=True)
    entries = ["# Synthetic corpus for the dashboard benchmark (generated; not for research)\n"]
    for n in range(1, docs + 1):
        is_essay = n % 2 == 1
        text = essay(n, pool, notes, rng) if is_essay else article(n, pool, rng)
        name = f"synthetic-{n:03d}"
        path = corpus / "texts" / f"{name}.{'md' if is_essay else 'txt'}"
        path.write_text(text + "\n", encoding="utf-8")
        entries.append(
            "\n".join(
                [
                    "[[document]]",
                    f'id = "{name}"',
                    f'file = "texts/{path.name}"',
                    f'title = "Synthetic {"essay" if is_essay else "article"} {n}"',
                    f'authors = ["{"Author " + str(n) if is_essay else "Grokipedia (synthetic)"}"]',
                    f"year = {2000 + n % 25}",
                    f'genre = "{"essay" if is_essay else "encyclopedia article"}"',
                    'language = "en"',
                    f'format = "{"markdown-essay" if is_essay else "plain-encyclopedia"}"',
                    'source = "generated from the real corpus for benchmarks"',
                    'rights = "benchmark material, not for redistribution"',
                    f'sha256 = "{hashlib.sha256(path.read_bytes()).hexdigest()}"',
                ]
            )
            + "\n"
        )
    (corpus / "catalog.toml").write_text("\n".join(entries), encoding="utf-8")
    return corpus


def environment(out: Path) -> dict[str, str]:
    return {"DESTAL_CORPUS": str(out / "corpus"), "DESTAL_ANNOTATIONS": str(out / "annotations")}


def build(out: Path) -> float:
    """``python -m pipeline build`` on the synthetic corpus; returns the seconds it took."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "build"], cwd=ROOT, env={**os.environ, **environment(out)}, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1956)
    args = parser.parse_args()
    generate(args.out, args.docs, args.seed)
    print(f"built {args.docs} documents in {build(args.out):.1f} s under {args.out}")


if __name__ == "__main__":
    main()
