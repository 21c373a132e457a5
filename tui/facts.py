"""What the fact panes list: one item per entity, quote or number, built from analysis records.

No extraction here: items only regroup and order the facts of an :class:`analysis.model.Analysis`
and carry their offsets for highlighting.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.citation import cite
from analysis.model import Analysis, Article, Entity, NumberFact, Quote
from analysis.sanitize import strip_controls

# Labels shown first in the Entities pane, in this order; any other label follows alphabetically.
LABEL_ORDER = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
)
KINDS = ("entity", "quote", "number")


@dataclass(frozen=True, slots=True)
class FactItem:
    """One row of a fact pane: the fact, its spans in the article and its filter key."""

    kind: str  # "entity" | "quote" | "number"
    fact: Entity | Quote | NumberFact
    spans: tuple[tuple[int, int], ...]
    search_key: str  # lower-cased text the pane filter matches against

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0

    def bare_text(self) -> str:
        """The fact's own words, for ``y``: control characters removed."""
        if isinstance(self.fact, Entity):
            return strip_controls(self.fact.name)
        return strip_controls(self.fact.text)

    def cited(self, article: Article) -> str:
        """The fact with its citation, for ``c``."""
        return cite(article, self.fact)


def _label_rank(label: str) -> tuple[int, str]:
    return (LABEL_ORDER.index(label), "") if label in LABEL_ORDER else (len(LABEL_ORDER), label)


def entity_items(analysis: Analysis) -> list[FactItem]:
    """Entities grouped by label (PERSON, ORG, ...), each group in order of first mention."""
    items = []
    for entity in analysis.entities:
        spans = tuple(sorted((m.start, m.end) for m in entity.mentions))
        key = " ".join([entity.name, entity.label, *{m.text for m in entity.mentions}]).lower()
        items.append(FactItem("entity", entity, spans, key))
    items.sort(key=lambda it: (_label_rank(it.fact.label), it.start))
    return items


def quote_items(analysis: Analysis) -> list[FactItem]:
    """Quotes in article order."""
    items = [
        FactItem(
            "quote", q, ((q.start, q.end),), f"{q.speaker or ''} {q.text} {q.cue or ''}".lower()
        )
        for q in analysis.quotes
    ]
    items.sort(key=lambda it: it.start)
    return items


def number_items(analysis: Analysis) -> list[FactItem]:
    """Numbers in article order."""
    items = [
        FactItem(
            "number", n, ((n.start, n.end),),
            f"{n.text} {n.value} {n.kind} {n.unit or ''} {n.counted or ''}".lower(),
        )
        for n in analysis.numbers
    ]
    items.sort(key=lambda it: it.start)
    return items


def items_for(kind: str, analysis: Analysis) -> list[FactItem]:
    """The pane items of one kind."""
    return {"entity": entity_items, "quote": quote_items, "number": number_items}[kind](analysis)


def counts(analysis: Analysis) -> tuple[int, int, int]:
    """(entities, quotes, numbers) of an analysis, as the article list shows them."""
    return len(analysis.entities), len(analysis.quotes), len(analysis.numbers)


def matches(item: FactItem, query: str) -> bool:
    """Pane filter: every word of the query occurs in the item (case-insensitive)."""
    return all(word in item.search_key for word in query.lower().split())
