"""Benchmark corpus-wide search against rapidfuzz full scans, in one run.

    python -m bench.search --articles 10000 [--queries 200] [--baseline-queries 50] [--seed 7]
        [--misses]

Corpus: the 264 real articles of ../shared/corpus/ analysed once with the real pipeline (kept in
a benchmark cache under the temp directory, so a re-run skips spaCy), then, past 264, synthetic
articles (ids ``synthetic-N``, counted as ``synthetic_articles``): 3-8 whole real paragraphs
joined by blank lines, with the facts inside those paragraphs carried over at shifted offsets.

Queries (seeded): 40% entity names with one typo, 60% quote fragments of 2-7 words, some with a
typo, some with two words swapped, some with the last word cut short (as while typing).

Measured, per query: ``SearchIndex.search(q, limit=10)`` over an index persisted in a fresh
SQLite file (as the app uses it), and the timed baseline: ``process.extract(q, items,
scorer=fuzz.partial_ratio, processor=default_process, limit=10)`` over every item of every
article (the same items the index holds), on ``--baseline-queries`` of the queries (it is slow by
design). It is the fastest full scan rapidfuzz offers (one C call), so ``speedup_p95`` is
conservative: the recall baseline below costs more.

Recall (``recall_at_10_vs_baseline``): the fraction of queries for which some item tied for the
baseline's best score has its (kind, text) among our top 10. The baseline searches *the query
within each item*, as fzf-style search is judged, over every distinct (kind, text) item (they
rank exactly as their duplicates do), query and items through ``default_process``: items at
least as long as the query are scored with ``fuzz.partial_ratio`` (the query's best-aligned window
of the item), items shorter than the query with ``fuzz.ratio`` (a short item must match the whole
query, not be found inside it). Raw ``partial_ratio`` aligns the *shorter* string inside the
longer, so any short name or number that occurs inside the query ("nine" in "Kninear", "US" in
anything containing "us") scores 100; that literal figure is still reported as
``recall_at_10_vs_raw_partial_ratio``. Also reported: ``recall_at_10_vs_source`` (the item the
query was made from) and ``recall_at_10_vs_exhaustive`` (the best item under our own scorer over
a full scan: what candidate generation loses). ``--misses`` prints the queries missed against the
baseline to stderr. ``speaker_recall_at_10``: for quotes that do not name their speaker, the
speaker's surname with a typo plus two of the quote's words ("klitchko hospitalised"): how often
the quote is in the top 10. Indexing time (``index_s``) and re-opening time (``reopen_s``: a new
SearchIndex over the same file, add() of every article again) are measured too.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus" / "corpus.jsonl"


def real_corpus(fresh: bool = False):
    """The real articles with their analyses.

    The analyses are kept in a snapshot under the temp directory and reused by later runs
    whatever the extractors' version (search speed does not depend on it); ``fresh`` re-parses.
    """
    import pickle

    from analysis.articles import make_article
    from analysis.cache import open_cache
    from analysis.runner import analyze_corpus

    snapshot = Path(tempfile.gettempdir()) / "copydesk-bench-search" / "real.pickle"
    if snapshot.exists() and not fresh:
        with open(snapshot, "rb") as handle:
            return pickle.load(handle)

    articles = []
    with open(CORPUS, encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            articles.append(make_article(rec["text"], f"corpus/{rec['id']}.txt",
                                         source_id=rec["id"], title=rec.get("title")))
    cache = open_cache(lambda m: print(m, file=sys.stderr),
                       Path(tempfile.gettempdir()) / "copydesk-bench-search")
    try:
        real = [(a, an) for a, an, _ in analyze_corpus(articles, cache)]
    finally:
        if cache:
            cache.close()
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    with open(snapshot, "wb") as handle:
        pickle.dump(real, handle)
    return real


def paragraphs(article, analysis):
    """Whole paragraphs of one article with the facts lying inside each, offsets relative."""
    from analysis.model import Mention

    text = article.text
    out = []
    pos = 0
    for block in text.split("\n\n"):
        start, end = pos, pos + len(block)
        pos = end + 2
        if not block.strip():
            continue

        def inside(s, e, start=start, end=end):
            return start <= s and e <= end

        def shift(m, start=start):
            return Mention(m.start - start, m.end - start, m.text)

        ents = []
        for e in analysis.entities:
            ms = [shift(m) for m in e.mentions if inside(m.start, m.end)]
            if ms:
                ents.append((e, ms))
        quotes = [q for q in analysis.quotes if inside(q.start, q.end)]
        numbers = [n for n in analysis.numbers if inside(n.start, n.end)]
        out.append({"text": block, "entities": ents, "quotes": quotes, "numbers": numbers,
                    "source": article.id, "start": start})
    return out


def synthetic(i: int, paras: list[dict], rng: random.Random):
    """Synthetic article ``i``: a few real paragraphs, facts shifted to their new places."""
    from dataclasses import replace

    from analysis.model import Analysis, Article, Entity, Mention

    chosen = rng.sample(paras, rng.randint(3, 8))
    parts, entities, quotes, numbers = [], {}, [], []
    offset = 0
    for p in chosen:
        delta = offset - 0
        for e, ms in p["entities"]:
            key = (p["source"], e.id)
            ent = entities.setdefault(key, Entity(f"e{len(entities)}", e.name, e.label, []))
            ent.mentions += [Mention(m.start + delta, m.end + delta, m.text) for m in ms]
        base = p["start"]
        for q in p["quotes"]:
            sm = q.speaker_mention
            keep = sm is not None and base <= sm.start and sm.end <= base + len(p["text"])
            quotes.append(replace(
                q, start=q.start - base + delta, end=q.end - base + delta,
                speaker_mention=Mention(sm.start - base + delta, sm.end - base + delta, sm.text)
                if keep else None))
        for n in p["numbers"]:
            numbers.append(replace(n, start=n.start - base + delta, end=n.end - base + delta))
        parts.append(p["text"])
        offset += len(p["text"]) + 2
    text = "\n\n".join(parts)
    article = Article(id=f"synthetic-{i}", path=f"synthetic/{i}.txt", text=text,
                      title=f"Synthetic {i}: " + " ".join(parts[0].split()[:8]))
    return article, Analysis(list(entities.values()), quotes, numbers)


def typo(word: str, rng: random.Random) -> str:
    """One random edit (delete, insert, substitute or transpose) inside ``word``."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice("disx")
    letters = "abcdefghijklmnopqrstuvwxyz"
    if op == "d":
        return word[:i] + word[i + 1:]
    if op == "i":
        return word[:i] + rng.choice(letters) + word[i:]
    if op == "s":
        return word[:i] + rng.choice(letters) + word[i + 1:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def make_queries(real, n: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """``(query, source kind, source text)`` triples."""
    names = sorted({e.name for _, an in real for e in an.entities
                    if len(e.name) >= 5 and any(c.isupper() for c in e.name)})
    quotes = sorted({q.text for _, an in real for q in an.quotes if len(q.text.split()) >= 4})
    out = []
    while len(out) < n:
        if rng.random() < 0.4:
            name = rng.choice(names)
            ws = name.split()
            j = max(range(len(ws)), key=lambda k: len(ws[k]))
            ws[j] = typo(ws[j], rng)
            out.append((" ".join(ws), "entity", name))
            continue
        quote = rng.choice(quotes)
        ws = quote.split()
        size = rng.randint(2, min(7, len(ws)))
        at = rng.randrange(0, len(ws) - size + 1)
        frag = ws[at : at + size]
        if rng.random() < 0.6:
            j = rng.randrange(len(frag))
            frag[j] = typo(frag[j], rng)
        if len(frag) >= 3 and rng.random() < 0.25:
            frag[0], frag[1] = frag[1], frag[0]
        if len(frag[-1]) > 5 and rng.random() < 0.3:
            frag[-1] = frag[-1][: rng.randint(3, len(frag[-1]) - 1)]
        out.append((" ".join(frag), "quote", quote))
    return out


def speaker_queries(real, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """``(query, quote text)`` pairs: the speaker's surname with a typo and two words of a quote
    that does not name them ("klitchko hospitalised" for "An injured man was hospitalised")."""
    pool = sorted({(q.speaker.split()[-1], q.text) for _, an in real for q in an.quotes
                   if q.speaker and len(q.speaker.split()[-1]) >= 5
                   and q.speaker.split()[-1][:1].isupper()
                   and q.speaker.split()[-1].lower() not in q.text.lower()
                   and len([w for w in q.text.split() if len(w) >= 5]) >= 2})
    out = []
    for surname, text in rng.sample(pool, min(n, len(pool))):
        words = [w.strip(".,;:!?\"'“”‘’()") for w in text.split() if len(w) >= 5]
        out.append((" ".join([typo(surname, rng), *rng.sample(words, 2)]), text))
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--baseline-queries", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--misses", action="store_true",
                        help="print the queries missed against the baseline to stderr")
    parser.add_argument("--fresh", action="store_true",
                        help="re-analyse the real articles instead of reusing the snapshot")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"bench.search: {CORPUS} is absent")

    import numpy as np
    from rapidfuzz import fuzz, process
    from rapidfuzz.utils import default_process

    from analysis.cache import open_cache
    from analysis.search import SearchIndex
    from analysis.search.items import article_items
    from analysis.search.score import Scorer

    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    real = real_corpus(args.fresh)
    print(f"real corpus analysed/loaded: {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    corpus = real[: args.articles]
    paras = [p for a, an in real for p in paragraphs(a, an)]
    for i in range(len(corpus), args.articles):
        corpus.append(synthetic(i, paras, rng))
    n_synthetic = max(0, args.articles - len(real))

    items = []  # (kind, text, body) of every item of every article, duplicates included
    indexed = {}  # item -> (what the index scores, where the speaker's name starts or None)
    for article, analysis in corpus:
        for it in article_items(article, analysis):
            body = it.text if it.extra is None else f"{it.text}\n{it.extra}"
            items.append((it.kind, it.text, body))
            if it.who is not None:  # the baseline searches the item's text, not its speaker
                indexed[items[-1]] = (f"{it.text}\n{it.who}", len(it.text))
    bodies = [b for _, _, b in items]
    distinct = sorted(set(items))
    print(f"{len(corpus)} articles, {len(items)} items, {len(distinct)} distinct",
          file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        cache = open_cache(lambda m: print(m, file=sys.stderr), Path(tmp))
        index = SearchIndex(cache)
        t0 = time.perf_counter()
        for article, analysis in corpus:
            index.add(article, analysis)
        index_s = time.perf_counter() - t0
        index.close()
        t0 = time.perf_counter()
        index = SearchIndex(cache)
        for article, analysis in corpus:
            index.add(article, analysis)
        reopen_s = time.perf_counter() - t0
        print(f"index {index_s:.1f}s, reopen {reopen_s:.1f}s", file=sys.stderr)

        queries = make_queries(real, args.queries, rng)
        ours, results = [], []
        for q, _, _ in queries:
            t = time.perf_counter()
            hits = index.search(q, limit=10)
            ours.append((time.perf_counter() - t) * 1000)
            results.append({(h.kind, h.text) for h in hits})
        by_speaker = speaker_queries(real, args.queries, random.Random(args.seed + 1))
        speaker_found = sum(("quote", text) in {(h.kind, h.text) for h in index.search(q, limit=10)}
                            for q, text in by_speaker)
        index.close()
        cache.close()

    base_ms = []
    for q, _, _ in queries[: args.baseline_queries]:
        t = time.perf_counter()
        process.extract(q, bodies, scorer=fuzz.partial_ratio, processor=default_process,
                        limit=10)
        base_ms.append((time.perf_counter() - t) * 1000)

    d_bodies = [b for _, _, b in distinct]
    d_indexed = [indexed.get(d, (d[2], None)) for d in distinct]
    d_processed = [default_process(b) for b in d_bodies]
    d_lens = np.fromiter((len(b) for b in d_processed), dtype=np.int64, count=len(d_processed))
    found = defaultdict(int)
    misses = []
    for (q, kind, source), got in zip(queries, results, strict=True):
        pq = default_process(q)
        partial = process.cdist([pq], d_processed, scorer=fuzz.partial_ratio, workers=-1)[0]
        whole = process.cdist([pq], d_processed, scorer=fuzz.ratio, workers=-1)[0]
        # The query within each item: a short item must match the whole query.
        scores = np.where(d_lens >= len(pq), partial, whole)
        best_js = (scores >= scores.max()).nonzero()[0]
        ok = any((distinct[j][0], distinct[j][1]) in got for j in best_js)
        found["baseline"] += ok
        if not ok:
            misses.append((q, scores.max(), [distinct[j][:2] for j in best_js[:3]]))
        found["raw"] += any((distinct[j][0], distinct[j][1]) in got
                            for j in (partial >= partial.max()).nonzero()[0])
        found["source"] += (kind, source) in got
        scorer = Scorer(q, prefix_last=True)
        mine = scorer.score_many([b for b, _ in d_indexed], [at for _, at in d_indexed])
        top = max(mine)
        found["exhaustive"] += any((distinct[j][0], distinct[j][1]) in got
                                   for j, s in enumerate(mine) if s >= top)
    if args.misses:
        for q, best, wanted in misses:
            print(f"MISS {q!r} best {best:.1f}: {wanted}", file=sys.stderr)

    n = len(queries)
    p95, b95 = pct(ours, 95), pct(base_ms, 95)
    print(json.dumps({
        "items": len(items), "distinct_texts": len(distinct), "articles": len(corpus),
        "synthetic_articles": n_synthetic, "queries": n,
        "p50_ms": round(pct(ours, 50), 2), "p95_ms": round(p95, 2),
        "mean_ms": round(statistics.fmean(ours), 2),
        "baseline": "rapidfuzz full scan, the query within each item: partial_ratio for items"
                    " at least as long as the query, ratio for shorter ones (timed: raw"
                    " partial_ratio process.extract)",
        "baseline_queries_timed": len(base_ms),
        "baseline_p50_ms": round(pct(base_ms, 50), 1), "baseline_p95_ms": round(b95, 1),
        "speedup_p95": round(b95 / p95, 1),
        "recall_at_10_vs_baseline": round(found["baseline"] / n, 3),
        "recall_at_10_vs_raw_partial_ratio": round(found["raw"] / n, 3),
        "recall_at_10_vs_source": round(found["source"] / n, 3),
        "recall_at_10_vs_exhaustive": round(found["exhaustive"] / n, 3),
        "speaker_queries": len(by_speaker),
        "speaker_recall_at_10": round(speaker_found / max(1, len(by_speaker)), 3),
        "index_s": round(index_s, 1),
        "index_ms_per_article": round(1000 * index_s / max(1, len(corpus)), 2),
        "reopen_s": round(reopen_s, 2),
    }))


if __name__ == "__main__":
    main()
