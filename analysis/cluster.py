"""The Dask engine: analyse a corpus on a Dask cluster, an existing one or a local one.

Only articles missing from the cache go out, in shards of a few articles; a worker loads the
spaCy pipeline once per process (see :mod:`analysis.shards`) and sends back plain records. The
client is the only writer of the cache and writes each shard as it completes, so an interrupted
run keeps what it finished. Results are yielded in input order, identical to the local engine's.

Faults: a worker that dies mid-shard has the shard re-run on another worker by the scheduler (up
to ``distributed.scheduler.allowed-failures`` times); an article that makes the pipeline raise is
reported through ``warn`` with its path and skipped. At most a few shards per worker are in flight,
so memory stays flat however large the corpus.
"""

from __future__ import annotations

import logging
import math
import uuid
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

from analysis.cache import Cache, cache_key, decode
from analysis.extras import require
from analysis.failures import skipped_warning
from analysis.model import Analysis, Article
from analysis.runner import RunOptions, analyze_corpus
from analysis.shards import VersionMismatch, analyze_shard
from analysis.streams import cached_in_order
from analysis.version import ANALYSIS_VERSION

Warn = Callable[[str], None]
# Most articles per shard: small enough that the last shards finish close together.
MAX_SHARD = 16
# Shards in flight per worker: enough to keep every worker busy between round trips.
IN_FLIGHT_PER_WORKER = 3
# Dask's defaults for the local cluster copydesk starts, tuned for long CPU-bound tasks in few
# processes: with the defaults each article cost the workers ~60% more CPU than the local engine
# (measured, see the README). Only the local cluster gets these; an existing cluster keeps its own.
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    # Dask sets MALLOC_TRIM_THRESHOLD_=65536 in its workers, which also fixes glibc's mmap
    # threshold at 128 KiB: every parser buffer above that is mapped, faulted in page by page and
    # unmapped again (25x the page faults of the local engine, ~20% more CPU per article).
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # The statistical profiler walks the task thread's stack every 10 ms (~10% more CPU).
    "distributed.worker.profile.enabled": False,
    # Event-loop health checks every 20 ms and system monitors every 0.1-0.5 s, in the workers and
    # in this process (scheduler, nannies): their wake-ups took the GIL from the parsing thread.
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.disk": False,
    "distributed.worker.memory.monitor-interval": "1s",
}


class ClusterUnavailable(Exception):
    """The Dask scheduler cannot be reached or no cluster can be started."""


@dataclass(frozen=True)
class ClusterOptions:
    """Where to run: an existing scheduler's address, or a local cluster of N processes."""

    scheduler: str | None = None
    workers: int = 2
    shard_size: int | None = None  # None: chosen from the corpus and the number of workers
    connect_timeout: float = 20.0


@dataclass
class ClusterReport:
    """What a run did: articles found in the cache, sent to workers, and skipped with a reason."""

    cached: int = 0
    sent: int = 0
    shards: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def shard_size(misses: int, workers: int, cap: int = MAX_SHARD) -> int:
    """Articles per shard: about eight shards per worker, between 1 and ``cap``."""
    return max(1, min(cap, math.ceil(misses / max(1, workers * 8))))


def plan_shards(indices: list[int], workers: int, cap: int = MAX_SHARD) -> list[list[int]]:
    """``indices`` cut into consecutive shards, each sized by :func:`shard_size` of what is left.

    Shards stay at ``cap`` articles while much is left and shrink to one article at the end, so
    the workers finish within about one article of each other instead of one whole shard.
    """
    shards = []
    start = 0
    while start < len(indices):
        size = shard_size(len(indices) - start, workers, cap)
        shards.append(indices[start : start + size])
        start += size
    return shards


def analyze_on_cluster(
    articles: list[Article],
    cache: Cache | None,
    options: RunOptions,
    cluster: ClusterOptions,
    warn: Warn,
    report: ClusterReport | None = None,
) -> Iterator[tuple[Article, Analysis, bool]]:
    """Yield ``(article, analysis, from_cache)`` in input order, skipping articles that failed.

    Raises :class:`analysis.extras.MissingExtra` without Dask, :class:`ClusterUnavailable` when the
    scheduler is unreachable and :class:`analysis.errors.ModelNotFound` when workers lack the model.
    """
    require("dask")
    report = report if report is not None else ClusterReport()
    keys = [cache_key(a.text, options.model, a.date) for a in articles]
    present = cache.present(keys) if cache else set()
    misses = [i for i, k in enumerate(keys) if k not in present]
    report.cached = len(articles) - len(misses)
    skip = lambda a, why: _accept(a, (False, why), report, warn)  # noqa: E731
    cached = cached_in_order(cache, keys, present)
    if not misses:
        for position, hit in cached:
            if (got := _cached_or_again(articles, keys, cache, options, position, hit,
                                        skip)) is not None:
                yield articles[position], *got
        return
    done: dict[int, Analysis | None] = {}  # input index -> analysis, or None when it failed
    with cluster_client(cluster) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        if cluster.shard_size:
            size = cluster.shard_size
            shards = [misses[j : j + size] for j in range(0, len(misses), size)]
        else:
            shards = plan_shards(misses, workers)
        report.shards = len(shards)
        completed = _run_shards(client, articles, shards, options, workers, report)
        position = 0
        try:
            for finished in completed:
                for index, outcome in finished:
                    done[index] = _accept(articles[index], outcome, report, warn)
                if cache:
                    cache.put_encoded(
                        (keys[i], outcome[1]) for i, outcome in finished if done[i] is not None
                    )
                while position < len(articles):  # in input order, up to one still out
                    if keys[position] not in present and position not in done:
                        break
                    _, hit = next(cached)
                    if keys[position] in present:
                        got = _cached_or_again(articles, keys, cache, options, position, hit,
                                               skip)
                        if got is not None:
                            yield articles[position], *got
                    else:
                        analysis = done.pop(position)
                        if analysis is not None:
                            yield articles[position], analysis, False
                    position += 1
        finally:
            completed.close()  # cancels what is still queued before the client closes


