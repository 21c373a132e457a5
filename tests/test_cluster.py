"""``--engine dask``: the same records as the local engine, the cache, and faults on a cluster.

One LocalCluster of two worker processes serves the whole module (its workers load spaCy once);
tests reach it through ``--scheduler`` as a user's existing cluster would be reached.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from analysis.articles import make_article
from tui.cli import main

distributed = pytest.importorskip("distributed", reason="the cluster extra is not installed")

STORY = (
    "Council approves new bridge {n}\n\n"
    "RIVERTON - The city council voted {n} to 2 on Tuesday to build a new bridge, Mayor Ada Park "
    "said. \"This bridge will carry {cars} cars a day,\" Park told reporters. Engineer Tomas "
    "Reyes said the work would take {n} months.\n"
)


def story(n: int, extra: str = "") -> str:
    return STORY.format(n=n, cars=f"{n * 1000:,}") + extra


@pytest.fixture(scope="module")
def scheduler():
    """The address of a two-process LocalCluster shared by the module's tests."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def client(scheduler):
    with distributed.Client(scheduler) as c:
        yield c


def write_corpus(folder: Path, texts: list[str]) -> Path:
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _patch_workers(marker: str, action: str, flag: str = "") -> None:
    """On a worker: make analyze_doc raise (or kill the process once) on text with ``marker``."""
    import os

    from analysis import pipeline

    original = getattr(pipeline, "_unpatched_analyze_doc", pipeline.analyze_doc)
    pipeline._unpatched_analyze_doc = original

    def patched(doc, article):
        if marker in article.text:
            if action == "raise":
                raise ValueError("the parser choked")
            if action == "exit" and not os.path.exists(flag):
                open(flag, "w").close()  # noqa: SIM115 - once only, across restarts
                os._exit(1)
        return original(doc, article)

    pipeline.analyze_doc = patched


def _unpatch_workers() -> None:
    from analysis import pipeline

    pipeline.analyze_doc = getattr(pipeline, "_unpatched_analyze_doc", pipeline.analyze_doc)


@pytest.fixture
def patch_workers(client):
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield lambda *args: client.run(_patch_workers, *args)
    client.run(_unpatch_workers)


def test_dask_records_are_byte_identical_to_local_and_keep_order(tmp_path, capsys, scheduler):
    corpus = write_corpus(tmp_path / "c", [story(n) for n in range(3, 9)])
    code, local, _ = run(capsys, "analyze", str(corpus), "--no-cache")
    assert code == 0
    code, dask, err = run(capsys, "analyze", str(corpus), "--no-cache", "--engine", "dask",
                          "--scheduler", scheduler)
    assert code == 0, err
    assert dask == local
    assert [json.loads(x)["path"] for x in dask.splitlines()] == sorted(
        str(p) for p in corpus.iterdir())


def test_cached_articles_are_not_sent_and_the_client_writes_the_cache(tmp_path, scheduler):
    from analysis.cache import open_cache
    from analysis.cluster import ClusterOptions, ClusterReport, analyze_on_cluster
    from analysis.runner import RunOptions

    articles = [make_article(story(n), f"s{n}.txt") for n in range(10, 16)]
    where = ClusterOptions(scheduler=scheduler)
    cache = open_cache(pytest.fail)
    first = ClusterReport()
    one = list(analyze_on_cluster(articles[:4], cache, RunOptions(), where, pytest.fail, first))
    assert (first.sent, first.cached) == (4, 0)
    assert [c for _, _, c in one] == [False] * 4
    second = ClusterReport()
    two = list(analyze_on_cluster(articles, cache, RunOptions(), where, pytest.fail, second))
    assert (second.sent, second.cached) == (2, 4)
    assert [a.path for a, _, _ in two] == [a.path for a in articles]
    assert [c for _, _, c in two] == [True] * 4 + [False] * 2
    assert [x.to_dict() for _, x, _ in two[:4]] == [x.to_dict() for _, x, _ in one]
    third = ClusterReport()
    assert len(list(analyze_on_cluster(articles, cache, RunOptions(), where, pytest.fail,
                                       third))) == 6
    assert (third.sent, third.shards) == (0, 0)  # everything cached: no cluster needed
    cache.close()


