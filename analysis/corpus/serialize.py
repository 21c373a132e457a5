"""The desk's records as the plain dictionaries of SPEC §1 (``--format jsonl``) and CSV rows."""

from __future__ import annotations

from typing import Any

from analysis.corpus.records import (
    Cooccurrence,
    CopyRow,
    DeskFact,
    EntityRow,
    Figure,
    FigureGroup,
    QuoteRow,
    SpeakerRow,
)

SPEAKER_CSV = ("speaker_id", "name", "label", "aliases", "quotes", "claims", "articles",
               "statements", "beliefs", "intentions")
ENTITY_CSV = ("entity_id", "name", "label", "aliases", "articles", "mentions", "cooccurring")
FIGURE_CSV = ("group", "kind", "unit", "disagree", "story", "value", "value_max", "value_from",
              "qualifier", "text", "counted", "source", "when", "role", "disputed", "article_id",
              "path", "title", "date", "start", "end")
QUOTE_CSV = ("quote_id", "text", "speaker", "speaker_id", "articles", "appearances",
             "first_article_id", "first_path", "first_title", "first_date", "first_start",
             "first_end")
Versions = dict[str, list[CopyRow]]


def fact_dict(fact: DeskFact) -> dict[str, Any]:
    """A fact as an item of a speaker's ``items`` (a claim with its ``claim_kind``)."""
    d = {"kind": fact.kind, "article_id": fact.article_id, "path": fact.path,
         "title": fact.title, "date": fact.date, "start": fact.start, "end": fact.end,
         "text": fact.text}
    if fact.kind == "claim":
        d["claim_kind"] = fact.claim_kind
    return d


def copies_list(fact: DeskFact, versions: Versions | None) -> list[dict[str, Any]]:
    """The other versions of a fact's article (copies of it, or its original and their
    other copies), each with its outlet."""
    return [{"article_id": c.article_id, "path": c.path, "title": c.title, "date": c.date,
             "outlet": c.outlet, "copy_of": c.copy_of}
            for c in (versions or {}).get(fact.article_key, [])]


def speaker_dict(row: SpeakerRow, facts: list[DeskFact], versions: Versions | None = None
                 ) -> dict[str, Any]:
    """A speaker; each item also says how many stories ran it (``repeated``, quotes) and
    lists its article's ``copies``."""
    items = []
    for f in facts:
        item = fact_dict(f)
        if f.kind == "quote":
            item["repeated"] = f.repeated
        item["copies"] = copies_list(f, versions)
        items.append(item)
    named = row.speaker_id is not None  # the "unattributed" row: name and label null
    return {"speaker_id": row.speaker_id, "name": row.name if named else None,
            "label": row.label if named else None,
            "aliases": list(row.aliases), "quotes": row.quotes, "claims": row.claims,
            "articles": row.articles, "statements": row.statements, "beliefs": row.beliefs,
            "intentions": row.intentions, "items": items}


def place_dict(fact: DeskFact) -> dict[str, Any]:
    """Where a quote appeared (``first`` of a quotation)."""
    return {"article_id": fact.article_id, "path": fact.path, "title": fact.title,
            "date": fact.date, "start": fact.start, "end": fact.end}


def quote_dict(row: QuoteRow) -> dict[str, Any]:
    """A quotation across the pile (SPEC §1 ``quotes``)."""
    return {"quote_id": row.quote_id, "text": row.text, "speaker": row.speaker,
            "speaker_id": row.speaker_id, "articles": row.articles,
            "first": place_dict(row.first),
            "appearances": [{**place_dict(f), "text": f.text, "speaker": f.speaker,
                             "copy_of": f.copy_of} for f in row.appearances]}


def quote_csv(row: QuoteRow) -> list[Any]:
    first = place_dict(row.first)
    return [row.quote_id, row.text, row.speaker, row.speaker_id, row.articles,
            len(row.appearances), *first.values()]


def entity_dict(row: EntityRow, co: list[Cooccurrence]) -> dict[str, Any]:
    return {"entity_id": row.entity_id, "name": row.name, "label": row.label,
            "aliases": list(row.aliases), "articles": row.articles, "mentions": row.mentions,
            "cooccurring": [{"entity_id": c.entity_id, "name": c.name, "articles": c.articles}
                            for c in co]}


def figure_dict(fig: Figure) -> dict[str, Any]:
    f = fig.fact
    return {"value": fig.value, "value_max": fig.value_max, "value_from": fig.value_from,
            "qualifier": fig.qualifier, "text": fig.text, "counted": fig.counted,
            "source": fig.source, "when": fig.when, "role": fig.role or None,
            "disputed": fig.disputed,
            "article_id": f.article_id, "path": f.path, "title": f.title, "date": f.date,
            "start": f.start, "end": f.end}


def group_dict(group: FigureGroup, versions: Versions | None = None) -> dict[str, Any]:
    """A figures group; each figure also lists its article's ``copies``."""
    return {"group": group.group, "kind": group.kind, "unit": group.unit,
            "disagree": group.disagree, "story": group.story,
            "figures": [{**figure_dict(f), "copies": copies_list(f.fact, versions)}
                        for f in group.figures]}


def speaker_csv(row: SpeakerRow) -> list[Any]:
    return [row.speaker_id, row.name, row.label, "; ".join(row.aliases), row.quotes,
            row.claims, row.articles, row.statements, row.beliefs, row.intentions]


def entity_csv(row: EntityRow, co: list[Cooccurrence]) -> list[Any]:
    return [row.entity_id, row.name, row.label, "; ".join(row.aliases), row.articles,
            row.mentions, "; ".join(f"{c.name} ({c.articles})" for c in co)]


def figure_csv(group: FigureGroup) -> list[list[Any]]:
    """One row per figure, each with its group's columns."""
    head = [group.group, group.kind, group.unit, group.disagree, group.story]
    return [head + [figure_dict(f)[k] for k in FIGURE_CSV[5:]] for f in group.figures]
