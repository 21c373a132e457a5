"""Benchmark ``copydesk analyze`` against raw spaCy ``nlp.pipe`` on the same articles, in rounds.

    python -m bench.analyze [--articles 1000] [--rounds 12] [--jobs 1]

Articles: the 264 files of ../shared/corpus/ and the texts of ../shared/eval/quotes/*.jsonl (real
news, SPEC §4), the first N of them; past those, synthetic articles (counted as
``synthetic_articles``): real paragraphs recombined up to the length of a real article.

The machine's speed drifts (other jobs come and go), so baseline and copydesk alternate in rounds
over consecutive chunks of the corpus, in the order B C C B B C ...: each round's ratio compares
the two on the same texts at nearly the same moment, and the median ratio with its spread is
reported. Ratios are of this process's CPU time (with ``--jobs``, of wall time), which other
jobs on the machine barely move; the wall-clock ratios are reported too. With one process
copydesk is ONE streamed run over the whole corpus (load the JSONL, parse, extract, write the
cache in batches, write JSONL as it goes), paused between its rounds while the baseline parses
the same chunk: so the rounds also show whether the cost per article grows along the corpus
(``ratio_by_quarter``). With ``--jobs N`` each round is a fresh run of both
on its chunk (worker processes would otherwise parse ahead while the baseline runs).

Also measured: a cached re-run of the whole corpus, and each extractor's own time on parsed docs
as a share of their parse time, on a sample spread over the corpus. The last line is the SPEC §4
JSON object: ``overhead_ratio`` (median of the rounds' copydesk / raw spaCy), its ``_min``,
``_max``, ``_q1``, ``_q3``, ``overhead_ratio_total`` (whole run, start-up included) and
``cached_speedup`` (first run / cached run).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SHARE_SAMPLE = 200  # articles on which each extractor's share of parse time is measured
BATCH = 16  # nlp.pipe batch size, copydesk's default; round boundaries fall on batch boundaries


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


def synthetic_articles(real: list[dict], n: int, seed: int = 17) -> list[dict]:
    """``n`` articles of real paragraphs recombined, each as long as a randomly chosen real one."""
    rng = random.Random(seed)
    paragraphs = [p for item in real for p in item["text"].split("\n") if len(p.strip()) > 40]
    seen = {item["text"] for item in real}
    out: list[dict] = []
    while len(out) < n:
        target = len(rng.choice(real)["text"])
        parts: list[str] = []
        while sum(len(p) for p in parts) < target:
            parts.append(rng.choice(paragraphs))
        text = "\n\n".join(parts)
        if text not in seen:
            seen.add(text)
            out.append({"id": f"synthetic-{len(out)}", "title": None, "text": text})
    return out


def chunk_bounds(n: int, rounds: int, batch: int = BATCH) -> list[tuple[int, int]]:
    """``rounds`` consecutive ``(start, end)`` chunks covering ``n`` items, on batch boundaries."""
    size = max(batch, -(-n // max(1, rounds) // batch) * batch)
    return [(lo, min(n, lo + size)) for lo in range(0, n, size)]


def baseline_first(r: int) -> bool:
    """Round order B C, C B, B C, ...: each pair's neighbours cancel a steady drift."""
    return r % 2 == 0


Times = tuple[float, float]  # (wall seconds, this process's CPU seconds)


def now() -> Times:
    return time.perf_counter(), time.process_time()


def since(start: Times) -> Times:
    wall, cpu = now()
    return wall - start[0], cpu - start[1]


def interleave(
    results: Iterable, bounds: list[tuple[int, int]], baseline: Callable[[int, int], Times],
    copydesk_s: list[Times], baseline_s: list[Times],
) -> Iterator:
    """Pass ``results`` through, pausing the stream between rounds to run ``baseline``.

    A round's copydesk time runs from its first pull to the moment the consumer asks for the
    item after its last one (so the consumer's writing of that item is included).
    """
    stream = iter(results)
    for r, (lo, hi) in enumerate(bounds):
        if baseline_first(r):
            baseline_s.append(baseline(lo, hi))
        start = now()
        for _ in range(hi - lo):
            yield next(stream)
        if r == len(bounds) - 1:
            yield from stream  # nothing is left, but the run finishes (its last cache batch)
        copydesk_s.append(since(start))
        if not baseline_first(r):
            baseline_s.append(baseline(lo, hi))
        log_round(r, lo, hi, baseline_s[-1], copydesk_s[-1])


