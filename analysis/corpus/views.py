"""The speakers and entities views: SQL aggregates over the scope, joined to identities."""

from __future__ import annotations

import re
import sqlite3

from rapidfuzz import fuzz

from analysis.corpus.identity import Identity
from analysis.corpus.records import Cooccurrence, DeskFact, EntityRow, SpeakerRow

_DESCRIPTION = re.compile(r"\w['’‘`]s\s+\w")  # "X's son": someone described, not named
UNATTRIBUTED = "unattributed"  # the row of speech whose speaker is no named speaker
# Labels of named speakers: people, organisations, groups, places that speak as a state.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# A filter of this many characters or more also matches fuzzily (typos), not only as a substring.
FUZZY_MIN = 4
FUZZY_SCORE = 85


def matches(query: str, *texts: str | None) -> bool:
    """Case-insensitive substring match of ``query`` in any text, or a close fuzzy match."""
    q = query.strip().casefold()
    if not q:
        return True
    folded = [t.casefold() for t in texts if t]
    if any(q in t for t in folded):
        return True
    return len(q) >= FUZZY_MIN and any(
        fuzz.partial_ratio(q, t, score_cutoff=FUZZY_SCORE) for t in folded
    )


def _limited(rows: list, limit: int | None) -> list:
    return rows if limit is None else rows[:max(0, limit)]


def _sorted(rows: list, sort: str, count_key) -> list:
    if sort == "name":
        return sorted(rows, key=lambda r: (r.name.casefold(), count_key(r)))
    if sort != "count":
        raise ValueError(f"sort must be 'count' or 'name', not {sort!r}")
    return sorted(rows, key=count_key)


def speakers(conn: sqlite3.Connection, identities: dict[str, Identity], scope: str,
             filter: str, sort: str, limit: int | None) -> list[SpeakerRow]:
    """``scope``: the SQL condition selecting the scoped ``sp.aid``. Speakers that are no named
    person, organisation or group (:func:`is_speaker`) come last in one "unattributed" row."""
    rows = conn.execute(
        "SELECT i.iid, sum(sp.kind = 'quote'), sum(sp.kind = 'claim'), count(DISTINCT sp.aid),"
        " sum(sp.claim_kind = 'speech'), sum(sp.claim_kind = 'belief'),"
        " sum(sp.claim_kind = 'intent')"
        " FROM desk_speech sp LEFT JOIN desk_ident i ON sp.nid = i.nid"
        f" WHERE {scope} GROUP BY i.iid")
    out = []
    # quotes, claims, statements, beliefs, intentions of no named speaker
    unnamed = [0, 0, 0, 0, 0]
    for iid, quotes, claims, articles, statements, beliefs, intentions in rows:
        ident = identities.get(iid) if iid is not None else None
        if ident is None or not is_speaker(ident):
            for i, n in enumerate((quotes, claims, statements, beliefs, intentions)):
                unnamed[i] += n or 0
            continue
        if matches(filter, ident.name, *ident.aliases):
            out.append(SpeakerRow(iid, ident.name, ident.label, ident.aliases, quotes, claims,
                                  articles, statements or 0, beliefs or 0, intentions or 0))
    out = _sorted(out, sort, lambda r: (-r.quotes, -r.claims, -r.articles, r.name.casefold(),
                                           r.speaker_id))
    if (unnamed[0] or unnamed[1]) and matches(filter, UNATTRIBUTED):
        named = [iid for iid, ident in identities.items() if not is_speaker(ident)]
        out.append(SpeakerRow(None, UNATTRIBUTED, "", (), unnamed[0], unnamed[1],
                              _unnamed_articles(conn, scope, named), *unnamed[2:]))
    return _limited(out, limit)


def is_speaker(ident: Identity) -> bool:
    """A speaker row is a named person, organisation or group, with a label; a possessive
    description ("Donald Trump's son", "Mrs. Clinton's campaign") is not one."""
    return ident.label in SPEAKER_LABELS and not _DESCRIPTION.search(ident.name)


def _unnamed_where(named: list[str]) -> tuple[str, list[str]]:
    """SQL condition (and its parameters) for speech whose speaker is no named speaker."""
    marks = ",".join("?" * len(named)) or "NULL"
    return f"(i.iid IS NULL OR i.iid IN ({marks}))", named


def _unnamed_articles(conn: sqlite3.Connection, scope: str, named: list[str]) -> int:
    cond, args = _unnamed_where(named)
    return conn.execute(
        "SELECT count(DISTINCT sp.aid) FROM desk_speech sp LEFT JOIN desk_ident i"
        f" ON sp.nid = i.nid WHERE {scope} AND {cond}", args).fetchone()[0]


