"""The corpus desk's result records (the API agreed with the app; see ``analysis.corpus``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.model import NumberValue


@dataclass(frozen=True, slots=True)
class DeskFact:
    """One fact somewhere in the corpus, with its article and offsets into the article's text."""

    kind: str  # "quote" | "claim" | "number" | "mention"
    article_key: str  # the cache key of the article's analysis
    article_id: str
    path: str
    title: str | None
    date: str | None
    start: int
    end: int
    text: str
    speaker: str | None = None  # quotes/claims: the resolved speaker name


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker across the corpus: counts of quotes, claims and articles quoting them; the
    "unattributed" row (speech of no named speaker) has ``speaker_id`` None."""

    speaker_id: str | None
    name: str
    label: str
    aliases: tuple[str, ...]
    quotes: int
    claims: int
    articles: int


@dataclass(frozen=True, slots=True)
class EntityRow:
    """An entity across the corpus: the articles mentioning it and its mentions in all."""

    entity_id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class Cooccurrence:
    """An entity sharing ``articles`` articles with another one."""

    entity_id: str
    name: str
    label: str
    articles: int


@dataclass(frozen=True, slots=True)
class Figure:
    """A number fact in a figures group, with who gives it (``source``)."""

    value: NumberValue
    value_max: NumberValue
    qualifier: str
    text: str
    kind: str
    unit: str | None
    counted: str | None
    source: str | None
    fact: DeskFact


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Figures measuring the same thing; ``disagree`` when two of one story are incompatible.

    ``figures`` is a read-only sequence (``figures.FigureList``: read from the database when
    first used, its length known at once).
    """

    group: str
    kind: str
    unit: str | None
    disagree: bool
    figures: Sequence[Figure]
