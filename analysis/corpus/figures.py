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
``figures`` is first used (a ``lazy.LazySequence``, which knows its length at once), so opening
the view does not build every figure of a 10,000-article corpus. They are read from the desk's
scope at that moment.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from analysis.corpus.lazy import LazySequence
from analysis.corpus.measure import FLAGGED_EVENTS, counted_thing, group_label
from analysis.corpus.records import DeskFact, Figure, FigureGroup
from analysis.corpus.story import same_time
from analysis.corpus.views import matches
from analysis.names import name_key

STORY_DAYS = 3
# Pairs of figures compared per group at most (a bound on time for huge groups).
MAX_PAIRS = 200_000
# Roles that are never compared (``story.py``): a part of a whole, a forecast, an earlier value.
NOT_COMPARED = frozenset(["part", "forecast", "earlier"])
WIDE_NAMES = {"-1": " worldwide", "-2": " nationwide"}

# {scope}: the SQL condition selecting the scoped n.aid.
_SCOPED = " FROM desk_number n WHERE n.measure IS NOT NULL AND {scope}"
_GROUPS = ("SELECT n.measure, n.counted, count(*), max(n.lo), min(n.hi)" + _SCOPED
           + " GROUP BY n.measure, n.counted")
_TEXT_MATCH = "SELECT DISTINCT n.measure" + _SCOPED + " AND instr(lower(n.text), ?) > 0"
_POINTS = ("SELECT n.rowid, n.aid, a.date, n.lo, n.hi, n.places, n.own_place, n.day,"
           " n.own_day, n.role, n.source, n.counted"
           " FROM desk_number n JOIN desk_counted s ON s.aid = n.aid"
           " JOIN desk_article a ON a.aid = n.aid WHERE n.measure = ? AND n.lo IS NOT NULL")
# In date order (a rising toll reads as a timeline): the figure's own day, else its article's
# (a day of an unknown year, "--11-27", sorts by its article).
_WHEN = "coalesce(CASE WHEN n.day LIKE '--%' THEN NULL ELSE n.day END, a.date)"
_FIGURES = ("SELECT n.rowid, n.value, n.value_max, n.qualifier, n.text, n.kind, n.unit, n.counted,"
            " n.source, a.key, a.article_id, a.path, a.title, a.date, n.start, n.end,"
            " n.value_from, n.day, n.role"
            " FROM desk_number n JOIN desk_counted s ON s.aid = n.aid"
            " JOIN desk_article a ON a.aid = n.aid WHERE n.measure = ?"
            " ORDER BY " + _WHEN + " IS NULL, " + _WHEN + ", a.path, n.aid, n.start")


class Point(NamedTuple):
    """What the disagreement test needs of a figure (its story: see ``story.py``)."""

    fid: int  # the figure's row
    aid: int
    day: int | None  # the day its article reports it
    lo: float
    hi: float
    places: frozenset[str]  # identities of its places
    own_place: bool
    when: str | None
    own_when: bool
    role: str
    source: str | None  # who gives it (name key), None when nobody is named
    first_place: str | None = None  # the place it names first ("Makiivka in eastern Ukraine")
    counts: str | None = None  # what it counts (``measure.counted_thing``), None if unsaid



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
        story = None
        if key.split("|")[2] in FLAGGED_EVENTS and max_lo is not None and max_lo > min_hi:
            conflicts, where = disagreeing(points(conn.execute(_POINTS, (key,)), nid_iid))
            if conflicts:
                story = story_label(conn, key.split("|")[2], where, nid_iid)
        kind, unit = key.split("|")[:2]
        figures = LazySequence(count, _loader(conn, key, read, conflicts), "figures")
        groups.append(FigureGroup(label, kind, unit or None, bool(conflicts),
                                  figures, story))  # type: ignore[arg-type]
    groups.sort(key=lambda g: (not g.disagree, -len(g.figures), g.group))
    return groups if limit is None else groups[:max(0, limit)]


