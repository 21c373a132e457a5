"""The Quotes view from the desk's tables: quotations grouped once and stored, then counted and
sorted in SQL over the scope, so opening the view reads only the rows it shows.

``regroup`` runs when a view is asked for after articles were added: it reads each distinct
folded quote with its stories, joins fragments to longer quotes (``quotes.roots``) and stores
each quote's quotation (``desk_quote.gid``, ``desk_qgroup``). ``rows`` ranks the quotations of
the scope with one ``GROUP BY`` and builds the first ``limit`` with their appearances.
"""

from __future__ import annotations

import sqlite3

from analysis.corpus.quotes import Appearance, make_row, quote_id, roots
from analysis.corpus.records import DeskFact, QuoteRow

# The unary + keeps SQLite from looking up every scoped article in an index on (gid, aid).
_SCOPED = "+q.aid IN (SELECT aid FROM temp.desk_scope)"


def regroup(conn: sqlite3.Connection) -> None:
    """Group every indexed quote into quotations if articles were added since the last time."""
    last = conn.execute("SELECT coalesce(max(aid), 0) FROM desk_article").fetchone()[0]
    row = conn.execute("SELECT value FROM desk_meta WHERE name = 'quotes'").fetchone()
    if row is not None and int(row[0]) == last:
        return
    stories_of: dict[str, set[int]] = {}
    for norm, story in conn.execute(
        "SELECT q.norm, coalesce(c.root, q.aid) FROM desk_quote q"
        " LEFT JOIN desk_copy c ON c.aid = q.aid"
    ):
        stories_of.setdefault(norm, set()).add(story)
    root = roots(stories_of)
    # gids in quote_id order: ORDER BY gid breaks ties as ``quotes.sort_key`` does.
    gids = {norm: gid for gid, norm in enumerate(sorted(set(root.values()), key=quote_id), 1)}
    with conn:
        conn.execute("DELETE FROM desk_qgroup")
        conn.executemany("INSERT INTO desk_qgroup VALUES (?, ?)",
                         ((gid, quote_id(norm)) for norm, gid in gids.items()))
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS desk_qmap (norm TEXT PRIMARY KEY, gid INT)")
        conn.execute("DELETE FROM temp.desk_qmap")
        conn.executemany("INSERT INTO temp.desk_qmap VALUES (?, ?)",
                         ((norm, gids[r]) for norm, r in root.items()))
        conn.execute("UPDATE desk_quote SET gid = (SELECT m.gid FROM temp.desk_qmap m"
                     " WHERE m.norm = desk_quote.norm), story = coalesce((SELECT c.root FROM"
                     " desk_copy c WHERE c.aid = desk_quote.aid), aid)")
        conn.execute("DELETE FROM temp.desk_qmap")
        conn.execute("INSERT OR REPLACE INTO desk_meta VALUES ('quotes', ?)", (str(last),))


def rows(conn: sqlite3.Connection, speaker_id: dict[int, str], filter: str = "",
         limit: int | None = None, everything: bool = False) -> list[QuoteRow]:
    """The scope's quotations, in most stories first (``quotes.sort_key``); ``filter``: words
    of the quote or its speaker's name, case aside; ``everything``: every indexed article is in
    scope (no per-row test)."""
    scoped = "1" if everything else _SCOPED
    if filter.strip():
        needle = filter.strip().lower()
        ranked = conn.execute(
            "SELECT q.gid, count(DISTINCT q.story) AS n, count(*) AS apps, min(q.fkey) AS first"
            f" FROM desk_quote q WHERE {scoped} GROUP BY q.gid"
            " HAVING max(instr(lower(q.text), ?) > 0"
            " OR instr(lower(coalesce(q.speaker, '')), ?) > 0)"
            " ORDER BY n DESC, apps DESC, first, q.gid" + (" LIMIT ?" if limit is not None else ""),
            [needle, needle] + ([max(0, limit)] if limit is not None else [])).fetchall()
    else:
        ranked = conn.execute(
            "SELECT q.gid, count(DISTINCT q.story) AS n, count(*) AS apps, min(q.fkey) AS first"
            f" FROM desk_quote q WHERE {scoped} GROUP BY q.gid"
            " ORDER BY n DESC, apps DESC, first, q.gid" + (" LIMIT ?" if limit is not None else ""),
            [max(0, limit)] if limit is not None else []).fetchall()
    if not ranked:
        return []
    apps: dict[int, list[Appearance]] = {gid: [] for gid, *_ in ranked}
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS desk_qwant (gid INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.desk_qwant")
    conn.executemany("INSERT INTO temp.desk_qwant VALUES (?)", ((g,) for g in apps))
    ids = dict(conn.execute("SELECT g.gid, g.quote_id FROM temp.desk_qwant w"
                            " JOIN desk_qgroup g ON g.gid = w.gid"))
    for gid, fact, nid, story, norm in _appearances(conn, scoped):
        apps[gid].append(Appearance(fact, nid, story, norm))
    conn.execute("DELETE FROM temp.desk_qwant")
    return [make_row(ids[gid], apps[gid], speaker_id) for gid, *_ in ranked]


def _appearances(conn: sqlite3.Connection, scoped: str):
    """(gid, fact, nid, story, norm) of every scoped appearance of the wanted quotations."""
    for (gid, aid, start, end, text, norm, speaker, nid, story, key, article_id, path, title,
         date, original) in conn.execute(
        "SELECT q.gid, q.aid, q.start, q.end, q.text, q.norm, q.speaker, q.nid, q.story, a.key,"
        " a.article_id, a.path, a.title, a.date, r.article_id"
        " FROM temp.desk_qwant w CROSS JOIN desk_quote q ON q.gid = w.gid"
        " JOIN desk_article a ON a.aid = q.aid JOIN desk_article r ON r.aid = q.story"
        f" WHERE {scoped}"
    ):
        fact = DeskFact("quote", key, article_id, path, title, date, start, end, text, speaker,
                        copy_of=original if story != aid else None)
        yield gid, fact, nid, story, norm


def repeats(conn: sqlite3.Connection, facts: list[DeskFact]) -> dict[tuple[str, int], int]:
    """(article key, start) -> in how many stories of the scope each quote's quotation ran."""
    keys = [(f.article_key, f.start) for f in facts if f.kind == "quote"]
    if not keys:
        return {}
    gid_of = {}
    for key, start in keys:
        row = conn.execute("SELECT q.gid FROM desk_quote q JOIN desk_article a ON a.aid = q.aid"
                           " WHERE a.key = ? AND q.start = ?", (key, start)).fetchone()
        if row is not None and row[0] is not None:
            gid_of[(key, start)] = row[0]
    counts = {}
    for gid in set(gid_of.values()):
        counts[gid] = conn.execute(
            f"SELECT count(DISTINCT q.story) FROM desk_quote q WHERE q.gid = ? AND {_SCOPED}",
            (gid,)).fetchone()[0]
    return {k: counts[g] for k, g in gid_of.items()}
