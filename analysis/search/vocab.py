"""The index's words in memory: how many texts hold each, and fuzzy look-up by edit distance."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Most similar words one query word expands to.
MAX_EXPANSIONS = 24
# Query words at least this long also expand to the indexed words containing them ("tacker" ->
# "attacker"): a fragment cut from the middle of a word. Shorter ones are inside too many words.
MIN_INFIX = 5
# Occurrences of a fragment in the vocabulary looked at, at most.
MAX_INFIX_SCAN = 2000


def max_typos(word: str) -> int:
    """Edit distance tolerated for a query word of this length (transpositions count once)."""
    n = len(word)
    return 0 if n < 4 else 1 if n < 7 else 2


class Vocabulary:
    """Word -> document frequency, with words bucketed by length for fast fuzzy matching.

    Safe to grow from one thread while another looks up: new words wait in ``_pending`` and
    are merged into fresh (immutable) bucket tuples by the next look-up, under a lock. All words
    are also kept in one newline-separated string, for finding fragments with ``str.find``.
    """

    def __init__(self) -> None:
        self._df: dict[str, int] = {}
        self._buckets: dict[int, tuple[str, ...]] = {}
        self._pending: dict[int, list[str]] = defaultdict(list)
        self._joined = "\n"
        self._placed: set[str] = set()  # words in the buckets (deleted ones stay there)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._df)

    def load(self, rows: Iterable[tuple[str, int]]) -> None:
        """Add ``(word, df)`` rows as stored in ``search_term``."""
        with self._lock:
            for word, df in rows:
                self._place(word)
                self._df[word] = df

    def count(self, words: Iterable[str]) -> list[str]:
        """Count one more text for each distinct word; return the words seen for the first time."""
        new = []
        with self._lock:
            for word in set(words):
                df = self._df.get(word)
                if df is None:
                    new.append(word)
                    self._place(word)
                self._df[word] = (df or 0) + 1
        return new

    def _place(self, word: str) -> None:
        if word not in self._placed:
            self._placed.add(word)
            self._pending[len(word)].append(word)

    def uncount(self, words: Iterable[str]) -> None:
        """Count one text fewer for each distinct word (a deleted text); at 0 a word is gone."""
        with self._lock:
            for word in set(words):
                df = self._df.get(word, 0) - 1
                if df > 0:
                    self._df[word] = df
                else:
                    self._df.pop(word, None)

    def df(self, word: str) -> int:
        return self._df.get(word, 0)

    def _merge(self) -> None:
        """Move pending words into the buckets and the joined string (under the lock)."""
        if not self._pending:
            return
        added = []
        for length, words in self._pending.items():
            self._buckets[length] = self._buckets.get(length, ()) + tuple(words)
            added += words
        self._joined += "\n".join(added) + "\n"
        self._pending.clear()

    def containing(self, fragment: str) -> list[str]:
        """Indexed words longer than ``fragment`` that contain it, closest in length first."""
        if len(fragment) < MIN_INFIX:
            return []
        with self._lock:
            self._merge()
            joined = self._joined
        found = set()
        at = joined.find(fragment)
        for _ in range(MAX_INFIX_SCAN):
            if at < 0:
                break
            start = joined.rfind("\n", 0, at) + 1
            end = joined.find("\n", at)
            if end - start > len(fragment) and joined[start:end] in self._df:
                found.add(joined[start:end])
            at = joined.find(fragment, end)
        ranked = sorted(found, key=lambda w: (len(w), -self._df.get(w, 0), w))
        return ranked[:MAX_EXPANSIONS]

    def similar(self, word: str, max_dist: int) -> list[str]:
        """Indexed words within ``max_dist`` edits of ``word`` (itself included if indexed)."""
        if max_dist <= 0:
            return [word] if word in self._df else []
        with self._lock:
            self._merge()
            buckets = [self._buckets.get(n, ()) for n in
                       range(max(1, len(word) - max_dist), len(word) + max_dist + 1)]
        found: list[tuple[int, int, str]] = []
        for bucket in buckets:
            for term, dist, _ in process.extract(word, bucket, scorer=OSA.distance,
                                                 score_cutoff=max_dist, limit=None):
                if term in self._df:  # else deleted since
                    found.append((dist, -self._df[term], term))
        found.sort()
        return [term for _, _, term in found[:MAX_EXPANSIONS]]
