"""The Quotes view from the desk's tables: quotations grouped once and stored, then counted and
ranked in SQL over the scope, so opening the view reads only the rows it shows.

``regroup`` runs when a view is asked for after articles were added: it reads every indexed
quote, joins fragments to longer quotes (``quotes.roots``) and stores each quote's quotation
(``desk_quote.gid``, ``story``) and each quotation's wording and speaker (``desk_qgroup``,
``quotes.wording``, over every indexed article). ``rows`` ranks the quotations of the scope with
one ``GROUP BY`` over a covering index and reads the first appearance of the ones it returns;
their other appearances are read when first used (a ``lazy.LazySequence``), or at once for
every row when no limit is given (``copydesk quotes``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence

from analysis.corpus.lazy import LazySequence
from analysis.corpus.quotes import (
    Appearance,
    by_quotation,
    first_key,
    order_key,
    quote_id,
    wording,
)
from analysis.corpus.records import DeskFact, QuoteRow

# The unary + keeps SQLite from looking up every scoped article in the (gid, ...) index.
_SCOPED = "+q.aid IN (SELECT aid FROM temp.desk_scope)"
_FACT = ("SELECT q.gid, q.aid, q.start, q.end, q.text, q.norm, q.speaker, q.nid, q.story, a.key,"
         " a.article_id, a.path, a.title, a.date, r.article_id")
_JOINS = " JOIN desk_article a ON a.aid = q.aid JOIN desk_article r ON r.aid = q.story"


def regroup(conn: sqlite3.Connection) -> None:
    """Group every indexed quote into quotations if articles were added since the last time."""
    last = conn.execute("SELECT coalesce(max(aid), 0) FROM desk_article").fetchone()[0]
    row = conn.execute("SELECT value FROM desk_meta WHERE name = 'quotes'").fetchone()
    if row is not None and int(row[0]) == last:
        return
    with conn:
        conn.execute("UPDATE desk_quote SET story = coalesce((SELECT c.root FROM desk_copy c"
                     " WHERE c.aid = desk_quote.aid), aid)")
        aid_of: dict[int, int] = {}  # id(fact) -> aid
        apps = []
        for _gid, fact, nid, story, norm, aid in _facts(conn, "1"):
            aid_of[id(fact)] = aid
            apps.append(Appearance(fact, nid, story, norm))
        groups = by_quotation(apps)
        # gids in quote_id order: ORDER BY gid breaks ties as ``quotes.sort_key`` does.
        ordered = sorted(groups, key=quote_id)
        gids = {norm: gid for gid, norm in enumerate(ordered, 1)}
        conn.execute("DELETE FROM desk_qgroup")
        rows = []
        for norm in ordered:
            members = groups[norm]
            members.sort(key=lambda a: order_key(a.fact))
            first = members[0].fact
            rows.append((gids[norm], quote_id(norm), *wording(members),
                         len({a.story for a in members}), len(members),
                         first_key(first.date, first.path), aid_of[id(first)], first.start))
        conn.executemany("INSERT INTO desk_qgroup VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS desk_qmap (norm TEXT PRIMARY KEY, gid INT)")
        conn.execute("DELETE FROM temp.desk_qmap")
        conn.executemany("INSERT INTO temp.desk_qmap VALUES (?, ?)",
                         {(a.norm, gids[r]) for r, members in groups.items() for a in members})
        conn.execute("UPDATE desk_quote SET gid = (SELECT m.gid FROM temp.desk_qmap m"
                     " WHERE m.norm = desk_quote.norm)")
        conn.execute("DELETE FROM temp.desk_qmap")
        conn.execute("INSERT OR REPLACE INTO desk_meta VALUES ('quotes', ?)", (str(last),))



def rows(conn: sqlite3.Connection, speaker_id: dict[int, str], filter: str = "",
         limit: int | None = None, everything: bool = False,
         read: Callable[[Callable[[], tuple]], tuple] = lambda f: f()) -> list[QuoteRow]:
    """The scope's quotations, in most stories first (``quotes.sort_key``).

    ``filter``: words of a quote or its speaker's name, case aside; ``everything``: every indexed
    article is in scope (no per-row test); ``read`` wraps the later reading of appearances (the
    desk passes its lock).
    """
    scoped = "1" if everything else _SCOPED
    having, params = "", []
    if filter.strip():
        having = (" HAVING max(instr(lower(q.text), ?) > 0"
                  " OR instr(lower(coalesce(q.speaker, '')), ?) > 0)")
        params = [filter.strip().lower()] * 2
    if limit is not None:
        params.append(max(0, limit))
    # The bare q.aid, q.start come from the row holding min(q.fkey): the first appearance.
    # With every article in scope and no filter, the ranking stored by ``regroup`` is read.
    if everything and not having:
        ranked = "SELECT gid, n, apps, first, aid, start FROM desk_qgroup"
    else:
        ranked = ("SELECT q.gid AS gid, count(DISTINCT q.story) AS n, count(*) AS apps,"
                  " min(q.fkey) AS first, q.aid AS aid, q.start AS start FROM desk_quote q"
                  f" WHERE {scoped} GROUP BY q.gid{having}")
    ranked += " ORDER BY n DESC, apps DESC, first, gid" + (" LIMIT ?" if limit is not None
                                                            else "")
    head = conn.execute(
        "SELECT r.gid, r.n, r.apps, g.quote_id, g.text, g.speaker, g.nid, q.end, q.text,"
        " q.speaker, q.story, a.key, a.article_id, a.path, a.title, a.date, o.article_id,"
        f" r.aid, r.start FROM ({ranked}) r JOIN desk_qgroup g ON g.gid = r.gid"
        " JOIN desk_quote q ON q.aid = r.aid AND q.start = r.start"
        " JOIN desk_article a ON a.aid = r.aid JOIN desk_article o ON o.aid = q.story"
        " ORDER BY r.n DESC, r.apps DESC, r.first, r.gid", params).fetchall()
    found: dict[int, list[DeskFact]] = {}
    if limit is None and head:  # every row with every appearance: one read
        _want(conn, [row[0] for row in head])
        found = {row[0]: [] for row in head}
        for gid, fact, *_ in _facts(conn, f"q.gid IN (SELECT gid FROM temp.desk_qwant) AND"
                                          f" {scoped}"):
            found[gid].append(fact)
        for facts in found.values():
            facts.sort(key=order_key)
    out = []
    for (gid, n, apps, qid, text, speaker, nid, end, said, who, story, key, article_id, path,
         title, date, original, aid, start) in head:
        first = DeskFact("quote", key, article_id, path, title, date, start, end, said, who,
                         copy_of=original if story != aid else None)
        appearances: Sequence[DeskFact] = (
            tuple(found[gid]) if limit is None
            else LazySequence(apps, lambda g=gid: read(lambda: _load(conn, g, scoped)),
                                  "appearances"))
        out.append(QuoteRow(qid, text, speaker, speaker_id.get(nid) if nid is not None else None,
                            n, first, appearances))
    return out


def _want(conn: sqlite3.Connection, gids: list[int]) -> None:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS desk_qwant (gid INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.desk_qwant")
    conn.executemany("INSERT INTO temp.desk_qwant VALUES (?)", ((g,) for g in gids))


def _load(conn: sqlite3.Connection, gid: int, scoped: str) -> tuple[DeskFact, ...]:
    facts = [fact for _gid, fact, *_ in _facts(conn, f"q.gid = ? AND {scoped}", params=(gid,))]
    facts.sort(key=order_key)
    return tuple(facts)


def _facts(conn: sqlite3.Connection, where: str, source: str = " FROM desk_quote q",
           params: tuple = ()) -> Iterator[tuple]:
    """(gid, fact, nid, story, norm, aid) of the quotes selected by ``where``."""
    for (gid, aid, start, end, text, norm, speaker, nid, story, key, article_id, path, title,
         date, original) in conn.execute(f"{_FACT}{source}{_JOINS} WHERE {where}", params):
        fact = DeskFact("quote", key, article_id, path, title, date, start, end, text, speaker,
                        copy_of=original if story != aid else None)
        yield gid, fact, nid, story, norm, aid


def repeats(conn: sqlite3.Connection, facts: list[DeskFact]) -> dict[tuple[str, int], int]:
    """(article key, start) -> in how many stories of the scope each quote's quotation ran."""
    gid_of = {}
    for f in facts:
        if f.kind != "quote":
            continue
        row = conn.execute("SELECT q.gid FROM desk_quote q JOIN desk_article a ON a.aid = q.aid"
                           " WHERE a.key = ? AND q.start = ?", (f.article_key, f.start)).fetchone()
        if row is not None and row[0] is not None:
            gid_of[(f.article_key, f.start)] = row[0]
    counts = {gid: conn.execute(
        f"SELECT count(DISTINCT q.story) FROM desk_quote q WHERE q.gid = ? AND {_SCOPED}",
        (gid,)).fetchone()[0] for gid in set(gid_of.values())}
    return {k: counts[g] for k, g in gid_of.items()}
