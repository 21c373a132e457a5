"""The app's background workers: analysis (cache first, the open article first) and search indexing.

Threading: one thread worker (group ``analysis``) reads the cache and analyses articles in the
background, the open article first, and posts :class:`Analysed` batches; only the UI thread touches
widgets. ``q`` cancels the worker, which stops after the current article and lets the runner flush
what it parsed (SQLite transactions, so the cache is never left half-written). A second thread
worker (group ``search-index``), started once the first facts show (or at ``/``), opens the search
index and adds the analysed articles the first one hands it through a :class:`SearchFeed`, posting
:class:`Indexed` as it goes; a search uses whatever is indexed so far. The analysis worker also
opens the corpus desk (:class:`analysis.corpus.CorpusDesk`, on the cache's database or in memory),
scopes it to this corpus and adds each batch after posting it, then posts :class:`DeskGrew`. The
cache, the index and the desk are closed by the last worker thread out once the app is closing
(:meth:`CorpusWorkers._stop_workers`).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message
from textual.worker import Worker, get_current_worker

from analysis.cache import cache_key
from analysis.model import Analysis, Article
from analysis.runner import RunOptions
from tui.search_feed import SearchFeed

if TYPE_CHECKING:
    from tui.store import FactStore

Analyze = Callable[..., Iterator[tuple[Article, Analysis, bool]]]
# Articles per cache lookup when everything so far came from the cache, and when parsing.
CACHED_BATCH, PARSE_BATCH = 256, 8
POST_EVERY_S = 0.1
# How often the search-index worker reports progress (the open search re-runs its query).
INDEXED_EVERY_S = 0.5
# How often the analysis worker tells the open desk view that the desk has grown.
DESK_EVERY_S = 0.5


class Analysed(Message):
    """A batch of analyses from the background worker: ``(index, analysis, from_cache)``."""

    def __init__(self, results: list[tuple[int, Analysis, bool]]) -> None:
        super().__init__()
        self.results = results


class Indexed(Message):
    """The search index has grown (or started, or stopped)."""


class DeskGrew(Message):
    """More analyses are in the corpus desk (or it stopped)."""


class Status(Message):
    """A line for the status bar from the background worker."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class CorpusWorkers:
    """Mixin for the App: the analysis, search-index and cache-fetch workers and their resources.

    The App provides ``articles``, ``model``, ``use_cache``, ``store`` and ``_analyze``, and calls
    :meth:`_init_workers` in its ``__init__`` and :meth:`_stop_workers` when it unmounts.
    """

    articles: list[Article]
    model: str
    use_cache: bool
    store: FactStore
    _analyze: Analyze
    # Provided by textual.app.App.
    post_message: Callable[[Message], bool]
    call_from_thread: Callable[..., Any]
    workers: Any
    _warn: Callable[[str], None]

    def _init_workers(self) -> None:
        self.search_index: Any = None
        self.search_error: str | None = None
        self._feed = SearchFeed()
        self._cache_ready = threading.Event()  # the analysis worker has opened the cache (or not)
        self._indexing = False  # the search-index worker has been started
        self._cache: Any = None
        self._priority: deque[int] = deque()
        self._lock = threading.Lock()
        self._closing = False
        self._users = 0  # worker threads using the cache or the search index
        self.desk: Any = None  # analysis.corpus.CorpusDesk, opened by the analysis worker
        self.desk_error: str | None = None
        self._desk_posted = 0.0

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False,
          description="analysing articles")
    def analyse_corpus(self) -> None:
        """Look up and analyse every article, the open one (and any opened later) first."""
        worker = get_current_worker()
        if not self._use_resources():
            return
        try:
            self._analyse_all(worker)
        finally:
            self._cache_ready.set()
            self._feed.close()
            self._release_resources()
            self.post_message(DeskGrew())  # the view shows the final state

    def _analyse_all(self, worker: Worker) -> None:
        cache = None
        if self.use_cache:
            from analysis.cache import open_cache

            cache = open_cache(lambda msg: self.call_from_thread(self._warn, msg))
        self._cache = cache
        self._cache_ready.set()
        self._open_desk(cache)
        if cache is None:
            self.store.capacity = None  # nothing could be read back later
        n = len(self.articles)
        seen = bytearray(n)
        queue = deque(range(n))
        options = RunOptions(model=self.model)
        size = CACHED_BATCH
        announced = False

        def on_cached(found: int, wanted: int) -> None:
            nonlocal announced
            if found < wanted and not announced:
                announced = True
                self.post_message(Status("loading the spaCy model…"))

        while not worker.is_cancelled:
            batch, urgent = self._next_batch(queue, seen, size)
            if not batch:
                break
            results: list[tuple[int, Analysis, bool]] = []
            last_post = time.monotonic()
            all_cached = True
            stream = self._analyze(
                [self.articles[i] for i in batch], cache, options,
                on_cached=lambda found, b=batch: on_cached(found, len(b)),
            )
            try:
                for i, (article, analysis, cached) in zip(batch, stream, strict=False):
                    seen[i] = 1
                    all_cached &= cached
                    results.append((i, analysis, cached))
                    self._feed.put(article, analysis, lambda: worker.is_cancelled)
                    if worker.is_cancelled:
                        break
                    if urgent or time.monotonic() - last_post > POST_EVERY_S:
                        self._publish(results)
                        results, last_post = [], time.monotonic()
            finally:
                close = getattr(stream, "close", None)
                if close:
                    close()  # the runner flushes parsed analyses into the cache
            if results:
                self._publish(results)
            size = CACHED_BATCH if all_cached else PARSE_BATCH

    def _publish(self, results: list[tuple[int, Analysis, bool]]) -> None:
        """Hand analyses to the UI (facts first), then to the corpus desk."""
        self.post_message(Analysed(results))
        desk = self.desk
        if desk is None:
            return
        entries = []
        for i, analysis, _ in results:
            article = self.articles[i]
            entries.append((cache_key(article.text, self.model, article.date), article, analysis))
        try:
            desk.add(entries)
        except Exception as exc:  # noqa: BLE001 - the desk must never stop the analysis
            self.desk, self.desk_error = None, f"the corpus desk failed ({exc})"
        now = time.monotonic()
        if now - self._desk_posted >= DESK_EVERY_S:  # the view re-queries at most once a second
            self._desk_posted = now
            self.post_message(DeskGrew())

    def _open_desk(self, cache: Any) -> None:
        """Open the corpus desk on the cache's database (in memory without one), scoped here."""
        try:
            from analysis.corpus import CorpusDesk
        except ImportError as exc:
            self.desk_error = f"the corpus desk is not available ({exc})"
            return
        try:
            desk = CorpusDesk(cache.conn) if cache is not None else CorpusDesk.in_memory()
            desk.scope(cache_key(a.text, self.model, a.date) for a in self.articles)
        except Exception as exc:  # noqa: BLE001
            self.desk_error = f"the corpus desk failed to start ({exc})"
            return
        self.desk = desk

    def _next_batch(self, queue: deque[int], seen: bytearray, size: int) -> tuple[list[int], bool]:
        """Articles the user opened first (one at a time, posted at once), then in order."""
        with self._lock:
            while self._priority:
                i = self._priority.popleft()
                if not seen[i]:
                    return [i], True
        batch: list[int] = []
        while queue and len(batch) < size:
            i = queue.popleft()
            if not seen[i]:
                batch.append(i)
        return batch, False

    def start_indexing(self) -> None:
        """Start the search-index worker, once (UI thread)."""
        if not self._indexing:
            self._indexing = True
            self.index_corpus()

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False,
          description="indexing for search")
    def index_corpus(self) -> None:
        """Open the search index and add every article the analysis worker hands over."""
        worker = get_current_worker()
        if not self._use_resources():
            return
        try:
            while not self._cache_ready.wait(0.1):
                if worker.is_cancelled:
                    return
            self._start_search_index(self._cache)
            if self.search_index is None:
                return
            self._feed.start()
            self.post_message(Indexed())
            last = time.monotonic()
            while not worker.is_cancelled and self.search_index is not None:
                item = self._feed.get(0.1)
                if item is not None:
                    self._index(*item)
                elif self._feed.finished:
                    break
                if time.monotonic() - last > INDEXED_EVERY_S:
                    self.post_message(Indexed())
                    last = time.monotonic()
        finally:
            if self.search_index is None:
                self._feed.stop()  # search is off: the analysis worker need not queue more
            self.post_message(Indexed())
            self._release_resources()

    def _start_search_index(self, cache: Any) -> None:
        try:
            from analysis.search import SearchIndex
        except ImportError as exc:
            self.search_error = f"search is not available ({exc})"
            return
        try:
            self.search_index = SearchIndex(cache, model=self.model)
        except Exception as exc:  # noqa: BLE001 - search must never stop the analysis
            self.search_error = f"search failed to start ({exc})"

    def _index(self, article: Article, analysis: Analysis) -> None:
        index = self.search_index
        if index is None:
            return
        try:
            index.add(article, analysis)
        except Exception as exc:  # noqa: BLE001
            self.search_index = None
            self.search_error = f"search index failed ({exc})"

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False)
    def fetch_analysis(self, index: int) -> None:
        """Read an analysis evicted from memory back from the cache."""
        from analysis.cache import cache_key

        if not self._use_resources():
            return
        try:
            cache = self._cache
            if cache is None:
                return
            article = self.articles[index]
            key = cache_key(article.text, self.model, article.date)
            found = cache.get_many([key]).get(key)
        finally:
            self._release_resources()
        if found is not None and not get_current_worker().is_cancelled:
            self.post_message(Analysed([(index, found, True)]))

    def _stop_workers(self) -> None:
        """Cancel the workers; the cache and index close when the last thread is done with them."""
        self.workers.cancel_group(self, "analysis")
        self.workers.cancel_group(self, "search-index")
        self._feed.stop()
        with self._lock:
            self._closing = True
            busy = self._users
        if not busy:
            self._close_resources()

    def _use_resources(self) -> bool:
        """Mark the cache and index in use by a worker thread; False once the app is closing."""
        with self._lock:
            if self._closing:
                return False
            self._users += 1
            return True

    def _release_resources(self) -> None:
        """A worker is done with the cache and index; the last one out closes them at exit."""
        with self._lock:
            self._users -= 1
            last = self._closing and not self._users
        if last:
            self._close_resources()

    def _close_resources(self) -> None:
        # SQLite connections must not be closed while another thread uses them.
        index, self.search_index = self.search_index, None
        cache, self._cache = self._cache, None
        desk, self.desk = self.desk, None
        if desk is not None:
            desk.close()
        if index is not None and hasattr(index, "close"):
            index.close()
        if cache is not None:
            cache.close()
