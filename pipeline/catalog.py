"""Read and check the corpus catalogue: every offset in the corpus depends on the source bytes
named here, so a source whose hash no longer matches is refused."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import CorpusError
from pipeline.paths import corpus_dir

REQUIRED = ("id", "file", "title", "authors", "year", "genre", "language", "format", "source", "rights", "sha256")
FORMATS = ("markdown-essay", "plain-encyclopedia", "plain")


@dataclass(frozen=True)
class Document:
    """One catalogue entry: a source text and what we know about it."""

    id: str
    path: Path
    title: str
    authors: tuple[str, ...]
    year: int
    genre: str
    language: str
    format: str
    source: str
    rights: str
    sha256: str
    date: str = ""

    def read(self) -> str:
        """The source text, after checking it is non-empty UTF-8 text whose hash matches."""
        data = self.path.read_bytes() if self.path.is_file() else None
        if data is None:
            raise CorpusError(self.path, f"file not found (catalogue entry {self.id!r})")
        text = decode_source(self.path, data)
        digest = hashlib.sha256(data).hexdigest()
        if digest != self.sha256:
            raise CorpusError(
                self.path,
                f"SHA-256 {digest[:12]}… does not match the catalogue ({self.sha256[:12]}…): "
                "the source was edited after cataloguing, so stand-off offsets would be wrong",
            )
        return text


def decode_source(path: Path, data: bytes) -> str:
    """Decode source bytes, refusing empty, binary and non-UTF-8 files with a clear reason."""
    if not data.strip():
        raise CorpusError(path, "empty file")
    if b"\x00" in data:
        raise CorpusError(path, "binary file (contains NUL bytes), expected UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(path, f"not UTF-8: invalid byte 0x{data[err.start]:02x} at byte {err.start}") from None


def catalog_path(root: Path | None = None) -> Path:
    return (root or corpus_dir()) / "catalog.toml"


def load_catalog(root: Path | None = None, empty_ok: bool = False) -> list[Document]:
    """All catalogue entries, checked for required fields, known formats and unique ids; a
    catalogue without entries is an error unless ``empty_ok`` (a corpus being started)."""
    path = catalog_path(root)
    if not path.is_file():
        raise CorpusError(path, "catalogue not found")
    try:
        data = tomllib.loads(decode_source(path, path.read_bytes()))
    except tomllib.TOMLDecodeError as err:
        raise CorpusError(path, f"invalid TOML: {err}") from None
    entries = data.get("document", [])
    if not entries and not empty_ok:
        raise CorpusError(path, "no [[document]] entries")
    docs = [_document(path, i, entry) for i, entry in enumerate(entries)]
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            raise CorpusError(path, f"duplicate document id {doc.id!r}")
        seen.add(doc.id)
    return docs


def _document(path: Path, index: int, entry: dict) -> Document:
    name = entry.get("id", f"#{index + 1}")
    missing = [key for key in REQUIRED if key not in entry]
    if missing:
        raise CorpusError(path, f"document {name!r} lacks {', '.join(missing)}")
    if entry["format"] not in FORMATS:
        raise CorpusError(path, f"document {name!r} has unknown format {entry['format']!r} (known: {', '.join(FORMATS)})")
    return Document(
        id=entry["id"],
        path=path.parent / entry["file"],
        title=entry["title"],
        authors=tuple(entry["authors"]),
        year=int(entry["year"]),
        genre=entry["genre"],
        language=entry["language"],
        format=entry["format"],
        source=entry["source"],
        rights=entry["rights"],
        sha256=entry["sha256"],
        date=str(entry.get("date", entry["year"])),
    )


def get_document(doc_id: str, root: Path | None = None) -> Document:
    for doc in load_catalog(root):
        if doc.id == doc_id:
            return doc
    raise CorpusError(catalog_path(root), f"no document with id {doc_id!r}")


CATALOG_HEADER = "# The corpus catalogue: one [[document]] per source text (see corpus/catalog.toml).\n"


def add_document(
    file: Path,
    doc_id: str,
    title: str,
    authors: list[str],
    year: int,
    fmt: str,
    genre: str = "essay",
    source: str = "added by a user",
    rights: str = "rights remain with the author",
    root: Path | None = None,
) -> Document:
    """Copy a new reading into ``corpus/texts`` and catalogue it with its hash.

    The file is checked like every source (non-empty UTF-8 text); the catalogue gets one more
    ``[[document]]`` table, written atomically; an existing id is refused.
    """
    from pipeline.store import atomic_write

    file = Path(file)
    data = file.read_bytes() if file.is_file() else None
    if data is None:
        raise CorpusError(file, "file not found")
    decode_source(file, data)
    if fmt not in FORMATS:
        raise CorpusError(file, f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    base = root or corpus_dir()
    if any(d.id == doc_id for d in _catalogued(base)):
        raise CorpusError(catalog_path(base), f"document id {doc_id!r} exists already")
    target = base / "texts" / f"{doc_id}{file.suffix or '.txt'}"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    entry = {
        "id": doc_id,
        "file": f"texts/{target.name}",
        "title": title,
        "authors": authors,
        "year": year,
        "genre": genre,
        "language": "en",
        "format": fmt,
        "source": source,
        "rights": rights,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    lines = ["", "[[document]]", *(f"{k} = {_toml(v)}" for k, v in entry.items())]
    catalog = catalog_path(base)
    before = catalog.read_text(encoding="utf-8").rstrip("\n") + "\n" if catalog.is_file() else CATALOG_HEADER
    atomic_write(catalog, before + "\n".join(lines) + "\n")
    return get_document(doc_id, base)


def _catalogued(base: Path) -> list[Document]:
    """The catalogue's entries, none where a corpus is being started (no catalogue yet, or
    one without entries); a catalogue that is there is checked as always."""
    return load_catalog(base, empty_ok=True) if catalog_path(base).is_file() else []


def _toml(value) -> str:
    import json

    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)
