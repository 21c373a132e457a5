"""CorpusDesk: the corpus-wide views, read from SQL tables beside the cached analyses.

Rows go in per article on :meth:`CorpusDesk.add`; identities are resolved over the distinct names
of the scope (``identity.py``) when a view is asked for after the scope or the rows changed;
the counts come from SQL ``GROUP BY`` over the scoped articles (a temp table of their ids).
The desk opens its own connection to the cache's database file, so its transactions and temp
tables never mix with the cache's; an in-memory database (``--no-cache``) is used directly.
Calls are serialised by a lock, so the app may add from a worker while a view reads.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable

from analysis.corpus import views
from analysis.corpus.figures import figure_groups
from analysis.corpus.identity import Identity, NameStat, resolve
from analysis.corpus.ingest import Names, insert_article
from analysis.corpus.records import (
    Cooccurrence,
    DeskFact,
    EntityRow,
    FigureGroup,
    SpeakerRow,
)
from analysis.corpus.schema import ensure_schema
from analysis.model import Analysis, Article


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
        self._names = Names(self.conn)
        self._scoped = False  # False: every indexed article is in scope
        self._stale = True
        self.identities: dict[str, Identity] = {}
        self._nid_iid: dict[int, str] = {}
        with self.conn:
            self._refresh_scope()

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
                    insert_article(self.conn, self._names, key, article, analysis)
                self._extend_scope(first_new)
            self._stale = True

    # Scope -------------------------------------------------------------------------------------

    def scope(self, keys: Iterable[str]) -> None:
        """Restrict every view to these article keys (indexed now or later)."""
        with self._lock, self.conn:
            self.conn.execute("DELETE FROM desk_scope_key")
            self.conn.executemany("INSERT OR IGNORE INTO desk_scope_key VALUES (?)",
                                  ((k,) for k in keys))
            self._scoped = True
            self._refresh_scope()
            self._stale = True

    def _refresh_scope(self) -> None:
        self.conn.execute("DELETE FROM desk_scope")
        if self._scoped:
            self.conn.execute("INSERT INTO desk_scope SELECT a.aid FROM desk_scope_key k"
                              " JOIN desk_article a ON a.key = k.key")
        else:
            self.conn.execute("INSERT INTO desk_scope SELECT aid FROM desk_article")

    def _extend_scope(self, first_aid: int) -> None:
        """Add the articles indexed from ``first_aid`` on to the scope if they belong to it."""
        scoped = " JOIN desk_scope_key k ON k.key = a.key" if self._scoped else ""
        self.conn.execute(f"INSERT OR IGNORE INTO desk_scope SELECT a.aid FROM desk_article a"
                          f"{scoped} WHERE a.aid >= ?", (first_aid,))

    def progress(self) -> tuple[int, int]:
        """(articles in scope already indexed, articles in scope)."""
        with self._lock:
            self._fresh()
            done = self.conn.execute("SELECT count(*) FROM desk_scope").fetchone()[0]
            if not self._scoped:
                return done, done
            total = self.conn.execute("SELECT count(*) FROM desk_scope_key").fetchone()[0]
            return done, total

    def _fresh(self) -> None:
        """Recompute the scope's identities if rows or scope changed since the last view."""
        if not self._stale:
            return
        with self.conn:
            stats = self._name_stats()
            identities = resolve(list(stats.values()), self._apart)
            self.identities = {i.iid: i for i in identities}
            self._nid_iid = {nid: i.iid for i in identities for nid in i.nids}
            self.conn.execute("DELETE FROM desk_ident")
            self.conn.executemany("INSERT INTO desk_ident VALUES (?, ?)",
                                  self._nid_iid.items())
            self._add_aliases()
        self._stale = False

    def _name_stats(self) -> dict[int, NameStat]:
        stats: dict[int, NameStat] = {}
        rows = self.conn.execute(
            "SELECT m.nid, n.nkey, n.name, m.label, count(*) FROM desk_mention m"
            " JOIN desk_scope s ON s.aid = m.aid JOIN desk_name n ON n.nid = m.nid"
            " GROUP BY m.nid, m.label")
        for nid, nkey, name, label, count in rows:
            st = stats.get(nid) or stats.setdefault(nid, NameStat(nid, nkey, name))
            st.labels[label] = count
            st.articles += count
        rows = self.conn.execute(
            "SELECT n.nid, n.nkey, n.name FROM desk_name n WHERE n.nid IN"
            " (SELECT DISTINCT sp.nid FROM desk_speech sp JOIN desk_scope s ON s.aid = sp.aid)")
        for nid, nkey, name in rows:
            stats.setdefault(nid, NameStat(nid, nkey, name))
        return stats

    def _apart(self, a: int, b: int) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM desk_mention x JOIN desk_mention y ON y.aid = x.aid AND y.nid = ?"
            " JOIN desk_scope s ON s.aid = x.aid WHERE x.nid = ? LIMIT 1", (b, a)
        ).fetchone() is not None

    def _add_aliases(self) -> None:
        extra: dict[str, set[str]] = {}
        for nid, alias in self.conn.execute(
            "SELECT a.nid, a.alias FROM desk_alias a JOIN desk_ident i ON i.nid = a.nid"
        ):
            extra.setdefault(self._nid_iid[nid], set()).add(alias)
        for iid, ident in self.identities.items():
            names = set(ident.aliases) | extra.get(iid, set())
            names.discard(ident.name)
            ident.aliases = tuple(sorted(names, key=lambda s: (-len(s), s)))[:12]

    # Views -------------------------------------------------------------------------------------

    def speakers(self, filter: str = "", sort: str = "count", limit: int | None = None
                 ) -> list[SpeakerRow]:
        """Every quote/claim speaker of the scope with counts; sort "count" or "name"."""
        with self._lock:
            self._fresh()
            return views.speakers(self.conn, self.identities, filter, sort, limit)

    def speaker_facts(self, speaker_id: str) -> list[DeskFact]:
        """A speaker's quotes and claims, by date, article and offset."""
        with self._lock:
            self._fresh()
            return views.speaker_facts(self.conn, self.identities, speaker_id)

    def entities(self, filter: str = "", sort: str = "count", limit: int | None = None
                 ) -> list[EntityRow]:
        """Every entity of the scope with its articles and mentions; sort "count" or "name"."""
        with self._lock:
            self._fresh()
            return views.entities(self.conn, self.identities, filter, sort, limit)

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

    def figures(self, filter: str = "", limit: int | None = None) -> list[FigureGroup]:
        """Number facts grouped by what they measure; groups that disagree first."""
        with self._lock:
            self._fresh()
            return figure_groups(self.conn, self.identities, filter, limit)


def _database_file(conn: sqlite3.Connection) -> str:
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or ""
    return ""
