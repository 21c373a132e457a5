"""Analyse a corpus: cached analyses looked up, the rest parsed with ``nlp.pipe``, all streamed.

The spaCy model is only loaded when some article is not cached, so a cached re-run never pays
for importing and loading it. Results are yielded in input order as they become ready, and the
cost per article does not grow with the corpus: cached analyses are read a window at a time,
parsed ones are written to the cache in batches (one transaction each) and never held, and no
``Doc`` outlives its article's extraction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from analysis.cache import Cache, cache_key
from analysis.model import Analysis, Article
from analysis.version import DEFAULT_MODEL

# How many parsed analyses are written to the cache in one transaction.
_FLUSH_EVERY = 32
# How many articles' cached analyses are read and decoded at a time.
_READ_WINDOW = 256


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
) -> Iterator[tuple[Article, Analysis, bool]]:
    """Yield ``(article, analysis, from_cache)`` for every article, in input order.

    ``on_cached`` is told how many articles were found in the cache before any parsing starts.
    Raises :class:`analysis.pipeline.ModelNotFound` when parsing is needed and the model is absent.
    """
    keys = [cache_key(a.text, options.model, a.date) for a in articles]
    present = cache.present(keys) if cache else set()
    if on_cached:
        on_cached(sum(1 for k in keys if k in present))
    misses = [i for i, k in enumerate(keys) if k not in present]
    parsed = _Parser(articles, misses, options)
    pending: list[tuple[str, Analysis]] = []
    try:
        for start in range(0, len(articles), _READ_WINDOW):
            window = keys[start : start + _READ_WINDOW]
            hits = cache.get_many([k for k in window if k in present]) if cache else {}
            for i, key in enumerate(window, start):
                hit = hits.pop(key, None)
                if hit is not None:
                    yield articles[i], hit, True
                    continue
                # Not cached, or its row could not be read back: parse it.
                analysis = parsed.next(i) if key not in present else parsed.one(i)
                pending.append((key, analysis))
                if cache and len(pending) >= _FLUSH_EVERY:
                    cache.put_many(pending)
                    pending.clear()
                yield articles[i], analysis, False
    finally:
        parsed.close()
        if cache and pending:
            cache.put_many(pending)


class _Parser:
    """Analyses of the articles at ``indices``, parsed lazily in that order by one ``nlp.pipe``."""

    def __init__(self, articles: list[Article], indices: list[int], options: RunOptions) -> None:
        self.articles = articles
        self.indices = indices
        self.options = options
        self._stream: Iterator[tuple[int, Analysis]] | None = None

    def next(self, i: int) -> Analysis:
        """The analysis of article ``i``, the next of ``indices``."""
        if self._stream is None:
            self._stream = self._pipe()
        got, analysis = next(self._stream)
        assert got == i, f"parsed article {got} where {i} was due"
        return analysis

    def one(self, i: int) -> Analysis:
        """The analysis of article ``i`` on its own (a cache row that could not be read)."""
        from analysis.pipeline import analyze_doc

        article = self.articles[i]
        return analyze_doc(self._nlp()(article.text), article)

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()

    def _nlp(self):
        from analysis.pipeline import load_nlp  # spaCy loads only when needed

        return load_nlp(self.options.model)

    def _pipe(self) -> Iterator[tuple[int, Analysis]]:
        from analysis.pipeline import analyze_doc

        nlp = self._nlp()
        stream = ((self.articles[i].text, i) for i in self.indices)
        n_process = max(1, self.options.jobs)
        for doc, i in nlp.pipe(
            stream, as_tuples=True, batch_size=self.options.batch_size, n_process=n_process
        ):
            yield i, analyze_doc(doc, self.articles[i])
