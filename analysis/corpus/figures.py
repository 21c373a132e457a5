"""The figures view: number facts grouped by what they measure, disagreements flagged.

A group is every figure of the scope with the same measure key (``measure.py``: kind, unit,
event, counted class). A group is flagged ``disagree`` when its event is one that gives a single
total (``FLAGGED_EVENTS``: killed, injured, arrested, cost ..., not votes) and two of its figures
of one story allow no common value given their qualifiers (``interval``). Two figures are of one
story when they are in articles dated at most ``STORY_DAYS`` apart and their sentences name a
common entity (a person, organisation or place; not a nationality), or when they are in one
article and given by different sources. Figures of two articles disagree only if neither
article also gives a figure compatible with the other's (a copy of one story, or one story
citing both figures, is no disagreement between articles). Two figures of one article from
one voice are usually parts of a whole or different incidents ("five died in Lviv, three in
Odesa"). In a flagged group the figures that disagree come first.

The groups, their sizes and flags come from SQL aggregates; a group's figures are read when its
``figures`` is first used (a :class:`FigureList`, a read-only sequence that knows its length),
so opening the view does not build every figure of a 10,000-article corpus. They are read from
the desk's scope at that moment.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import NamedTuple

from analysis.corpus.measure import FLAGGED_EVENTS, group_label
from analysis.corpus.records import DeskFact, Figure, FigureGroup
from analysis.corpus.views import matches

STORY_DAYS = 3
# Pairs of figures compared per group at most (a bound on time for huge groups).
MAX_PAIRS = 200_000

# {scope}: the SQL condition selecting the scoped n.aid.
_SCOPED = " FROM desk_number n WHERE n.measure IS NOT NULL AND {scope}"
_GROUPS = ("SELECT n.measure, n.counted, count(*), max(n.lo), min(n.hi)" + _SCOPED
           + " GROUP BY n.measure, n.counted")
_TEXT_MATCH = "SELECT DISTINCT n.measure" + _SCOPED + " AND instr(lower(n.text), ?) > 0"
_POINTS = ("SELECT n.rowid, n.aid, a.date, n.lo, n.hi, n.near, n.source"
           " FROM desk_number n JOIN desk_counted s ON s.aid = n.aid"
           " JOIN desk_article a ON a.aid = n.aid WHERE n.measure = ? AND n.lo IS NOT NULL")
_FIGURES = ("SELECT n.rowid, n.value, n.value_max, n.qualifier, n.text, n.kind, n.unit, n.counted,"
            " n.source, a.key, a.article_id, a.path, a.title, a.date, n.start, n.end"
            " FROM desk_number n JOIN desk_counted s ON s.aid = n.aid"
            " JOIN desk_article a ON a.aid = n.aid WHERE n.measure = ?"
            " ORDER BY a.date IS NULL, a.date, a.path, n.aid, n.start")


class Point(NamedTuple):
    """What the disagreement test needs of a figure."""

    fid: int  # the figure's row
    aid: int
    day: int | None
    lo: float
    hi: float
    near: frozenset[str]  # identities named in its sentence
    source: str | None


class FigureList(Sequence[Figure]):
    """A group's figures, read on first use; ``len`` is known without reading them."""

    def __init__(self, count: int, load: Callable[[], tuple[Figure, ...]]) -> None:
        self._count = count
        self._load: Callable[[], tuple[Figure, ...]] | None = load
        self._items: tuple[Figure, ...] = ()

    def _all(self) -> tuple[Figure, ...]:
        if self._load is not None:
            self._items, self._load = self._load(), None
            self._count = len(self._items)
        return self._items

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # type: ignore[override]
        return self._all()[index]

    def __iter__(self) -> Iterator[Figure]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return f"FigureList({self._count} figures)"


def figure_groups(conn: sqlite3.Connection, nid_iid: dict[int, str], scope: str, filter: str,
                  limit: int | None, read: Callable[[Callable[[], list]], list] = lambda f: f()
                  ) -> list[FigureGroup]:
    """Every measure group of the scope matching ``filter``; flagged first, then biggest.

    ``scope`` is the SQL condition selecting the scoped ``n.aid``; ``read`` wraps the later
    reading of a group's figures (the desk passes its lock).
    """
    totals: dict[str, list] = {}  # measure -> [count, max lo, min hi, Counter of counted]
    for key, counted, n, max_lo, min_hi in conn.execute(_GROUPS.format(scope=scope)):
        t = totals.setdefault(key, [0, None, None, Counter()])
        t[0] += n
        if max_lo is not None:
            t[1] = max_lo if t[1] is None else max(t[1], max_lo)
            t[2] = min_hi if t[2] is None else min(t[2], min_hi)
        if counted:
            t[3][counted.lower()] += n
    by_text = set()
    if filter:
        by_text = {k for (k,) in conn.execute(_TEXT_MATCH.format(scope=scope),
                                              (filter.casefold(),))}
    groups = []
    for key, (count, max_lo, min_hi, counted) in totals.items():
        words = [w for _, w in sorted((-n, w) for w, n in counted.items())]
        label = group_label(key, words)
        if filter and key not in by_text and not matches(filter, label, *words):
            continue
        conflicts: set[int] = set()
        if key.split("|")[2] in FLAGGED_EVENTS and max_lo is not None and max_lo > min_hi:
            conflicts = disagreeing(points(conn.execute(_POINTS, (key,)), nid_iid))
        kind, unit = key.split("|")[:2]
        figures = FigureList(count, _loader(conn, key, read, conflicts))
        groups.append(FigureGroup(label, kind, unit or None, bool(conflicts),
                                  figures))  # type: ignore[arg-type]
    groups.sort(key=lambda g: (not g.disagree, -len(g.figures), g.group))
    return groups if limit is None else groups[:max(0, limit)]


