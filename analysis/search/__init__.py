"""Corpus-wide fuzzy search over quotes, entities, numbers, sentences and titles.

``SearchIndex(cache)`` persists in the cache's SQLite file (so a reopened corpus is searchable at
once; content already indexed is not indexed again), or lives in memory without a cache. It
searches only the articles ``add()``-ed to it. Queries tolerate typos, fragments and word order;
``speaker:``, ``kind:`` and ``label:`` filters combine with free text. Hits: :class:`Hit`.

How (``index.py``): every distinct item text is stored once, under an FTS5 *word* index
(unicode61, diacritics folded), with ``k<kind>``/``l<label>`` tokens in a second column for
filtering inside the MATCH. A query word is expanded, in memory, to the indexed words within
1 edit (4-6 letters) or 2 edits (7+; OSA, so a transposition is one edit) with rapidfuzz, and
the word being typed also to its completions; the most selective words are OR-ed, the best 200
texts by bm25 re-scored with rapidfuzz (``score.py``: partial_ratio, length-aware, or per-word
ratio for reordered words), then mapped to the open corpus' items. Every query term is quoted,
so FTS5 syntax in a query is literal; a query with no letters or digits is matched literally
with ``instr`` (time-capped).

Why word index + fuzzy vocabulary rather than FTS5 trigram or tantivy (measured with
``python -m bench.search``, 200 typo/fragment queries, same re-scoring):

* FTS5 trigram (this sqlite, 3.40, has it): a typo breaks the trigrams around it, so the query's
  trigrams must be OR-ed; every common trigram ("the", "ent") matches most texts and bm25 must
  rank them all. Measured side by side (same machine, same load, same 100 queries, the same
  rapidfuzz re-scoring of 200 candidates), 10,000 articles / 20.7k distinct texts:
  trigram OR + bm25, candidates and scoring only: p50 31.5 ms, p95 95.2 ms, recall 0.98;
  word index + fuzzy vocabulary, the whole search() with hits: p50 18.2 ms, p95 42.7 ms,
  recall 1.0 (recall: the best text of an exhaustive scan with the same scorer in the top 10).
  The word index's cost is bounded by the df budget of the words it picks; the trigram one
  grows with the corpus (at 1,000 articles: 22 / 60 ms vs 17 / 49 ms).
* tantivy (PyPI 0.27.0) has fuzzy term queries built in, but would be a second store beside the
  cache's SQLite file (the brief wants the index in the cache database), a compiled dependency,
  and its own writer/reader locking across the app's threads; the SQLite design reached the
  targets below, so it was not added.

Figures at 10,000 articles (264 real + 9,736 synthetic, 490,348 items, 20,737 distinct texts):
p50 7.4 ms, p95 14.2 ms per query; the partial_ratio full scan p50 984 ms, p95 1,872 ms:
speedup_p95 131. Top hit of an exhaustive scan with our scorer in our top 10: 0.995; the item
the query was made from: 0.91; the partial_ratio scan's top hit: 0.42 (0.945 among items at
least half the query's length: partial_ratio gives 100 to any short name or number inside the
query, e.g. "Kninear" -> "nine", where we return "Kinnear"). Indexing: add() 4.0 ms per
article (40 s for 10,000, in one SQLite file; 47.7 s for 20,000 after a later fix); add() of
already indexed content (a re-opened corpus): 0.19 ms per article.

At 100,000 articles (4.87M items, 110.7k distinct texts): p50 25.8 ms, p95 50.8 ms; the full
scan p95 8.7 s (5 queries timed): speedup_p95 172; recall vs the exhaustive scan 0.955, vs the
source item 0.815 (100k synthetic titles compete), vs partial_ratio's top hit 0.40; add() 2.2 ms
per article (216 s), re-open 1.4 s.
"""

from analysis.search.hit import Hit
from analysis.search.index import SearchIndex

__all__ = ["Hit", "SearchIndex"]