def _facts(rows) -> list[DeskFact]:
    """Facts from rows of kind, key, article id, path, title, date, start, end, text, speaker
    and, for speech, the claim's kind (named: DeskFact has fields between them)."""
    return [DeskFact(*row[:10], claim_kind=row[10] if len(row) > 10 else None) for row in rows]


def speaker_facts(conn: sqlite3.Connection, identities: dict[str, Identity],
                  speaker_id: str | None) -> list[DeskFact]:
    """A speaker's quotes and claims; ``None``: the unattributed ones."""
    if speaker_id is None:
        cond, args = _unnamed_where(
            [iid for iid, ident in identities.items() if not is_speaker(ident)])
    elif speaker_id in identities:
        cond, args = "i.iid = ?", [speaker_id]
    else:
        return []
    return _facts(conn.execute(
        "SELECT sp.kind, a.key, a.article_id, a.path, a.title, a.date, sp.start, sp.end,"
        " sp.text, n.name, sp.claim_kind FROM desk_speech sp LEFT JOIN desk_ident i"
        " ON sp.nid = i.nid JOIN desk_counted s ON s.aid = sp.aid"
        " JOIN desk_article a ON a.aid = sp.aid"
        f" LEFT JOIN desk_name n ON n.nid = sp.nid WHERE {cond}"
        " ORDER BY a.date IS NULL, a.date, a.path, a.aid, sp.start", args))


def entities(conn: sqlite3.Connection, identities: dict[str, Identity], scope: str,
             filter: str, sort: str, limit: int | None) -> list[EntityRow]:
    """``scope``: the SQL condition selecting the scoped ``m.aid``.

    Counted per name (one mention row per name and article, so no DISTINCT), then summed per
    identity; only identities written with several names in one article need their articles
    counted apart.
    """
    per_name = conn.execute(
        f"SELECT m.nid, count(*), sum(m.mentions) FROM desk_mention m WHERE {scope}"
        " GROUP BY m.nid").fetchall()
    owner = {nid: ident.iid for ident in identities.values() for nid in ident.nids}
    counts: dict[str, list[int]] = {}
    for nid, articles, mentions in per_name:
        c = counts.setdefault(owner[nid], [0, 0, 0])
        c[0] += articles
        c[1] += mentions
        c[2] += 1
    several = [iid for iid, c in counts.items() if c[2] > 1]
    for i in range(0, len(several), 500):
        chunk = several[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for iid, articles in conn.execute(
            "SELECT i.iid, count(DISTINCT m.aid) FROM desk_ident i"
            f" JOIN desk_mention m ON m.nid = i.nid WHERE i.iid IN ({marks}) AND {scope}"
            " GROUP BY i.iid", chunk
        ):
            counts[iid][0] = articles
    out = []
    for iid, (articles, mentions, _names) in counts.items():
        ident = identities[iid]
        if matches(filter, ident.name, *ident.aliases):
            out.append(EntityRow(iid, ident.name, ident.label, ident.aliases, articles, mentions))
    out = _sorted(out, sort, lambda r: (-r.articles, -r.mentions, r.name.casefold(),
                                           r.entity_id))
    return _limited(out, limit)


def entity_articles(conn: sqlite3.Connection, entity_id: str) -> list[DeskFact]:
    # SQLite takes the bare columns of a min() aggregate from the row holding the minimum.
    return _facts(
        (kind, key, aid_, path, title, date, start, end, text, None)
        for kind, key, aid_, path, title, date, start, end, text, _ in conn.execute(
            "SELECT 'mention', a.key, a.article_id, a.path, a.title, a.date, m.start, m.end,"
            " m.text, min(m.start) FROM desk_ident i JOIN desk_mention m ON m.nid = i.nid"
            " JOIN desk_counted s ON s.aid = m.aid JOIN desk_article a ON a.aid = m.aid"
            " WHERE i.iid = ? GROUP BY m.aid"
            " ORDER BY a.date IS NULL, a.date, a.path, a.aid", (entity_id,))
    )


def cooccurring(conn: sqlite3.Connection, identities: dict[str, Identity], entity_id: str,
                limit: int) -> list[Cooccurrence]:
    rows = conn.execute(
        "SELECT i2.iid, count(DISTINCT m2.aid) FROM desk_ident i1"
        " JOIN desk_mention m1 ON m1.nid = i1.nid JOIN desk_counted s ON s.aid = m1.aid"
        " JOIN desk_mention m2 ON m2.aid = m1.aid JOIN desk_ident i2 ON i2.nid = m2.nid"
        " WHERE i1.iid = ? AND i2.iid != i1.iid GROUP BY i2.iid", (entity_id,))
    out = [Cooccurrence(iid, identities[iid].name, identities[iid].label, n) for iid, n in rows]
    out.sort(key=lambda c: (-c.articles, c.name.casefold()))
    return out[:max(0, limit)]
