"""CorpusDesk: the corpus-wide views, read from SQL tables beside the cached analyses.

Rows go in per article on :meth:`CorpusDesk.add`; identities are resolved over the distinct names
of every indexed article (``identity.py``, ``resolver.py``) when a view is asked for after
articles were added, and stored; the counts come from SQL ``GROUP BY`` over the scoped articles
(a temp table of their ids).
The desk opens its own connection to the cache's database file, so its transactions and temp
tables never mix with the cache's; an in-memory database (``--no-cache``) is used directly.
Calls are serialised by a lock, so the app may add from a worker while a view reads.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import replace

from analysis.corpus import quoteview, resolver, stories, views
from analysis.corpus.figures import figure_groups
from analysis.corpus.identity import Identity
from analysis.corpus.ingest import Names, insert_article
from analysis.corpus.records import (
    Cooccurrence,
    CopyRow,
    DeskFact,
    EntityRow,
    FigureGroup,
    QuoteRow,
    SpeakerRow,
)
from analysis.corpus.schema import ensure_schema
from analysis.model import Analysis, Article

# Scopes of more id ranges than this are read through the scope table.
MAX_RANGES = 64


class CorpusDesk:
    """Corpus-wide identities and aggregates, kept in SQL tables next to the cache's analyses."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        path = _database_file(conn)
        if path:
            self.conn = sqlite3.connect(path, timeout=30.0, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA cache_size=-32768")
            self._own = True
        else:
            self.conn, self._own = conn, False
        self._lock = threading.RLock()
        ensure_schema(self.conn)
        self._names_map: Names | None = None
        self._scoped = False  # False: every indexed article is in scope
        self._stale = True
        self.identities: dict[str, Identity] = {}
        self._nid_iid: dict[int, str] = {}
        self._cond: str | None = None
        self._counted_stale = True  # desk_counted to rebuild (scope or stories changed)
        self._grouped = False  # quotes grouped since articles were last added
        with self.conn:
            self._refresh_scope()

    def _names(self) -> Names:
        if self._names_map is None:
            self._names_map = Names(self.conn)
        return self._names_map

    @classmethod
    def in_memory(cls) -> CorpusDesk:
        """A desk on a private in-memory database (for ``--no-cache`` runs and tests)."""
        return cls(sqlite3.connect(":memory:", check_same_thread=False))

    def close(self) -> None:
        """Close the desk's own connection (an in-memory one passed in is closed too)."""
        with self._lock:
            self.conn.close()

    # Indexing ----------------------------------------------------------------------------------

    def indexed(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` are indexed already (so callers analyse only the rest)."""
        keys = list(keys)
        found: set[str] = set()
        with self._lock:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                marks = ",".join("?" * len(chunk))
                found.update(k for (k,) in self.conn.execute(
                    f"SELECT key FROM desk_article WHERE key IN ({marks})", chunk))
        return found

    def add(self, entries: Iterable[tuple[str, Article, Analysis]]) -> None:
        """Index analysed articles ``(cache key, article, analysis)``; known keys are skipped."""
        entries = list(entries)
        if not entries:
            return
        with self._lock:
            known = self.indexed(key for key, _, _ in entries)
            with self.conn:
                last = self.conn.execute("SELECT coalesce(max(aid), 0) FROM desk_article")
                first_new = last.fetchone()[0] + 1
                for key, article, analysis in entries:
                    if key in known:
                        continue
                    known.add(key)
                    insert_article(self.conn, self._names(), key, article, analysis)
                self._extend_scope(first_new)
            self._stale = True

    # Scope -------------------------------------------------------------------------------------

    def scope(self, keys: Iterable[str]) -> None:
        """Restrict every view to these article keys (indexed now or later)."""
        with self._lock, self.conn:
            self.conn.execute("DELETE FROM desk_scope_key")
            # One statement over a JSON array: much faster than a row per key from Python.
            self.conn.execute("INSERT OR IGNORE INTO desk_scope_key"
                              " SELECT value FROM json_each(?)", (json.dumps(list(keys)),))
            self._scoped = True
            self._refresh_scope()

    def _refresh_scope(self) -> None:
        self._cond = None
        self._counted_stale = True
        self.conn.execute("DELETE FROM desk_scope")
        if self._scoped:
            self.conn.execute("INSERT INTO desk_scope SELECT a.aid FROM desk_scope_key k"
                              " JOIN desk_article a ON a.key = k.key")
        else:
            self.conn.execute("INSERT INTO desk_scope SELECT aid FROM desk_article")

    def _extend_scope(self, first_aid: int) -> None:
        """Add the articles indexed from ``first_aid`` on to the scope if they belong to it."""
        self._cond = None
        self._counted_stale = True
        scoped = " JOIN desk_scope_key k ON k.key = a.key" if self._scoped else ""
        self.conn.execute(f"INSERT OR IGNORE INTO desk_scope SELECT a.aid FROM desk_article a"
                          f"{scoped} WHERE a.aid >= ?", (first_aid,))

    def _scope(self, column: str) -> str:
        """An SQL condition on ``column`` (an article id) true for the scoped articles counted
        (one per story: ``stories.refresh_counted``).

        Ranges of consecutive ids when there are few (articles are indexed in batches, so a
        corpus is a handful of ranges): no per-row lookup in the scope table. The unary ``+``
        keeps SQLite from reading the table through its article-id index: the views' covering
        indexes, read in their GROUP BY order, are 3-4 times faster.
        """
        if self._cond is None:
            runs: list[list[int]] = []
            for (aid,) in self.conn.execute("SELECT aid FROM desk_counted ORDER BY aid"):
                if runs and aid == runs[-1][1] + 1:
                    runs[-1][1] = aid
                else:
                    runs.append([aid, aid])
            if not runs:
                self._cond = "0"
            elif len(runs) <= MAX_RANGES:
                self._cond = " OR ".join(f"+{{c}} BETWEEN {lo} AND {hi}" for lo, hi in runs)
            else:
                self._cond = "+{c} IN (SELECT aid FROM temp.desk_counted)"
        return "(" + self._cond.format(c=column) + ")"

    def progress(self) -> tuple[int, int]:
        """(articles in scope already indexed, articles in scope)."""
        with self._lock:
            done = self.conn.execute("SELECT count(*) FROM desk_scope").fetchone()[0]
            if not self._scoped:
                return done, done
            total = self.conn.execute("SELECT count(*) FROM desk_scope_key").fetchone()[0]
            return done, total

    def _fresh_quotes(self) -> None:
        """``_fresh``, and the quotes grouped into quotations (only the views that show them
        pay for it: ``quoteview.regroup``)."""
        self._fresh(counted=False)
        if not self._grouped:
            quoteview.regroup(self.conn)
            self._grouped = True

    def _fresh(self, counted: bool = True) -> None:
        """Read (or resolve) the identities, find the copies and group the quotes if articles
        were added since the last view; rebuild the counted articles (``counted``: the view
        counts them) if the scope or the stories changed."""
        if self._stale:
            self.identities = resolver.identities(self.conn)
            self._nid_iid = {nid: i.iid for i in self.identities.values() for nid in i.nids}
            if stories.refresh_copies(self.conn):
                self._counted_stale = True
            self._grouped = False
            self._stale = False
        if self._counted_stale and counted:
            with self.conn:
                stories.refresh_counted(self.conn)
            self._cond = None
            self._counted_stale = False

    # Views -------------------------------------------------------------------------------------

    def speakers(self, filter: str = "", sort: str = "count", limit: int | None = None
                 ) -> list[SpeakerRow]:
        """Every quote/claim speaker of the scope with counts; sort "count" or "name"."""
        with self._lock:
            self._fresh()
            return views.speakers(self.conn, self.identities, self._scope("sp.aid"), filter,
                                  sort, limit)

    def speaker_facts(self, speaker_id: str | None) -> list[DeskFact]:
        """A speaker's quotes and claims (one version of each story), by date, article and
        offset, each quote with the number of stories it ran in (``repeated``); ``None``: those
        of the "unattributed" row."""
        with self._lock:
            self._fresh()
            facts = views.speaker_facts(self.conn, self.identities, speaker_id)
            if any(f.kind == "quote" for f in facts):
                self._fresh_quotes()
            ran = quoteview.repeats(self.conn, facts)
            return [replace(f, repeated=ran.get((f.article_key, f.start), 1))
                    if f.kind == "quote" else f for f in facts]

    def quotes(self, filter: str = "", limit: int | None = None) -> list[QuoteRow]:
        """Every distinct quotation of the scope, in most stories first (SPEC §1 ``quotes``);
        ``filter``: words of the quote or its speaker's name."""
        with self._lock:
            self._fresh_quotes()
            everything = not self._scoped or self._whole_scope()
            return quoteview.rows(self.conn, self._nid_iid, filter, limit, everything,
                                  self._locked)

    def _whole_scope(self) -> bool:
        """Is every indexed article in scope?"""
        count = "SELECT count(*) FROM {}"
        return (self.conn.execute(count.format("desk_scope")).fetchone()[0]
                == self.conn.execute(count.format("desk_article")).fetchone()[0])

    def versions(self, article_keys: Iterable[str] | None = None) -> dict[str, list[CopyRow]]:
        """Article key -> the other versions of its story in scope (copies, or the original
        and the other copies), for the articles that have any."""
        with self._lock:
            self._fresh(counted=False)
            return stories.versions(self.conn, article_keys)

    def entities(self, filter: str = "", sort: str = "count", limit: int | None = None
                 ) -> list[EntityRow]:
        """Every entity of the scope with its articles and mentions; sort "count" or "name"."""
        with self._lock:
            self._fresh()
            return views.entities(self.conn, self.identities, self._scope("m.aid"), filter,
                                  sort, limit)

    def entity_articles(self, entity_id: str) -> list[DeskFact]:
        """An entity's first mention in each of its articles, by date and article."""
        with self._lock:
            self._fresh()
            return views.entity_articles(self.conn, entity_id)

    def cooccurring(self, entity_id: str, limit: int = 10) -> list[Cooccurrence]:
        """The entities sharing most articles with ``entity_id``, with the count."""
        with self._lock:
            self._fresh()
            return views.cooccurring(self.conn, self.identities, entity_id, limit)

    def _locked(self, read):
        with self._lock:
            return read()

    def figures(self, filter: str = "", limit: int | None = None) -> list[FigureGroup]:
        """Number facts grouped by what they measure; groups that disagree first."""
        with self._lock:
            self._fresh()
            return figure_groups(self.conn, self._nid_iid, self._scope("n.aid"), filter, limit,
                                 self._locked)


def _database_file(conn: sqlite3.Connection) -> str:
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or ""
    return ""