def _cached_or_again(articles: list[Article], keys: list[str], cache: Cache | None,
                     options: RunOptions, position: int, hit: Analysis | None,
                     on_failed: Callable[[Article, str], object]) -> tuple[Analysis, bool] | None:
    """``(analysis, from_cache)`` of a cached article; a row that could not be read back (a
    damaged cache) is analysed again in this process and stored. None when that failed too (the
    article is reported through ``on_failed`` and skipped, as a worker's failure is)."""
    if hit is not None:
        return hit, True
    again = list(analyze_corpus([articles[position]], None, options, on_failed=on_failed))
    if not again:
        return None
    analysis = again[0][1]
    if cache is not None:
        cache.put_many([(keys[position], analysis)])
    return analysis, False


def _accept(article: Article, outcome: tuple[bool, Any], report: ClusterReport,
            warn: Warn) -> Analysis | None:
    ok, payload = outcome
    if ok:
        return decode(payload)
    report.failed.append((article.path, payload))
    warn(skipped_warning(article.path, payload))
    return None


def _run_shards(
    client: Any,
    articles: list[Article],
    shards: list[list[int]],
    options: RunOptions,
    workers: int,
    report: ClusterReport,
) -> Iterator[list[tuple[int, tuple[bool, Any]]]]:
    """Submit shards a few at a time; yield each shard's outcomes as it completes."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    run_id = uuid.uuid4().hex[:8]
    pending = iter(enumerate(shards))
    by_key: dict[str, list[int]] = {}
    futures: dict[str, Any] = {}
    running = as_completed(loop=client.loop)

    def submit_next() -> None:
        item = next(pending, None)
        if item is None:
            return
        n, shard = item
        future = client.submit(
            analyze_shard, options.model, options.batch_size,
            [(i, articles[i]) for i in shard], ANALYSIS_VERSION,
            key=f"copydesk-shard-{run_id}-{n}", pure=False,
        )
        by_key[future.key] = shard
        futures[future.key] = future
        report.sent += len(shard)
        running.add(future)

    try:
        for _ in range(max(2, workers * IN_FLIGHT_PER_WORKER)):
            submit_next()
        for future in running:
            shard = by_key.pop(future.key)
            futures.pop(future.key, None)
            try:
                outcomes = future.result()
            except KilledWorker as exc:
                reason = f"a worker died on this shard on every attempt ({exc})"
                outcomes = [(i, (False, reason)) for i in shard]
            except VersionMismatch as exc:
                raise ClusterUnavailable(str(exc)) from None
            except ImportError as exc:
                raise ClusterUnavailable(
                    f"the Dask workers cannot run copydesk ({exc}); install copydesk[cluster] "
                    "and its spaCy model on every worker"
                ) from None
            future.release()
            submit_next()
            yield outcomes
    finally:
        with suppress(Exception):
            running.clear()
        if futures:
            with suppress(Exception):
                client.cancel(list(futures.values()))


@contextmanager
def cluster_client(options: ClusterOptions) -> Iterator[Any]:
    """A Dask client on the given scheduler, or on a local cluster closed afterwards."""
    import dask
    from distributed import Client, LocalCluster

    for name in ("distributed", "tornado", "bokeh"):
        logging.getLogger(name).setLevel(logging.ERROR)
    cluster = None
    try:
        if options.scheduler:
            client = Client(options.scheduler, timeout=options.connect_timeout)
        else:
            with warnings.catch_warnings(), dask.config.set(LOCAL_CLUSTER_CONFIG):
                warnings.simplefilter("ignore")  # "port 8787 in use": another cluster's
                cluster = LocalCluster(
                    n_workers=options.workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR,
                    preload=["analysis.shards"],  # its dask_setup leaves Ctrl-C to the client
                )
            client = Client(cluster, timeout=options.connect_timeout)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            with suppress(Exception):
                cluster.close()
        where = f"the Dask scheduler at {options.scheduler}" if options.scheduler else "Dask"
        raise ClusterUnavailable(f"cannot reach {where}: {exc}") from None
    try:
        yield client
    finally:
        with suppress(Exception):
            client.close()
        if cluster is not None:
            with suppress(Exception):
                cluster.close()
