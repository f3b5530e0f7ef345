"""The knowledge base: canonical people, organisations, places, groups, works and events,
read from the gazetteer and event inventory (data files the guidelines explain)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline.paths import RESOURCES


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    wikidata: str | None = None
    role: str | None = None
    description: str = ""
    extra: dict = field(default_factory=dict, compare=False)


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry]
    by_alias: dict[str, list[str]]
    ambiguous: dict[str, list[str]]
    events: dict[str, dict]

    def candidates(self, alias: str) -> list[str]:
        return self.ambiguous.get(alias) or self.by_alias.get(alias, [])

    def surname_index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for entry in self.entries.values():
            if entry.label == "PERSON":
                index[entry.name.split()[-1]].append(entry.id)
        return index


def slug(text: str) -> str:
    """ASCII slug for new ids: 'Włodzimierz Brus' -> 'wlodzimierz-brus'."""
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    text = text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _read(path: Path) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


@cache
def load(resources: Path = RESOURCES) -> KnowledgeBase:
    gazetteer = _read(resources / "gazetteer.toml")
    inventory = _read(resources / "events.toml")
    entries: dict[str, Entry] = {}
    for item in gazetteer.get("entity", []):
        # a group's canonical name is its country or ideology ("Polish" -> "Poland"): not an alias
        names = item.get("aliases", []) if item["label"] == "NORP" else [item["name"], *item.get("aliases", [])]
        entries[item["id"]] = Entry(
            item["id"],
            item["label"],
            item["name"],
            tuple(dict.fromkeys(names)),
            item.get("wikidata"),
            item.get("role"),
            item.get("description", ""),
        )
    for item in gazetteer.get("work", []):
        titles = [item["title"], *item.get("short_titles", [])]
        extra = {k: item.get(k) for k in ("authors", "year", "kind")}
        entries[item["id"]] = Entry(
            item["id"], "WORK_OF_ART", item["title"], tuple(dict.fromkeys(titles)), item.get("wikidata"), extra=extra
        )
    events = {item["id"]: item for item in inventory.get("event", [])}
    for item in events.values():
        entries[f"event:{item['id']}"] = Entry(
            f"event:{item['id']}",
            "EVENT",
            item["name"],
            tuple(item.get("names", [])),
            item.get("wikidata"),
            description=item.get("covers", ""),
        )
    by_alias: dict[str, list[str]] = defaultdict(list)
    for entry in entries.values():
        for alias in entry.aliases:
            by_alias[alias].append(entry.id)
    ambiguous = {item["alias"]: list(item["candidates"]) for item in gazetteer.get("ambiguous", [])}
    return KnowledgeBase(entries, dict(by_alias), ambiguous, events)
