"""Marked facts: what the user collected across articles and views, cited, in reading order.

The app marks facts (``space``), copies them all (``C``) and exports them (``e``); this module
holds the marks and writes them, so the formats are the same wherever they are produced. Reading
order is the article's position in the opened corpus, then the fact's offset in the article.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.citation import cite
from analysis.model import Article, Claim, Entity, Mention, NumberFact, Quote
from analysis.sanitize import strip_controls

Fact = Entity | Mention | Quote | Claim | NumberFact
EXPORT_SUFFIXES = (".md", ".csv")
CSV_COLUMNS = [
    "article_id", "title", "path", "date", "fact", "text", "start", "end", "speaker", "label",
    "value", "value_max", "value_from", "qualifier", "kind", "unit", "counted", "source",
    "citation",
]


@dataclass(frozen=True, slots=True, eq=False)
class MarkedFact:
    """One marked fact: the article it is in (title, date, path, id), its position in the corpus
    (``order``) and the fact record. An entity is cited by its name and label; its span is its
    first mention (or the one mention it was marked at)."""

    order: int
    article: Article
    fact: Fact

    @property
    def kind(self) -> str:
        """entity | quote | claim | number | mention."""
        return type(self.fact).__name__.lower().replace("numberfact", "number")

    @property
    def span(self) -> tuple[int, int]:
        fact = self.fact
        if isinstance(fact, Entity):
            if not fact.mentions:
                return (0, 0)
            first = min(fact.mentions, key=lambda m: m.start)
            return (first.start, first.end)
        return (fact.start, fact.end)

    @property
    def text(self) -> str:
        return self.fact.name if isinstance(self.fact, Entity) else self.fact.text

    @property
    def key(self) -> tuple[str, str, str, int, int, str]:
        """Identity of the mark: the same fact marked from a pane or a view is one mark."""
        start, end = self.span
        return (self.article.id, self.article.path, self.kind, start, end, self.text)

    def citation(self) -> str:
        """The fact verbatim with who said it and where (as ``c`` copies it)."""
        return cite(self.article, self.fact)


class Marks:
    """The marked facts, at most once each; iterated in reading order."""

    def __init__(self) -> None:
        self._marks: dict[tuple[str, str, str, int, int, str], MarkedFact] = {}

    def __len__(self) -> int:
        return len(self._marks)

    def __contains__(self, mark: MarkedFact) -> bool:
        return mark.key in self._marks

    def toggle(self, mark: MarkedFact) -> bool:
        """Mark the fact, or unmark it if it was marked; True when it is now marked."""
        if mark.key in self._marks:
            del self._marks[mark.key]
            return False
        self._marks[mark.key] = mark
        return True

    def clear(self) -> None:
        self._marks.clear()

    def in_order(self) -> list[MarkedFact]:
        """Reading order: by the article's place in the corpus, then by offset."""
        return sorted(self._marks.values(), key=lambda m: (m.order, m.span, m.kind))


def as_text(marks: Iterable[MarkedFact]) -> str:
    """One citation per line, as ``C`` copies them."""
    return "\n".join(" ".join(m.citation().split()) for m in marks)


def _md(text: str) -> str:
    """Untrusted text made safe on one Markdown line."""
    return " ".join(strip_controls(text).split())


def as_markdown(marks: Iterable[MarkedFact]) -> str:
    """A Markdown list of the facts with their citations, under one heading per article."""
    marks = list(marks)
    out = [f"# Marked facts ({len(marks)})\n"]
    current: tuple[int, str, str] | None = None
    for mark in marks:
        article = mark.article
        here = (mark.order, article.id, article.path)
        if here != current:
            current = here
            out.append(f"\n## {_md(article.title or article.path)}\n\n")
            meta = [f"`{_md(article.path)}`"]
            if article.date:
                meta.append(_md(article.date))
            out.append(" · ".join(meta) + "\n\n")
        start, end = mark.span
        out.append(f"- **{mark.kind}** {_md(mark.citation())} (chars {start}–{end})\n")
    return "".join(out)


def _value(value: object) -> object:
    return "" if value is None else value


def csv_row(mark: MarkedFact) -> dict[str, object]:
    """The CSV columns of one mark (empty where a field does not apply)."""
    article, fact = mark.article, mark.fact
    start, end = mark.span
    row: dict[str, object] = {
        "article_id": article.id, "title": article.title, "path": article.path,
        "date": article.date, "fact": mark.kind, "text": strip_controls(mark.text),
        "start": start, "end": end, "citation": " ".join(mark.citation().split()),
    }
    if isinstance(fact, Quote | Claim):
        row["speaker"] = fact.speaker
        if isinstance(fact, Quote):
            row["kind"] = fact.kind
    elif isinstance(fact, Entity):
        row["label"] = fact.label
    elif isinstance(fact, NumberFact):
        row.update(value=fact.value, value_max=fact.value_max, value_from=fact.value_from,
                   qualifier=fact.qualifier,
                   kind=fact.kind, unit=fact.unit, counted=fact.counted, source=fact.source)
    return {k: _value(v) for k, v in row.items()}


def as_csv(marks: Iterable[MarkedFact]) -> str:
    """One CSV row per fact, with its citation."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for mark in marks:
        writer.writerow(csv_row(mark))
    return buffer.getvalue()


def export_format(path: Path) -> str | None:
    """"md" or "csv" by the file's extension; None for any other."""
    suffix = path.suffix.lower()
    return suffix[1:] if suffix in EXPORT_SUFFIXES else None


def write_marks(path: Path, marks: Iterable[MarkedFact], overwrite: bool = False) -> int:
    """Write the marks to ``path`` as Markdown (.md) or CSV (.csv); returns how many.

    Raises ValueError for another extension and FileExistsError when the file exists and
    ``overwrite`` is false (the caller asks the user first).
    """
    fmt = export_format(path)
    if fmt is None:
        allowed = " or ".join(EXPORT_SUFFIXES)
        raise ValueError(f"{path.name}: the file name must end in {allowed}")
    marks = list(marks)
    body = as_markdown(marks) if fmt == "md" else as_csv(marks)
    with open(path, "w" if overwrite else "x", encoding="utf-8", newline="") as out:
        out.write(body)
    return len(marks)


def desk_record(
    desk_fact: Any, figure: Any = None, entity: tuple[str, str, str] | None = None
) -> Fact:
    """The analysis record of a corpus-desk fact (``analysis.corpus.DeskFact``), for citing it.

    A number comes with its ``Figure`` (value, qualifier, unit, ...); a mention with its entity's
    ``(id, name, label)``, and is cited as that entity.
    """
    f = desk_fact
    if f.kind == "quote":
        return Quote(f.start, f.end, f.text, speaker=f.speaker)
    if f.kind == "claim":
        return Claim(f.start, f.end, f.text, speaker=f.speaker)
    if f.kind == "number" and figure is not None:
        return NumberFact(
            f.start, f.end, f.text, figure.value, figure.qualifier or "exact", figure.value_max,
            figure.kind, figure.unit, figure.counted, figure.source,
            value_from=getattr(figure, "value_from", None),
        )
    mention = Mention(f.start, f.end, f.text)
    if entity is not None:
        entity_id, name, label = entity
        return Entity(entity_id, name, label, [mention])
    if f.kind == "number":
        return NumberFact(f.start, f.end, f.text)
    return mention
