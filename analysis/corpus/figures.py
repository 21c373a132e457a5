"""The figures view: number facts grouped by what they measure, disagreements flagged.

A group is every figure of the scope with the same measure key (``measure.py``: kind, unit,
event, counted class). A group is flagged ``disagree`` when it has an event and two of its
figures from the same story allow no common value given their qualifiers (``interval``). Two
figures are of the same story when they are in one article, or their articles are dated at most
``STORY_DAYS`` apart and share a place (an identity labelled GPE, LOC or FAC). Undated articles
are compared only with themselves.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from datetime import date
from itertools import groupby

from analysis.corpus.identity import Identity
from analysis.corpus.measure import group_label, interval
from analysis.corpus.records import DeskFact, Figure, FigureGroup
from analysis.corpus.views import matches

STORY_DAYS = 3
PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
# Pairs of articles compared per group at most (a bound on time for huge groups).
MAX_PAIRS = 200_000

_SELECT = (
    "SELECT n.measure, n.value, n.value_max, n.qualifier, n.text, n.kind, n.unit, n.counted,"
    " n.source, a.key, a.article_id, a.path, a.title, a.date, n.start, n.end, n.aid"
    " FROM desk_number n JOIN desk_scope s ON s.aid = n.aid JOIN desk_article a ON a.aid = n.aid"
    " WHERE n.measure IS NOT NULL"
    " ORDER BY n.measure, a.date IS NULL, a.date, a.path, n.aid, n.start"
)


def figure_groups(conn: sqlite3.Connection, identities: dict[str, Identity], filter: str,
                  limit: int | None) -> list[FigureGroup]:
    """Every measure group of the scope matching ``filter``; flagged first, then biggest."""
    places = _Places(conn, identities)
    groups = []
    for key, rows in groupby(conn.execute(_SELECT), key=lambda r: r[0]):
        rows = list(rows)
        counted = [w for w, _ in Counter(
            r[7].lower() for r in rows if r[7]).most_common()]
        label = group_label(key, counted)
        if filter and not (matches(filter, label, *counted)
                           or any(filter.casefold() in r[4].casefold() for r in rows)):
            continue
        figures = tuple(
            Figure(r[1], r[2], r[3] or "exact", r[4], r[5], r[6], r[7], r[8],
                   DeskFact("number", r[9], r[10], r[11], r[12], r[13], r[14], r[15], r[4],
                            r[8]))
            for r in rows
        )
        flagged = bool(key.split("|")[2]) and _disagree(rows, places)
        groups.append(FigureGroup(label, rows[0][5], rows[0][6], flagged, figures))
    groups.sort(key=lambda g: (not g.disagree, -len(g.figures), g.group))
    return groups if limit is None else groups[:max(0, limit)]


class _Places:
    """The place identities of articles, read on demand."""

    def __init__(self, conn: sqlite3.Connection, identities: dict[str, Identity]) -> None:
        self.conn = conn
        self.identities = identities
        self.of: dict[int, set[str]] = {}

    def get(self, aids: set[int]) -> dict[int, set[str]]:
        missing = [a for a in aids if a not in self.of]
        for i in range(0, len(missing), 500):
            chunk = missing[i:i + 500]
            for aid in chunk:
                self.of[aid] = set()
            marks = ",".join("?" * len(chunk))
            for aid, iid in self.conn.execute(
                "SELECT m.aid, i.iid FROM desk_mention m JOIN desk_ident i ON i.nid = m.nid"
                f" WHERE m.aid IN ({marks})", chunk
            ):
                ident = self.identities.get(iid)
                if ident is not None and ident.label in PLACE_LABELS:
                    self.of[aid].add(iid)
        return self.of


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def _disagree(rows: list[tuple], places: _Places) -> bool:
    """Do two figures of one story allow no common value?"""
    spans = [(r[16], r[13], interval(r[1], r[2], r[3] or "exact")) for r in rows]
    spans = [s for s in spans if s[2] is not None]
    if not spans or max(s[2][0] for s in spans) <= min(s[2][1] for s in spans):
        return False  # every figure allows a common value
    # Per article: the highest lower bound and the lowest upper bound of its figures.
    per: dict[int, list[float]] = defaultdict(lambda: [float("-inf"), float("inf")])
    day: dict[int, int | None] = {}
    for aid, iso, (lo, hi) in spans:
        bounds = per[aid]
        bounds[0], bounds[1] = max(bounds[0], lo), min(bounds[1], hi)
        day[aid] = _day(iso)
    if any(lo > hi for lo, hi in per.values()):
        return True
    dated = sorted((d, aid) for aid, d in day.items() if d is not None)
    if len(dated) < 2:
        return False
    place = places.get({aid for _, aid in dated})
    pairs = 0
    for i, (d1, a) in enumerate(dated):
        for d2, b in dated[i + 1:]:
            if d2 - d1 > STORY_DAYS:
                break
            pairs += 1
            if pairs > MAX_PAIRS:
                return False
            (lo_a, hi_a), (lo_b, hi_b) = per[a], per[b]
            if (lo_a > hi_b or lo_b > hi_a) and place[a] & place[b]:
                return True
    return False