def _loader(conn: sqlite3.Connection, key: str, read, first: set[int]
            ) -> Callable[[], tuple[Figure, ...]]:
    def rows() -> list[tuple]:
        got = conn.execute(_FIGURES, (key,)).fetchall()
        return sorted(got, key=lambda r: r[0] not in first) if first else got

    def load() -> tuple[Figure, ...]:
        return tuple(
            Figure(r[1], r[2], r[3] or "exact", r[4], r[5], r[6], r[7], r[8],
                   DeskFact("number", r[9], r[10], r[11], r[12], r[13], r[14], r[15], r[4],
                            r[8]))
            for r in read(rows))
    return load


def points(rows, nid_iid: dict[int, str]) -> list[Point]:
    """Points from ``(fid, aid, date, lo, hi, near, source)`` rows."""
    out = []
    entities: dict[str | None, frozenset[str]] = {}  # the same strings recur: parse each once
    days: dict[str | None, int | None] = {}
    for fid, aid, iso, lo, hi, near, source in rows:
        ids = entities.get(near)
        if ids is None:
            ids = entities[near] = frozenset(
                nid_iid[int(n)] for n in (near or "").split() if int(n) in nid_iid)
        day = days[iso] if iso in days else days.setdefault(iso, _day(iso))
        out.append(Point(fid, aid, day, lo, hi, ids, source))
    return out


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def _apart(a: Point, b: Point) -> bool:
    return a.lo > b.hi or b.lo > a.hi


def _one_story(a: Point, b: Point) -> bool:
    """Two figures of one article from different sources (other stories: ``disagreeing``)."""
    return a.aid == b.aid and bool(a.source and b.source and a.source != b.source)


def disagreeing(pts: list[Point]) -> set[int]:
    """The figures (``fid``) of which some other figure of its story allows no common value.

    Across articles, figures are compared only with the figures of the same few days whose
    sentences name the same entity, and identical figures (a wire story run by several outlets)
    are compared once; at most ``MAX_PAIRS`` comparisons are made per group.
    """
    found: set[int] = set()
    if not pts or max(p.lo for p in pts) <= min(p.hi for p in pts):
        return found  # every figure allows a common value
    budget = MAX_PAIRS
    by_article: dict[int, list[Point]] = defaultdict(list)
    for p in pts:
        if p.source:
            by_article[p.aid].append(p)
    for same in by_article.values():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                budget -= 1
                if _apart(a, b) and _one_story(a, b):
                    found |= {a.fid, b.fid}
    alike: dict[tuple, list[Point]] = defaultdict(list)
    for p in pts:
        if p.day is not None and p.near:
            alike[(p.day, p.lo, p.hi, p.near)].append(p)
    by_entity: dict[str, list[tuple]] = defaultdict(list)
    for sig in alike:
        for entity in sig[3]:
            by_entity[entity].append(sig)
    intervals: dict[int, list[Point]] = defaultdict(list)
    for p in pts:
        intervals[p.aid].append(p)

    known: dict[tuple[int, float, float], bool] = {}

    def reports(aid: int, lo: float, hi: float) -> bool:  # does ``aid`` give a figure like it?
        key = (aid, lo, hi)
        if key not in known:
            known[key] = any(not (lo > r.hi or r.lo > hi) for r in intervals[aid])
        return known[key]

    seen: set[tuple[tuple, tuple]] = set()
    for sigs in by_entity.values():
        sigs.sort(key=lambda sig: sig[0])
        for i, a in enumerate(sigs):
            for b in sigs[i + 1:]:
                if b[0] - a[0] > STORY_DAYS:
                    break
                budget -= 1
                if budget <= 0:
                    return found
                if (a[1] > b[2] or b[1] > a[2]) and (a, b) not in seen:
                    seen.add((a, b))
                    for x in {p.aid for p in alike[a]}:
                        for y in {q.aid for q in alike[b]}:
                            budget -= 1
                            # Articles that also give the other's figure do not contradict it
                            # (a copy of one story, or a story citing both figures).
                            if (x != y and not reports(y, a[1], a[2])
                                    and not reports(x, b[1], b[2])):
                                found.update(p.fid for p in alike[a] if p.aid == x)
                                found.update(q.fid for q in alike[b] if q.aid == y)
    return found