def test_an_article_that_makes_the_pipeline_raise_is_skipped_with_its_path(
        tmp_path, capsys, scheduler, patch_workers):
    texts = [story(n) for n in range(20, 24)]
    texts[1] = story(21, "The EXPLODE clause is here.\n")
    corpus = write_corpus(tmp_path / "c", texts)
    patch_workers("EXPLODE", "raise")
    code, out, err = run(capsys, "analyze", str(corpus), "--engine", "dask",
                         "--scheduler", scheduler)
    assert code == 0
    paths = [json.loads(x)["path"] for x in out.splitlines()]
    assert paths == [str(corpus / n) for n in ("00.txt", "02.txt", "03.txt")]
    assert f"{corpus / '01.txt'}: analysis failed, skipped (ValueError: the parser choked)" in err
    assert "1 article could not be analysed and was skipped" in err
    assert "Traceback" not in err


def test_a_worker_killed_mid_shard_loses_and_duplicates_nothing(
        tmp_path, capsys, scheduler, patch_workers):
    texts = [story(n) for n in range(30, 38)]
    texts[5] = story(35, "KILLME is in this one.\n")
    corpus = write_corpus(tmp_path / "c", texts)
    code, local, _ = run(capsys, "analyze", str(corpus), "--no-cache")
    flag = tmp_path / "killed"
    patch_workers("KILLME", "exit", str(flag))
    code, dask, err = run(capsys, "analyze", str(corpus), "--no-cache", "--engine", "dask",
                          "--scheduler", scheduler)
    assert flag.exists(), "no worker was killed: the test proved nothing"
    assert code == 0, err
    paths = [json.loads(x)["path"] for x in dask.splitlines()]
    assert paths == [str(corpus / f"{i:02d}.txt") for i in range(len(texts))], err
    assert dask == local


def test_closing_the_run_early_keeps_finished_shards_and_cancels_the_rest(scheduler, client):
    from analysis.cache import cache_key, open_cache
    from analysis.cluster import ClusterOptions, analyze_on_cluster
    from analysis.runner import RunOptions
    from analysis.version import DEFAULT_MODEL

    articles = [make_article(story(n), f"s{n}.txt") for n in range(40, 52)]
    cache = open_cache(pytest.fail)
    run_ = analyze_on_cluster(articles, cache, RunOptions(), ClusterOptions(scheduler=scheduler,
                              shard_size=1), pytest.fail)
    first = next(run_)
    run_.close()  # what Ctrl-C does to the generator
    keys = [cache_key(a.text, DEFAULT_MODEL, a.date) for a in articles]
    kept = cache.get_many(keys)
    assert keys[0] in kept and kept[keys[0]].to_dict() == first[1].to_dict()
    assert len(kept) < len(articles)

    def copydesk_tasks(dask_scheduler):
        return [k for k in dask_scheduler.tasks if "copydesk-shard" in str(k)]

    client.run_on_scheduler(copydesk_tasks)  # the scheduler is reachable
    import time

    deadline = time.monotonic() + 20
    while client.run_on_scheduler(copydesk_tasks) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert client.run_on_scheduler(copydesk_tasks) == []
    cache.close()


def _set_worker_version(value: str | None) -> None:
    from analysis import version

    if not hasattr(version, "_real_version"):
        version._real_version = version.ANALYSIS_VERSION
    version.ANALYSIS_VERSION = value or version._real_version


def test_workers_running_another_copydesk_are_refused(tmp_path, capsys, scheduler, client):
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    path = tmp_path / "s.txt"
    path.write_text(story(70), encoding="utf-8")
    client.run(_set_worker_version, "0.0.1+stale")
    try:
        code, out, err = run(capsys, "analyze", str(path), "--engine", "dask",
                             "--scheduler", scheduler)
    finally:
        client.run(_set_worker_version, None)
    assert code == 2 and out == ""
    assert "0.0.1+stale" in err and "same copydesk" in err
    from analysis.cache import open_cache

    cache = open_cache(pytest.fail)
    assert cache.conn.execute("SELECT count(*) FROM analyses").fetchone() == (0,)
    cache.close()


