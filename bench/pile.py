"""The pile as it comes: duplicates and syndicated copies among N articles, and the Quotes view.

Articles (SYNTHETIC, SPEC §4): real paragraphs of ../shared/corpus and the eval quote sets
recombined into originals of at least ``MIN_PARAGRAPHS`` paragraphs (no paragraph used twice in
one article); then 20% near copies of originals (a new headline, one paragraph cut, one sentence
reworded, dated a day or more later) and 5% exact duplicates (the same text under another path).

Measured:

- ``dedup_s``: finding the duplicates and copies of all N articles: exact duplicates by a hash of
  the text (whitespace aside), then a MinHash signature of each distinct text and the LSH search
  (``analysis.corpus.copies``, as the desk does);
- ``analysis_s``: copydesk's analysis of the same distinct articles, ESTIMATED from a measured
  sample (``--sample`` articles analysed without a cache; a full analysis of 10,000 takes hours
  on two cores), and ``dedup_share`` = dedup_s / analysis_s (target ≤ 0.03);
- ``precision`` / ``recall`` of the copies found (article -> the original it is marked a copy
  of) against the copies made (target ≥ 0.98 each);
- ``corpus_copies``: a copy of each real ``../shared/corpus`` article (a new headline, one
  paragraph cut, one sentence reworded): how many are found as copies of their source, and how
  many other pairs are found (target: all, and none);
- ``quotes_open_ms``: a fresh ``CorpusDesk`` on a cache of the N articles answering the Quotes
  view as the app asks for it (the first ``SHOWN`` quotations), against ``baseline_ms``: reading
  every cached analysis back (``Cache.get_many``) and grouping its quotes in Python
  (``quotes.group``; target ``quotes_speedup`` ≥ 20); ``quotes_agree``: both give the same rows.
  ``quotes_all_rows_ms``: every quotation with its appearances (``copydesk quotes``);
  ``quotes_open_90pct_scope_ms``: the view on 90% of the pile (ranked by a GROUP BY). The cached
  analyses hold the quotes found between quote marks (no spaCy: 10,000 real analyses take
  hours), so they are smaller than real ones and the baseline, if anything, faster.

Usage: ``python -m bench.pile [--articles 10000] [--sample 40]``; the last line printed is one
JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_PARAGRAPHS = 4
# Longer "paragraphs" are whole articles without paragraph breaks (some eval texts): two
# originals sharing one would be near copies of each other, not the distinct stories made here.
MAX_PARAGRAPH = 1500
SHOWN = 501  # rows the app's Quotes view asks for (tui.screens.desk.ROW_LIMIT + 1)
COPY_SHARE, DUPLICATE_SHARE = 0.20, 0.05
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{12,400}?)[\"”]")
_SENTENCE = re.compile(r"[^.!?]+[.!?]")


def _log(message: str) -> None:
    print(f"[pile] {message}", file=sys.stderr, flush=True)


def paragraph_pool(shared: Path) -> list[str]:
    """Distinct real paragraphs long enough to be one, from the corpus and the eval quote sets."""
    files = [shared / "corpus" / "corpus.jsonl", *sorted((shared / "eval" / "quotes").glob(
        "*.jsonl"))]
    seen: set[str] = set()
    out = []
    texts = (json.loads(line)["text"] for path in files if path.exists()
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    for text in texts:
        for para in text.split("\n"):
            para = para.strip()
            if 80 < len(para) <= MAX_PARAGRAPH and para not in seen:
                seen.add(para)
                out.append(para)
    return out


def reword(paragraph: str, rng: random.Random) -> str:
    """One sentence reworded: two of its words swapped and one dropped."""
    sentences = _SENTENCE.findall(paragraph)
    if not sentences:
        return paragraph
    sentence = rng.choice(sentences)
    words = sentence.split()
    if len(words) < 6:
        return paragraph
    i = rng.randrange(1, len(words) - 2)
    words[i], words[i + 1] = words[i + 1], words[i]
    del words[rng.randrange(1, len(words) - 1)]
    return paragraph.replace(sentence, " " + " ".join(words), 1)


def make_pile(n: int, pool: list[str], seed: int = 25
              ) -> tuple[list[dict], dict[int, int], dict[int, int]]:
    """``n`` articles ``{path, title, date, text}`` from the paragraphs of ``pool``; the copies
    made (index -> its original's index) and the exact duplicates made (index -> the index it
    repeats)."""
    rng = random.Random(seed)
    n_copies, n_dups = int(n * COPY_SHARE), int(n * DUPLICATE_SHARE)
    n_orig = n - n_copies - n_dups
    start = date(2024, 1, 1)
    out: list[dict] = []
    for i in range(n_orig):
        paras = rng.sample(pool, rng.randint(MIN_PARAGRAPHS, 9))
        day = start + timedelta(days=rng.randrange(300))
        out.append({"path": f"synthetic/orig-{i:05d}.txt", "title": f"Synthetic story {i}",
                    "date": day.isoformat(), "paragraphs": paras})
    copies: dict[int, int] = {}
    for j in range(n_copies):
        src = rng.randrange(n_orig)
        paras = list(out[src]["paragraphs"])
        del paras[rng.randrange(len(paras))]
        k = rng.randrange(len(paras))
        paras[k] = reword(paras[k], rng)
        day = date.fromisoformat(out[src]["date"]) + timedelta(days=rng.randint(1, 5))
        copies[len(out)] = src
        out.append({"path": f"synthetic/copy-{j:05d}.txt", "title": f"Wire: new headline {j}",
                    "date": day.isoformat(), "paragraphs": paras})
    dups: dict[int, int] = {}
    for j in range(n_dups):
        src = rng.randrange(len(out))
        dups[len(out)] = src
        out.append({**out[src], "path": f"synthetic/dup-{j:05d}.txt"})
    for item in out:
        item["text"] = item["title"] + "\n\n" + "\n\n".join(item.pop("paragraphs"))
    return out, copies, dups


def find_all(pile: list[dict]) -> tuple[dict[int, int], dict[int, int], float]:
    """(exact duplicates: index -> first index of its text, copies: index -> its original's
    index, seconds) for the whole pile, found by the code copydesk runs: the loader's
    ``merge_duplicates``, then the desk's signatures and ``find_copies``."""
    from analysis.corpus.copies import Doc, find_copies, signature
    from analysis.loader import merge_duplicates
    from analysis.model import Article

    articles = [Article(id=str(i), path=item["path"], text=item["text"], title=item["title"],
                        date=item["date"]) for i, item in enumerate(pile)]
    t0 = time.perf_counter()
    kept, _dropped = merge_duplicates(articles)
    docs = []
    for article in kept:
        sig, grams = signature(article.text, article.title)
        docs.append(Doc(int(article.id), sig, grams, article.date, article.path))
    roots = find_copies(docs)
    seconds = time.perf_counter() - t0
    index = {item["path"]: i for i, item in enumerate(pile)}
    dups = {index[path]: int(article.id) for article in kept for path in article.also_paths}
    return dups, {a: r for a, r in roots.items() if a != r}, seconds