def log(message: str) -> None:
    print(message, file=sys.stderr)


def log_round(r: int, lo: int, hi: int, base: Times, desk: Times) -> None:
    log(f"round {r + 1:2d}: articles {lo}-{hi}: raw spaCy {base[0]:6.1f} s ({base[1]:.1f} CPU), "
        f"copydesk {desk[0]:6.1f} s ({desk[1]:.1f} CPU), ratio {desk[1] / base[1]:.3f} CPU, "
        f"{desk[0] / base[0]:.3f} wall")


def spread(values: list[float]) -> dict[str, float]:
    """Median, quartiles and extremes of the per-round ratios."""
    q = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else values * 3
    return {"median": statistics.median(values), "q1": q[0], "q3": q[2],
            "min": min(values), "max": max(values)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if not (SHARED / "corpus" / "corpus.jsonl").exists():
        sys.exit(f"bench.analyze: {SHARED} is absent; it needs ../shared/corpus and eval")

    import spacy

    from analysis.cache import open_cache
    from analysis.export import write
    from analysis.loader import load
    from analysis.pipeline import load_nlp
    from analysis.runner import RunOptions, analyze_corpus
    from analysis.version import DEFAULT_MODEL

    items = real_articles(args.articles)
    n_real = len(items)
    items += synthetic_articles(items, args.articles - n_real)
    texts = [i["text"] for i in items]
    chars = sum(map(len, texts))
    bounds = chunk_bounds(len(items), args.rounds)
    log(f"{n_real} real + {len(items) - n_real} synthetic articles, {chars:,} characters, "
        f"{len(bounds)} rounds")
    options = RunOptions(jobs=args.jobs, batch_size=BATCH)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        source.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
        os.environ["COPYDESK_CACHE_DIR"] = str(Path(tmp) / "cache")
        out_path = Path(tmp) / "out.jsonl"

        t0 = now()
        raw = spacy.load(DEFAULT_MODEL)
        baseline_load = since(t0)

        def baseline(lo: int, hi: int) -> Times:
            start = now()
            for _doc in raw.pipe(texts[lo:hi], batch_size=BATCH, n_process=args.jobs):
                pass
            return since(start)

        # copydesk's start-up: read the JSONL, open the cache, load the model (once a process).
        t0 = now()
        articles = load([str(source)]).articles
        cache = open_cache(log)
        load_nlp(options.model)
        startup = since(t0)

        base_s: list[Times] = []
        desk_s: list[Times] = []
        with open(out_path, "w", encoding="utf-8") as out:
            if args.jobs == 1:
                results = ((a, an) for a, an, _ in analyze_corpus(articles, cache, options))
                write("jsonl", interleave(results, bounds, baseline, desk_s, base_s), out)
            else:
                for r, (lo, hi) in enumerate(bounds):
                    if baseline_first(r):
                        base_s.append(baseline(lo, hi))
                    start = now()
                    chunk = analyze_corpus(articles[lo:hi], cache, options)
                    write("jsonl", ((a, an) for a, an, _ in chunk), out)
                    desk_s.append(since(start))
                    if not baseline_first(r):
                        base_s.append(baseline(lo, hi))
                    log_round(r, lo, hi, base_s[-1], desk_s[-1])
        cache.close()
        # One process: its CPU time is the work done, whatever else the machine runs. Worker
        # processes' CPU time is not this process's, so with --jobs the wall clock is used.
        clock = 1 if args.jobs == 1 else 0
        first_s = startup[0] + sum(d[0] for d in desk_s)
        base_total = baseline_load[0] + sum(b[0] for b in base_s)
        ratios = [d[clock] / b[clock] for d, b in zip(desk_s, base_s, strict=True)]
        wall_ratios = [d[0] / b[0] for d, b in zip(desk_s, base_s, strict=True)]

        start = time.perf_counter()
        cached_articles = load([str(source)]).articles
        cache = open_cache(log)
        with open(os.devnull, "w", encoding="utf-8") as out:
            write("jsonl", ((a, an) for a, an, _ in analyze_corpus(cached_articles, cache)), out)
        cache.close()
        cached_s = time.perf_counter() - start
        log(f"copydesk, cached: {cached_s:.2f} s")
        shares = extractor_shares(articles)

    quarters = [ratios[q * len(ratios) // 4 : (q + 1) * len(ratios) // 4] for q in range(4)]
    s = spread(ratios)
    w = spread(wall_ratios)
    print(json.dumps({
        "articles": len(items),
        "synthetic_articles": len(items) - n_real,
        "chars": chars,
        "baseline": f"raw spaCy nlp.pipe ({DEFAULT_MODEL}, batch_size {BATCH})",
        "rounds": len(bounds),
        "clock": "process CPU time" if clock else "wall",
        "baseline_s": round(base_total, 2),
        "copydesk_s": round(first_s, 2),
        "cached_s": round(cached_s, 3),
        "overhead_ratio": round(s["median"], 3),
        "overhead_ratio_q1": round(s["q1"], 3),
        "overhead_ratio_q3": round(s["q3"], 3),
        "overhead_ratio_min": round(s["min"], 3),
        "overhead_ratio_max": round(s["max"], 3),
        "overhead_ratio_total": round(first_s / base_total, 3),
        "overhead_ratio_wall": round(w["median"], 3),
        "overhead_ratio_wall_min": round(w["min"], 3),
        "overhead_ratio_wall_max": round(w["max"], 3),
        "ratio_by_quarter": [round(statistics.median(q), 3) if q else None for q in quarters],
        "startup_s": {"baseline": round(baseline_load[0], 2), "copydesk": round(startup[0], 2)},
        "cached_speedup": round(first_s / cached_s, 1),
        **shares,
        "jobs": args.jobs,
    }))


def extractor_shares(articles: list) -> dict:
    """Each extractor's time on docs parsed by copydesk's pipeline, as a share of the parse time.

    Shares are ratios, so a sample measures them; it is spread over the whole corpus. Claims
    include giving each figure its source; the speaker index they share with quotes is counted
    with quotes.
    """
    from analysis.claims import assign_sources, extract_claims
    from analysis.doctext import remember_text
    from analysis.entities import extract_entities
    from analysis.numbers import extract_numbers
    from analysis.pipeline import load_nlp
    from analysis.quotes import extract_quotes, speaker_index

    nlp = load_nlp()
    step = max(1, len(articles) // SHARE_SAMPLE)
    sample = articles[::step][:SHARE_SAMPLE]
    spent = {"parse": 0.0, "entities": 0.0, "quotes": 0.0, "numbers": 0.0, "claims": 0.0}
    for start in range(0, len(sample), BATCH):
        batch = sample[start : start + BATCH]
        t = time.perf_counter()
        docs = list(nlp.pipe((a.text for a in batch), batch_size=BATCH))
        spent["parse"] += time.perf_counter() - t
        for doc, article in zip(docs, batch, strict=True):
            remember_text(doc, article.text)
            t = time.perf_counter()
            entities = extract_entities(doc, article)
            spent["entities"] += time.perf_counter() - t
            t = time.perf_counter()
            index = speaker_index(doc, entities)
            quotes = extract_quotes(doc, entities, index)
            spent["quotes"] += time.perf_counter() - t
            t = time.perf_counter()
            numbers = extract_numbers(doc, article)
            spent["numbers"] += time.perf_counter() - t
            t = time.perf_counter()
            claims = extract_claims(doc, index, quotes)
            assign_sources(numbers, quotes, claims)
            spent["claims"] += time.perf_counter() - t
    return {
        "sample_parse_s": round(spent["parse"], 2),
        "share_sample_articles": len(sample),
        **{
            f"{name}_share_of_parse": round(spent[name] / spent["parse"], 4)
            for name in ("entities", "quotes", "numbers", "claims")
        },
    }


if __name__ == "__main__":
    main()
