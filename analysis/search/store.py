"""The search tables in SQLite: distinct item texts under an FTS5 word index, items per document.

Tables (all prefixed ``search_``, living beside the analysis cache's own tables):

* ``search_text(id, body, text_len, meta, who)``: each distinct searchable string once; ``body``
  is the item text, plus for numbers what they count, and for quotes and claims the speaker's
  name (then ``who`` is 1), after a newline; ``meta`` holds ``k<kind>``, ``l<label>`` and
  ``s<speaker>`` tokens for filtering inside the full-text query.
* ``search_fts(body, meta)``: FTS5 (unicode61, diacritics folded), rowid = ``search_text.id``.
* ``search_item(key, text_id, kind, start, end, speaker, label, value, cue)``: every item of every
  indexed document; a document key digests the content key (``analysis.cache.cache_key``), the
  title and the analysis, so another analysis of the same text is another document.
  ``search_doc(key)``: documents indexed.
* ``search_source(source, key)``: the document last indexed for each article (path and id);
  a document no article points at any more is deleted with its texts.
* ``search_term(term, df)``: how many texts contain each word, to pick selective query words.
* ``search_speaker(name)``: every speaker, for the ``speaker:`` filter.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

SCHEMA = "search-4"
_TABLES = ("search_fts", "search_text", "search_item", "search_doc", "search_term",
           "search_source", "search_speaker")
_DDL = (
    "CREATE TABLE IF NOT EXISTS search_meta (name TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS search_doc (key TEXT PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS search_source (source TEXT PRIMARY KEY, key TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS search_source_key ON search_source (key)",
    "CREATE TABLE IF NOT EXISTS search_speaker (name TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS search_text ("
    " id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE, text_len INT NOT NULL, meta TEXT,"
    " who INT NOT NULL DEFAULT 0)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    " body, meta, tokenize='unicode61 remove_diacritics 2')",
    "CREATE TABLE IF NOT EXISTS search_item (key TEXT NOT NULL, text_id INT NOT NULL,"
    " kind TEXT NOT NULL, start INT NOT NULL, end INT NOT NULL, speaker TEXT, label TEXT,"
    " value TEXT, cue TEXT)",
    "CREATE INDEX IF NOT EXISTS search_item_text ON search_item (text_id)",
    "CREATE INDEX IF NOT EXISTS search_item_key ON search_item (key, kind)",
    "CREATE TABLE IF NOT EXISTS search_term (term TEXT PRIMARY KEY, df INT NOT NULL)"
    " WITHOUT ROWID",
)


class Store:
    """SQLite connections for one SearchIndex: per thread on a file, one locked in memory.

    ``read()`` and ``write()`` are context managers giving a connection; writes are serialised
    by a lock and committed as one transaction.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._local = threading.local()
        self._write_lock = threading.RLock()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        # In memory there is only one database, so one connection shared under the lock.
        self._shared = self._open() if path is None else None
        with self.write() as conn:
            self._ensure_schema(conn)

    def _open(self) -> sqlite3.Connection:
        target = ":memory:" if self.path is None else str(self.path)
        conn = sqlite3.connect(target, timeout=30.0, check_same_thread=False,
                               isolation_level=None)
        if self.path is not None:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            # 64 MB of page cache: item inserts keyed by content hash touch the whole B-tree.
            conn.execute("PRAGMA cache_size=-65536")
        with self._all_lock:
            self._all.append(conn)
        return conn

    def _conn(self) -> sqlite3.Connection:
        if self._shared is not None:
            return self._shared
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open()
        return conn

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        if self._shared is not None:
            with self._write_lock:
                yield self._shared
        else:
            yield self._conn()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        with self._write_lock:
            conn = self._conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @staticmethod
    def _ensure_schema(conn: sqlite3.Connection) -> None:
        conn.execute(_DDL[0])
        row = conn.execute("SELECT value FROM search_meta WHERE name = 'schema'").fetchone()
        if row is not None and row[0] != SCHEMA:
            for table in _TABLES:  # an older layout: rebuilt from scratch as articles are added
                conn.execute(f"DROP TABLE IF EXISTS {table}")
        for ddl in _DDL[1:]:
            conn.execute(ddl)
        conn.execute("INSERT OR REPLACE INTO search_meta VALUES ('schema', ?)", (SCHEMA,))

    def close(self) -> None:
        with self._all_lock:
            conns, self._all = self._all, []
        for conn in conns:
            with suppress(sqlite3.Error):
                conn.close()
