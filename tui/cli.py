"""The ``copydesk`` command line (SPEC §1): the app, ``analyze``, ``search`` and the desk's views.

Bad input is a clear message and exit 2, never a traceback; an unexpected error is a one-line
message, exit 1, and the traceback in a log file.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from analysis import __version__
from tui.cli_common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    load_corpus,
    load_inputs,
    no_hits_message,
    opened_cache,
    positive_int,
    warn,
    write_output,
)
from tui.cli_desk import COMMANDS as DESK_COMMANDS
from tui.cli_desk import run as run_desk

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def build_parser() -> argparse.ArgumentParser:
    """Parsers for ``copydesk analyze``, ``search`` and the desk views (the app has its own)."""
    from analysis.export import FORMATS
    from analysis.version import DEFAULT_MODEL

    parser = argparse.ArgumentParser(prog="copydesk", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser(
        "analyze", help="headless analysis, one record per article",
        description="Analyse articles and print one record per article (SPEC §2).",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH",
                         help="files, folders (recursive), globs, or - for standard input")
    analyze.add_argument("--format", choices=(*FORMATS, "parquet"), default="jsonl",
                         help="parquet writes tables into the directory -o names")
    analyze.add_argument("--model", default=DEFAULT_MODEL,
                         help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    analyze.add_argument("--jobs", type=positive_int, default=1, metavar="N",
                         help="parse with N processes")
    analyze.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    analyze.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    analyze.add_argument("--engine", choices=("local", "dask"), default="local",
                         help="local (default) or a Dask cluster (needs copydesk[cluster])")
    analyze.add_argument("--scheduler", metavar="ADDRESS",
                         help="with --engine dask: an existing scheduler, e.g. tcp://host:8786")
    analyze.add_argument("--workers", type=positive_int, metavar="N",
                         help="with --engine dask: processes of the local cluster (default: cores)")

    search = sub.add_parser(
        "search", help="corpus-wide fuzzy search, best first",
        description="Fuzzy search over quotes, reported speech (claims), entities, numbers, "
                    "sentences and titles.",
    )
    search.add_argument("query", metavar="QUERY")
    search.add_argument("paths", nargs="+", metavar="PATH")
    # The kinds of analysis.search.items.KINDS (not imported: it loads the search engine).
    search.add_argument("--kind", choices=("quote", "claim", "entity", "number", "sentence",
                                           "article"))
    search.add_argument("--limit", type=positive_int, default=20, metavar="N")
    search.add_argument("--format", choices=("text", "jsonl"), default="text")
    search.add_argument("--model", default=DEFAULT_MODEL)
    search.add_argument("--jobs", type=positive_int, default=1, metavar="N")
    search.add_argument("--no-cache", action="store_true")

    from tui.cli_desk import add_parsers

    add_parsers(sub, positive_int)
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    from analysis.version import DEFAULT_MODEL

    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="Open the copydesk app on articles (default: the bundled seeds/ corpus). "
        "Other commands: copydesk analyze|search|speakers|entities|figures|quotes --help.",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--no-cache", action="store_true")
    return parser


def run_analysis(articles, model: str, jobs: int, use_cache: bool, on_failed=None):
    """Yield (article, analysis) for each article through the cache and the pipeline.

    ``on_failed(article, reason)`` is told of each article skipped because its analysis raised.
    """
    from analysis.runner import RunOptions, analyze_corpus

    with opened_cache(use_cache) as cache:
        for article, analysis, _cached in analyze_corpus(
            articles, cache, RunOptions(model=model, jobs=jobs), on_failed=on_failed
        ):
            yield article, analysis


def cmd_analyze(args: argparse.Namespace) -> int:
    if args.engine != "local" or args.format == "parquet" or args.scheduler or args.workers:
        from tui.analyze_scaled import cmd_analyze_scaled

        return cmd_analyze_scaled(args)
    from analysis.failures import Skipped, skipped_summary

    articles = load_corpus(args.paths)
    skipped = Skipped(warn)
    results = run_analysis(articles, args.model, args.jobs, not args.no_cache, skipped)
    write_output(args, articles, results)
    if skipped.failed:
        warn(skipped_summary(len(skipped.failed)))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    import json

    from analysis.failures import Skipped
    from analysis.runner import RunOptions, analyze_corpus
    from analysis.sanitize import strip_controls
    from analysis.search import SearchIndex

    articles = load_corpus(args.paths)
    with opened_cache(not args.no_cache) as cache:
        index = SearchIndex(cache)
        for article, analysis, _ in analyze_corpus(
            articles, cache, RunOptions(model=args.model, jobs=args.jobs),
            on_failed=Skipped(warn),
        ):
            index.add(article, analysis)
        hits = index.search(args.query, kind=args.kind, limit=args.limit)
        index.close()
    if not hits:
        print(f"copydesk: {no_hits_message(args.query, args.kind)}", file=sys.stderr)
    for hit in hits:
        if args.format == "jsonl":
            print(json.dumps(hit.to_dict(), ensure_ascii=False))
        else:
            who = hit.speaker or hit.label or (hit.value if hit.value is not None else "")
            who = f" — {who}" if who != "" else ""
            snippet = strip_controls(" ".join(hit.text.split()))
            title = strip_controls(hit.title or hit.path)
            print(f"{hit.score:5.1f}  {hit.kind:<8} {snippet[:100]}{who}  [{title}]")
    return EXIT_OK


def cmd_app(argv: list[str]) -> int:
    args = build_app_parser().parse_args(argv)
    paths = args.paths or [str(SEEDS)]
    result = load_inputs(paths)  # its warnings go to the app's log (L), not to the terminal
    from tui.app import CopydeskApp
    from tui.screens.log import LoadLog

    CopydeskApp(result.articles, model=args.model, use_cache=not args.no_cache,
                load_log=LoadLog.from_result(result)).run()
    return EXIT_OK


def _log_crash() -> str:
    from analysis.cache import cache_dir

    try:
        directory = cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        log = directory / "crash.log"
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} copydesk {__version__}\n")
            handle.write(traceback.format_exc())
        return str(log)
    except OSError:
        return "(no log: the cache directory is not writable)"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``copydesk`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in ("analyze", "search", *DESK_COMMANDS):
            args = build_parser().parse_args(argv)
            if args.command in DESK_COMMANDS:
                return run_desk(args, load_corpus, opened_cache)
            return cmd_analyze(args) if args.command == "analyze" else cmd_search(args)
        return cmd_app(argv)
    except UsageError as exc:
        print(f"copydesk: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("copydesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into something that stopped reading (e.g. `| head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: message + log
        from analysis.errors import ModelNotFound

        if isinstance(exc, ModelNotFound):
            print(f"copydesk: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        log = _log_crash()
        print(f"copydesk: internal error: {exc.__class__.__name__}: {exc} (traceback in {log})",
              file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
