"""Every layer loads as a DataFrame through the one loading function."""

from __future__ import annotations

import pytest

from pipeline import tables

LAYERS = [
    "zone",
    "heading",
    "paragraph",
    "footnote",
    "footnote_marker",
    "reference",
    "sentence",
    "entity",
    "event_mention",
    "lacuna",
    "claim",
]


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_is_a_dataframe(built_root, layer):
    frame = tables.load_layer(layer, root=built_root)
    assert len(frame) > 0
    assert {"doc", "id", "start", "end", "text", "label", "producer"} <= set(frame.columns)
    assert (frame["layer"] == layer).all()


def test_attributes_become_columns(built_root):
    entities = tables.load_layer("entity", root=built_root)
    assert {"kb_id", "name", "role"} <= set(entities.columns)


def test_documents_and_knowledge_base():
    assert set(tables.documents()["doc"]) == {"seniuc-2020", "grokipedia-destalinization"}
    kb = tables.entities()
    assert "person:nikita-khrushchev" in set(kb["kb_id"])
    assert len(tables.events()) == 25
