"""Corpus-wide entity index: one record per real-world thing across articles.

Entities of different articles merge when their label and normalised name agree ("Vitali
Klitschko" everywhere), and a bare surname joins the full name when exactly one full name of the
same label in the corpus ends with it ("Klitschko" -> "Vitali Klitschko"). Pure Python, linear.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from analysis.entities.gazetteer import name_key
from analysis.model import Entity


@dataclass(slots=True)
class IndexedEntity:
    """One thing across the corpus: its name, label, the articles and mention counts, aliases."""

    name: str
    label: str
    articles: list[str] = field(default_factory=list)
    mention_counts: dict[str, int] = field(default_factory=dict)  # article id -> mentions
    aliases: set[str] = field(default_factory=set)

    @property
    def mentions(self) -> int:
        """Mentions over all articles."""
        return sum(self.mention_counts.values())

    def absorb(self, other: IndexedEntity) -> None:
        """Add another record's articles, counts and aliases to this one."""
        for art in other.articles:
            if art not in self.mention_counts:
                self.articles.append(art)
            self.mention_counts[art] = self.mention_counts.get(art, 0) + other.mention_counts[art]
        self.aliases |= other.aliases
        self.aliases.add(other.name)
        if len(other.name) > len(self.name):
            self.aliases.add(self.name)
            self.name = other.name
        self.aliases.discard(self.name)


def build_entity_index(items: Iterable[tuple[str, list[Entity]]]) -> list[IndexedEntity]:
    """Merge per-article entities into corpus records, most-mentioned first."""
    by_key: dict[tuple[str, str], IndexedEntity] = {}
    for article_id, entities in items:
        for ent in entities:
            key = (ent.label, name_key(ent.name))
            rec = by_key.get(key)
            if rec is None:
                rec = by_key[key] = IndexedEntity(ent.name, ent.label)
            if article_id not in rec.mention_counts:
                rec.articles.append(article_id)
                rec.mention_counts[article_id] = 0
            rec.mention_counts[article_id] += len(ent.mentions)
            rec.aliases.update(m.text for m in ent.mentions if m.text != rec.name)
    _merge_surnames(by_key)
    return sorted(by_key.values(), key=lambda r: (-r.mentions, r.name))


def _merge_surnames(by_key: dict[tuple[str, str], IndexedEntity]) -> None:
    """Single-word PERSON records join the one full name of the corpus that ends with them."""
    full_by_last: dict[str, list[tuple[str, str]]] = {}
    for (label, key) in by_key:
        words = key.split()
        if label == "PERSON" and len(words) >= 2:
            full_by_last.setdefault(words[-1], []).append((label, key))
    for (label, key) in list(by_key):
        if label != "PERSON" or " " in key:
            continue
        fulls = full_by_last.get(key, [])
        if len(fulls) == 1:
            by_key[fulls[0]].absorb(by_key.pop((label, key)))
