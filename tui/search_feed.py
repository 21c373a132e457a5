"""Analysed articles handed from the analysis worker to the search-index worker, in order."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable

from analysis.model import Analysis, Article

# Articles waiting at most (each holds its analysis: memory).
MAX_WAITING = 512
# Before the index worker has started, ``put`` waits at most this long for it, then queues anyway.
UNCONSUMED_WAIT_S = 2.0


class SearchFeed:
    """A queue of ``(article, analysis)`` to index, shared by two threads.

    ``put`` waits while ``MAX_WAITING`` are queued (before ``start()`` says a consumer runs, only
    for a while: the index worker starts after the first facts show, and nothing may deadlock
    on it). ``close()``: nothing more will come. ``stop()``: search is off; the queue is dropped
    and ``put`` does nothing.
    """

    def __init__(self, limit: int = MAX_WAITING) -> None:
        self._items: deque[tuple[Article, Analysis]] = deque()
        self._cond = threading.Condition()
        self._limit = limit
        self._consumed = False
        self._closed = False
        self._stopped = False

    def __len__(self) -> int:
        return len(self._items)

    def put(self, article: Article, analysis: Analysis, cancelled: Callable[[], bool]) -> None:
        with self._cond:
            waited = 0.0
            while not self._stopped and len(self._items) >= self._limit and not cancelled():
                if not self._consumed and waited >= UNCONSUMED_WAIT_S:
                    break
                self._cond.wait(0.1)
                waited += 0.1
            if not self._stopped:
                self._items.append((article, analysis))
                self._cond.notify_all()

    def get(self, timeout: float) -> tuple[Article, Analysis] | None:
        """The next article to index, or None if none came within ``timeout`` seconds."""
        with self._cond:
            if not self._items and not self._closed:
                self._cond.wait(timeout)
            if not self._items:
                return None
            item = self._items.popleft()
            self._cond.notify_all()
            return item

    def start(self) -> None:
        with self._cond:
            self._consumed = True

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._items.clear()
            self._cond.notify_all()

    @property
    def finished(self) -> bool:
        """Closed and empty: everything analysed has been handed out."""
        with self._cond:
            return (self._closed or self._stopped) and not self._items
