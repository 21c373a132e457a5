"""The searchable items of one analysed article: quotes, claims (reported speech), entities,
numbers, sentences and the title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.model import Analysis, Article, Claim

KINDS = ("quote", "claim", "entity", "number", "sentence", "article")
# Kinds that have a speaker (the ``speaker:`` filter keeps only these).
SPOKEN = ("quote", "claim")
# Long runs without sentence punctuation are cut into pieces of at most this many characters.
MAX_SENTENCE = 600
# A sentence ends after . ! or ? (and any closing quotes/brackets) before whitespace and a
# capital, digit or opening quote. Abbreviations ("U.S. Army") over-split; harmless for search.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")


@dataclass(slots=True)
class Item:
    """A searchable stretch of an article. ``search_text`` is what is indexed and scored."""

    kind: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    label: str | None = None
    value: object = None
    extra: str | None = None  # indexed with the text but not part of it ("counted" of numbers)
    # The speaker's name, indexed after the text so "klitchko hospitl" finds Klitschko's quote
    # about the hospital; matching it alone scores lower (see ``score.Scorer``).
    who: str | None = None
    cue: str | None = None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rule-based sentence spans of ``text`` (lines, then sentence punctuation), trimmed."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        pos = line.start()
        cuts = [m for m in _BOUNDARY.finditer(text, line.start(), line.end())]
        for end, nxt in [(m.start(), m.end()) for m in cuts] + [(line.end(), line.end())]:
            _add_trimmed(text, pos, end, spans)
            pos = nxt
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end - start >= 2:
        spans.append((start, end))


def _valid(text: str, start: int, end: int, fact_text: str) -> bool:
    return 0 <= start <= end <= len(text) and text[start:end] == fact_text and bool(fact_text)


def article_items(article: Article, analysis: Analysis) -> list[Item]:
    """Every item of one article; facts whose offsets do not match the text are skipped."""
    text = article.text
    items: list[Item] = []
    for kind, facts in (("quote", analysis.quotes), ("claim", analysis.claims)):
        for f in facts:
            if _valid(text, f.start, f.end, f.text):
                who = " ".join(f.speaker.split()) if f.speaker else None
                # a claim's kind (speech, belief, intent) is its label: ``kind:belief`` finds it
                label = f.kind if isinstance(f, Claim) else None
                items.append(Item(kind, f.text, f.start, f.end, speaker=f.speaker, label=label,
                                  who=who or None, cue=f.cue))
    for e in analysis.entities:
        seen: set[str] = set()
        mentions = [m for m in e.mentions if _valid(text, m.start, m.end, m.text)]
        # The name first (at its first mention spelled that way), then each distinct alias.
        named = [m for m in mentions if m.text == e.name]
        for m in named[:1] + mentions:
            # Pronouns and common-noun references ("he", "the mayor") are not names.
            if m.text in seen or not any(c.isupper() or c.isdigit() for c in m.text):
                continue
            seen.add(m.text)
            items.append(Item("entity", m.text, m.start, m.end, label=e.label))
    for n in analysis.numbers:
        if _valid(text, n.start, n.end, n.text):
            extra = n.counted if n.counted and n.counted not in n.text else None
            items.append(Item("number", n.text, n.start, n.end, value=n.value, extra=extra))
    for start, end in split_sentences(text):
        items.append(Item("sentence", text[start:end], start, end))
    items.extend(title_items(article))
    return items


def title_items(article: Article) -> list[Item]:
    """The article's title as an item (offsets of the title in the text, or 0, 0)."""
    title = (article.title or "").strip()
    if not title:
        return []
    at = article.text.find(title)
    start, end = (at, at + len(title)) if at >= 0 else (0, 0)
    return [Item("article", title, start, end)]
