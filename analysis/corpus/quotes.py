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


def quote_rows(aid: int | None, quotes: Iterable, nid_of) -> list[tuple]:
    """``desk_quote`` rows of an article's quotes (``nid_of``: speaker name -> nid or None)."""
    rows = []
    for q in quotes:
        norm = quote_key(q.text)
        if norm:
            nid = nid_of(q.speaker) if q.speaker else None
            rows.append((aid, q.start, q.end, q.text, norm, q.kind, q.speaker, nid))
    return rows


@dataclass(slots=True)
class Appearance:
    """A quote row as read for grouping: its fact, speaker nid, story and folded text."""

    fact: DeskFact
    nid: int | None
    story: int  # the aid of the story it belongs to (its own aid when not a copy)
    norm: str


def _grams(words: Sequence[str]) -> tuple[str, str]:
    n = FRAGMENT_WORDS
    return " ".join(words[:n]), " ".join(words[-n:])


def _parents(norms: list[str], weight: dict[str, int]) -> dict[str, str]:
    """Each folded quote found inside a longer one -> the longer one (longest first chains)."""
    words = {n: n.split() for n in norms}
    index: dict[str, set[str]] = {}
    fragments = [n for n in norms if len(words[n]) >= FRAGMENT_WORDS]
    wanted = {g for n in fragments for g in _grams(words[n])}
    for norm in norms:
        w = words[norm]
        if len(w) <= FRAGMENT_WORDS:
            continue
        for i in range(len(w) - FRAGMENT_WORDS + 1):
            gram = " ".join(w[i:i + FRAGMENT_WORDS])
            if gram in wanted:
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


def group(appearances: list[Appearance], speaker_id: dict[int, str]) -> list[QuoteRow]:
    """Quotations, most repeated (in most stories) first; appearances by date, then path."""
    by_norm: dict[str, list[Appearance]] = {}
    for a in appearances:
        by_norm.setdefault(a.norm, []).append(a)
    weight = {n: len({a.story for a in apps}) for n, apps in by_norm.items()}
    parent = _parents(list(by_norm), weight)
    groups: dict[str, list[Appearance]] = {}
    for norm, apps in by_norm.items():
        groups.setdefault(parent.get(norm, norm), []).extend(apps)
    rows = []
    for norm, apps in groups.items():
        apps.sort(key=lambda a: (a.fact.date is None, a.fact.date or "", a.fact.path,
                                 a.fact.article_key, a.fact.start))
        longest = max(apps, key=lambda a: (len(a.norm), -apps.index(a)))
        named = Counter(a.fact.speaker for a in apps if a.fact.speaker)
        speaker = named.most_common(1)[0][0] if named else None
        nids = Counter(speaker_id[a.nid] for a in apps if a.nid in speaker_id
                       and a.fact.speaker == speaker)
        rows.append(QuoteRow(quote_id(norm), longest.fact.text, speaker,
                             nids.most_common(1)[0][0] if nids else None,
                             len({a.story for a in apps}), tuple(a.fact for a in apps)))
    rows.sort(key=lambda r: (-r.articles, -len(r.appearances), r.first.date is None,
                             r.first.date or "", r.first.path, r.quote_id))
    return rows
