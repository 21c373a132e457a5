"""The corpus desk's tables in the cache database (all prefixed ``desk_``).

* ``desk_article(aid, key, article_id, path, title, date)``: each indexed analysis, by cache key.
* ``desk_name(nid, nkey, name)``: each distinct name (entity name or quote/claim speaker), keyed
  by its accent-, case- and punctuation-free form.
* ``desk_mention(aid, nid, label, mentions, start, end, text)``: one row per entity per article,
  with the label the article gave it, its number of mentions and its first mention.
* ``desk_alias(nid, alias)``: names written differently in the text ("Klitschko" for "Vitali
  Klitschko"), for display and filtering.
* ``desk_speech(aid, kind, nid, start, end, text)``: every quote and claim with a speaker.
* ``desk_number(aid, start, end, text, value, value_max, qualifier, kind, unit, counted, source,
  measure)``: every number fact; ``measure`` is its figures-group key (``measure.py``), null when
  it measures nothing.

The rows are a function of the analyses, so when ANALYSIS_VERSION (or this layout) changes every
``desk_`` table is dropped and rebuilt as articles are analysed again.
"""

from __future__ import annotations

import sqlite3

from analysis.version import ANALYSIS_VERSION

SCHEMA = "desk-1"
_TABLES = ("desk_article", "desk_name", "desk_mention", "desk_alias", "desk_speech",
           "desk_number")
_DDL = (
    "CREATE TABLE IF NOT EXISTS desk_article (aid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
    " article_id TEXT NOT NULL, path TEXT NOT NULL, title TEXT, date TEXT)",
    "CREATE TABLE IF NOT EXISTS desk_name (nid INTEGER PRIMARY KEY, nkey TEXT NOT NULL UNIQUE,"
    " name TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS desk_mention (aid INT NOT NULL, nid INT NOT NULL,"
    " label TEXT NOT NULL, mentions INT NOT NULL, start INT NOT NULL, end INT NOT NULL,"
    " text TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS desk_mention_aid ON desk_mention (aid, nid)",
    "CREATE INDEX IF NOT EXISTS desk_mention_nid ON desk_mention (nid, aid)",
    "CREATE TABLE IF NOT EXISTS desk_alias (nid INT NOT NULL, alias TEXT NOT NULL,"
    " PRIMARY KEY (nid, alias)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS desk_speech (aid INT NOT NULL, kind TEXT NOT NULL,"
    " nid INT NOT NULL, start INT NOT NULL, end INT NOT NULL, text TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS desk_speech_aid ON desk_speech (aid)",
    "CREATE INDEX IF NOT EXISTS desk_speech_nid ON desk_speech (nid)",
    "CREATE TABLE IF NOT EXISTS desk_number (aid INT NOT NULL, start INT NOT NULL,"
    " end INT NOT NULL, text TEXT NOT NULL, value, value_max, qualifier TEXT, kind TEXT,"
    " unit TEXT, counted TEXT, source TEXT, measure TEXT)",
    "CREATE INDEX IF NOT EXISTS desk_number_aid ON desk_number (aid)",
    "CREATE INDEX IF NOT EXISTS desk_number_measure ON desk_number (measure)",
)
# Per connection: the scoped articles and the identity of each name in the scope.
_TEMP = (
    "CREATE TEMP TABLE IF NOT EXISTS desk_scope_key (key TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS desk_scope (aid INTEGER PRIMARY KEY)",
    "CREATE TEMP TABLE IF NOT EXISTS desk_ident (nid INTEGER PRIMARY KEY, iid TEXT NOT NULL)",
)


def ensure_schema(conn: sqlite3.Connection, version: str = ANALYSIS_VERSION) -> None:
    """Create the tables; drop and recreate them when the analysis version or layout changed."""
    stamp = f"{SCHEMA} {version}"
    with conn:
        conn.execute("CREATE TABLE IF NOT EXISTS desk_meta (name TEXT PRIMARY KEY, value TEXT)")
        row = conn.execute("SELECT value FROM desk_meta WHERE name = 'version'").fetchone()
        if row is not None and row[0] != stamp:
            for table in _TABLES:
                conn.execute(f"DROP TABLE IF EXISTS {table}")
        for ddl in _DDL:
            conn.execute(ddl)
        conn.execute("INSERT OR REPLACE INTO desk_meta VALUES ('version', ?)", (stamp,))
    for ddl in _TEMP:
        conn.execute(ddl)
