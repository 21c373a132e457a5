"""The corpus desk's tables in the cache database (all prefixed ``desk_``).

* ``desk_article(aid, key, article_id, path, title, date)``: each indexed analysis, by cache key.
* ``desk_name(nid, nkey, name)``: each distinct name (entity name or quote/claim speaker), keyed
  by its accent-, case- and punctuation-free form.
* ``desk_mention(aid, nid, label, mentions, start, end, text)``: one row per name per article
  (entities of one article with one name key are summed), with the label the article gave it,
  its number of mentions and its first mention.
* ``desk_alias(nid, alias)``: names written differently in the text ("Klitschko" for "Vitali
  Klitschko"), for display and filtering.
* ``desk_speech(aid, kind, nid, start, end, text, claim_kind)``: every quote and claim (``nid``
  NULL: no speaker); ``claim_kind`` is a claim's kind (speech, belief, intent), null for a quote.
* ``desk_label(nid, label, articles, strong, weight)``: how many articles gave each name each
  label, how many of them on strong evidence (``analysis.entities.evidence.label_strength`` 2 or
  more: the name's shape, its role, two forms of it) and the sum of that strength;
  ``desk_speaker(nid)``: the names that speak.
* ``desk_ident(nid, iid)`` and ``desk_identity(iid, name, label, aliases)``: the identities,
  resolved over every indexed article (``identity.py``) and kept until an article is added
  (``desk_meta`` 'resolved' holds the last article id they saw).
* ``desk_number(aid, start, end, text, value, value_max, value_from, qualifier, kind, unit,
  counted, source, measure, places, own_place, day, own_day, role, lo, hi)``: every number fact;
  ``measure`` is its figures-group key (``measure.py``), null when it measures nothing; its story
  (``story.py``): ``places`` the nids of its places ("3 17"; -1 the world, -2 the nation),
  ``own_place`` 0 when they are the article's, ``day`` its time (ISO), ``own_day`` 0 when it is
  the article's date, ``role`` "" or part/forecast/earlier/update; ``lo``/``hi`` the values it
  allows (``measure.interval``), null if none.
* ``desk_doc(aid, outlet, chars, grams, sig)``: each article's outlet (URL host, else file name),
  length, number of word 5-grams and MinHash signature of them (``copies.py``).
* ``desk_copy(aid, root)``: the articles in a story of several (syndicated copies), each with its
  story's original (``root``, itself for the original); found over every indexed article when a
  view is asked for after articles were added (``desk_meta`` 'copies' holds the last article id).
* ``desk_quote(aid, start, end, text, norm, kind, speaker, nid, gid, story, fkey)``: every
  quote, attributed or not, with its text folded for matching across articles
  (``quotes.quote_key``), its quotation ``gid`` and its article's ``story`` (the original's aid
  for a copy), set over every indexed quote when a view is asked for after articles were added
  (``desk_meta`` 'quotes' holds the last article id); ``fkey`` sorts by date, then path
  (``quotes.first_key``). ``desk_qgroup(gid, quote_id, text, speaker, nid, n, apps, first,
  aid, start)``: each quotation (gids in quote_id order), its wording and speaker
  (``quotes.wording``), and over every indexed article its stories, appearances and first one
  (the Quotes view's ranking when every article is in scope).

The rows are a function of the analyses, so when ANALYSIS_VERSION (or this layout) changes every
``desk_`` table is dropped and rebuilt as articles are analysed again.
"""

from __future__ import annotations

import sqlite3

from analysis.version import ANALYSIS_VERSION

SCHEMA = "desk-11"
_TABLES = ("desk_article", "desk_name", "desk_mention", "desk_alias", "desk_speech",
           "desk_number", "desk_label", "desk_speaker", "desk_ident", "desk_identity",
           "desk_doc", "desk_copy", "desk_quote", "desk_qgroup")
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
    " nid INT, start INT NOT NULL, end INT NOT NULL, text TEXT NOT NULL,"
    " claim_kind TEXT)",
    "CREATE INDEX IF NOT EXISTS desk_speech_aid ON desk_speech (aid)",
    "CREATE INDEX IF NOT EXISTS desk_speech_nid ON desk_speech (nid, aid, kind)",
    "CREATE TABLE IF NOT EXISTS desk_number (aid INT NOT NULL, start INT NOT NULL,"
    " end INT NOT NULL, text TEXT NOT NULL, value, value_max, value_from, qualifier TEXT,"
    " kind TEXT, unit TEXT, counted TEXT, source TEXT, measure TEXT, places TEXT,"
    " own_place INT, day TEXT, own_day INT, role TEXT, lo REAL, hi REAL)",
    "CREATE INDEX IF NOT EXISTS desk_number_aid ON desk_number (aid)",
    "CREATE INDEX IF NOT EXISTS desk_number_measure ON desk_number"
    " (measure, counted, aid, lo, hi)",
    "CREATE TABLE IF NOT EXISTS desk_label (nid INT NOT NULL, label TEXT NOT NULL,"
    " articles INT NOT NULL, strong INT NOT NULL DEFAULT 0, weight REAL NOT NULL DEFAULT 0,"
    " PRIMARY KEY (nid, label)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS desk_speaker (nid INTEGER PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS desk_ident (nid INTEGER PRIMARY KEY, iid TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS desk_ident_iid ON desk_ident (iid)",
    "CREATE TABLE IF NOT EXISTS desk_identity (iid TEXT PRIMARY KEY, name TEXT NOT NULL,"
    " label TEXT NOT NULL, aliases TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS desk_doc (aid INTEGER PRIMARY KEY, outlet TEXT NOT NULL,"
    " chars INT NOT NULL, grams INT NOT NULL, sig BLOB)",
    "CREATE TABLE IF NOT EXISTS desk_copy (aid INTEGER PRIMARY KEY, root INT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS desk_quote (aid INT NOT NULL, start INT NOT NULL,"
    " end INT NOT NULL, text TEXT NOT NULL, norm TEXT NOT NULL, kind TEXT, speaker TEXT,"
    " nid INT, gid INT, story INT, fkey TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS desk_quote_aid ON desk_quote (aid, start)",
    # Covering: the Quotes view's GROUP BY reads it in order, never the table.
    "CREATE INDEX IF NOT EXISTS desk_quote_gid ON desk_quote (gid, story, fkey, aid, start)",
    "CREATE TABLE IF NOT EXISTS desk_qgroup (gid INTEGER PRIMARY KEY, quote_id TEXT NOT NULL,"
    " text TEXT NOT NULL, speaker TEXT, nid INT, n INT NOT NULL, apps INT NOT NULL,"
    " first TEXT NOT NULL, aid INT NOT NULL, start INT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS desk_qgroup_rank ON desk_qgroup (n DESC, apps DESC, first, gid)",
)
# Per connection: the scoped articles.
_TEMP = (
    "CREATE TEMP TABLE IF NOT EXISTS desk_scope_key (key TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS desk_scope (aid INTEGER PRIMARY KEY)",
    # The scoped articles counted: one per story (its fullest version), see ``desk.py``.
    "CREATE TEMP TABLE IF NOT EXISTS desk_counted (aid INTEGER PRIMARY KEY)",
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
            conn.execute("DELETE FROM desk_meta WHERE name IN ('resolved', 'copies', 'quotes')")
        for ddl in _DDL:
            conn.execute(ddl)
        conn.execute("INSERT OR REPLACE INTO desk_meta VALUES ('version', ?)", (stamp,))
    for ddl in _TEMP:
        conn.execute(ddl)
