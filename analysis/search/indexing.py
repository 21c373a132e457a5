"""The indexing side of ``SearchIndex``: its state, and adding articles to the FTS5 tables.

An article's rows form a document keyed by its content, title and analysis; re-adding the
article with anything changed points it at a new document and deletes the old one once no
article points at it, so the tables hold only what some article last indexed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from dataclasses import dataclass

from analysis.cache import Cache, cache_key
from analysis.model import Analysis, Article
from analysis.search.items import Item, article_items
from analysis.search.query import words
from analysis.search.store import Store
from analysis.search.vocab import Vocabulary
from analysis.version import DEFAULT_MODEL


@dataclass(slots=True)
class _Ref:
    id: str
    path: str
    title: str | None
    position: int


class IndexState:
    """The index's state and its writes; ``SearchIndex`` adds the searching."""

    def __init__(self, cache: Cache | None = None, *, model: str = DEFAULT_MODEL) -> None:
        try:
            self._store = Store(cache.path if cache is not None else None)
        except sqlite3.Error:  # e.g. a read-only cache file: search still works, in memory
            self._store = Store(None)
        self._model = model
        self._lock = threading.Lock()
        self._refs: dict[str, list[_Ref]] = {}
        self._keys: list[str] = []  # open document keys in the order first added
        self._sources: dict[str, str] = {}  # article (path and id) -> its open document key
        self._count = 0  # articles added
        self._vocab = Vocabulary()
        with self._store.read() as conn:
            self._vocab.load(conn.execute("SELECT term, df FROM search_term"))
            self._speakers = {r[0] for r in conn.execute("SELECT name FROM search_speaker")}
        # (speakers counted, each word of a speaker's name -> the names): SearchIndex's cache
        self._parts_of: tuple[int, dict[str, set[str]]] | None = None

    def __len__(self) -> int:
        """How many articles are searchable."""
        return self._count

    def close(self) -> None:
        """Close this index's database connections."""
        self._store.close()

    # -- indexing ---------------------------------------------------------------------------

    def add(self, article: Article, analysis: Analysis) -> None:
        """Make ``article`` searchable, replacing what was indexed for it before (by path and id).

        A document already indexed (by any run, with the same text, title and analysis) is not
        indexed again; one no article points at any more is deleted.
        """
        key = _doc_key(cache_key(article.text, self._model, article.date), article, analysis)
        source = f"{article.path}\x00{article.id}"
        with self._store.read() as conn:  # a source always points at an indexed document
            was = conn.execute("SELECT key FROM search_source WHERE source = ?",
                               (source,)).fetchone()
        if was is None or was[0] != key:
            with self._store.write() as conn:
                if not conn.execute("SELECT 1 FROM search_doc WHERE key = ?", (key,)).fetchone():
                    self._insert(conn, key, article_items(article, analysis))
                    conn.execute("INSERT INTO search_doc VALUES (?)", (key,))
                was = conn.execute("SELECT key FROM search_source WHERE source = ?",
                                   (source,)).fetchone()
                conn.execute("INSERT OR REPLACE INTO search_source VALUES (?, ?)", (source, key))
                if was is not None and was[0] != key and conn.execute(
                    "SELECT 1 FROM search_source WHERE key = ? LIMIT 1", (was[0],)
                ).fetchone() is None:
                    self._drop(conn, was[0])
        with self._lock:
            previous = self._sources.get(source)
            if previous == key:
                return
            position = self._count
            if previous is None:
                self._count += 1
            else:  # re-added with other content or analysis: its old hits go
                refs = self._refs.get(previous, [])
                for ref in [r for r in refs if (r.id, r.path) == (article.id, article.path)]:
                    position = ref.position
                    refs.remove(ref)
                if not refs:
                    self._refs.pop(previous, None)
                    self._keys.remove(previous)
            self._sources[source] = key
            refs = self._refs.setdefault(key, [])
            if not refs:
                self._keys.append(key)
            refs.append(_Ref(article.id, article.path, article.title, position))

    def _insert(self, conn: sqlite3.Connection, key: str, items: list[Item]) -> None:
        ids: dict[str, tuple[int, set[str]]] = {}
        rows = []
        for item in items:
            extra = item.extra if item.who is None else item.who
            body = item.text if extra is None else f"{item.text}\n{extra}"
            meta = {f"k{item.kind}"} | ({"l" + label_token(item.label)} if item.label else set())
            if item.speaker and label_token(item.speaker):
                meta.add("s" + label_token(item.speaker))
                if item.speaker not in self._speakers:
                    conn.execute("INSERT OR IGNORE INTO search_speaker VALUES (?)",
                                 (item.speaker,))
                    with self._lock:
                        self._speakers.add(item.speaker)
            known = ids.get(body)
            if known is None or not meta <= known[1]:
                known = ids[body] = self._text_id(conn, body, len(item.text), meta,
                                                  item.who is not None)
            text_id = known[0]
            value = json.dumps(item.value) if item.value is not None else None
            rows.append((key, text_id, item.kind, item.start, item.end, item.speaker,
                         item.label, value, item.cue))
        conn.executemany("INSERT INTO search_item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def _drop(self, conn: sqlite3.Connection, key: str) -> None:
        """Delete document ``key``'s items, and its texts no other document has."""
        ids = [r[0] for r in conn.execute(
            "SELECT DISTINCT text_id FROM search_item WHERE key = ?", (key,))]
        conn.execute("DELETE FROM search_item WHERE key = ?", (key,))
        conn.execute("DELETE FROM search_doc WHERE key = ?", (key,))
        for text_id in ids:
            if conn.execute("SELECT 1 FROM search_item WHERE text_id = ? LIMIT 1",
                            (text_id,)).fetchone():
                continue
            (body,) = conn.execute("SELECT body FROM search_text WHERE id = ?",
                                   (text_id,)).fetchone()
            conn.execute("DELETE FROM search_text WHERE id = ?", (text_id,))
            conn.execute("DELETE FROM search_fts WHERE rowid = ?", (text_id,))
            gone = set(words(body))
            conn.executemany("UPDATE search_term SET df = df - 1 WHERE term = ?",
                             [(w,) for w in gone])
            conn.executemany("DELETE FROM search_term WHERE term = ? AND df <= 0",
                             [(w,) for w in gone])
            self._vocab.uncount(gone)

    def _text_id(
        self, conn: sqlite3.Connection, body: str, text_len: int, meta: set[str], who: bool
    ) -> tuple[int, set[str]]:
        """The id of ``body`` in search_text (added if new) and its meta tokens, ``meta`` added."""
        row = conn.execute("SELECT id, meta FROM search_text WHERE body = ?", (body,)).fetchone()
        if row is None:
            meta_text = " ".join(sorted(meta))
            cur = conn.execute(
                "INSERT INTO search_text (body, text_len, meta, who) VALUES (?, ?, ?, ?)",
                (body, text_len, meta_text, int(who)),
            )
            text_id = int(cur.lastrowid)
            conn.execute("INSERT INTO search_fts (rowid, body, meta) VALUES (?, ?, ?)",
                         (text_id, body, meta_text))
            counted = words(body)
            self._vocab.count(counted)
            conn.executemany(
                "INSERT INTO search_term VALUES (?, 1)"
                " ON CONFLICT (term) DO UPDATE SET df = df + 1",
                [(w,) for w in set(counted)],
            )
            return text_id, meta
        text_id, old = row
        have = set((old or "").split())
        if not meta <= have:
            meta_text = " ".join(sorted(have | meta))
            conn.execute("UPDATE search_text SET meta = ? WHERE id = ?", (meta_text, text_id))
            conn.execute("UPDATE search_fts SET meta = ? WHERE rowid = ?", (meta_text, text_id))
        return int(text_id), have | meta


def _doc_key(content_key: str, article: Article, analysis: Analysis) -> str:
    """A digest of what the index holds for one article: its content, title and facts."""
    parts = [content_key, f"t{article.title!r}"]
    parts += [f"q{q.start},{q.end},{q.speaker},{q.cue}" for q in analysis.quotes]
    parts += [f"c{c.start},{c.end},{c.speaker},{c.cue},{c.kind}" for c in analysis.claims]
    for e in analysis.entities:
        parts.append(f"e{e.label},{e.name}")
        parts += [f"{m.start},{m.end}" for m in e.mentions]
    parts += [f"n{n.start},{n.end},{n.value!r},{n.counted}" for n in analysis.numbers]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def label_token(label: str) -> str:
    """A label as one index token ("WORK_OF_ART" -> "workofart")."""
    return "".join(words(label))
