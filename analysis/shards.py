"""The worker side of the Dask engine: analyse one shard of articles, one failure at a time.

A worker process loads the spaCy pipeline once (``load_nlp`` is cached per process, so the model
is never pickled or shipped) and returns plain records, never ``Doc`` objects. An article that
makes the pipeline or an extractor raise becomes an error message for that article alone; the
rest of the shard is analysed as usual.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from analysis.failures import describe
from analysis.model import Article
from analysis.streams import pipe_isolated

# One article's outcome: (True, the record as the cache stores it, analysis.cache.encode) or
# (False, "what went wrong"). Encoded on the worker, a record costs Dask one bytes object to size
# and send instead of a walk through nested dicts, and the client stores it as it comes.
Outcome = tuple[bool, Any]


class VersionMismatch(Exception):
    """The worker's copydesk would analyse differently from the client's (another version)."""

    def __init__(self, worker: str, client: str) -> None:
        super().__init__(f"the Dask workers run copydesk analysis {worker}, this copydesk "
                         f"{client}: install the same copydesk on every worker")
        self.worker = worker
        self.client = client

    def __reduce__(self):  # raised on a worker, re-raised on the client
        return (VersionMismatch, (self.worker, self.client))


def analyze_shard(
    model: str, batch_size: int, shard: Sequence[tuple[int, Article]],
    expected_version: str | None = None,
) -> list[tuple[int, Outcome]]:
    """Analyse ``(index, article)`` pairs with the process's pipeline; outcomes keep the indices.

    Raises :class:`analysis.errors.ModelNotFound` when the worker lacks the model, and
    :class:`VersionMismatch` when its analysis version is not ``expected_version`` (records it
    made would be cached under the client's version).
    """
    from analysis import version

    if expected_version is not None and expected_version != version.ANALYSIS_VERSION:
        raise VersionMismatch(version.ANALYSIS_VERSION, expected_version)
    from analysis import pipeline  # spaCy loads in the worker, once per process

    nlp = pipeline.load_nlp(model)
    outcomes = analyze_isolated(nlp, [article for _, article in shard], batch_size)
    return [(index, outcome) for (index, _), outcome in zip(shard, outcomes, strict=True)]


def analyze_isolated(nlp: Any, articles: Sequence[Article], batch_size: int) -> list[Outcome]:
    """Outcomes of ``articles`` in order: batched with ``nlp.pipe``, failures isolated.

    When the parser itself raises inside a batch, that batch is parsed one article at a time
    (:func:`analysis.streams.pipe_isolated`), so only the article that fails is lost.
    """
    texts = [a.text for a in articles]
    return [
        (False, describe(doc)) if isinstance(doc, Exception) else _extract(doc, articles[k])
        for k, doc in pipe_isolated(nlp, texts, batch_size)
    ]


def _extract(doc: Any, article: Article) -> Outcome:
    from analysis import pipeline
    from analysis.cache import encode

    try:
        return True, encode(pipeline.analyze_doc(doc, article).to_dict())
    except Exception as exc:  # noqa: BLE001 - reported with the article's path
        return False, describe(exc)


def dask_setup(worker: Any) -> None:
    """Preload hook of the workers copydesk starts itself: Ctrl-C is the client's to handle.

    The terminal sends SIGINT to every process of the foreground group; the client cancels the
    run and closes the local cluster, so its workers ignore the signal instead of each printing
    a KeyboardInterrupt traceback.
    """
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
