"""What the fact panes list: one item per entity, quote, claim or number, from analysis records.

The Quotes pane lists direct quotes, then reported speech (claims) in a section of its own.

No extraction here: items only regroup and order the facts of an :class:`analysis.model.Analysis`
and carry their offsets for highlighting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analysis.citation import cite
from analysis.model import Analysis, Article, Claim, Entity, Mention, NumberFact, Quote
from analysis.sanitize import strip_controls

# Labels shown first in the Entities pane, in this order; any other label follows alphabetically.
LABEL_ORDER = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
)
KINDS = ("entity", "quote", "number")  # the panes; claims are listed in the Quotes pane
# What a copied fact is called in the notification.
NOUNS = {"entity": "entity", "quote": "quote", "claim": "reported speech", "number": "number"}
# How the Quotes pane names a claim's kind (SPEC §2 ``claims[].kind``).
CLAIM_KIND_NAMES = {"speech": "statement", "belief": "belief", "intent": "intention"}


@dataclass(frozen=True, slots=True)
class FactItem:
    """One row of a fact pane: the fact, its spans in the article and its filter key."""

    kind: str  # "entity" | "quote" | "claim" | "number"
    fact: Entity | Quote | Claim | NumberFact
    spans: tuple[tuple[int, int], ...]
    search_key: str  # lower-cased text the pane filter matches against

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0

    @property
    def noun(self) -> str:
        """What this fact is called in messages ("quote", "reported speech", ...)."""
        return NOUNS.get(self.kind, self.kind)

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
    """Direct quotes in article order, then reported speech (claims) in article order."""
    items = []
    for kind, facts in (("quote", analysis.quotes), ("claim", analysis.claims)):
        section = [
            FactItem(kind, f, ((f.start, f.end),),
                     f"{f.speaker or ''} {f.text} {f.cue or ''} {claim_kind_words(f)}".lower())
            for f in facts
        ]
        items += sorted(section, key=lambda it: it.start)
    return items


def claim_kind_words(fact: Quote | Claim) -> str:
    """What the pane filter matches a claim's kind with: "belief" and what the pane shows."""
    if not isinstance(fact, Claim):
        return ""
    return f"{fact.kind} {CLAIM_KIND_NAMES.get(fact.kind, '')}"


def number_items(analysis: Analysis) -> list[FactItem]:
    """Numbers in article order."""
    items = [
        FactItem(
            "number", n, ((n.start, n.end),),
            " ".join(str(x) for x in (n.text, n.value, n.kind, n.unit, n.counted, n.source)
                     if x is not None).lower(),
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


def fact_for_hit(hit: Any) -> Quote | Claim | Entity | Mention:
    """A search hit as the fact it stands for, for citing it (only what the hit knows)."""
    if hit.kind == "quote":
        return Quote(hit.start, hit.end, hit.text, speaker=hit.speaker, cue=hit.cue)
    if hit.kind == "claim":
        return Claim(hit.start, hit.end, hit.text, speaker=hit.speaker, cue=hit.cue,
                     kind=hit.label or "speech")
    if hit.kind == "entity":
        return Entity("", hit.text, hit.label or "entity")
    return Mention(hit.start, hit.end, hit.text)


def matches(item: FactItem, query: str) -> bool:
    """Pane filter: every word of the query occurs in the item (case-insensitive)."""
    return all(word in item.search_key for word in query.lower().split())