def story_label(conn: sqlite3.Connection, event: str, where: tuple,
                nid_iid: dict[int, str]) -> str:
    """ "killed in Makiivka, 2023-01-02": the story of a disagreement, from its place and time
    (and its article's title when the figures are of one article)."""
    place, when, aid = where
    name = WIDE_NAMES.get(place) if place is not None else None
    if place is not None and name is None:
        nid = next((n for n, i in nid_iid.items() if i == place), None)
        if nid is None and place.lstrip("-").isdigit():
            nid = int(place)
        row = conn.execute("SELECT name FROM desk_name WHERE nid = ?", (nid,)).fetchone()
        name = f" in {row[0]}" if row else None
    parts = [event + (name or "")]
    if when:
        parts.append(when)
    if aid is not None:  # one article: name it
        row = conn.execute("SELECT coalesce(title, path) FROM desk_article WHERE aid = ?",
                           (aid,)).fetchone()
        if row:
            parts.append(f"in “{row[0]}”")
    return ", ".join(parts)


def _loader(conn: sqlite3.Connection, key: str, read, first: set[int]
            ) -> Callable[[], tuple[Figure, ...]]:
    def rows() -> list[tuple]:
        got = conn.execute(_FIGURES, (key,)).fetchall()
        return sorted(got, key=lambda r: r[0] not in first) if first else got

    def load() -> tuple[Figure, ...]:
        return tuple(
            Figure(r[1], r[2], r[3] or "exact", r[4], r[5], r[6], r[7], r[8],
                   DeskFact("number", r[9], r[10], r[11], r[12], r[13], r[14], r[15], r[4],
                            r[8]), r[16], r[17], r[18] or "", r[0] in first)
            for r in read(rows))
    return load


def points(rows, nid_iid: dict[int, str]) -> list[Point]:
    """Points from ``(fid, aid, date, lo, hi, places, own_place, day, own_day, role, source,
    counted)`` rows; places become identities (a place name no identity knows stays its own)."""
    out = []
    places: dict[str | None, frozenset[str]] = {}  # the same strings recur: parse each once
    days: dict[str | None, int | None] = {}
    voices: dict[str | None, str | None] = {}
    firsts: dict[str | None, str | None] = {}
    for fid, aid, iso, lo, hi, where, own_place, when, own_when, role, source, counted in rows:
        ids = places.get(where)
        if ids is None:
            ordered = [nid_iid.get(int(n), n) for n in (where or "").split()]
            ids = places[where] = frozenset(ordered)
            firsts[where] = ordered[0] if ordered else None
        day = days[iso] if iso in days else days.setdefault(iso, _day(iso))
        voice = voices[source] if source in voices else voices.setdefault(
            source, name_key(source) if source else None)
        out.append(Point(fid, aid, day, lo, hi, ids, bool(own_place), when, bool(own_when),
                         role or "", voice, firsts[where], counted_thing(counted)))
    return out


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def _same_thing(a: str | None, b: str | None) -> bool:
    """Two figures count the same thing unless both say what they count and it differs."""
    return a is None or b is None or a == b


def _apart(a: Point, b: Point) -> bool:
    return a.lo > b.hi or b.lo > a.hi


def _in_article(a: Point, b: Point) -> bool:
    """Two figures of one article are of one story, at one time, and at odds.

    They need two different voices (one voice giving two figures is usually parts of a whole or
    separate incidents), the same place and time where both name theirs, and neither may be an
    update (a later count supersedes the article's earlier one: a timeline)."""
    return (bool(a.source and b.source and a.source != b.source)
            and "update" not in (a.role, b.role)
            and (not (a.own_place and b.own_place) or bool(a.places & b.places))
            and same_time(a.when, a.own_when, b.when, b.own_when))


