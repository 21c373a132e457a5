"""Start-up benchmark of the terminal app: time to first screen and to the first article's facts.

Two corpora, in one run, each measured in a fresh process (so imports count, as for a user):

- baseline: the seed corpus (1 article), analysed and cached before the measurement;
- large: 10,000 cached articles. They are SYNTHETIC: each is one of the 264 real articles of
  ../shared/corpus with a line appended at the END naming it a synthetic copy, so the real
  analysis of the original stays valid (same offsets) and is stored under the copy's own cache key.
  Their search index is built too, so the run is a "second start" on a cached corpus.

Times are from process start: ``load_ms`` reading the files, ``first_screen_ms`` until the app has
rendered its first screen (articles listed, first article shown), ``first_facts_ms`` until the first
article's facts are in the panes. Resident memory is measured once every article's analysis has
been read (peak RSS from getrusage, and current RSS). Usage: ``python -m bench.startup
[--articles 10000]``; the last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT / "seeds"


def _log(message: str) -> None:
    print(f"[startup] {message}", file=sys.stderr, flush=True)


def _ms(t: float) -> float:
    return round((t - T0) * 1000, 1)


def _rss_mb() -> tuple[float, float]:
    """(peak, current) resident memory of this process in MB.

    /proc's VmHWM is this process's own peak; getrusage's ru_maxrss (the fallback off Linux)
    survives exec on Linux and so can report the parent's peak.
    """
    import resource

    fields: dict[str, float] = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmHWM", "VmRSS"):
                fields[name] = int(value.split()[0]) / 1024
    except (OSError, ValueError):
        pass
    peak = fields.get("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return round(peak, 1), round(fields.get("VmRSS", peak), 1)


# Child: one measured start of the app ------------------------------------------------------------


def child(corpus: str) -> None:
    """Start the app headless on ``corpus`` and print one JSON line of timings and memory."""
    import asyncio

    _freeze_analysis_version()
    from analysis.loader import load
    from tui.app import CopydeskApp

    marks: dict[str, float] = {}
    articles = load([corpus]).articles
    marks["load_ms"] = _ms(time.perf_counter())

    class Measured(CopydeskApp):
        def on_mount(self) -> None:
            super().on_mount()
            self.call_after_refresh(lambda: marks.setdefault("first_screen_ms",
                                                             _ms(time.perf_counter())))

        def _fill(self, index, analysis) -> None:
            super()._fill(index, analysis)
            marks.setdefault("first_facts_ms", _ms(time.perf_counter()))

    async def run() -> None:
        app = Measured(articles)
        async with app.run_test(size=(160, 45)) as pilot:
            while "first_facts_ms" not in marks or not app.store.complete:
                await pilot.pause(0.05)
            marks["all_analyses_ms"] = _ms(time.perf_counter())
            marks["from_cache"] = app.store.from_cache
            marks["rss_peak_mb"], marks["rss_mb"] = _rss_mb()

    asyncio.run(run())
    marks["articles"] = len(articles)
    print(json.dumps(marks))


def _freeze_analysis_version() -> None:
    """Use the analysis version the caches were built with.

    ANALYSIS_VERSION digests the extractor code, so an extractor edited while the benchmark runs
    (as happens while developing) would turn the prepared cache into misses.
    """
    frozen = os.environ.get("COPYDESK_BENCH_ANALYSIS_VERSION")
    if frozen:
        import analysis.cache
        import analysis.version

        analysis.version.ANALYSIS_VERSION = analysis.cache.ANALYSIS_VERSION = frozen


def measure(corpus: Path, cache_dir: Path) -> dict:
    from analysis.version import ANALYSIS_VERSION

    env = {**os.environ, "COPYDESK_CACHE_DIR": str(cache_dir),
           "COPYDESK_BENCH_ANALYSIS_VERSION": ANALYSIS_VERSION}
    out = subprocess.run(
        [sys.executable, "-m", "bench.startup", "--child", str(corpus)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# Set-up: caches for the seed and the synthetic corpus ----------------------------------------


def warm(corpus: Path, cache_dir: Path) -> None:
    """Analyse (or re-use) every article of ``corpus`` into ``cache_dir``, with its search index."""
    os.environ["COPYDESK_CACHE_DIR"] = str(cache_dir)
    from analysis.cache import open_cache
    from analysis.loader import load
    from analysis.runner import analyze_corpus
    from analysis.search import SearchIndex

    cache = open_cache(_log)
    index = SearchIndex(cache)
    for article, analysis, _ in analyze_corpus(load([str(corpus)]).articles, cache):
        index.add(article, analysis)
    index.close()
    cache.close()


def build_synthetic(n: int, folder: Path, cache_dir: Path) -> None:
    """Write ``n`` synthetic articles and cache their analyses and search index."""
    os.environ["COPYDESK_CACHE_DIR"] = str(cache_dir)
    from analysis.cache import cache_key, open_cache
    from analysis.loader import load
    from analysis.runner import RunOptions, analyze_corpus
    from analysis.search import SearchIndex
    from analysis.version import DEFAULT_MODEL

    real = load(sorted(str(p) for p in CORPUS.glob("*.txt"))).articles
    _log(f"analysing the {len(real)} real articles once (this takes a minute)…")
    cache = open_cache(_log)
    analysed = list(analyze_corpus(real, cache, RunOptions(jobs=2)))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        article = real[i % len(real)]
        marker = (f"[Synthetic benchmark article {i:05d}: a copy of "
                  f"{Path(article.path).name}, not a real article.]")
        (folder / f"synthetic_{i:05d}.txt").write_text(
            article.text + "\n\n" + marker + "\n", encoding="utf-8"
        )
    _log(f"caching {n} synthetic articles and indexing them for search…")
    synthetic = load([str(folder)]).articles
    index = SearchIndex(cache)
    batch = []
    for i, article in enumerate(synthetic):
        original, analysis, _ = analysed[int(Path(article.path).stem.split("_")[1]) % len(real)]
        if not article.text.startswith(original.text):
            raise SystemExit(f"{article.path}: loaded text does not extend the original")
        batch.append((cache_key(article.text, DEFAULT_MODEL, article.date), analysis))
        index.add(article, analysis)
        if len(batch) >= 500:
            cache.put_many(batch)
            batch.clear()
        if i % 1000 == 999:
            _log(f"  {i + 1}/{n}")
    cache.put_many(batch)
    index.close()
    cache.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--child", metavar="CORPUS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS} is missing: the synthetic corpus is built from it")
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
        tmp_path = Path(tmp)
        small_cache, large_cache = tmp_path / "cache-small", tmp_path / "cache-large"
        warm(SEEDS, small_cache)
        build_synthetic(args.articles, tmp_path / "synthetic", large_cache)
        _log("measuring the seed corpus…")
        small = measure(SEEDS, small_cache)
        _log(f"  {small}")
        _log(f"measuring {args.articles} cached synthetic articles…")
        large = measure(tmp_path / "synthetic", large_cache)
        _log(f"  {large}")
    result = {
        "articles_small": small["articles"],
        "first_screen_ms_small": small["first_screen_ms"],
        "first_facts_ms_small": small["first_facts_ms"],
        "articles_large": large["articles"],
        "first_screen_ms_large": large["first_screen_ms"],
        "ratio_first_screen": round(large["first_screen_ms"] / small["first_screen_ms"], 2),
        "first_facts_ms_large": large["first_facts_ms"],
        # The same with the file loading (analysis.loader, before the app starts) taken out.
        "first_screen_after_load_ms_small": round(small["first_screen_ms"] - small["load_ms"], 1),
        "first_screen_after_load_ms_large": round(large["first_screen_ms"] - large["load_ms"], 1),
        "ratio_first_screen_after_load": round(
            (large["first_screen_ms"] - large["load_ms"])
            / (small["first_screen_ms"] - small["load_ms"]), 2),
        "load_ms_small": small["load_ms"],
        "load_ms_large": large["load_ms"],
        "all_analyses_ms_large": large["all_analyses_ms"],
        "from_cache_large": large["from_cache"],
        "rss_mb_large": large["rss_peak_mb"],
        "rss_now_mb_large": large["rss_mb"],
        "rss_mb_small": small["rss_peak_mb"],
        "synthetic": f"{large['articles']} articles = the {len(list(CORPUS.glob('*.txt')))} "
                     "real ../shared/corpus articles repeated, each with a synthetic-copy line "
                     "appended",
        "baseline": "seed corpus (1 article)",
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
