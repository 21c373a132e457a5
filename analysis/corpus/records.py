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
    repeated: int = 0  # quotes in a speaker's detail: in how many stories the quote ran
    copy_of: str | None = None  # the id of the article this fact's article is a copy of
    claim_kind: str | None = None  # claims: speech, belief or intent (SPEC §2 claims[].kind)


@dataclass(frozen=True, slots=True)
class CopyRow:
    """Another version of a story: an article that is a copy of it, or that it copies."""

    article_key: str
    article_id: str
    path: str
    title: str | None
    date: str | None
    outlet: str
    copy_of: str | None  # the original's article id; None for the original itself


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A quotation across the pile: its first appearance and every appearance, by date.

    ``articles`` counts stories (an article and its copies once); ``appearances`` lists every
    article, copies included (their ``copy_of`` set): a read-only sequence (``lazy.LazySequence``:
    read from the database when first used, its length known at once).
    """

    quote_id: str
    text: str
    speaker: str | None
    speaker_id: str | None
    articles: int
    first: DeskFact
    appearances: Sequence[DeskFact]


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker across the corpus: counts of quotes, claims and articles quoting them; the
    "unattributed" row (speech of no named speaker) has ``speaker_id`` None.

    ``claims`` counts every claim; ``statements``, ``beliefs`` and ``intentions`` split it by
    kind (speech, belief, intent).
    """

    speaker_id: str | None
    name: str
    label: str
    aliases: tuple[str, ...]
    quotes: int
    claims: int
    articles: int
    statements: int = 0
    beliefs: int = 0
    intentions: int = 0


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
    value_from: NumberValue = None  # a change's earlier value ("rose from 14 to 31": 14)
    when: str | None = None  # the figure's time (ISO): its own date, else its article's
    role: str = ""  # "", "part", "forecast", "earlier", "update" (``story.py``)
    disputed: bool = False  # another figure of its story allows no common value with it


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Figures measuring the same thing; ``disagree`` when two of one story are incompatible.

    ``figures`` is a read-only sequence (``lazy.LazySequence``: read from the database when
    first used, its length known at once).
    """

    group: str
    kind: str
    unit: str | None
    disagree: bool
    figures: Sequence[Figure]
    # A flagged group's story: "killed in Makiivka, 2023-01-02" (None when not flagged).
    story: str | None = None
