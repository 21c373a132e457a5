"""SearchIndex: add analysed articles, search them with typos, fragments, word order and filters.

Candidates come from the FTS5 word index (see ``analysis.search`` for why): every query word is
expanded to the indexed words within a small edit distance (and, for the word being typed, its
completions; for a word the corpus lacks, the words containing it), the most selective words are
OR-ed into one MATCH, with the ``kind:``/``label:``/``speaker:`` filters AND-ed to it as meta
tokens, ranked by bm25; the best few hundred distinct texts, and some holding the query's words
as a phrase, are re-scored with rapidfuzz (:mod:`analysis.search.score`). Texts are then
mapped to the items of the open corpus, each with its article's id, path and title.

A query that names a speaker ("zelenskyy", every word a word of the name, typos allowed) also lists
that speaker's first quotes and claims right after the leading hits (the person's entity): their
text need not hold the name, so the scoring alone would rank them after every sentence naming them.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import suppress
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from analysis.search.hit import Hit
from analysis.search.indexing import IndexState, label_token
from analysis.search.items import SPOKEN
from analysis.search.query import Query, fold, parse_query, words
from analysis.search.score import Scorer
from analysis.search.vocab import max_typos

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
# A query names a speaker when each of its words matches a word of the name this well.
NAME_WORD_MATCH = 85.0
# Quotes and claims of a speaker the query names, listed among the first hits.
SPEAKER_QUOTES = 5
# Occurrences of one (kind, text) ranked by score before the rest; see _diverse.
MAX_SAME_TEXT = 2
KIND_ORDER = {"quote": 0, "claim": 1, "entity": 2, "number": 3, "article": 4, "sentence": 5}


@dataclass(slots=True)
class _Found:
    hit: Hit
    position: int  # of the article in the open corpus
    body: str  # the indexed text the hit was scored on


class SearchIndex(IndexState):
    """Fuzzy search over the articles added to it; persisted in the cache database if given."""

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
            scored = sorted(  # best first; on a tie the text indexed first (the earlier article)
                ((s, text_id, body, text_len)
                 for s, (text_id, body, text_len, _) in zip(scores, rows, strict=True)),
                key=lambda t: (-t[0], t[1]),
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
        return self._with_speaker_quotes(q, hits, limit)

    def _with_speaker_quotes(self, q: Query, hits: list[Hit], limit: int) -> list[Hit]:
        """``hits`` with the quotes and claims of the speaker(s) the query names listed right after
        the leading entity hits (the first hit at least), at that hit's score (order kept)."""
        kinds = tuple(k for k in SPOKEN if not q.kinds or k in q.kinds)
        if not hits or not kinds or q.speaker or q.label:
            return hits
        names = self._speakers_named(q.words)
        if not names:
            return hits
        theirs = self._spoken_by(names, kinds)
        lead = 1 + max((i for i, h in enumerate(hits[:3]) if h.kind == "entity"), default=0)
        where = {(h.kind, h.article_id, h.start, h.end): h for h in hits[:lead]}
        theirs = [h for h in theirs if (h.kind, h.article_id, h.start, h.end) not in where]
        if not theirs:
            return hits
        placed = {(h.kind, h.article_id, h.start, h.end) for h in theirs}
        for hit in theirs:
            hit.score = hits[lead - 1].score
            hit.matched = []  # found by its speaker's name, which its text need not hold
        rest = [h for h in hits[lead:] if (h.kind, h.article_id, h.start, h.end) not in placed]
        return (hits[:lead] + theirs + rest)[:limit]

    def _spoken_by(self, names: list[str], kinds: tuple[str, ...]) -> list[Hit]:
        """The first ``SPEAKER_QUOTES`` items of these kinds said by these speakers, in article
        order (found by their speaker tokens in the index, as ``speaker:`` finds them)."""
        tokens = sorted({f'"s{label_token(n)}"' for n in names if label_token(n)})
        if not tokens:
            return []
        kind_tokens = " OR ".join(f'"k{k}"' for k in kinds)
        expr = f"meta : ({' OR '.join(tokens)}) AND meta : ({kind_tokens})"
        found: list[_Found] = []
        with self._store.read() as conn, suppress(sqlite3.OperationalError):
            ids = [r[0] for r in conn.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?",
                (expr, CANDIDATES))]
            scored = [(None, i, body, n) for i, body, n, _ in _texts(conn, ids)]
            found = self._expand(conn, Query(text="", kinds=kinds), scored, CANDIDATES)
        found = sorted((f for f in found if f.hit.speaker in names),
                       key=lambda f: (f.position, f.hit.start))
        return [f.hit for f in found[:SPEAKER_QUOTES]]

    def _speakers_named(self, qwords: list[str]) -> list[str]:
        """The indexed speakers whose name holds every query word (typos allowed)."""
        if not qwords or len(qwords) > 4 or max(len(w) for w in qwords) < 4:
            return []
        parts = self._name_parts()
        choices = list(parts)
        named: set[str] | None = None
        for word in qwords:
            found = process.extract(word, choices, scorer=fuzz.ratio,
                                    score_cutoff=NAME_WORD_MATCH, limit=None)
            with_word = {name for part, _, _ in found for name in parts[part]}
            named = with_word if named is None else named & with_word
            if not named:
                return []
        return sorted(named or ())

    def _name_parts(self) -> dict[str, set[str]]:
        """Each folded word of a speaker's name -> the names holding it (rebuilt as speakers are
        added)."""
        with self._lock:
            if self._parts_of is None or self._parts_of[0] != len(self._speakers):
                parts: dict[str, set[str]] = {}
                for name in self._speakers:
                    for part in words(name):
                        parts.setdefault(part, set()).add(name)
                self._parts_of = (len(self._speakers), parts)
            return self._parts_of[1]

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
            filters += f' AND meta : "l{label_token(q.label)}"'
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
        tokens = {"s" + label_token(n) for n in self._speakers_like(wanted)}
        return sorted(f'"{t}"' for t in tokens if len(t) > 1)

    def _literal(self, conn: sqlite3.Connection, q: Query) -> list[tuple[int, str, int, int]]:
        """Texts containing the query literally (for queries with no letters or digits)."""
        needle = " ".join(q.text.split())
        sql = "SELECT id, body, text_len, who FROM search_text WHERE instr(body, ?) > 0"
        args: list = [needle]
        # (several kinds: checked per item)
        for token in ([f"k{q.kind}"] if q.kind else []) + (
                [f"l{label_token(q.label)}"] if q.label else []):
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
