"""Identities kept in the cache database: resolved over every indexed name, reused until an
article is added.

Resolution reads one row per distinct name and label (``desk_label``), never the mentions, so it
costs the same at 10,000 articles as at 1,000; the result is stored in ``desk_ident`` and
``desk_identity`` and read back by the next desk that opens the same cache.
"""

from __future__ import annotations

import sqlite3

from analysis.corpus.identity import Identity, NameStat, resolve

ALIASES_SHOWN = 12
SEP = "\x1f"  # between stored aliases (a control character never kept in a name)


def last_article(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(aid), 0) FROM desk_article").fetchone()[0]


def resolved_at(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT value FROM desk_meta WHERE name = 'resolved'").fetchone()
    return int(row[0]) if row else None


def identities(conn: sqlite3.Connection) -> dict[str, Identity]:
    """The stored identities if they saw every article, else resolved now and stored."""
    last = last_article(conn)
    if resolved_at(conn) == last:
        return _load(conn)
    with conn:
        found = resolve(list(_name_stats(conn).values()), lambda a, b: _apart(conn, a, b),
                        lambda nid, text: _written_as(conn, nid, text),
                        lambda nid, others: _together(conn, nid, others))
        _add_aliases(conn, found)
        conn.execute("DELETE FROM desk_ident")
        conn.execute("DELETE FROM desk_identity")
        conn.executemany("INSERT INTO desk_ident VALUES (?, ?)",
                         ((nid, i.iid) for i in found for nid in i.nids))
        conn.executemany("INSERT INTO desk_identity VALUES (?, ?, ?, ?)",
                         ((i.iid, i.name, i.label, SEP.join(a.replace(SEP, "") for a in i.aliases))
                          for i in found))
        conn.execute("INSERT OR REPLACE INTO desk_meta VALUES ('resolved', ?)", (str(last),))
    return {i.iid: i for i in found}


def _load(conn: sqlite3.Connection) -> dict[str, Identity]:
    out = {iid: Identity(iid, name, label, [], tuple(aliases.split(SEP)) if aliases else ())
           for iid, name, label, aliases in conn.execute("SELECT * FROM desk_identity")}
    for nid, iid in conn.execute("SELECT nid, iid FROM desk_ident"):
        out[iid].nids.append(nid)
    return out


def _name_stats(conn: sqlite3.Connection) -> dict[int, NameStat]:
    stats: dict[int, NameStat] = {}
    for nid, nkey, name, label, count, strong, weight in conn.execute(
        "SELECT l.nid, n.nkey, n.name, l.label, l.articles, l.strong, l.weight FROM desk_label l"
        " JOIN desk_name n ON n.nid = l.nid"
    ):
        st = stats.get(nid) or stats.setdefault(nid, NameStat(nid, nkey, name))
        st.labels[label] = count
        st.evidence[label] = (strong, weight)
        st.articles += count
    for nid, nkey, name in conn.execute(
        "SELECT n.nid, n.nkey, n.name FROM desk_speaker s JOIN desk_name n ON n.nid = s.nid"
    ):
        stats.setdefault(nid, NameStat(nid, nkey, name))
    return stats


def _apart(conn: sqlite3.Connection, a: int, b: int) -> bool:
    """Does some article name ``a`` and ``b`` as different entities?"""
    return conn.execute(
        "SELECT 1 FROM desk_mention x JOIN desk_mention y ON y.aid = x.aid AND y.nid = ?"
        " WHERE x.nid = ? LIMIT 1", (b, a)
    ).fetchone() is not None


def _together(conn: sqlite3.Connection, nid: int, others: list[int]) -> dict[int, int]:
    """In how many articles name ``nid`` appears with each of ``others``."""
    marks = ",".join("?" * len(others))
    return dict(conn.execute(
        "SELECT y.nid, count(DISTINCT y.aid) FROM desk_mention x JOIN desk_mention y"
        f" ON y.aid = x.aid AND y.nid IN ({marks}) WHERE x.nid = ? GROUP BY y.nid",
        (*others, nid)))


def _written_as(conn: sqlite3.Connection, nid: int, text: str) -> bool:
    return conn.execute("SELECT 1 FROM desk_alias WHERE nid = ? AND alias = ?",
                        (nid, text)).fetchone() is not None


def _add_aliases(conn: sqlite3.Connection, found: list[Identity]) -> None:
    """Each identity's other names plus the names its mentions were written as, longest first."""
    owner = {nid: i for i in found for nid in i.nids}
    extra: dict[str, set[str]] = {}
    for nid, alias in conn.execute("SELECT nid, alias FROM desk_alias"):
        ident = owner.get(nid)
        if ident is not None:
            extra.setdefault(ident.iid, set()).add(alias)
    for ident in found:
        names = set(ident.aliases) | extra.get(ident.iid, set())
        names.discard(ident.name)
        ident.aliases = tuple(sorted(names, key=lambda s: (-len(s), s)))[:ALIASES_SHOWN]
