"""The index's words in memory: how many texts hold each, and fuzzy look-up by edit distance."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Most similar words one query word expands to.
MAX_EXPANSIONS = 24


def max_typos(word: str) -> int:
    """Edit distance tolerated for a query word of this length (transpositions count once)."""
    n = len(word)
    return 0 if n < 4 else 1 if n < 7 else 2


class Vocabulary:
    """Word -> document frequency, with words bucketed by length for fast fuzzy matching.

    Safe to grow from one thread while another looks up: new words wait in ``_pending`` and
    are merged into fresh (immutable) bucket tuples by the next look-up, under a lock.
    """

    def __init__(self) -> None:
        self._df: dict[str, int] = {}
        self._buckets: dict[int, tuple[str, ...]] = {}
        self._pending: dict[int, list[str]] = defaultdict(list)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._df)

    def load(self, rows: Iterable[tuple[str, int]]) -> None:
        """Add ``(word, df)`` rows as stored in ``search_term``."""
        with self._lock:
            for word, df in rows:
                if word not in self._df:
                    self._pending[len(word)].append(word)
                self._df[word] = df

    def count(self, words: Iterable[str]) -> list[str]:
        """Count one more text for each distinct word; return the words seen for the first time."""
        new = []
        with self._lock:
            for word in set(words):
                df = self._df.get(word)
                if df is None:
                    new.append(word)
                    self._pending[len(word)].append(word)
                self._df[word] = (df or 0) + 1
        return new

    def df(self, word: str) -> int:
        return self._df.get(word, 0)

    def similar(self, word: str, max_dist: int) -> list[str]:
        """Indexed words within ``max_dist`` edits of ``word`` (itself included if indexed)."""
        if max_dist <= 0:
            return [word] if word in self._df else []
        with self._lock:
            for length, words in self._pending.items():
                self._buckets[length] = self._buckets.get(length, ()) + tuple(words)
            self._pending.clear()
            buckets = [self._buckets.get(n, ()) for n in
                       range(max(1, len(word) - max_dist), len(word) + max_dist + 1)]
        found: list[tuple[int, int, str]] = []
        for bucket in buckets:
            for term, dist, _ in process.extract(word, bucket, scorer=OSA.distance,
                                                 score_cutoff=max_dist, limit=None):
                found.append((dist, -self._df.get(term, 0), term))
        found.sort()
        return [term for _, _, term in found[:MAX_EXPANSIONS]]
