"""Benchmark the Dask engine against the local engine with one process, on the same real articles.

    python -m bench.scale [--articles N] [--workers 2]

Articles: the 264 files of ../shared/corpus/ and the texts of ../shared/eval/quotes/*.jsonl
(real news, SPEC §4; 1,237 articles, all of them by default). In one run it measures, end to end
(loading the model or starting the cluster included, output written as JSONL in memory):
  * the local engine with one process, no cache (the baseline);
  * ``--engine dask`` on a local cluster of ``--workers`` processes, from an empty cache;
  * the same again on the now-filled cache (no cluster is started: nothing is sent).
The last line is the SPEC §4 JSON object with ``speedup`` (local / dask), ``identical`` (the three
outputs are the same bytes) and ``articles_per_s`` for each run; ``loadavg`` shows how busy the
machine was, since other processes share its cores, and ``cpu_s`` the CPU time each run used
(workers included, and for dask split into the workers and this process: client, scheduler and
nannies), which load changes much less.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.analyze import SHARED, real_articles


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _jsonl(results) -> bytes:
    from analysis.export import write

    out = io.StringIO()
    write("jsonl", ((a, x) for a, x, _ in results), out)
    return out.getvalue().encode("utf-8")


def _cpu_split() -> tuple[float, float]:
    """CPU seconds of this process (client, and a local cluster's scheduler and nannies) and of
    its reaped children (the local cluster's workers, once it is closed)."""
    out = []
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        out.append(usage.ru_utime + usage.ru_stime)
    return out[0], out[1]


def _cpu_s() -> float:
    """CPU seconds of this process and of its reaped children."""
    return sum(_cpu_split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not (SHARED / "corpus" / "corpus.jsonl").exists():
        sys.exit(f"bench.scale: {SHARED} is absent; it needs ../shared/corpus and eval")

    from analysis.cache import open_cache
    from analysis.cluster import ClusterOptions, ClusterReport, analyze_on_cluster
    from analysis.loader import load
    from analysis.runner import RunOptions, analyze_corpus

    items = real_articles(args.articles)
    loads = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        source.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
        articles = load([str(source)]).articles
        chars = sum(len(a.text) for a in articles)
        _log(f"{len(articles)} real articles, {chars:,} characters; load average {loads}")
        os.environ["COPYDESK_CACHE_DIR"] = str(Path(tmp) / "cache")

        t0, c0 = time.perf_counter(), _cpu_s()
        local = _jsonl(analyze_corpus(articles, None, RunOptions(jobs=1)))
        local_s, local_cpu = time.perf_counter() - t0, _cpu_s() - c0
        _log(f"local engine, one process: {local_s:.1f} s, {local_cpu:.1f} CPU s")

        def dask_run() -> tuple[bytes, float, tuple[float, float], ClusterReport]:
            report = ClusterReport()
            cache = open_cache(_log)
            start, (own, children) = time.perf_counter(), _cpu_split()
            where = ClusterOptions(workers=args.workers)
            out = _jsonl(analyze_on_cluster(articles, cache, RunOptions(), where, _log, report))
            seconds = time.perf_counter() - start
            if cache:
                cache.close()
            own2, children2 = _cpu_split()
            return out, seconds, (own2 - own, children2 - children), report

        dask, dask_s, (client_cpu, workers_cpu), first = dask_run()
        dask_cpu = client_cpu + workers_cpu
        _log(f"dask, {args.workers} workers, empty cache: {dask_s:.1f} s, {dask_cpu:.1f} CPU s "
             f"(workers {workers_cpu:.1f}, client with scheduler and nannies {client_cpu:.1f}; "
             f"{first.sent} articles sent in {first.shards} shards)")
        cached, cached_s, _, second = dask_run()
        _log(f"dask, cached: {cached_s:.2f} s ({second.sent} articles sent)")
    n = len(articles)
    print(json.dumps({
        "articles": n,
        "chars": chars,
        "baseline": "copydesk local engine, one process, no cache",
        "workers": args.workers,
        "cpu_count": os.cpu_count(),
        "local_s": round(local_s, 2),
        "dask_s": round(dask_s, 2),
        "cached_s": round(cached_s, 3),
        "speedup": round(local_s / dask_s, 3),
        "identical": local == dask == cached,
        "articles_per_s": {"local": round(n / local_s, 2), "dask": round(n / dask_s, 2),
                           "cached": round(n / cached_s, 1)},
        "cpu_s": {"local": round(local_cpu, 1), "dask": round(dask_cpu, 1),
                  "dask_workers": round(workers_cpu, 1), "dask_client": round(client_cpu, 1)},
        "articles_per_cpu_s": {"local": round(n / local_cpu, 2), "dask": round(n / dask_cpu, 2)},
        "failed": len(first.failed),
        "loadavg": {"start": loads, "end": [round(x, 2) for x in os.getloadavg()]},
    }))


if __name__ == "__main__":
    main()
