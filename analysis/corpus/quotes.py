"""Quotations across the pile (SPEC §1 ``quotes``): the same words quoted in several articles.

Every quote is stored with a folded form (``quote_key``: letter case, punctuation, quote marks and
spacing aside). Quotes with one folded form are one quotation; a quote of at least
``FRAGMENT_WORDS`` words found whole inside a longer one (a partial quote, a trimmed quote) joins
the longer one's quotation. Containment is looked up through an index of the first and last word
4-grams of each fragment, never by comparing every pair.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from analysis.corpus.records import DeskFact, QuoteRow

FRAGMENT_WORDS = 4
_NOT_WORD = re.compile(r"[\W_]+")


def quote_key(text: str) -> str:
    """The quote folded for matching: lower case, words only, one space between them."""
    return " ".join(_NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


def first_key(date: str | None, path: str) -> str:
    """Sorts appearances by date (undated last), then path, as one string (SQL ``min``)."""
    return f"{int(date is None)}{date or ''}\x1f{path}"


def quote_rows(aid: int | None, quotes: Iterable, nid_of, date: str | None, path: str
               ) -> list[tuple]:
    """``desk_quote`` rows of an article's quotes (``nid_of``: speaker name -> nid or None)."""
    rows = []
    for q in quotes:
        norm = quote_key(q.text)
        if norm:
            nid = nid_of(q.speaker) if q.speaker else None
            rows.append((aid, q.start, q.end, q.text, norm, q.kind, q.speaker, nid, None, aid,
                         first_key(date, path)))
    return rows


@dataclass(slots=True)
class Appearance:
    """A quote row as read for grouping: its fact, speaker nid, story and folded text."""

    fact: DeskFact
    nid: int | None
    story: int  # the aid of the story it belongs to (its own aid when not a copy)
    norm: str


def _grams(words: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    n = FRAGMENT_WORDS
    return tuple(words[:n]), tuple(words[-n:])


def _parents(norms: list[str], weight: dict[str, int]) -> dict[str, str]:
    """Each folded quote found inside a longer one -> the longer one (longest first chains)."""
    words = {n: n.split() for n in norms}
    index: dict[tuple[str, ...], set[str]] = {}
    fragments = [n for n in norms if len(words[n]) >= FRAGMENT_WORDS]
    wanted = {g for n in fragments for g in _grams(words[n])}
    for norm in norms:
        w = words[norm]
        if len(w) <= FRAGMENT_WORDS:
            continue
        shifted = (w[i:] for i in range(FRAGMENT_WORDS))  # the word 4-grams, as tuples
        for gram in wanted.intersection(zip(*shifted, strict=False)):
            index.setdefault(gram, set()).add(norm)
    parent: dict[str, str] = {}
    for norm in sorted(fragments, key=lambda n: -len(n)):
        head, tail = _grams(words[norm])
        found = [c for c in index.get(head, set()) & index.get(tail, set())
                 if len(c) > len(norm) and f" {norm} " in f" {c} "]
        if found:
            best = max(found, key=lambda c: (weight[c], len(c), c))
            parent[norm] = parent.get(best, best)
    return parent


def quote_id(norm: str) -> str:
    """A stable id from the quotation's folded text."""
    return "q" + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:12]


def roots(stories_of: dict[str, set[int]]) -> dict[str, str]:
    """Folded quote -> the folded quote of its quotation (a fragment -> the longer quote).

    ``stories_of``: each folded quote's stories (the longer quote in most stories is chosen when
    a fragment is in several).
    """
    weight = {n: len(s) for n, s in stories_of.items()}
    parent = _parents(list(stories_of), weight)
    return {n: parent.get(n, n) for n in stories_of}


def sort_key(row: QuoteRow) -> tuple:
    """Most stories first, then most appearances, then the earliest first appearance."""
    return (-row.articles, -len(row.appearances), row.first.date is None, row.first.date or "",
            row.first.path, row.quote_id)


def order_key(fact: DeskFact) -> tuple:
    """Appearances by date (undated last), then path, article and offset."""
    return (first_key(fact.date, fact.path), fact.article_key, fact.start)


def wording(apps: list[Appearance]) -> tuple[str, str | None, int | None]:
    """A quotation's text (its longest wording, the earliest of them), the speaker most of its
    appearances name and that speaker's most common name id; ``apps`` sorted by date."""
    longest = max(apps, key=lambda a: len(a.norm))  # max keeps the first of the longest
    named = Counter(a.fact.speaker for a in apps if a.fact.speaker)
    speaker = named.most_common(1)[0][0] if named else None
    nids = Counter(a.nid for a in apps if a.nid is not None and a.fact.speaker == speaker)
    return longest.fact.text, speaker, nids.most_common(1)[0][0] if nids else None


def make_row(qid: str, apps: list[Appearance], speaker_id: dict[int, str]) -> QuoteRow:
    """A quotation from all its appearances."""
    apps.sort(key=lambda a: order_key(a.fact))
    text, speaker, nid = wording(apps)
    facts = tuple(a.fact for a in apps)
    return QuoteRow(qid, text, speaker, speaker_id.get(nid) if nid is not None else None,
                    len({a.story for a in apps}), facts[0], facts)


def by_quotation(appearances: list[Appearance]) -> dict[str, list[Appearance]]:
    """Appearances grouped by their quotation (the folded text of the longest quote a fragment
    belongs to, :func:`roots`), in input order within each."""
    stories_of: dict[str, set[int]] = {}
    for a in appearances:
        stories_of.setdefault(a.norm, set()).add(a.story)
    root = roots(stories_of)
    groups: dict[str, list[Appearance]] = {}
    for a in appearances:
        groups.setdefault(root[a.norm], []).append(a)
    return groups


def group(appearances: list[Appearance], speaker_id: dict[int, str]) -> list[QuoteRow]:
    """Quotations, most repeated (in most stories) first, in Python over every appearance (the
    desk groups once and stores the result: ``quoteview.py``)."""
    rows = [make_row(quote_id(norm), apps, speaker_id)
            for norm, apps in by_quotation(appearances).items()]
    rows.sort(key=sort_key)
    return rows
