"""``copydesk speakers|entities|figures``: the corpus desk's views on the command line (SPEC §1).

The same ``analysis.corpus.CorpusDesk`` the app's views use: articles not indexed yet are
analysed (through the cache, or in memory with ``--no-cache``), the desk is scoped to the given
articles, and the view is printed as an aligned table (``text``), one JSON object per line
(``jsonl``) or CSV.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from analysis.sanitize import strip_controls

if TYPE_CHECKING:
    from analysis.corpus import CorpusDesk

COMMANDS = ("speakers", "entities", "figures")
# Articles indexed per transaction while analysing.
_BATCH = 64
# Co-occurring entities listed per entity (jsonl/csv) and in the text table.
CO_LIMIT, CO_TEXT = 10, 3
# Figures listed per group in the text table (jsonl and csv list all).
FIGURES_TEXT = 12


def add_parsers(sub: argparse._SubParsersAction, positive_int: Callable[[str], int]) -> None:
    """Register the three desk commands on ``copydesk``'s subparsers."""
    from analysis.version import DEFAULT_MODEL

    helps = {
        "speakers": "every quote speaker across the corpus, most quoted first",
        "entities": "every entity across the corpus, in most articles first",
        "figures": "number facts grouped by what they measure; disagreeing groups first",
    }
    for name in COMMANDS:
        p = sub.add_parser(name, help=helps[name], description=helps[name].capitalize() + ".")
        p.add_argument("paths", nargs="+", metavar="PATH",
                       help="files, folders (recursive), globs, or - for standard input")
        p.add_argument("--format", choices=("text", "jsonl", "csv"), default="text")
        p.add_argument("--limit", type=positive_int, metavar="N", help="print the first N only")
        p.add_argument("--filter", default="", metavar="TEXT",
                       help="only names/aliases (figures: group, counted or text) matching TEXT")
        if name != "figures":
            p.add_argument("--sort", choices=("count", "name"), default="count")
        p.add_argument("--model", default=DEFAULT_MODEL)
        p.add_argument("--jobs", type=positive_int, default=1, metavar="N")
        p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")


def run(args: argparse.Namespace, load_corpus: Callable[[list[str]], list],
        opened_cache: Callable[[bool], Any]) -> int:
    """Index what is not indexed yet, scope the desk to the articles, print the view."""
    from analysis.cache import cache_key
    from analysis.corpus import CorpusDesk

    articles = load_corpus(args.paths)
    keys = [cache_key(a.text, args.model, a.date) for a in articles]
    with opened_cache(not args.no_cache) as cache:
        desk = CorpusDesk(cache.conn) if cache else CorpusDesk.in_memory()
        try:
            _index(desk, articles, keys, cache, args)
            desk.scope(keys)
            VIEWS[args.command](desk, args, sys.stdout)
        finally:
            desk.close()
    return 0


def _index(desk: CorpusDesk, articles: list, keys: list[str], cache, args) -> None:
    from analysis.runner import RunOptions, analyze_corpus

    known = desk.indexed(keys)
    todo = [(a, k) for a, k in zip(articles, keys, strict=True) if k not in known]
    if not todo:
        return
    if sys.stderr.isatty():
        print(f"copydesk: analysing {len(todo)} article(s) not indexed yet…", file=sys.stderr)
    batch = []
    todo_keys = dict((id(a), k) for a, k in todo)
    for article, analysis, _ in analyze_corpus(
        [a for a, _ in todo], cache, RunOptions(model=args.model, jobs=args.jobs)
    ):
        batch.append((todo_keys[id(article)], article, analysis))
        if len(batch) >= _BATCH:
            desk.add(batch)
            batch.clear()
    desk.add(batch)


# Views -----------------------------------------------------------------------------------------


def _speakers(desk: CorpusDesk, args: argparse.Namespace, out: TextIO) -> None:
    from analysis.corpus.serialize import SPEAKER_CSV, speaker_csv, speaker_dict

    rows = desk.speakers(filter=args.filter, sort=args.sort)
    shown = rows[:args.limit] if args.limit else rows
    if args.format == "jsonl":
        for row in shown:
            _json(out, speaker_dict(row, desk.speaker_facts(row.speaker_id)))
    elif args.format == "csv":
        _csv(out, SPEAKER_CSV, [speaker_csv(r) for r in shown])
    else:
        _table(out, ("QUOTES", "CLAIMS", "ARTICLES", "SPEAKER", "LABEL", "ALSO"),
               [(r.quotes, r.claims, r.articles, r.name, r.label or "-", ", ".join(r.aliases))
                for r in shown])
        _footer(out, len(shown), len(rows), "speaker")


