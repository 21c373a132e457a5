"""The corpus desk's tables in the cache database (all prefixed ``desk_``).

* ``desk_article(aid, key, article_id, path, title, date)``: each indexed analysis, by cache key.
* ``desk_name(nid, nkey, name)``: each distinct name (entity name or quote/claim speaker), keyed
  by its accent-, case- and punctuation-free form.
* ``desk_mention(aid, nid, label, mentions, start, end, text)``: one row per name per article
  (entities of one article with one name key are summed), with the label the article gave it,
  its number of mentions and its first mention.
* ``desk_alias(nid, alias)``: names written differently in the text ("Klitschko" for "Vitali
  Klitschko"), for display and filtering.
* ``desk_speech(aid, kind, nid, start, end, text)``: every quote and claim
  (``nid`` NULL: no speaker).
* ``desk_label(nid, label, articles)``: how many articles gave each name each label;
  ``desk_speaker(nid)``: the names that speak.
* ``desk_ident(nid, iid)`` and ``desk_identity(iid, name, label, aliases)``: the identities,
  resolved over every indexed article (``identity.py``) and kept until an article is added
  (``desk_meta`` 'resolved' holds the last article id they saw).
* ``desk_number(aid, start, end, text, value, value_max, qualifier, kind, unit, counted, source,
  measure, near, lo, hi)``: every number fact; ``measure`` is its figures-group key
  (``measure.py``), null when it measures nothing; ``near`` the nids of the entities named in its
  sentence ("3 17"); ``lo``/``hi`` the values it allows (``measure.interval``), null if none.

The rows are a function of the analyses, so when ANALYSIS_VERSION (or this layout) changes every
``desk_`` table is dropped and rebuilt as articles are analysed again.
"""

from __future__ import annotations

import sqlite3

from analysis.version import ANALYSIS_VERSION

SCHEMA = "desk-6"
_TABLES = ("desk_article", "desk_name", "desk_mention", "desk_alias", "desk_speech",
           "desk_number", "desk_label", "desk_speaker", "desk_ident", "desk_identity")
_DDL = (
    "CREATE TABLE IF NOT EXISTS desk_article (aid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
    " article_id TEXT NOT NULL, path TEXT NOT NULL, title TEXT, date TEXT)",
    "CREATE TABLE IF NOT EXISTS desk_name (nid INTEGER PRIMARY KEY, nkey TEXT NOT NULL UNIQUE,"
    " name TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS desk_mention (aid INT NOT NULL, nid INT NOT NULL,"
    " label TEXT NOT NULL, mentions INT NOT NULL, start INT NOT NULL, end INT NOT NULL,"
    " text TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS desk_mention_aid ON desk_mention (aid, nid)",
    # Covering indexes: the views' GROUP BY reads them in order, never the table.
    "CREATE INDEX IF NOT EXISTS desk_mention_nid ON desk_mention (nid, aid, mentions)",
    "CREATE TABLE IF NOT EXISTS desk_alias (nid INT NOT NULL, alias TEXT NOT NULL,"
    " PRIMARY KEY (nid, alias)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS desk_speech (aid INT NOT NULL, kind TEXT NOT NULL,"
    " nid INT, start INT NOT NULL, end INT NOT NULL, text TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS desk_speech_aid ON desk_speech (aid)",
    "CREATE INDEX IF NOT EXISTS desk_speech_nid ON desk_speech (nid, aid, kind)",
    "CREATE TABLE IF NOT EXISTS desk_number (aid INT NOT NULL, start INT NOT NULL,"
    " end INT NOT NULL, text TEXT NOT NULL, value, value_max, qualifier TEXT, kind TEXT,"
    " unit TEXT, counted TEXT, source TEXT, measure TEXT, near TEXT, lo REAL, hi REAL)",
    "CREATE INDEX IF NOT EXISTS desk_number_aid ON desk_number (aid)",
    "CREATE INDEX IF NOT EXISTS desk_number_measure ON desk_number"
    " (measure, counted, aid, lo, hi)",
    "CREATE TABLE IF NOT EXISTS desk_label (nid INT NOT NULL, label TEXT NOT NULL,"
    " articles INT NOT NULL, PRIMARY KEY (nid, label)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS desk_speaker (nid INTEGER PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS desk_ident (nid INTEGER PRIMARY KEY, iid TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS desk_ident_iid ON desk_ident (iid)",
    "CREATE TABLE IF NOT EXISTS desk_identity (iid TEXT PRIMARY KEY, name TEXT NOT NULL,"
    " label TEXT NOT NULL, aliases TEXT NOT NULL) WITHOUT ROWID",
)
# Per connection: the scoped articles.
_TEMP = (
    "CREATE TEMP TABLE IF NOT EXISTS desk_scope_key (key TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS desk_scope (aid INTEGER PRIMARY KEY)",
)


def ensure_schema(conn: sqlite3.Connection, version: str | None = None) -> None:
    """Create the tables; drop and recreate them when the analysis version or layout changed."""
    stamp = f"{SCHEMA} {version or ANALYSIS_VERSION}"
    with conn:
        conn.execute("CREATE TABLE IF NOT EXISTS desk_meta (name TEXT PRIMARY KEY, value TEXT)")
        row = conn.execute("SELECT value FROM desk_meta WHERE name = 'version'").fetchone()
        if row is not None and row[0] != stamp:
            for table in _TABLES:
                conn.execute(f"DROP TABLE IF EXISTS {table}")
            conn.execute("DELETE FROM desk_meta WHERE name = 'resolved'")
        for ddl in _DDL:
            conn.execute(ddl)
        conn.execute("INSERT OR REPLACE INTO desk_meta VALUES ('version', ?)", (stamp,))
    for ddl in _TEMP:
        conn.execute(ddl)