def disagreeing(pts: list[Point]) -> tuple[set[int], tuple]:
    """The figures (``fid``) of which some other figure of its story allows no common value,
    and where the first such story is: ``(place nid or None, when, aid if one article)``.

    Figures of two articles are of one story when the articles report within ``STORY_DAYS`` of
    each other, share a place and name no different times. Reported on one day they disagree
    when apart; reported on different days only when different voices give them (one voice's
    rising count is a timeline). Identical figures (a wire story run by several outlets) are
    compared once; at most ``MAX_PAIRS`` comparisons are made per group.
    """
    found: set[int] = set()
    where: tuple = ()
    pts = [p for p in pts if p.role not in NOT_COMPARED]
    if not pts or max(p.lo for p in pts) <= min(p.hi for p in pts):
        return found, where  # every figure allows a common value
    budget = MAX_PAIRS
    by_article: dict[int, list[Point]] = defaultdict(list)
    for p in pts:
        by_article[p.aid].append(p)
    for same in by_article.values():
        voiced = [p for p in same if p.source]
        for i, a in enumerate(voiced):
            for b in voiced[i + 1:]:
                budget -= 1
                if _apart(a, b) and _same_thing(a.counts, b.counts) and _in_article(a, b):
                    found |= {a.fid, b.fid}
                    where = where or (_a_place(a, b), a.when if a.own_when else b.when, a.aid)
    alike: dict[tuple, list[Point]] = defaultdict(list)
    for p in pts:
        if p.day is not None and p.places:
            alike[(p.day, p.lo, p.hi, p.places, p.when, p.own_when, p.source, p.counts)
                  ].append(p)
    by_place: dict[str, list[tuple]] = defaultdict(list)
    for sig in alike:
        for place in sig[3]:
            by_place[place].append(sig)

    known: dict[tuple[int, float, float], bool] = {}

    def reports(aid: int, lo: float, hi: float) -> bool:  # does ``aid`` give a figure like it?
        key = (aid, lo, hi)
        if key not in known:
            known[key] = any(not (lo > r.hi or r.lo > hi) for r in by_article[aid])
        return known[key]

    seen: set[tuple[tuple, tuple]] = set()
    for place, sigs in by_place.items():
        sigs.sort(key=lambda sig: sig[0])
        for i, a in enumerate(sigs):
            for b in sigs[i + 1:]:
                if b[0] - a[0] > STORY_DAYS:
                    break
                budget -= 1
                if budget <= 0:
                    return found, where
                if (a, b) in seen or not (a[1] > b[2] or b[1] > a[2]):
                    continue
                seen.add((a, b))
                if not _same_thing(a[7], b[7]):
                    continue  # one counts a part of what the other counts
                if not same_time(a[4], a[5], b[4], b[5]):
                    continue  # the figures name different times
                if a[0] != b[0] and not (a[6] != b[6] and (a[6] or b[6])):
                    continue  # one voice (or none) on different days: a timeline
                for x in {p.aid for p in alike[a]}:
                    for y in {q.aid for q in alike[b]}:
                        budget -= 1
                        # Articles that also give the other's figure do not contradict it
                        # (a copy of one story, or a story citing both figures).
                        if (x != y and not reports(y, a[1], a[2])
                                and not reports(x, b[1], b[2])):
                            found.update(p.fid for p in alike[a] if p.aid == x)
                            found.update(q.fid for q in alike[b] if q.aid == y)
                            where = where or (place, a[4] or b[4] or _iso(a[0]), None)
    return found, where


def _a_place(a: Point, b: Point) -> str | None:
    """A place to name the story of ``a`` and ``b`` by: one of their own places, else shared."""
    own = [p for p in (a, b) if p.own_place]
    shared = (own[0].places & own[1].places if len(own) == 2 else
              own[0].places if own else a.places & b.places)
    first = next((p.first_place for p in own if p.first_place in shared), None)
    return first or (min(shared) if shared else None)


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None
