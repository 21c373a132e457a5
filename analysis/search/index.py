"""SearchIndex: add analysed articles, search them with typos, fragments, word order and filters.

Candidates come from the FTS5 word index (see ``analysis.search`` for why): every query word is
expanded to the indexed words within a small edit distance (and, for the word being typed, its
completions; for a word the corpus lacks, the words containing it), the most selective words are
OR-ed into one MATCH, with the ``kind:``/``label:``/``speaker:`` filters AND-ed to it as meta
tokens, ranked by bm25; the best few hundred distinct texts, and some holding the query's words
as a phrase, are re-scored with rapidfuzz (:mod:`analysis.search.score`). Texts are then
mapped to the items of the open corpus, each with its article's id, path and title.

An article's rows form a document keyed by its content, title and analysis; re-adding the
article with anything changed points it at a new document and deletes the old one once no
article points at it, so the tables hold only what some article last indexed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from contextlib import suppress
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from analysis.cache import Cache, cache_key
from analysis.model import Analysis, Article
from analysis.search.hit import Hit
from analysis.search.items import SPOKEN, Item, article_items
from analysis.search.query import Query, fold, parse_query, words
from analysis.search.score import Scorer
from analysis.search.store import Store
from analysis.search.vocab import Vocabulary, max_typos
from analysis.version import DEFAULT_MODEL

# Distinct texts re-scored per query (more when a speaker filter is applied after the query).
CANDIDATES = 200
CANDIDATES_FILTERED = 1500
# Texts holding the query's words as one phrase added to the candidates, at most.
PHRASES = 50
# Query words are OR-ed, rarest first, until their texts add up to about this many.
DF_BUDGET = 5_000
# At most this many query words take part in candidate generation (the longest ones).
MAX_QUERY_WORDS = 16
# A speaker: filter matching more speakers than this is applied per item, after the query.
MAX_SPEAKER_TOKENS = 300
# Hits scoring below this are not shown.
MIN_SCORE = 50.0
# Punctuation-only queries scan texts literally for at most this long.
LITERAL_SCAN_SECONDS = 0.25
SPEAKER_MATCH = 80.0
# Occurrences of one (kind, text) ranked by score before the rest; see _diverse.
MAX_SAME_TEXT = 2
KIND_ORDER = {"quote": 0, "claim": 1, "entity": 2, "number": 3, "article": 4, "sentence": 5}


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
        self._keys: list[str] = []  # open document keys in the order first added
        self._sources: dict[str, str] = {}  # article (path and id) -> its open document key
        self._count = 0  # articles added
        self._vocab = Vocabulary()
        with self._store.read() as conn:
            self._vocab.load(conn.execute("SELECT term, df FROM search_term"))
            self._speakers = {r[0] for r in conn.execute("SELECT name FROM search_speaker")}

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
            meta = {f"k{item.kind}"} | ({"l" + _token(item.label)} if item.label else set())
            if item.speaker and _token(item.speaker):
                meta.add("s" + _token(item.speaker))
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
            scores = scorer.score_many([body for _, body, _, _ in rows],
                                       [text_len if who else None for _, _, text_len, who in rows])
            scored = sorted(
                ((s, text_id, body, text_len)
                 for s, (text_id, body, text_len, _) in zip(scores, rows, strict=True)),
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
            if f.body in spans:
                pass
            elif f.hit.kind in SPOKEN and len(f.body) > len(f.hit.text):
                # Found with its speaker's name (never highlighted): mark the words it matched.
                own, found = scorer.score_and_spans(f.hit.text)
                spans[f.body] = found if own >= f.hit.score else scorer.word_spans(f.hit.text)
            else:
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
            if not self._vocab.df(word):  # not a word here: maybe cut from inside one
                terms += [t for t in self._vocab.containing(word) if t not in terms]
            prefix = word if prefix_last and i == len(qwords) - 1 and len(word) >= 3 else None
            df = sum(self._vocab.df(t) for t in terms) + (DF_BUDGET // 4 if prefix else 0)
            if terms or prefix:
                groups.append((df, terms, prefix))
        groups.sort(key=lambda g: g[0])
        return groups

    def _candidates(self, conn: sqlite3.Connection, q: Query) -> list[tuple[int, str, int, int]]:
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
        filters = ""
        if q.kinds:
            kinds = " OR ".join(f'"k{k}"' for k in q.kinds)
            filters += f" AND meta : ({kinds})"
        if q.label:
            filters += f' AND meta : "l{_token(q.label)}"'
        n = CANDIDATES
        if q.speaker:
            tokens = self._speaker_tokens(q.speaker)
            if not tokens:
                return []
            if len(tokens) <= MAX_SPEAKER_TOKENS:
                filters += f" AND meta : ({' OR '.join(tokens)})"
            else:  # a filter matching most speakers: checked per item after the query
                n = CANDIDATES_FILTERED
        searches = [(f"body : ({' OR '.join(dict.fromkeys(alternatives))}){filters}",
                     "ORDER BY rank " if total <= DF_BUDGET else "", n)]
        if 2 <= len(q.words) <= MAX_QUERY_WORDS:
            # The words as typed, in order: a fragment of common words ("to continue in") is
            # lost among the OR's bm25 ranks. A phrase query stops at its LIMIT, so it is cheap.
            typing = not q.text[-1:].isspace() and len(q.words[-1]) >= 3
            star = "*" if typing else ""  # "a*" would merge the lists of every word in a
            searches.append((f'body : "{" ".join(q.words)}"{star}{filters}', "", PHRASES))
        rows = []
        for expr, order, limit in searches:
            with suppress(sqlite3.OperationalError):  # not expected: terms are quoted; never crash
                rows += conn.execute(
                    f"SELECT rowid FROM search_fts WHERE search_fts MATCH ? {order}LIMIT {limit}",
                    (expr,),
                ).fetchall()
        rows = list(dict.fromkeys(rows))
        return _texts(conn, [r[0] for r in rows])

    def _speakers_like(self, wanted: str) -> list[str]:
        """The indexed speakers a ``speaker:`` filter value matches."""
        with self._lock:
            names = list(self._speakers)
        found = process.extract(wanted, names, scorer=fuzz.partial_ratio, processor=fold,
                                score_cutoff=SPEAKER_MATCH, limit=None)
        return [name for name, _, _ in found]

    def _speaker_tokens(self, wanted: str) -> list[str]:
        tokens = {"s" + _token(n) for n in self._speakers_like(wanted)}
        return sorted(f'"{t}"' for t in tokens if len(t) > 1)

    def _literal(self, conn: sqlite3.Connection, q: Query) -> list[tuple[int, str, int, int]]:
        """Texts containing the query literally (for queries with no letters or digits)."""
        needle = " ".join(q.text.split())
        sql = "SELECT id, body, text_len, who FROM search_text WHERE instr(body, ?) > 0"
        args: list = [needle]
        for token in ([f"k{q.kind}"] if q.kind else []) + (
                [f"l{_token(q.label)}"] if q.label else []):  # (several kinds: checked per item)
            sql += " AND instr(' ' || meta || ' ', ?) > 0"
            args.append(f" {token} ")
        deadline = time.monotonic() + LITERAL_SCAN_SECONDS
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            rows = conn.execute(f"{sql} LIMIT ?", (*args, CANDIDATES)).fetchall()
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
            "SELECT key, text_id, kind, start, end, speaker, label, value, cue FROM search_item"
            f" WHERE text_id IN ({marks})", list(by_id),
        ).fetchall()
        return self._hits(rows, q, lambda text_id: by_id[text_id], limit)

    def _hits(self, rows, q: Query, text_of, limit: int | None = None) -> list[_Found]:
        """Hits for item rows in the open corpus; at most ``limit`` per text when given."""
        hits = []
        speakers: dict[str, float] = {}
        per_text: dict[int, int] = {}
        for key, text_id, kind, start, end, speaker, label, value, cue in rows:
            if limit is not None and per_text.get(text_id, 0) >= limit:
                continue
            refs = self._refs.get(key)
            if not refs or (q.kinds and kind not in q.kinds):
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
                    value=json.loads(value) if value is not None else None, cue=cue,
                )
                hits.append(_Found(hit, ref.position, body))
                per_text[text_id] = per_text.get(text_id, 0) + 1
        return hits

    def _filtered(self, q: Query, limit: int) -> list[Hit]:
        """Filter-only queries (``speaker:podolyak``): matching items in article order."""
        with self._lock:
            keys = list(self._keys)
        speakers = self._speakers_like(q.speaker) if q.speaker else []
        hits: list[_Found] = []
        with self._store.read() as conn:
            for i in range(0, len(keys), 400):
                chunk = keys[i : i + 400]
                marks = ",".join("?" * len(chunk))
                sql = ("SELECT key, text_id, kind, start, end, speaker, label, value, cue, body,"
                       " text_len FROM search_item JOIN search_text ON id = text_id"
                       f" WHERE key IN ({marks})")
                args: list = list(chunk)
                if q.kinds:
                    sql += f" AND kind IN ({','.join('?' * len(q.kinds))})"
                    args += q.kinds
                if q.speaker:
                    if not speakers:
                        break
                    sql += f" AND speaker IN ({','.join('?' * len(speakers))})"
                    args += speakers
                rows = conn.execute(sql, args).fetchall()
                texts = {r[1]: (None, r[9], r[10]) for r in rows}
                hits += self._hits([r[:9] for r in rows], q, texts.__getitem__)
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


def _texts(conn: sqlite3.Connection, ids: list[int]) -> list[tuple[int, str, int, int]]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return conn.execute(
        f"SELECT id, body, text_len, who FROM search_text WHERE id IN ({marks})", ids
    ).fetchall()


def _doc_key(content_key: str, article: Article, analysis: Analysis) -> str:
    """A digest of what the index holds for one article: its content, title and facts."""
    parts = [content_key, f"t{article.title!r}"]
    parts += [f"q{q.start},{q.end},{q.speaker},{q.cue}" for q in analysis.quotes]
    parts += [f"c{c.start},{c.end},{c.speaker},{c.cue}" for c in analysis.claims]
    for e in analysis.entities:
        parts.append(f"e{e.label},{e.name}")
        parts += [f"{m.start},{m.end}" for m in e.mentions]
    parts += [f"n{n.start},{n.end},{n.value!r},{n.counted}" for n in analysis.numbers]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _token(label: str) -> str:
    """A label as one index token ("WORK_OF_ART" -> "workofart")."""
    return "".join(words(label))
