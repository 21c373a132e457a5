"""Stories in the desk's tables: syndicated copies found and stored, the articles counted per
scope and each article's other versions; the rows of each indexed article (``insert_rows``).

A story is an article with its copies (``copies.py``). Desk counts read the scoped articles
through ``desk_counted``: one article per story, its fullest version (the longest text; the
original on a tie), so a story and its copies count once whichever of them are in scope.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from analysis.corpus.copies import Doc, find_copies, outlet_of, signature
from analysis.corpus.quotes import quote_rows
from analysis.corpus.records import CopyRow
from analysis.model import Analysis, Article


def insert_rows(conn: sqlite3.Connection, nid_of, aid: int | None, article: Article,
                analysis: Analysis) -> None:
    """An article's ``desk_doc`` row (outlet, length, signature) and ``desk_quote`` rows."""
    sig, grams = signature(article.text, article.title)
    conn.execute("INSERT OR REPLACE INTO desk_doc VALUES (?, ?, ?, ?, ?)",
                 (aid, outlet_of(article.url, article.path), len(article.text), grams, sig))
    conn.executemany("INSERT INTO desk_quote VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     quote_rows(aid, analysis.quotes, nid_of, article.date, article.path))


def copies_at(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT value FROM desk_meta WHERE name = 'copies'").fetchone()
    return int(row[0]) if row else None


def refresh_copies(conn: sqlite3.Connection) -> bool:
    """Find the copies again if articles were added since; True when the stories changed."""
    last = conn.execute("SELECT coalesce(max(aid), 0) FROM desk_article").fetchone()[0]
    if copies_at(conn) == last:
        return False
    docs = [Doc(*row) for row in conn.execute(
        "SELECT d.aid, d.sig, d.grams, a.date, a.path FROM desk_doc d"
        " JOIN desk_article a ON a.aid = d.aid")]
    found = find_copies(docs)
    with conn:
        conn.execute("DELETE FROM desk_copy")
        conn.executemany("INSERT INTO desk_copy VALUES (?, ?)", found.items())
        conn.execute("INSERT OR REPLACE INTO desk_meta VALUES ('copies', ?)", (str(last),))
    return True


def refresh_counted(conn: sqlite3.Connection) -> None:
    """``desk_counted``: the scoped articles, one per story (its longest scoped version)."""
    conn.execute("DELETE FROM desk_counted")
    conn.execute("INSERT INTO desk_counted SELECT s.aid FROM desk_scope s"
                 " WHERE s.aid NOT IN (SELECT aid FROM desk_copy)")
    best: dict[int, tuple] = {}
    for root, aid, chars, date, path in conn.execute(
        "SELECT c.root, c.aid, coalesce(d.chars, 0), a.date, a.path FROM desk_copy c"
        " JOIN desk_scope s ON s.aid = c.aid JOIN desk_article a ON a.aid = c.aid"
        " LEFT JOIN desk_doc d ON d.aid = c.aid"
    ):
        key = (-chars, date is None, date or "", path, aid)
        if root not in best or key < best[root]:
            best[root] = key
    conn.executemany("INSERT INTO desk_counted VALUES (?)", ((k[-1],) for k in best.values()))


def versions(conn: sqlite3.Connection, keys: Iterable[str] | None = None
             ) -> dict[str, list[CopyRow]]:
    """Article key -> the other scoped versions of its story (by date, then path).

    Only articles in a story of several appear; ``keys`` narrows to those articles.
    """
    rows = conn.execute(
        "SELECT c.root, a.key, a.article_id, a.path, a.title, a.date, coalesce(d.outlet, ''),"
        " CASE WHEN c.root = c.aid THEN NULL ELSE r.article_id END"
        " FROM desk_copy c JOIN desk_scope s ON s.aid = c.aid"
        " JOIN desk_article a ON a.aid = c.aid JOIN desk_article r ON r.aid = c.root"
        " LEFT JOIN desk_doc d ON d.aid = c.aid"
        " ORDER BY a.date IS NULL, a.date, a.path, a.aid").fetchall()
    stories: dict[int, list[CopyRow]] = {}
    for root, *row in rows:
        stories.setdefault(root, []).append(CopyRow(*row))
    wanted = set(keys) if keys is not None else None
    out: dict[str, list[CopyRow]] = {}
    for members in stories.values():
        if len(members) < 2:
            continue
        for m in members:
            if wanted is None or m.article_key in wanted:
                out[m.article_key] = [o for o in members if o is not m]
    return out
