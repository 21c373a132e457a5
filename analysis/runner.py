"""Analyse a corpus: cached analyses looked up, the rest parsed with ``nlp.pipe``, all streamed.

The spaCy model is only loaded when some article is not cached, so a cached re-run never pays
for importing and loading it. Results are yielded in input order as they become ready, and the
cost per article does not grow with the corpus: cached analyses are read a window at a time,
parsed ones are written to the cache in batches (one transaction each) and never held, and no
``Doc`` outlives its article's extraction.

An article that makes the pipeline or an extractor raise is handed to ``on_failed`` with the
reason and skipped (not yielded, not cached), and the run goes on; without ``on_failed`` the
exception propagates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from analysis.cache import Cache, cache_key
from analysis.failures import describe
from analysis.model import Analysis, Article
from analysis.streams import cached_in_order, parse_one, pipe_isolated
from analysis.version import DEFAULT_MODEL

# How many parsed analyses are written to the cache in one transaction.
FLUSH_EVERY = 32


@dataclass(frozen=True)
class RunOptions:
    """How to analyse: which model, how many processes, how many texts per batch."""

    model: str = DEFAULT_MODEL
    jobs: int = 1
    batch_size: int = 16


def analyze_corpus(
    articles: list[Article],
    cache: Cache | None,
    options: RunOptions = RunOptions(),
    on_cached: Callable[[int], None] | None = None,
    on_failed: Callable[[Article, str], None] | None = None,
) -> Iterator[tuple[Article, Analysis, bool]]:
    """Yield ``(article, analysis, from_cache)`` for every article, in input order.

    ``on_cached`` is told how many articles were found in the cache before any parsing starts.
    ``on_failed`` is told of each article whose analysis raised (with a one-line reason), which
    is then skipped; without it the exception propagates.
    Raises :class:`analysis.pipeline.ModelNotFound` when parsing is needed and the model is absent.
    """
    keys = [cache_key(a.text, options.model, a.date) for a in articles]
    present = cache.present(keys) if cache else set()
    if on_cached:
        on_cached(sum(1 for k in keys if k in present))
    misses = [i for i, k in enumerate(keys) if k not in present]
    parsed = _Parser(articles, misses, options, isolate=on_failed is not None)
    pending: list[tuple[str, Analysis]] = []
    try:
        for i, hit in cached_in_order(cache, keys, present):
            if hit is not None:
                yield articles[i], hit, True
                continue
            # Not cached, or its row could not be read back: parse it.
            analysis = parsed.next(i) if keys[i] not in present else parsed.one(i)
            if isinstance(analysis, _Failure):
                on_failed(articles[i], analysis.reason)  # type: ignore[misc]
                continue
            pending.append((keys[i], analysis))
            if cache and len(pending) >= FLUSH_EVERY:
                cache.put_many(pending)
                pending.clear()
            yield articles[i], analysis, False
    finally:
        parsed.close()
        if cache and pending:
            cache.put_many(pending)


@dataclass(frozen=True)
class _Failure:
    """An article whose analysis raised: the one-line reason."""

    reason: str


class _Parser:
    """Analyses of the articles at ``indices``, parsed lazily in that order by one ``nlp.pipe``.

    With ``isolate``, an exception becomes a :class:`_Failure` for its article alone: one raised
    by an extractor fails that article; one raised by the pipeline inside a batch, where it
    cannot say which article broke it, has that batch parsed again one article at a time.
    """

    def __init__(self, articles: list[Article], indices: list[int], options: RunOptions,
                 isolate: bool = False) -> None:
        self.articles = articles
        self.indices = indices
        self.options = options
        self.isolate = isolate
        self._stream: Iterator[tuple[int, Analysis | _Failure]] | None = None

    def next(self, i: int) -> Analysis | _Failure:
        """The analysis of article ``i``, the next of ``indices``."""
        if self._stream is None:
            self._stream = self._pipe()
        got, analysis = next(self._stream)
        assert got == i, f"parsed article {got} where {i} was due"
        return analysis

    def one(self, i: int) -> Analysis | _Failure:
        """The analysis of article ``i`` on its own (a cache row that could not be read)."""
        doc = parse_one(self._nlp(), self.articles[i].text)
        if isinstance(doc, Exception) and not self.isolate:
            raise doc
        return self._extract(doc, i)

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()

    def _nlp(self):
        from analysis.pipeline import load_nlp  # spaCy loads only when needed

        return load_nlp(self.options.model)

    def _extract(self, doc, i: int) -> Analysis | _Failure:
        from analysis.pipeline import analyze_doc

        if isinstance(doc, Exception):  # the parser failed on this article alone
            return _Failure(describe(doc))
        if not self.isolate:
            return analyze_doc(doc, self.articles[i])
        try:
            return analyze_doc(doc, self.articles[i])
        except Exception as exc:  # noqa: BLE001 - reported with the article's path
            return _Failure(describe(exc))

    def _pipe(self) -> Iterator[tuple[int, Analysis | _Failure]]:
        todo = self.indices
        texts = [self.articles[i].text for i in todo]
        for k, doc in pipe_isolated(self._nlp(), texts, self.options.batch_size,
                                    max(1, self.options.jobs), self.isolate):
            yield todo[k], self._extract(doc, todo[k])
