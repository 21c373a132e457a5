"""The desk's records as the plain dictionaries of SPEC §1 (``--format jsonl``) and CSV rows."""

from __future__ import annotations

from typing import Any

from analysis.corpus.records import (
    Cooccurrence,
    DeskFact,
    EntityRow,
    Figure,
    FigureGroup,
    SpeakerRow,
)

SPEAKER_CSV = ("speaker_id", "name", "label", "aliases", "quotes", "claims", "articles")
ENTITY_CSV = ("entity_id", "name", "label", "aliases", "articles", "mentions", "cooccurring")
FIGURE_CSV = ("group", "kind", "unit", "disagree", "value", "value_max", "qualifier", "text",
              "counted", "source", "article_id", "path", "title", "date", "start", "end")


def fact_dict(fact: DeskFact) -> dict[str, Any]:
    """A fact as an item of a speaker's ``items``."""
    return {"kind": fact.kind, "article_id": fact.article_id, "path": fact.path,
            "title": fact.title, "date": fact.date, "start": fact.start, "end": fact.end,
            "text": fact.text}


def speaker_dict(row: SpeakerRow, facts: list[DeskFact]) -> dict[str, Any]:
    named = row.speaker_id is not None
    return {"speaker_id": row.speaker_id, "name": row.name if named else None,
            "label": row.label if named else None,
            "aliases": list(row.aliases), "quotes": row.quotes, "claims": row.claims,
            "articles": row.articles, "items": [fact_dict(f) for f in facts]}


def entity_dict(row: EntityRow, co: list[Cooccurrence]) -> dict[str, Any]:
    return {"entity_id": row.entity_id, "name": row.name, "label": row.label,
            "aliases": list(row.aliases), "articles": row.articles, "mentions": row.mentions,
            "cooccurring": [{"entity_id": c.entity_id, "name": c.name, "articles": c.articles}
                            for c in co]}


def figure_dict(fig: Figure) -> dict[str, Any]:
    f = fig.fact
    return {"value": fig.value, "value_max": fig.value_max, "qualifier": fig.qualifier,
            "text": fig.text, "counted": fig.counted, "source": fig.source,
            "article_id": f.article_id, "path": f.path, "title": f.title, "date": f.date,
            "start": f.start, "end": f.end}


def group_dict(group: FigureGroup) -> dict[str, Any]:
    return {"group": group.group, "kind": group.kind, "unit": group.unit,
            "disagree": group.disagree, "figures": [figure_dict(f) for f in group.figures]}


def speaker_csv(row: SpeakerRow) -> list[Any]:
    return [row.speaker_id, row.name, row.label, "; ".join(row.aliases), row.quotes,
            row.claims, row.articles]


def entity_csv(row: EntityRow, co: list[Cooccurrence]) -> list[Any]:
    return [row.entity_id, row.name, row.label, "; ".join(row.aliases), row.articles,
            row.mentions, "; ".join(f"{c.name} ({c.articles})" for c in co)]


def figure_csv(group: FigureGroup) -> list[list[Any]]:
    """One row per figure, each with its group's columns."""
    head = [group.group, group.kind, group.unit, group.disagree]
    return [head + [figure_dict(f)[k] for k in FIGURE_CSV[4:]] for f in group.figures]
