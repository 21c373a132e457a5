"""``copydesk analyze`` with ``--engine dask`` and/or ``--format parquet`` (SPEC §1).

Checks the options and the ``cluster`` extra before loading anything, runs the chosen engine with a
progress bar on a terminal, writes text formats like the local path or Parquet tables into a
directory, and ends with a count of the articles skipped because their analysis failed.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from analysis import __version__
from tui.cli_common import EXIT_OK, UsageError, load_corpus, opened_cache, warn, write_output
from tui.progress import with_progress


def _check(args: argparse.Namespace) -> None:
    """Raise UsageError for options that do not go together or a missing extra."""
    from analysis.extras import MissingExtra, require

    if args.engine != "dask" and (args.scheduler or args.workers):
        raise UsageError("--scheduler and --workers need --engine dask")
    if args.engine == "dask" and args.jobs != 1:
        raise UsageError("--jobs is for the local engine; with --engine dask use --workers")
    try:
        if args.engine == "dask":
            require("dask")
        if args.format == "parquet":
            require("parquet")
    except MissingExtra as exc:
        raise UsageError(str(exc)) from None
    if args.format == "parquet":
        from analysis.parquet import ParquetTargetError, check_target

        if not args.output:
            raise UsageError("--format parquet needs -o DIR, the directory for the tables")
        try:
            check_target(Path(args.output))
        except ParquetTargetError as exc:
            raise UsageError(str(exc)) from None
    if args.scheduler and args.workers:
        warn("--workers is ignored with --scheduler: the cluster has its own workers")


def cmd_analyze_scaled(args: argparse.Namespace) -> int:
    """Analyse with the chosen engine and write the chosen format; 0 even when articles failed."""
    from analysis.runner import RunOptions

    _check(args)
    articles = load_corpus(args.paths)
    options = RunOptions(model=args.model, jobs=args.jobs)
    failed: list[tuple[str, str]] = []
    with opened_cache(not args.no_cache) as cache:
        if args.engine == "dask":
            from analysis.cluster import ClusterOptions, ClusterReport

            report = ClusterReport()
            failed = report.failed
            where = ClusterOptions(scheduler=args.scheduler,
                                   workers=args.workers or os.cpu_count() or 2)
            triples = _on_cluster(articles, cache, options, where, report)
        else:
            from analysis.failures import Skipped
            from analysis.runner import analyze_corpus

            skipped = Skipped(warn)
            failed = skipped.failed
            triples = analyze_corpus(articles, cache, options, on_failed=skipped)
        results = with_progress(((a, x) for a, x, _ in triples), len(articles))
        _write(args, articles, results)
    if failed:
        from analysis.failures import skipped_summary

        warn(skipped_summary(len(failed)))
    return EXIT_OK


def _on_cluster(articles, cache, options, where, report):
    from analysis.cluster import ClusterUnavailable, analyze_on_cluster

    try:
        yield from analyze_on_cluster(articles, cache, options, where, warn, report)
    except ClusterUnavailable as exc:
        raise UsageError(str(exc)) from None


def _write(args: argparse.Namespace, articles, results) -> None:
    if args.format != "parquet":
        write_output(args, articles, results)
        return
    from analysis.parquet import ParquetTargetError, write_parquet
    from analysis.version import ANALYSIS_VERSION

    meta = {"copydesk": __version__, "analysis_version": ANALYSIS_VERSION, "model": args.model}
    try:
        write_parquet(results, Path(args.output), meta)
    except ParquetTargetError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
