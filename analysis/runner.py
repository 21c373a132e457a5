"""Analyse a corpus: cached analyses first looked up, the rest parsed with ``nlp.pipe``.

The spaCy model is only loaded when some article is not cached, so a cached re-run never pays
for importing and loading it. Results are yielded in input order as they become ready.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from analysis.cache import Cache, cache_key
from analysis.model import Analysis, Article
from analysis.version import DEFAULT_MODEL

# How many parsed analyses are written to the cache in one transaction.
_FLUSH_EVERY = 32


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
    cached = cache.get_many(keys) if cache else {}
    if on_cached:
        on_cached(sum(1 for k in keys if k in cached))
    misses = [i for i, k in enumerate(keys) if k not in cached]
    parsed = _parse(articles, misses, options) if misses else iter(())
    pending: list[tuple[str, Analysis]] = []
    try:
        for article, key in zip(articles, keys, strict=True):
            hit = cached.get(key)
            if hit is not None:
                yield article, hit, True
                continue
            analysis = next(parsed)
            pending.append((key, analysis))
            if cache and len(pending) >= _FLUSH_EVERY:
                cache.put_many(pending)
                pending.clear()
            yield article, analysis, False
    finally:
        if cache and pending:
            cache.put_many(pending)


def _parse(
    articles: list[Article], indices: list[int], options: RunOptions
) -> Iterator[Analysis]:
    from analysis.pipeline import analyze_doc, load_nlp  # spaCy loads only when needed

    nlp = load_nlp(options.model)
    stream = ((articles[i].text, i) for i in indices)
    n_process = max(1, options.jobs)
    for doc, i in nlp.pipe(
        stream, as_tuples=True, batch_size=options.batch_size, n_process=n_process
    ):
        yield analyze_doc(doc, articles[i])