def test_the_local_cluster_spares_its_workers_dasks_per_task_overheads(monkeypatch):
    import dask

    from analysis.cluster import ClusterOptions, cluster_client

    # A fresh process's environment: this one has a LocalCluster of Dask's defaults, whose nanny
    # exported MALLOC_TRIM_THRESHOLD_ into os.environ.
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)

    def probe():
        import os

        import dask

        return (os.environ.get("MALLOC_TRIM_THRESHOLD_"),
                dask.config.get("distributed.worker.profile.enabled"),
                dask.config.get("distributed.admin.tick.interval"))

    with cluster_client(ClusterOptions(workers=1)) as client:
        seen = list(client.run(probe).values())
    assert seen == [(None, False, "500ms")]
    # Dask's defaults stand outside the local cluster (this process, a user's existing cluster).
    assert dask.config.get("distributed.worker.profile.enabled") is True
    assert dask.config.get("distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_") == 65536


def test_shards_keep_order_and_shrink_towards_the_end():
    from analysis.cluster import MAX_SHARD, plan_shards

    indices = list(range(3, 1240))
    shards = plan_shards(indices, workers=2)
    assert [i for shard in shards for i in shard] == indices
    sizes = [len(s) for s in shards]
    assert sizes[0] == MAX_SHARD and sizes[-1] == 1
    assert sizes == sorted(sizes, reverse=True)
    assert len(shards) < len(indices) / 8  # a few articles per task still
    assert [len(s) for s in plan_shards(list(range(6)), workers=2)] == [1] * 6
    assert plan_shards([], workers=2) == []


def test_unreachable_scheduler_is_a_clear_usage_error():
    from analysis.cluster import ClusterOptions, ClusterUnavailable, analyze_on_cluster
    from analysis.runner import RunOptions

    articles = [make_article(story(1), "s.txt")]
    where = ClusterOptions(scheduler="tcp://127.0.0.1:9", connect_timeout=2)
    with pytest.raises(ClusterUnavailable, match="tcp://127.0.0.1:9"):
        list(analyze_on_cluster(articles, None, RunOptions(), where, pytest.fail))


def test_isolation_finds_the_one_article_that_breaks_a_batch(nlp):
    from analysis.cache import decode
    from analysis.pipeline import analyze_doc
    from analysis.shards import analyze_isolated

    class Brittle:
        """nlp whose parser raises on one text, inside a batch and alone."""

        def pipe(self, stream, **kwargs):
            for doc, context in nlp.pipe(stream, **kwargs):
                if "BREAK" in doc.text:
                    raise RuntimeError("batch broke")
                yield doc, context

        def __call__(self, text):
            if "BREAK" in text:
                raise RuntimeError("article broke")
            return nlp(text)

    articles = [make_article(story(n, "BREAK\n" if n == 61 else ""), f"{n}.txt")
                for n in range(60, 63)]
    outcomes = analyze_isolated(Brittle(), articles, batch_size=8)
    assert outcomes[1] == (False, "RuntimeError: article broke")
    for k in (0, 2):
        expected = analyze_doc(nlp(articles[k].text), articles[k]).to_dict()
        assert outcomes[k][0] is True and decode(outcomes[k][1]).to_dict() == expected


def test_missing_extra_names_the_pip_command(tmp_path, capsys, monkeypatch):
    path = tmp_path / "s.txt"
    path.write_text(story(1), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "distributed", None)
    code, out, err = run(capsys, "analyze", str(path), "--engine", "dask")
    assert code == 2 and out == ""
    assert "--engine dask needs" in err and "pip install 'copydesk[cluster]'" in err
    assert "Traceback" not in err
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code, _, err = run(capsys, "analyze", str(path), "--format", "parquet", "-o",
                       str(tmp_path / "out"))
    assert code == 2 and "--format parquet needs" in err and "copydesk[cluster]" in err
    assert not (tmp_path / "out").exists()


def test_option_mistakes_are_usage_errors(tmp_path, capsys):
    path = tmp_path / "s.txt"
    path.write_text(story(1), encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(path), "--workers", "2")
    assert code == 2 and "need --engine dask" in err
    code, _, err = run(capsys, "analyze", str(path), "--engine", "dask", "--jobs", "2")
    assert code == 2 and "--workers" in err


