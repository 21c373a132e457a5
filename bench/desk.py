"""Corpus-desk benchmark: each view's open time at 10,000 cached articles vs loading every analysis.

Set-up: the 264 real articles of ../shared/corpus are analysed once; the 10,000 articles are
SYNTHETIC copies of them, each with a line appended at the END naming it a copy (so the real
analysis stays valid, offsets included) and cached and indexed under the copy's own key, as
``bench/startup.py`` does.

Measured in a fresh process, for each view (speakers, entities, figures):

- ``open_ms``: a new ``CorpusDesk`` on the cache database, scoped to all 10,000 keys, answering
  the view (identity resolution and SQL aggregates included);
- ``baseline_ms``: the same answer computed in Python by reading every cached analysis back
  (``Cache.get_many``: decompress, parse JSON, build records) and aggregating it with the same
  identity and measure rules.

``agree`` says whether both give the same rows. ``peak_rss_mb`` is the process's peak resident
memory after the three views and before the baseline runs. Usage: ``python -m bench.desk
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
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The shared corpus beside the project; COPYDESK_BENCH_CORPUS names it elsewhere (a worktree).
CORPUS = Path(os.environ.get("COPYDESK_BENCH_CORPUS")
              or ROOT.parent / "shared" / "corpus" / "corpus.jsonl")


def _log(message: str) -> None:
    print(f"[desk] {message}", file=sys.stderr, flush=True)


def _peak_rss_mb() -> float:
    import resource

    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError):
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def synthetic_articles(n: int):
    """The real articles and ``n`` synthetic copies (real text + a copy line at the end)."""
    from analysis.loader import load

    real = load([str(CORPUS)]).articles
    from analysis.articles import make_article

    copies = []
    for i in range(n):
        src = real[i % len(real)]
        marker = f"[Synthetic benchmark article {i:05d}: a copy of {src.id}, not a real article.]"
        art = make_article(src.text + "\n\n" + marker + "\n", f"synthetic/{i:05d}.txt",
                           source_id=f"synthetic-{i:05d}", title=src.title,
                           date_value=src.date)
        copies.append((i % len(real), art))
    return real, copies


def build(n: int, cache_dir: Path, reuse: Path | None = None) -> None:
    """Analyse the real articles once, cache every copy and index it in the desk."""
    from analysis.cache import cache_key, open_cache
    from analysis.corpus import CorpusDesk
    from analysis.runner import RunOptions, analyze_corpus
    from analysis.version import DEFAULT_MODEL

    real, copies = synthetic_articles(n)
    cache = open_cache(_log, cache_dir)
    source = open_cache(_log, reuse) if reuse else cache
    _log(f"analysing the {len(real)} real articles once (minutes on a busy machine)…")
    analysed = [a for _, a, _ in analyze_corpus(real, source, RunOptions(jobs=1))]
    if source is not cache:
        source.close()
    desk = CorpusDesk(cache.conn)
    keys = [cache_key(art.text, DEFAULT_MODEL, art.date) for _, art in copies]
    if len(desk.indexed(keys)) == len(set(keys)):
        _log(f"the {n} synthetic copies are cached and indexed already")
        copies = []
    else:
        _log(f"caching and indexing {n} synthetic copies…")
    t0 = time.perf_counter()
    batch = []
    for j, (i, art) in enumerate(copies):
        batch.append((cache_key(art.text, DEFAULT_MODEL, art.date), art, analysed[i]))
        if len(batch) >= 500 or j == len(copies) - 1:
            cache.put_many((k, a) for k, _, a in batch)
            desk.add(batch)
            batch.clear()
    _log(f"  cached and indexed in {time.perf_counter() - t0:.1f} s")
    desk.close()
    cache.close()


# Child: the measurement ------------------------------------------------------------------------


def _views(desk) -> dict:
    return {"speakers": lambda: [(r.speaker_id, r.quotes, r.claims, r.articles)
                                 for r in desk.speakers()],
            "entities": lambda: [(r.entity_id, r.articles, r.mentions) for r in desk.entities()],
            "figures": lambda: [(g.group, len(g.figures), g.disagree) for g in desk.figures()]}


def child(n: int) -> None:
    from analysis.cache import cache_key, open_cache
    from analysis.corpus import CorpusDesk
    from analysis.version import DEFAULT_MODEL

    _, copies = synthetic_articles(n)
    articles = [a for _, a in copies]
    keys = [cache_key(a.text, DEFAULT_MODEL, a.date) for a in articles]
    cache = open_cache(_log)
    results: dict[str, dict] = {}
    answers = {}
    for view in ("speakers", "entities", "figures"):
        t0 = time.perf_counter()
        desk = CorpusDesk(cache.conn)
        desk.scope(keys)
        answers[view] = _views(desk)[view]()
        results[view] = {"open_ms": round((time.perf_counter() - t0) * 1000, 1)}
        t1 = time.perf_counter()
        _views(desk)[view]()
        results[view]["again_ms"] = round((time.perf_counter() - t1) * 1000, 1)
        desk.close()
    rss = _peak_rss_mb()
    agree = True
    counted = counted_keys(articles, keys)  # untimed: the stories, as the desk counts them
    for view in ("speakers", "entities", "figures"):
        t0 = time.perf_counter()
        expected = baseline(view, cache, articles, keys, counted)
        ms = (time.perf_counter() - t0) * 1000
        results[view].update(baseline_ms=round(ms, 1),
                             speedup=round(ms / results[view]["open_ms"], 1),
                             agree=expected == answers[view])
        agree &= expected == answers[view]
        _log(f"  {view}: {results[view]}")
    print(json.dumps({"views": results, "agree": agree, "peak_rss_mb": rss}))


def counted_keys(articles, keys) -> set[str]:
    """The keys the desk counts: one article per story (syndicated copies, ``copies.py``), the
    longest version, the earliest (date, then path) on a tie. Here every synthetic article is a
    near copy of one of the 264 real ones, so a view counts 264 stories at most."""
    from analysis.corpus.copies import Doc, find_copies, signature

    docs, first = [], {}
    for i, (art, key) in enumerate(zip(articles, keys, strict=True)):
        if key not in first:
            first[key] = i
            sig, grams = signature(art.text, art.title)
            docs.append(Doc(i, sig, grams, art.date, art.path))
    root = find_copies(docs)
    best: dict[int, tuple] = {}
    for doc in docs:
        art = articles[doc.aid]
        rank = (-len(art.text), art.date is None, art.date or "", art.path, doc.aid)
        story = root.get(doc.aid, doc.aid)
        if story not in best or rank < best[story]:
            best[story] = rank
    return {keys[rank[-1]] for rank in best.values()}


def baseline(view: str, cache, articles, keys, counted: set[str] | None = None) -> list:
    """The view's answer from every cached analysis, aggregated in Python (only the ``counted``
    articles: one per story)."""
    from analysis.corpus.identity import NameStat, resolve
    from analysis.corpus.ingest import mention_rows
    from analysis.names import name_key

    loaded = cache.get_many(keys)
    seen: set[str] = set()
    order = []
    for art, key in zip(articles, keys, strict=True):
        if key in loaded and key not in seen and (counted is None or key in counted):
            seen.add(key)
            order.append((key, art, loaded[key]))
    nids: dict[str, int] = {}
    first_name: dict[int, tuple[str, str]] = {}  # nid -> (key, name first written)
    stats: dict[int, NameStat] = {}
    arts_of: dict[int, set[int]] = defaultdict(set)

    def nid(name: str) -> int | None:
        k = name_key(name)
        if not k:
            return None
        if k not in nids:
            nids[k] = len(nids) + 1
            first_name[nids[k]] = (k, name)
        return nids[k]

    rows = []  # (aid, nid, label, mentions) and speech (aid, kind, nid)
    aliases: set[tuple[int, str]] = set()
    speech = []
    for aid, (_, _, analysis) in enumerate(order):
        mentions, written = mention_rows(aid, nid, analysis)
        aliases |= written
        for _aid, i, label, count, *_first in mentions:
            rows.append((aid, i, label, count))
            st = stats.setdefault(i, NameStat(i, *first_name[i]))
            st.labels[label] = st.labels.get(label, 0) + 1
            st.articles += 1
            arts_of[i].add(aid)
        for kind, facts in (("quote", analysis.quotes), ("claim", analysis.claims)):
            for fact in facts:
                i = nid(fact.speaker) if fact.speaker else None
                if i is not None:
                    speech.append((aid, kind, i))
                    stats.setdefault(i, NameStat(i, *first_name[i]))
    idents = resolve(list(stats.values()), lambda a, b: bool(arts_of[a] & arts_of[b]),
                     lambda i, text: (i, text) in aliases)
    iid_of = {n: ident.iid for ident in idents for n in ident.nids}
    name_of = {ident.iid: ident.name for ident in idents}
    if view == "speakers":
        q, c, a = Counter(), Counter(), defaultdict(set)
        for aid, kind, i in speech:
            (q if kind == "quote" else c)[iid_of[i]] += 1
            a[iid_of[i]].add(aid)
        out = [(iid, q[iid], c[iid], len(a[iid]), name_of[iid]) for iid in a]
        out.sort(key=lambda r: (-r[1], -r[2], -r[3], r[4].casefold(), r[0]))
        return [r[:4] for r in out]
    if view == "entities":
        m, a = Counter(), defaultdict(set)
        for aid, i, _label, count in rows:
            m[iid_of[i]] += count
            a[iid_of[i]].add(aid)
        out = [(iid, len(a[iid]), m[iid], name_of[iid]) for iid in a]
        out.sort(key=lambda r: (-r[1], -r[2], r[3].casefold(), r[0]))
        return [r[:3] for r in out]
    return _baseline_figures(order, nid, iid_of)


def _baseline_figures(order, nid, iid_of) -> list:
    from analysis.corpus.figures import disagreeing, points
    from analysis.corpus.ingest import number_rows
    from analysis.corpus.measure import FLAGGED_EVENTS, group_label

    groups: dict[str, list[tuple]] = defaultdict(list)
    for aid, (_key, art, analysis) in enumerate(order):
        for row in number_rows(aid, art, analysis, nid):
            (_a, _s, _e, _t, _v, _vm, _vf, _q, _k, _u, counted, source, key, places, own_place,
             day, own_day, role, lo, hi) = row
            if key is None:
                continue
            groups[key].append((counted, len(groups[key]), aid, art.date, lo, hi, places,
                                own_place, day, own_day, role, source))
    out = []
    for key, members in sorted(groups.items()):
        counted = Counter(c.lower() for c, *_ in members if c)
        words = [w for _, w in sorted((-k, w) for w, k in counted.items())]
        pts = points([(*m[1:], m[0]) for m in members if m[4] is not None], iid_of)
        flagged = key.split("|")[2] in FLAGGED_EVENTS and bool(disagreeing(pts)[0])
        out.append((group_label(key, words), len(members), flagged))
    out.sort(key=lambda g: (not g[2], -g[1], g[0]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--reuse", metavar="DIR",
                        help="a cache directory holding the real articles' analyses already "
                             "(read from it, so the set-up skips parsing)")
    parser.add_argument("--keep", metavar="DIR",
                        help="build the 10,000-article cache in DIR and keep it (a later run "
                             "with the same DIR measures it again without rebuilding)")
    args = parser.parse_args()
    if args.child:
        _freeze_version()
        child(args.articles)
        return
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is missing: the synthetic corpus is built from it")
    from analysis.version import ANALYSIS_VERSION

    with tempfile.TemporaryDirectory(prefix="copydesk-desk-bench-") as tmp:
        cache_dir = Path(args.keep) if args.keep else Path(tmp) / "cache"
        build(args.articles, cache_dir, Path(args.reuse) if args.reuse else None)
        _log("measuring in a fresh process…")
        env = {**os.environ, "COPYDESK_CACHE_DIR": str(cache_dir),
               "COPYDESK_BENCH_ANALYSIS_VERSION": ANALYSIS_VERSION}
        out = subprocess.run(
            [sys.executable, "-m", "bench.desk", "--child", "--articles", str(args.articles)],
            cwd=ROOT, env=env, capture_output=True, text=True, check=False,
        )
        if out.returncode != 0:
            raise SystemExit(out.stderr)
        measured = json.loads(out.stdout.strip().splitlines()[-1])
    views = {v: {k: r[k] for k in ("open_ms", "baseline_ms", "speedup")}
             for v, r in measured["views"].items()}
    print(f"agree: {str(measured['agree']).lower()}")
    print(json.dumps({
        "articles": args.articles, "views": views,
        "again_ms": {v: r["again_ms"] for v, r in measured["views"].items()},
        "baseline": "Cache.get_many of every analysis + the same aggregation in Python",
        "agree": measured["agree"], "peak_rss_mb": measured["peak_rss_mb"],
        "synthetic": f"{args.articles} articles = the 264 real ../shared/corpus articles "
                     "repeated, each with a synthetic-copy line appended",
    }))


def _freeze_version() -> None:
    """Keep the analysis version the cache was built with (see bench/startup.py)."""
    frozen = os.environ.get("COPYDESK_BENCH_ANALYSIS_VERSION")
    if frozen:
        import analysis.cache
        import analysis.corpus.schema
        import analysis.version

        analysis.version.ANALYSIS_VERSION = analysis.cache.ANALYSIS_VERSION = frozen
        analysis.corpus.schema.ANALYSIS_VERSION = frozen


if __name__ == "__main__":
    main()
