"""Syndicated copies: articles that are near copies of an earlier one (SPEC §1 ``copy_of``).

Each article gets a MinHash signature of its word 5-grams when it is indexed (``signature``,
with rensa's R-MinHash: 144 slots, about 40 µs an article); finding the copies (``find_copies``)
puts every signature in an LSH index (48 bands of 3 slots: a pair with a Jaccard similarity of
0.3 is a candidate with probability 0.73, 0.4 with 0.96, 0.5 with 0.998, so a short trimmed copy
of a long article is still found) and checks each candidate pair on its signatures, never every
pair. Two articles are copies when most of their 5-grams are shared: an estimated Jaccard
similarity of at least ``JACCARD``, or the shorter one (at least ``MIN_RATIO`` of the longer)
with at least ``CONTAINED`` of its 5-grams inside the longer one (a trimmed copy). The headline
is left out of the 5-grams, so a new headline changes nothing.

Copies form stories (union-find over the copy pairs); a story's original is its earliest article
by date, then path, and the others are ``copy_of`` it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from rensa import RMinHash, RMinHashLSH

from analysis.corpus.unionfind import UnionFind

NUM_PERM = 144
BANDS = 48
SEED = 1729
SHINGLE = 5
# Copies: at least this estimated Jaccard similarity of the 5-gram sets ...
JACCARD = 0.5
# ... or at least this share of the shorter article's 5-grams in the longer one.
CONTAINED = 0.75
# ... when the shorter one is at least this share of the longer (a trimmed copy keeps most of
# the story; below it the estimate from the Jaccard similarity is too noisy to tell).
MIN_RATIO = 0.4
_WORD = re.compile(r"\w+")


def body_of(text: str, title: str | None) -> str:
    """The article's text without its headline when the text starts with it."""
    if title:
        stripped = text.lstrip()
        if stripped.startswith(title):
            return stripped[len(title):]
    return text


def shingles(text: str) -> list[str]:
    """The text's word 5-grams (case, accents' forms and punctuation aside)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < SHINGLE:
        return [" ".join(words)] if words else []
    return [" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]


def signature(text: str, title: str | None = None) -> tuple[bytes | None, int]:
    """(the serialised MinHash of the body's 5-grams, their number); None for an empty text."""
    grams = set(shingles(body_of(text, title)))
    if not grams:
        return None, 0
    sketch = RMinHash(NUM_PERM, SEED)
    sketch.update(list(grams))
    return sketch.__getstate__(), len(grams)


def outlet_of(url: str | None, path: str) -> str:
    """Where an article ran: its URL's host ("www." aside), else its file name."""
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return path.replace("\\", "/").rsplit("/", 1)[-1] or path


@dataclass(frozen=True, slots=True)
class Doc:
    """An indexed article as copy finding sees it."""

    aid: int
    sig: bytes | None
    grams: int
    date: str | None
    path: str


def _sketch(sig: bytes) -> RMinHash | None:
    sketch = RMinHash(NUM_PERM, SEED)
    try:
        sketch.__setstate__(sig)
    except Exception:  # a signature from another rensa version: that article is left alone
        return None
    return sketch


def is_copy(jaccard: float, grams_a: int, grams_b: int) -> bool:
    """Most 5-grams shared: the Jaccard estimate, or the shorter one's share in the longer."""
    if jaccard >= JACCARD:
        return True
    small, large = min(grams_a, grams_b), max(grams_a, grams_b)
    if small <= 0 or small < MIN_RATIO * large:
        return False
    shared = jaccard * (grams_a + grams_b) / (1 + jaccard)
    return shared / small >= CONTAINED


def copy_pairs(docs: list[Doc], joined: UnionFind | None = None) -> Iterator[tuple[int, int]]:
    """Pairs of aids that are copies of each other: LSH candidates checked on signatures.

    With ``joined`` (updated by the caller as pairs come), a candidate already in the same story
    is not checked again: a wire story run by 40 outlets costs 40 checks, not 780.
    """
    lsh = RMinHashLSH(JACCARD, NUM_PERM, BANDS)
    sketches: dict[int, RMinHash] = {}
    grams: dict[int, int] = {}
    for doc in docs:
        sketch = _sketch(doc.sig) if doc.sig else None
        if sketch is not None:
            sketches[doc.aid] = sketch
            grams[doc.aid] = doc.grams
            lsh.insert(doc.aid, sketch)
    for aid, sketch in sketches.items():
        for other in lsh.query(sketch):
            if other <= aid or (joined is not None and joined.same(aid, other)):
                continue
            if is_copy(sketch.jaccard(sketches[other]), grams[aid], grams[other]):
                yield aid, other


def stories(docs: list[Doc], pairs: Iterable[tuple[int, int]], joined: UnionFind | None = None
            ) -> dict[int, int]:
    """aid -> the aid of its story's original, for every article in a story of several."""
    joined = joined or UnionFind()
    for a, b in pairs:
        joined.union(a, b)
    members: dict[int, list[Doc]] = {}
    by_aid = {d.aid: d for d in docs}
    for aid in list(joined.parent):
        members.setdefault(joined.find(aid), []).append(by_aid[aid])
    out: dict[int, int] = {}
    for group in members.values():
        first = min(group, key=lambda d: (d.date is None, d.date or "", d.path, d.aid))
        out.update((d.aid, first.aid) for d in group)
    return out


def find_copies(docs: list[Doc]) -> dict[int, int]:
    """aid -> its story's original aid (the original maps to itself); singletons absent."""
    joined = UnionFind()
    return stories(docs, copy_pairs(docs, joined), joined)
