"""What every ``copydesk`` command shares: exit codes, usage errors, warnings, reading the inputs,
the cache and writing the output.

:mod:`tui.cli` (the entry point and the local commands) and :mod:`tui.analyze_scaled` (the Dask and
Parquet paths) both build on this module; it imports neither, so imports run one way.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.cache import Cache

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input or arguments: reported in one line with exit code 2."""


def warn(message: str) -> None:
    """Print a warning for the user on stderr ("copydesk: warning: …"); the run goes on."""
    print(f"copydesk: warning: {message}", file=sys.stderr)


def positive_int(value: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def no_hits_message(query: str, kind: str | None = None) -> str:
    """What a search with no hits says (the CLI on stderr, the app's search on its status line):
    ``no hits for "himars" among claims``."""
    from analysis.sanitize import strip_controls

    shown = " ".join(strip_controls(query).split())
    where = f" among {kind}s" if kind else ""
    return f'no hits for "{shown}"{where}'


def load_inputs(paths: list[str]):
    """Load articles (an :class:`analysis.loader.LoadResult`); UsageError when none is readable,
    with the warnings that say why printed first."""
    from analysis.loader import load

    result = load(paths)
    if not result.articles:
        for message in result.warnings:
            warn(message)
        if result.missing and len(result.missing) == len(paths):
            raise UsageError("no such file or folder: " + ", ".join(result.missing))
        raise UsageError("no readable article in " + ", ".join(paths))
    return result


def load_corpus(paths: list[str]):
    """Load articles, printing warnings; UsageError when nothing is readable."""
    result = load_inputs(paths)
    for message in result.warnings:
        warn(message)
    return result.articles


@contextmanager
def opened_cache(use_cache: bool) -> Iterator[Cache | None]:
    """The analysis cache (None with --no-cache or when unusable), closed afterwards."""
    from analysis.cache import open_cache

    cache = open_cache(warn) if use_cache else None
    try:
        yield cache
    finally:
        if cache:
            cache.close()


def write_output(args: argparse.Namespace, articles, results) -> None:
    """Write ``(article, analysis)`` results in ``args.format`` to ``-o`` or stdout."""
    from analysis.export import write

    if not args.output:
        write(args.format, results, sys.stdout)
        return
    # A symlink is followed (the link stays a link); the file it names is the output.
    out_path = Path(os.path.realpath(args.output))
    if any(os.path.realpath(a.path) == str(out_path) for a in articles):
        raise UsageError(f"-o {args.output} is one of the inputs; refusing to overwrite it")
    try:
        if out_path.exists() and not out_path.is_file():
            # A device or pipe (-o /dev/null, a FIFO) is written to, never replaced by a file.
            with open(out_path, "w", encoding="utf-8", newline="") as out:
                write(args.format, results, out)
            return
        tmp = out_path.with_name(out_path.name + ".part")
        try:
            with open(tmp, "w", encoding="utf-8", newline="") as out:
                write(args.format, results, out)
            tmp.replace(out_path)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror}") from None
