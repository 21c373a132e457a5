"""The app's memory of analyses: fact counts for every article, full analyses for a few.

With 10,000 articles, keeping every decoded analysis would cost hundreds of megabytes, so only the
most recently used ones stay in memory; the others are read back from the cache on demand. Without
a cache nothing can be read back, so then every analysis is kept.
"""

from __future__ import annotations

from collections import OrderedDict

from analysis.model import Analysis
from tui.facts import counts

DEFAULT_CAPACITY = 256


class FactStore:
    """Per-article fact counts and an LRU of full analyses (unbounded if ``capacity`` is None)."""

    def __init__(self, size: int, capacity: int | None = DEFAULT_CAPACITY) -> None:
        self.counts: list[tuple[int, int, int] | None] = [None] * size
        self.capacity = capacity
        self._recent: OrderedDict[int, Analysis] = OrderedDict()
        self.done = 0
        self.from_cache = 0

    def put(self, index: int, analysis: Analysis, from_cache: bool = False) -> None:
        """Record the analysis of article ``index``."""
        if self.counts[index] is None:
            self.done += 1
            self.from_cache += from_cache
        self.counts[index] = counts(analysis)
        self._recent[index] = analysis
        self._recent.move_to_end(index)
        if self.capacity is not None:
            while len(self._recent) > self.capacity:
                self._recent.popitem(last=False)

    def get(self, index: int) -> Analysis | None:
        """The analysis of article ``index`` if it is in memory."""
        analysis = self._recent.get(index)
        if analysis is not None:
            self._recent.move_to_end(index)
        return analysis

    def analysed(self, index: int) -> bool:
        """Has article ``index`` been analysed (whether or not it is still in memory)?"""
        return self.counts[index] is not None

    @property
    def complete(self) -> bool:
        return self.done == len(self.counts)
