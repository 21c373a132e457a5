"""Typed, offset-based records: the data model shared by extractors, cache, search, export and UI.

Every fact carries ``start``/``end`` character offsets into ``Article.text`` and the invariant
``article.text[start:end] == fact.text`` holds for every mention, quote, speaker mention and number.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

NumberValue = int | float | str | None


@dataclass(slots=True)
class Mention:
    """A stretch of article text: an entity mention or a quote's speaker mention."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Entity:
    """One real-world thing with every mention of it in the article."""

    id: str
    name: str
    label: str
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(d["id"], d["name"], d["label"], [Mention(**m) for m in d.get("mentions", [])])


@dataclass(slots=True)
class Quote:
    """A quotation; ``text`` excludes the quote marks. ``kind``: direct | partial | continuation."""

    start: int
    end: int
    text: str
    kind: str = "direct"
    speaker: str | None = None
    speaker_entity: str | None = None
    speaker_mention: Mention | None = None
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["speaker_mention"] = self.speaker_mention.to_dict() if self.speaker_mention else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        sm = d.get("speaker_mention")
        return cls(
            d["start"], d["end"], d["text"], d.get("kind", "direct"), d.get("speaker"),
            d.get("speaker_entity"), Mention(**sm) if sm else None, d.get("cue"),
        )


@dataclass(slots=True)
class Claim:
    """Reported speech without quote marks: ``text`` is what is claimed (without "that").

    The same fields and offsets invariant as a :class:`Quote`, without ``kind``.
    """

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_entity: str | None = None
    speaker_mention: Mention | None = None
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["speaker_mention"] = self.speaker_mention.to_dict() if self.speaker_mention else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        sm = d.get("speaker_mention")
        return cls(
            d["start"], d["end"], d["text"], d.get("speaker"), d.get("speaker_entity"),
            Mention(**sm) if sm else None, d.get("cue"),
        )


@dataclass(slots=True)
class NumberFact:
    """A number-bearing expression, normalised (see SPEC §2 and eval/numbers/GUIDELINES.md)."""

    start: int
    end: int
    text: str
    value: NumberValue = None
    qualifier: str = "exact"
    value_max: NumberValue = None
    kind: str = "count"
    unit: str | None = None
    counted: str | None = None
    # Who gives the figure: the speaker of the quote or claim it stands in (SPEC §2); else None.
    source: str | None = None
    source_entity: str | None = None
    # A change's earlier value: "rose from 14 to 31" has value 31, value_from 14 (SPEC §2);
    # last so positional construction keeps its order.
    value_from: NumberValue = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> NumberFact:
        return cls(**{k: d.get(k) for k in cls.__slots__ if k in d})


@dataclass(slots=True)
class Article:
    """An input article as loaded: ``text`` is exactly what is analysed and what offsets index."""

    id: str
    path: str
    text: str
    title: str | None = None
    dateline: str | None = None
    date: str | None = None  # ISO date of publication when known ("2019-01-04")
    url: str | None = None
    # Offsets of the dateline place in text ("KYIV" in "KYIV - ..."), when there is one.
    dateline_span: tuple[int, int] | None = None
    # The other inputs with the same text (whitespace aside), merged into this one when loading.
    also_paths: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    """The facts found in one article."""

    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    numbers: list[NumberFact] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claims": [c.to_dict() for c in self.claims],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "numbers": [n.to_dict() for n in self.numbers],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        return cls(
            [Entity.from_dict(e) for e in d.get("entities", [])],
            [Quote.from_dict(q) for q in d.get("quotes", [])],
            [NumberFact.from_dict(n) for n in d.get("numbers", [])],
            [Claim.from_dict(c) for c in d.get("claims", [])],
        )


def record(article: Article, analysis: Analysis) -> dict[str, Any]:
    """The SPEC §2 analysis record of one article."""
    return {
        "id": article.id,
        "path": article.path,
        "also_paths": list(article.also_paths),
        "title": article.title,
        "dateline": article.dateline,
        "date": article.date,
        "url": article.url,
        "text": article.text,
        **analysis.to_dict(),
    }


def all_spans(analysis: Analysis) -> list[Mention | Quote | Claim | NumberFact]:
    """Every offset-bearing fact of an analysis (for invariant checks)."""
    spans: list[Mention | Quote | Claim | NumberFact] = [
        m for e in analysis.entities for m in e.mentions
    ]
    spans += analysis.quotes
    spans += analysis.claims
    spans += [f.speaker_mention for f in [*analysis.quotes, *analysis.claims] if f.speaker_mention]
    spans += analysis.numbers
    return spans
