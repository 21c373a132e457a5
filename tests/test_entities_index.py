"""The corpus-wide entity index."""

from __future__ import annotations

from analysis.entities.index import build_entity_index
from analysis.model import Entity, Mention


def ent(name: str, label: str, *texts: str) -> Entity:
    return Entity("e1", name, label, [Mention(i, i + len(t), t) for i, t in enumerate(texts)])


def test_same_name_merges_across_articles():
    index = build_entity_index([
        ("a1", [ent("Vitali Klitschko", "PERSON", "Vitali Klitschko", "Klitschko")]),
        ("a2", [ent("Vitali Klitschko", "PERSON", "Vitali Klitschko")]),
        ("a3", [ent("Kyiv", "GPE", "Kyiv")]),
    ])
    rec = index[0]
    assert rec.name == "Vitali Klitschko" and rec.articles == ["a1", "a2"]
    assert rec.mention_counts == {"a1": 2, "a2": 1} and rec.mentions == 3
    assert "Klitschko" in rec.aliases


def test_surname_joins_the_unique_full_name():
    index = build_entity_index([
        ("a1", [ent("Vitali Klitschko", "PERSON", "Vitali Klitschko")]),
        ("a2", [ent("Klitschko", "PERSON", "Klitschko", "Klitschko")]),
    ])
    assert len(index) == 1
    assert index[0].name == "Vitali Klitschko" and index[0].mentions == 3


def test_ambiguous_surname_stays_apart():
    index = build_entity_index([
        ("a1", [ent("Vitali Klitschko", "PERSON", "x")]),
        ("a2", [ent("Wladimir Klitschko", "PERSON", "x")]),
        ("a3", [ent("Klitschko", "PERSON", "x")]),
    ])
    assert len(index) == 3


def test_labels_keep_things_apart():
    index = build_entity_index([
        ("a1", [ent("Georgia", "GPE", "Georgia")]),
        ("a2", [ent("Georgia", "PERSON", "Georgia")]),
    ])
    assert len(index) == 2


def test_scales_linearly():
    items = [(f"a{i}", [ent(f"Person {i % 500} Name", "PERSON", "x"), ent("Kyiv", "GPE", "Kyiv")])
             for i in range(10_000)]
    index = build_entity_index(items)
    assert index[0].name == "Kyiv" and index[0].mentions == 10_000
    assert len(index) == 501