def score(found: dict[int, int], made: dict[int, int]) -> tuple[float, float]:
    """Precision and recall of (copy -> original) found against made (exact duplicates are
    found apart, by their hash, and left out of both)."""
    truth = set(made.items())
    pred = set(found.items())
    hit = len(truth & pred)
    return (hit / len(pred) if pred else 1.0), (hit / len(truth) if truth else 1.0)


def analysis_seconds(pile: list[dict], distinct: int, sample: int) -> tuple[float, float]:
    """(estimated seconds to analyse ``distinct`` articles, measured seconds per article)."""
    from analysis.articles import make_article
    from analysis.pipeline import load_nlp
    from analysis.runner import RunOptions, analyze_corpus

    load_nlp()
    step = max(1, len(pile) // max(1, sample))
    chosen = [make_article(p["text"], p["path"], title=p["title"], date_value=p["date"],
                           title_in_text=True) for p in pile[::step][:sample]]
    t0 = time.perf_counter()
    for _ in analyze_corpus(chosen, None, RunOptions()):
        pass
    per = (time.perf_counter() - t0) / max(1, len(chosen))
    return per * distinct, per


def quote_analysis(text: str):
    """An analysis holding the text's quotes between quote marks (no spaCy)."""
    from analysis.model import Analysis, Quote

    return Analysis([], [Quote(m.start(1), m.end(1), m.group(1)) for m in _QUOTED.finditer(text)],
                    [])


def quotes_view(pile: list[dict]) -> dict:
    """The Quotes view's open time on a cache of the pile vs every analysis loaded back."""
    from analysis.articles import make_article
    from analysis.cache import cache_key, open_cache
    from analysis.corpus import CorpusDesk
    from analysis.corpus.quotes import Appearance, group, quote_key
    from analysis.corpus.records import DeskFact

    articles = [make_article(p["text"], p["path"], title=p["title"], date_value=p["date"],
                             title_in_text=True) for p in pile]
    keys = [cache_key(a.text, "bench", a.date) for a in articles]
    with tempfile.TemporaryDirectory(prefix="copydesk-pile-") as tmp:
        cache = open_cache(_log, Path(tmp))
        desk = CorpusDesk(cache.conn)
        batch = []
        t0 = time.perf_counter()
        for key, article in zip(keys, articles, strict=True):
            batch.append((key, article, quote_analysis(article.text)))
            if len(batch) >= 500:
                cache.put_many((k, a) for k, _, a in batch)
                desk.add(batch)
                batch.clear()
        cache.put_many((k, a) for k, _, a in batch)
        desk.add(batch)
        index_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        desk.quotes(limit=1)  # copies found, quotes grouped, identities resolved: all stored
        first_view_s = time.perf_counter() - t0
        # Each article's story (the copies the desk found), given to the baseline untimed.
        story = dict(desk.conn.execute(
            "SELECT a.key, coalesce(c.root, a.aid) FROM desk_article a"
            " LEFT JOIN desk_copy c ON c.aid = a.aid"))
        desk.close()

        t0 = time.perf_counter()
        desk = CorpusDesk(cache.conn)
        desk.scope(keys)
        rows = desk.quotes(limit=SHOWN)
        open_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        every = desk.quotes()
        all_ms = (time.perf_counter() - t0) * 1000
        desk.close()
        t0 = time.perf_counter()
        desk = CorpusDesk(cache.conn)
        desk.scope(keys[: len(keys) * 9 // 10])  # a part of the pile: ranked by GROUP BY
        desk.quotes(limit=SHOWN)
        part_ms = (time.perf_counter() - t0) * 1000
        desk.close()

        t0 = time.perf_counter()
        loaded = cache.get_many(keys)
        apps, seen = [], set()
        for key, article in zip(keys, articles, strict=True):
            if key in seen or key not in loaded:
                continue
            seen.add(key)
            for q in loaded[key].quotes:
                fact = DeskFact("quote", key, article.id, article.path, article.title,
                                article.date, q.start, q.end, q.text, q.speaker)
                apps.append(Appearance(fact, None, story[key], quote_key(q.text)))
        expected = group(apps, {})[:SHOWN]
        baseline_ms = (time.perf_counter() - t0) * 1000
        cache.close()

    def summary(found: list) -> list:
        return [(r.quote_id, r.articles, len(r.appearances), r.first.path) for r in found]

    return {"quotations": len(every), "appearances": sum(len(r.appearances) for r in every),
            "index_s": round(index_s, 2), "first_view_s": round(first_view_s, 2),
            "quotes_open_ms": round(open_ms, 1), "baseline_ms": round(baseline_ms, 1),
            "quotes_speedup": round(baseline_ms / open_ms, 1) if open_ms else None,
            "quotes_all_rows_ms": round(all_ms, 1),
            "quotes_open_90pct_scope_ms": round(part_ms, 1),
            "quotes_agree": summary(rows) == summary(expected)}


def corpus_copies(texts: list[tuple[str, str | None, str | None]], seed: int = 7) -> dict:
    """Copies of real articles ``(text, title, date)``: a new headline, one paragraph cut (not
    the first), one sentence reworded; are they found as copies of their source, and nothing
    else?"""
    from analysis.corpus.copies import Doc, find_copies, signature

    rng = random.Random(seed)
    docs, made = [], {}
    for i, (text, title, day) in enumerate(texts):
        sig, grams = signature(text, title)
        docs.append(Doc(i, sig, grams, day, f"real/{i:05d}"))
    for i, (text, title, day) in enumerate(texts):
        body = text[len(title):] if title and text.startswith(title) else text
        paras = [p for p in body.split("\n\n") if p.strip()]
        if len(paras) > 2:
            del paras[rng.randrange(1, len(paras))]
        k = rng.randrange(len(paras))
        paras[k] = reword(paras[k], rng)
        headline = f"Wire copy {i}: a new headline"
        copy = headline + "\n\n" + "\n\n".join(paras)
        sig, grams = signature(copy, headline)
        made[len(texts) + i] = i
        docs.append(Doc(len(texts) + i, sig, grams, day, f"wire/{i:05d}"))
    found = {a: r for a, r in find_copies(docs).items() if a != r}
    return {"made": len(made), "found": sum(found.get(j) == i for j, i in made.items()),
            "other_pairs": sum(1 for a, r in found.items() if made.get(a) != r)}


def real_texts(shared: Path) -> list[tuple[str, str | None, str | None]]:
    """The corpus's ``.txt`` articles as loaded (text, title, date)."""
    from analysis.loader import load

    paths = sorted(str(p) for p in (shared / "corpus").glob("*.txt"))
    return [(a.text, a.title, a.date) for a in load(paths).articles] if paths else []


def run(n: int, sample: int, pool: list[str]) -> dict:
    """Every figure of the JSON line, on ``n`` articles made of the paragraphs of ``pool``."""
    _log(f"making {n} synthetic articles from {len(pool)} paragraphs…")
    pile, made, made_dups = make_pile(n, pool)
    dups, found, dedup_s = find_all(pile)
    precision, recall = score(found, made)
    distinct = len(pile) - len(dups)
    _log(f"duplicates and copies found in {dedup_s:.2f} s; analysing a sample of {sample}…")
    analysis_s, per = analysis_seconds(pile, distinct, sample)
    _log("caching the pile and opening the Quotes view…")
    view = quotes_view(pile)
    return {
        "articles": n, "copies_made": len(made), "duplicates_made": len(made_dups),
        "duplicates_found": len(dups), "copies_found": len(found),
        "dedup_s": round(dedup_s, 3), "analysis_s": round(analysis_s, 1),
        "analysis_estimated_from": f"{sample} articles analysed ({per:.3f} s each) x "
                                   f"{distinct} distinct articles",
        "dedup_share": round(dedup_s / analysis_s, 5) if analysis_s else None,
        "precision": round(precision, 4), "recall": round(recall, 4),
        **view,
        "baseline": "Cache.get_many of every analysis + the same quote grouping in Python",
        "synthetic": f"{n} articles recombined from real paragraphs of ../shared/corpus and "
                     "eval/quotes: 75% originals, 20% near copies, 5% exact duplicates",
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=40,
                        help="articles analysed to estimate the analysis time")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding corpus/ and eval/quotes/")
    args = parser.parse_args(argv)
    pool = paragraph_pool(args.shared)
    if not pool:
        raise SystemExit(f"no real paragraphs under {args.shared}: the articles are made of them")
    result = run(args.articles, args.sample, pool)
    result["corpus_copies"] = corpus_copies(real_texts(args.shared))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
