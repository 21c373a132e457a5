"""Corpus-wide fuzzy search over quotes, entities, numbers, sentences and titles.

``SearchIndex(cache)`` persists in the cache's SQLite file (so a reopened corpus is searchable at
once; content already indexed is not indexed again), or lives in memory without a cache. It
searches only the articles ``add()``-ed to it; re-adding an article with other content, title or
analysis replaces its rows. Queries tolerate typos, fragments and word order; ``speaker:``,
``kind:`` and ``label:`` filters combine with free text. Hits: :class:`Hit`.

How (``indexing.py`` stores, ``index.py`` searches): every distinct item text is stored once, under
an FTS5 *word* index (unicode61, diacritics folded), with ``k<kind>``/``l<label>``/``s<speaker>``
tokens in a second column for filtering inside the MATCH. A query word is expanded, in memory, to
the indexed words within 1 edit (4-6 letters) or 2 edits (7+; OSA, so a transposition is one edit)
with rapidfuzz, a word the corpus lacks (5+ letters) also to the words containing it ("tacker" ->
"attacker"), and the word being typed to its completions; the most selective words are OR-ed, and
the best 200 texts by bm25, with up to 50 holding the query's words as a phrase (a fragment of
common words, "to continue in", is lost among bm25's ranks), are re-scored with rapidfuzz
(``score.py``: the query searched within each item -- partial_ratio, or ratio for items shorter
than the query -- or per-word ratio for reordered words), then mapped to the open corpus' items.
Every query term is quoted, so FTS5 syntax in a query is literal; a query with no letters or digits
is matched literally with ``instr`` (time-capped).

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

Figures (``python -m bench.search``, 200 typo/fragment/word-order queries; recall: the best item
of a full scan that searches the query within each item -- see the benchmark -- in our top 10).
At 10,000 articles (264 real + 9,736 synthetic, 490,348 items, 20,737 distinct texts): p50
6.5 ms, p95 11.8 ms per query; a rapidfuzz partial_ratio full scan p50 694 ms, p95 1,253 ms:
speedup_p95 106. Recall 0.985 (the three misses reorder words; the baseline's best for them is a
weak 72-89 match, ours the quote they came from); the best item under our own scorer over a full
scan: 1.0; the item the query was made from: 0.935; raw partial_ratio's best: 0.405 (it aligns a
short item inside the query: "Kninear" -> "nine"). Indexing 1.8 ms per article (18 s); re-adding
indexed articles (a re-opened corpus) 0.03 ms per article.

At 100,000 articles (4.87M items, 110.7k distinct texts): p50 22.7 ms, p95 41.3 ms; the full
scan p95 11.4 s: speedup_p95 276; recall 0.965, vs our scorer's full scan 0.985, vs the source
item 0.895 (100k synthetic titles compete), vs raw partial_ratio 0.39; indexing 2.2 ms per
article (223 s), re-open 3.5 s.
"""

from analysis.search.hit import Hit
from analysis.search.index import SearchIndex

__all__ = ["Hit", "SearchIndex"]