def _entities(desk: CorpusDesk, args: argparse.Namespace, out: TextIO) -> None:
    from analysis.corpus.serialize import ENTITY_CSV, entity_csv, entity_dict

    rows = desk.entities(filter=args.filter, sort=args.sort)
    shown = rows[:args.limit] if args.limit else rows
    if args.format == "jsonl":
        for row in shown:
            _json(out, entity_dict(row, desk.cooccurring(row.entity_id, CO_LIMIT)))
    elif args.format == "csv":
        _csv(out, ENTITY_CSV,
             [entity_csv(r, desk.cooccurring(r.entity_id, CO_LIMIT)) for r in shown])
    else:
        table = []
        for r in shown:
            co = desk.cooccurring(r.entity_id, CO_TEXT)
            table.append((r.articles, r.mentions, r.name, r.label, ", ".join(r.aliases),
                          ", ".join(f"{c.name} ({c.articles})" for c in co)))
        _table(out, ("ARTICLES", "MENTIONS", "ENTITY", "LABEL", "ALSO", "MOST WITH"), table)
        _footer(out, len(shown), len(rows), "entity", "entities")


def _figures(desk: CorpusDesk, args: argparse.Namespace, out: TextIO) -> None:
    from analysis.corpus.serialize import FIGURE_CSV, figure_csv, group_dict

    groups = desk.figures(filter=args.filter)
    shown = groups[:args.limit] if args.limit else groups
    if args.format == "jsonl":
        for group in shown:
            _json(out, group_dict(group))
        return
    if args.format == "csv":
        _csv(out, FIGURE_CSV, [row for g in shown for row in figure_csv(g)])
        return
    for group in shown:
        what = f"{group.kind}, {group.unit}" if group.unit else group.kind
        flag = "  ** figures disagree **" if group.disagree else ""
        n = len(group.figures)
        out.write(_clean(f"{'!' if group.disagree else '='} {group.group}  "
                         f"({what}; {n} figure{'s' * (n != 1)}){flag}") + "\n")
        if group.story:
            out.write("    story: " + _clean(group.story) + "\n")
        figures = list(group.figures[:FIGURES_TEXT]) if n > FIGURES_TEXT else list(group.figures)
        _table(out, ("FIGURE", "VALUE", "COUNTED", "SOURCE", "ARTICLE", "DATE"),
               [(f.text, _value(f.value, f.value_max, f.qualifier, f.value_from),
                 f.counted or "", f.source or "", f.fact.title or f.fact.path,
                 _when(f.when, f.fact.date))
                for f in figures], indent="    ")
        if n > len(figures):
            out.write(f"    (… {n - len(figures)} more; --format jsonl or csv lists every "
                      "figure)\n")
    _footer(out, len(shown), len(groups), "group")


VIEWS = {"speakers": _speakers, "entities": _entities, "figures": _figures}


# Output helpers --------------------------------------------------------------------------------


def _clean(value: object) -> str:
    """One line of untrusted text, safe for a terminal."""
    return " ".join(strip_controls(str(value)).split())


def _when(when: str | None, article_date: str | None) -> str:
    """A figure's date: its own (a day of an unknown year shows its article's date)."""
    return (when if when and not when.startswith("--") else article_date) or ""


def _value(value, value_max, qualifier: str, value_from=None) -> str:
    if value is None:
        return qualifier
    shown = f"{value}–{value_max}" if value_max is not None else f"{value}"
    if value_from is not None and value_max is None:
        shown = f"{value_from} → {value}"
    return shown if qualifier in ("exact", "range") else f"{qualifier} {shown}"


def _table(out: TextIO, header: tuple[str, ...], rows: list[tuple], indent: str = "",
           width: int = 40) -> None:
    """An aligned table; numbers right-aligned, long cells cut at ``width`` with an ellipsis."""
    if not rows:
        return
    cells = [[_clean(c) for c in row] for row in rows]
    cells = [[c if len(c) <= width else c[:width - 1] + "…" for c in row] for row in cells]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    numeric = [all(isinstance(row[i], int) for row in rows) for i in range(len(header))]

    def line(values: list[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w)
                 for v, w, num in zip(values, widths, numeric, strict=True)]
        return (indent + "  ".join(parts)).rstrip() + "\n"

    out.write(line(list(header)))
    for row in cells:
        out.write(line(row))


def _footer(out: TextIO, shown: int, total: int, noun: str, plural: str | None = None) -> None:
    plural = plural or noun + "s"
    if total == 0:
        print(f"copydesk: no {plural} found", file=sys.stderr)
    elif shown < total:
        out.write(f"({shown} of {total} {plural}; --limit shows more)\n")
    else:
        out.write(f"({total} {noun if total == 1 else plural})\n")


def _json(out: TextIO, record: dict) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _csv(out: TextIO, header: tuple[str, ...], rows: list[list]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
