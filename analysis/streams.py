"""The two loops both engines (:mod:`analysis.runner`, :mod:`analysis.cluster` with
:mod:`analysis.shards`) share: cached analyses read a window at a time, and texts parsed in
batches with a parser error confined to the article that caused it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analysis.cache import Cache
    from analysis.model import Analysis

# How many articles' cached analyses are read and decoded at a time.
READ_WINDOW = 256


def cached_in_order(cache: Cache | None, keys: Sequence[str], present: set[str],
                    window: int | None = None) -> Iterator[tuple[int, Analysis | None]]:
    """Yield ``(position, analysis or None)`` for every key in order, reading the cache
    ``window`` keys (default :data:`READ_WINDOW`) at a time, so memory stays flat however many
    are cached. None: the key is not in ``present``, or its row could not be read back."""
    size = window or READ_WINDOW
    for start in range(0, len(keys), size):
        chunk = keys[start : start + size]
        hits = cache.get_many([k for k in chunk if k in present]) if cache else {}
        for position, key in enumerate(chunk, start):
            yield position, hits.pop(key, None)


def parse_one(nlp: Any, text: str) -> Any:
    """``nlp(text)``, or the exception it raised."""
    try:
        return nlp(text)
    except Exception as exc:  # noqa: BLE001 - the caller reports it with the article's path
        return exc


def pipe_isolated(nlp: Any, texts: Sequence[str], batch_size: int, n_process: int = 1,
                  isolate: bool = True) -> Iterator[tuple[int, Any]]:
    """Yield ``(index, doc or exception)`` for every ``texts[index]``, in order, parsed lazily
    by ``nlp.pipe`` in batches.

    When the pipeline raises inside a batch it cannot say which text broke it: with ``isolate``
    the batch of the text next due is parsed one text at a time (a text that fails yields its
    exception), then the rest is piped again. Without ``isolate`` the error propagates.
    """
    done = 0
    while done < len(texts):
        stream = ((texts[k], k) for k in range(done, len(texts)))
        try:
            for doc, k in nlp.pipe(stream, as_tuples=True, batch_size=batch_size,
                                   n_process=n_process):
                done += 1
                yield k, doc
        except Exception:
            if not isolate:
                raise
            for k in range(done, min(done + batch_size, len(texts))):
                done += 1
                yield k, parse_one(nlp, texts[k])
