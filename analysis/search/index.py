"""SearchIndex: add analysed articles, search them with typos, fragments, word order and filters.

Candidates come from the FTS5 word index (see ``analysis.search`` for why): every query word is
expanded to the indexed words within a small edit distance (and, for the word being typed, its
completions), the most selective words are OR-ed into one MATCH ranked by bm25, and the best few
hundred distinct texts are re-scored with rapidfuzz (:mod:`analysis.search.score`). Texts are
then mapped to the items of the open corpus, each with its article's id, path and title.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass

from rapidfuzz import fuzz

from analysis.cache import Cache, cache_key
from analysis.model import Analysis, Article
from analysis.search.hit import Hit
from analysis.search.items import Item, article_items, title_items
from analysis.search.query import Query, fold, parse_query, words
from analysis.search.score import Scorer
from analysis.search.store import Store
from analysis.search.vocab import Vocabulary, max_typos
from analysis.version import DEFAULT_MODEL

# Distinct texts re-scored per query (more when a speaker filter discards most of them).
CANDIDATES = 200
CANDIDATES_FILTERED = 1500
# Query words are OR-ed, rarest first, until their texts add up to about this many.
DF_BUDGET = 5_000
# At most this many query words take part in candidate generation (the longest ones).
MAX_QUERY_WORDS = 16
# Hits scoring below this are not shown.
MIN_SCORE = 50.0
# Punctuation-only queries scan texts literally for at most this long.
LITERAL_SCAN_SECONDS = 0.25
SPEAKER_MATCH = 80.0
# Occurrences of one (kind, text) ranked by score before the rest; see _diverse.
MAX_SAME_TEXT = 2
KIND_ORDER = {"quote": 0, "entity": 1, "number": 2, "article": 3, "sentence": 4}


@dataclass(slots=True)
class _Ref:
    id: str
    path: str
    title: str | None
    position: int


@dataclass(slots=True)
class _Found:
    hit: Hit
    position: int  # of the article in the open corpus
    body: str  # the indexed text the hit was scored on


class SearchIndex:
    """Fuzzy search over the articles added to it; persisted in the cache database if given."""

    def __init__(self, cache: Cache | None = None, *, model: str = DEFAULT_MODEL) -> None:
        try:
            self._store = Store(cache.path if cache is not None else None)
        except sqlite3.Error:  # e.g. a read-only cache file: search still works, in memory
            self._store = Store(None)
        self._model = model
        self._lock = threading.Lock()
        self._refs: dict[str, list[_Ref]] = {}
        self._keys: list[str] = []  # open content keys in the order first added
        self._count = 0  # articles added
        self._vocab = Vocabulary()
        with self._store.read() as conn:
            self._vocab.load(conn.execute("SELECT term, df FROM search_term"))

    def __len__(self) -> int:
        """How many articles are searchable."""
        return self._count

    def close(self) -> None:
        """Close this index's database connections."""
        self._store.close()

    # -- indexing ---------------------------------------------------------------------------

    def add(self, article: Article, analysis: Analysis) -> None:
        """Make ``article`` searchable; content already indexed (by any run) is not re-indexed."""
        key = cache_key(article.text, self._model, article.date)
        with self._store.read() as conn:
            row = conn.execute("SELECT title FROM search_doc WHERE key = ?", (key,)).fetchone()
        if row is None or (article.title and article.title != row[0]):
            with self._store.write() as conn:
                row = conn.execute("SELECT title FROM search_doc WHERE key = ?",
                                   (key,)).fetchone()
                if row is None:
                    self._insert(conn, key, article_items(article, analysis))
                    conn.execute("INSERT INTO search_doc VALUES (?, ?)", (key, article.title))
                elif article.title and article.title != row[0]:
                    self._add_title(conn, key, article)
        with self._lock:
            refs = self._refs.setdefault(key, [])
            if not refs:
                self._keys.append(key)
            if not any(r.id == article.id and r.path == article.path for r in refs):
                refs.append(_Ref(article.id, article.path, article.title, self._count))
                self._count += 1

    def _add_title(self, conn: sqlite3.Connection, key: str, article: Article) -> None:
        items = title_items(article)
        row = conn.execute(
            "SELECT 1 FROM search_item JOIN search_text ON id = text_id"
            " WHERE key = ? AND kind = 'article' AND body = ?", (key, items[0].text),
        ).fetchone() if items else (1,)
        if row is None:
            self._insert(conn, key, items)

    def _insert(self, conn: sqlite3.Connection, key: str, items: list[Item]) -> None:
        ids: dict[str, tuple[int, set[str]]] = {}
        rows = []
        for item in items:
            body = item.text if item.extra is None else f"{item.text}\n{item.extra}"
            meta = {f"k{item.kind}"} | ({"l" + _token(item.label)} if item.label else set())
            known = ids.get(body)
            if known is None or not meta <= known[1]:
                known = ids[body] = self._text_id(conn, body, len(item.text), meta)
            text_id = known[0]
            value = json.dumps(item.value) if item.value is not None else None
            rows.append((key, text_id, item.kind, item.start, item.end, item.speaker,
                         item.label, value))
        conn.executemany("INSERT INTO search_item VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def _text_id(
        self, conn: sqlite3.Connection, body: str, text_len: int, meta: set[str]
    ) -> tuple[int, set[str]]:
        """The id of ``body`` in search_text (added if new) and its meta tokens, ``meta`` added."""
        row = conn.execute("SELECT id, meta FROM search_text WHERE body = ?", (body,)).fetchone()
        if row is None:
            meta_text = " ".join(sorted(meta))
            cur = conn.execute("INSERT INTO search_text (body, text_len, meta) VALUES (?, ?, ?)",
                               (body, text_len, meta_text))
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

    # -- searching --------------------------------------------------------------------------

    def search(self, query: str, *, kind: str | None = None, limit: int = 20) -> list[Hit]:
        """The best ``limit`` hits for ``query`` (free text and speaker:/kind:/label: filters)."""
        q = parse_query(query if isinstance(query, str) else "", kind)
        if q.impossible or limit <= 0 or not self._refs:
            return []
        if not q.text.strip():
            return self._filtered(q, limit) if q.has_filters else []
        scorer = Scorer(q.text, prefix_last=not query[-1:].isspace())
        with self._store.read() as conn:
            rows = self._candidates(conn, q) if q.words else self._literal(conn, q)
            scores = scorer.score_many([body for _, body, _ in rows])
            scored = sorted(
                ((s, text_id, body, text_len)
                 for s, (text_id, body, text_len) in zip(scores, rows, strict=True)),
                reverse=True,
            )
            scored = [s for s in scored if s[0] >= MIN_SCORE]
            found: list[_Found] = []
            shown = 0  # hits that will rank before any text's extra occurrences
            for i in range(0, len(scored), 16):
                batch = self._expand(conn, q, scored[i : i + 16], limit)
                found += batch
                per_text: dict[str, int] = {}
                for f in batch:
                    per_text[f.body] = per_text.get(f.body, 0) + 1
                shown += sum(min(n, MAX_SAME_TEXT) for n in per_text.values())
                if shown >= limit:
                    break
        found.sort(key=lambda f: (-f.hit.score, KIND_ORDER.get(f.hit.kind, 9), f.position))
        spans: dict[str, list[tuple[int, int]]] = {}
        hits = []
        for f in _diverse(found)[:limit]:  # matched spans only for the hits shown
            if f.body not in spans:
                spans[f.body] = scorer.score_and_spans(f.body, len(f.hit.text))[1]
            f.hit.matched = list(spans[f.body])
            hits.append(f.hit)
        return hits

    def _word_groups(self, q: Query, prefix_last: bool) -> list[tuple[int, list[str], str | None]]:
        qwords = list(dict.fromkeys(w for w in q.words if w))
        if len(qwords) > MAX_QUERY_WORDS:
            keep = set(sorted(qwords, key=len, reverse=True)[:MAX_QUERY_WORDS])
            qwords = [w for w in qwords if w in keep]
        groups = []
        for i, word in enumerate(qwords):
            terms = self._vocab.similar(word, max_typos(word))
            prefix = word if prefix_last and i == len(qwords) - 1 and len(word) >= 3 else None
            df = sum(self._vocab.df(t) for t in terms) + (DF_BUDGET // 4 if prefix else 0)
            if terms or prefix:
                groups.append((df, terms, prefix))
        groups.sort(key=lambda g: g[0])
        return groups

    def _candidates(self, conn: sqlite3.Connection, q: Query) -> list[tuple[int, str, int]]:
        groups = self._word_groups(q, prefix_last=not q.text[-1:].isspace())
        if not groups:
            return []
        chosen, total = [], 0
        for df, terms, prefix in groups:
            if chosen and total + df > DF_BUDGET:
                break
            chosen.append((terms, prefix))
            total += df
        alternatives = [f'"{t}"' for terms, _ in chosen for t in terms]
        alternatives += [f'"{p}"*' for _, p in chosen if p]
        expr = f"body : ({' OR '.join(dict.fromkeys(alternatives))})"
        if q.kind:
            expr += f' AND meta : "k{q.kind}"'
        if q.label:
            expr += f' AND meta : "l{_token(q.label)}"'
        n = CANDIDATES_FILTERED if q.speaker else CANDIDATES
        order = "ORDER BY rank " if total <= DF_BUDGET else ""
        try:
            rows = conn.execute(
                f"SELECT rowid FROM search_fts WHERE search_fts MATCH ? {order}LIMIT {n}",
                (expr,),
            ).fetchall()
        except sqlite3.OperationalError:  # not expected: every term is quoted; never crash
            return []
        return _texts(conn, [r[0] for r in rows])

    def _literal(self, conn: sqlite3.Connection, q: Query) -> list[tuple[int, str, int]]:
        """Texts containing the query literally (for queries with no letters or digits)."""
        needle = " ".join(q.text.split())
        deadline = time.monotonic() + LITERAL_SCAN_SECONDS
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            rows = conn.execute(
                "SELECT id, body, text_len FROM search_text WHERE instr(body, ?) > 0 LIMIT ?",
                (needle, CANDIDATES),
            ).fetchall()
        except sqlite3.OperationalError:  # interrupted: the scan took too long
            rows = []
        finally:
            conn.set_progress_handler(None, 0)
        return rows

    def _expand(
        self, conn: sqlite3.Connection, q: Query, scored: list, limit: int
    ) -> list[_Found]:
        """Hits in the open corpus for scored ``(score, text_id, body, text_len)`` texts."""
        by_id = {text_id: (score, body, text_len) for score, text_id, body, text_len in scored}
        marks = ",".join("?" * len(by_id))
        rows = conn.execute(
            "SELECT key, text_id, kind, start, end, speaker, label, value FROM search_item"
            f" WHERE text_id IN ({marks})", list(by_id),
        ).fetchall()
        return self._hits(rows, q, lambda text_id: by_id[text_id], limit)

    def _hits(self, rows, q: Query, text_of, limit: int | None = None) -> list[_Found]:
        """Hits for item rows in the open corpus; at most ``limit`` per text when given."""
        hits = []
        speakers: dict[str, float] = {}
        per_text: dict[int, int] = {}
        for key, text_id, kind, start, end, speaker, label, value in rows:
            if limit is not None and per_text.get(text_id, 0) >= limit:
                continue
            refs = self._refs.get(key)
            if not refs or (q.kind and kind != q.kind):
                continue
            if q.label and (label or "").lower() != q.label:
                continue
            score, body, text_len = text_of(text_id)
            if q.speaker:
                if not speaker:
                    continue
                if speaker not in speakers:
                    speakers[speaker] = fuzz.partial_ratio(q.speaker, fold(speaker))
                if speakers[speaker] < SPEAKER_MATCH:
                    continue
                score = score if score is not None else speakers[speaker]
            text = body[:text_len]
            for ref in list(refs):
                if kind == "article" and ref.title and ref.title.strip() != text:
                    continue
                hit = Hit(
                    kind=kind, text=text, score=float(score if score is not None else 100.0),
                    article_id=ref.id, path=ref.path, title=ref.title, start=start, end=end,
                    speaker=speaker, label=label,
                    value=json.loads(value) if value is not None else None,
                )
                hits.append(_Found(hit, ref.position, body))
                per_text[text_id] = per_text.get(text_id, 0) + 1
        return hits

    def _filtered(self, q: Query, limit: int) -> list[Hit]:
        """Filter-only queries (``speaker:podolyak``): matching items in article order."""
        with self._lock:
            keys = list(self._keys)
        hits: list[_Found] = []
        with self._store.read() as conn:
            for i in range(0, len(keys), 400):
                chunk = keys[i : i + 400]
                marks = ",".join("?" * len(chunk))
                sql = ("SELECT key, text_id, kind, start, end, speaker, label, value, body,"
                       " text_len FROM search_item JOIN search_text ON id = text_id"
                       f" WHERE key IN ({marks})")
                args: list = list(chunk)
                if q.kind:
                    sql += " AND kind = ?"
                    args.append(q.kind)
                rows = conn.execute(sql, args).fetchall()
                texts = {r[1]: (None, r[8], r[9]) for r in rows}
                hits += self._hits([r[:8] for r in rows], q, texts.__getitem__)
                if len(hits) >= limit:
                    break
        hits.sort(key=lambda f: (-f.hit.score, f.position, f.hit.start))
        for f in hits[:limit]:
            f.hit.matched = [(0, len(f.hit.text))]
        return [f.hit for f in hits[:limit]]


def _diverse(found: list[_Found]) -> list[_Found]:
    """Best first, but the same text in more than MAX_SAME_TEXT articles (wire copy, a name
    in every article) only after every other hit, so one text cannot fill the list."""
    seen: dict[tuple[str, str], int] = {}
    first, rest = [], []
    for f in found:
        n = seen[(f.hit.kind, f.hit.text)] = seen.get((f.hit.kind, f.hit.text), 0) + 1
        (first if n <= MAX_SAME_TEXT else rest).append(f)
    return first + rest


def _texts(conn: sqlite3.Connection, ids: list[int]) -> list[tuple[int, str, int]]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return conn.execute(
        f"SELECT id, body, text_len FROM search_text WHERE id IN ({marks})", ids
    ).fetchall()


def _token(label: str) -> str:
    """A label as one index token ("WORK_OF_ART" -> "workofart")."""
    return "".join(words(label))
