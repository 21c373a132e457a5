"""Hand-built analyses for corpus-desk tests (no spaCy): facts located by their text."""

from __future__ import annotations

from analysis.model import Analysis, Article, Entity, Mention, NumberFact, Quote


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def article(n: int, text: str, date: str | None = None, title: str | None = None) -> Article:
    return Article(id=f"art{n}", path=f"/news/art{n}.txt", text=text,
                   title=title or f"Story {n}", date=date)


def entity(text: str, name: str, label: str, *forms: str) -> Entity:
    """An entity whose mentions are the first occurrence of each form (default: its name)."""
    mentions = [Mention(*span(text, f), f) for f in forms or (name,)]
    return Entity(f"e{abs(hash(name)) % 1000}", name, label, mentions)


def entity_everywhere(text: str, name: str, label: str) -> Entity:
    """An entity mentioned at every occurrence of its name."""
    mentions, at = [], text.find(name)
    while at >= 0:
        mentions.append(Mention(at, at + len(name), name))
        at = text.find(name, at + 1)
    return Entity(f"e{abs(hash(name)) % 1000}", name, label, mentions)


def quote(text: str, said: str, speaker: str | None) -> Quote:
    return Quote(*span(text, said), said, speaker=speaker)


def number(text: str, words: str, value, qualifier: str = "exact", counted: str | None = None,
           kind: str = "count", unit: str | None = None, source: str | None = None
           ) -> NumberFact:
    return NumberFact(*span(text, words), words, value, qualifier, None, kind, unit, counted,
                      source)


def entry(n: int, text: str, entities=(), quotes=(), numbers=(), date=None):
    """A ``(key, article, analysis)`` triple for ``CorpusDesk.add``."""
    return (f"key{n}", article(n, text, date),
            Analysis(list(entities), list(quotes), list(numbers)))