def test_cached_rows_are_read_in_windows_and_a_damaged_one_is_analysed_again(
        scheduler, monkeypatch):
    from analysis import streams
    from analysis.cache import cache_key, open_cache
    from analysis.cluster import ClusterOptions, analyze_on_cluster
    from analysis.runner import RunOptions, analyze_corpus
    from analysis.version import DEFAULT_MODEL

    monkeypatch.setattr(streams, "READ_WINDOW", 2)
    articles = [make_article(story(n), f"w{n}.txt") for n in range(60, 65)]
    cache = open_cache(pytest.fail)
    local = [a.to_dict() for _, a, _ in analyze_corpus(articles[:4], cache, RunOptions())]
    keys = [cache_key(a.text, DEFAULT_MODEL, a.date) for a in articles]
    with cache.conn:
        cache.conn.execute("UPDATE analyses SET data = ? WHERE key = ?", (b"not zlib", keys[2]))
    got = list(analyze_on_cluster(articles, cache, RunOptions(), ClusterOptions(
        scheduler=scheduler), pytest.fail))
    assert [a.path for a, _, _ in got] == [a.path for a in articles]
    assert [from_cache for _, _, from_cache in got] == [True, True, False, True, False]
    assert [a.to_dict() for _, a, _ in got[:4]] == local
    assert keys[2] in cache.get_many([keys[2]])  # the damaged row was stored again
    cache.close()


def test_a_damaged_cached_row_that_fails_again_is_reported_and_skipped(scheduler, monkeypatch):
    from analysis import pipeline
    from analysis.cache import cache_key, open_cache
    from analysis.cluster import ClusterOptions, ClusterReport, analyze_on_cluster
    from analysis.runner import RunOptions, analyze_corpus
    from analysis.version import DEFAULT_MODEL

    articles = [make_article(story(n), f"f{n}.txt") for n in range(70, 73)]
    cache = open_cache(pytest.fail)
    list(analyze_corpus(articles, cache, RunOptions()))
    key = cache_key(articles[1].text, DEFAULT_MODEL, articles[1].date)
    with cache.conn:
        cache.conn.execute("UPDATE analyses SET data = ? WHERE key = ?", (b"not zlib", key))
    original = pipeline.analyze_doc

    def choke(doc, article):
        if article.path == "f71.txt":
            raise ValueError("the parser choked")
        return original(doc, article)

    monkeypatch.setattr(pipeline, "analyze_doc", choke)
    warnings: list[str] = []
    report = ClusterReport()
    got = list(analyze_on_cluster(articles, cache, RunOptions(), ClusterOptions(
        scheduler=scheduler), warnings.append, report))
    assert [a.path for a, _, _ in got] == ["f70.txt", "f72.txt"]
    assert [path for path, _ in report.failed] == ["f71.txt"]
    assert warnings == ["f71.txt: analysis failed, skipped (ValueError: the parser choked)"]
    cache.close()


def _warc_of_stories(path: Path, numbers: list[int]) -> Path:
    from warcs import html_response, write_warc

    pages = []
    for n in numbers:
        title, body = story(n).split("\n\n", 1)
        pages.append(html_response(f"https://news.example/{n}",
                                   f"<html><head><title>{title}</title></head><body><article>"
                                   f"<h1>{title}</h1><p>{body.strip()}</p></article></body></html>"))
    return write_warc(path, pages)


def test_a_warcs_pages_and_duplicates_go_out_one_by_one_as_locally(tmp_path, capsys, scheduler):
    """One WARC is many articles, spread over the workers; an exact copy is analysed once."""
    from analysis.cluster import ClusterOptions, ClusterReport, analyze_on_cluster
    from analysis.loader import load
    from analysis.runner import RunOptions

    folder = tmp_path / "w"
    folder.mkdir()
    _warc_of_stories(folder / "crawl.warc.gz", [21, 22, 23, 24])
    (folder / "copy.txt").write_text(story(30), encoding="utf-8")
    (folder / "same.txt").write_text(story(30), encoding="utf-8")
    code, local, _ = run(capsys, "analyze", str(folder), "--no-cache")
    assert code == 0
    code, dask, err = run(capsys, "analyze", str(folder), "--no-cache", "--engine", "dask",
                          "--scheduler", scheduler)
    assert code == 0, err
    assert dask == local
    records = [json.loads(x) for x in dask.splitlines()]
    assert [r["url"] for r in records] == [None] + [f"https://news.example/{n}"
                                                    for n in (21, 22, 23, 24)]
    assert records[0]["also_paths"] == [str(folder / "same.txt")]
    report = ClusterReport()
    articles = load([str(folder / "crawl.warc.gz")]).articles
    where = ClusterOptions(scheduler=scheduler, shard_size=1)
    assert len(list(analyze_on_cluster(articles, None, RunOptions(), where, pytest.fail,
                                       report))) == 4
    assert (report.sent, report.shards) == (4, 4)
