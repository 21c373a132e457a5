"""analyze_corpus streams: input order kept, cache read by window and written in batches.

The parsing side is replaced by a fake pipeline (a text's analysis is one number fact holding
its length), so these tests check the runner's bookkeeping without loading spaCy; one test at
the end runs the real pipeline on two short articles.
"""

from __future__ import annotations

import json

import pytest

import analysis.pipeline as pipeline
import analysis.runner as runner
import analysis.streams as streams
from analysis.cache import cache_key, open_cache
from analysis.model import Analysis, Article, NumberFact, record
from analysis.runner import RunOptions, analyze_corpus


class FakeNlp:
    """Stands in for a spaCy pipeline: records how many texts ``pipe`` has taken."""

    def __init__(self) -> None:
        self.taken = 0

    def pipe(self, stream, as_tuples, batch_size, n_process):
        for text, context in stream:
            self.taken += 1
            yield text, context

    def __call__(self, text):
        self.taken += 1
        return text


def fake_analysis(text: str, article: Article) -> Analysis:
    return Analysis(numbers=[NumberFact(0, 1, text[:1], value=len(text))])


@pytest.fixture
def fake_nlp(monkeypatch) -> FakeNlp:
    nlp = FakeNlp()
    monkeypatch.setattr(pipeline, "load_nlp", lambda name: nlp)
    monkeypatch.setattr(pipeline, "analyze_doc", fake_analysis)
    return nlp


def articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", path=f"a{i}.txt", text="x" * (i + 1)) for i in range(n)]


class RecordingCache:
    """A cache in memory that records every put_many batch."""

    def __init__(self, stored: dict[str, Analysis] | None = None) -> None:
        self.stored = dict(stored or {})
        self.batches: list[int] = []
        self.read: list[int] = []

    def present(self, keys):
        return {k for k in keys if k in self.stored}

    def get_many(self, keys):
        keys = list(keys)
        self.read.append(len(keys))
        return {k: self.stored[k] for k in keys if k in self.stored}

    def put_many(self, items):
        items = list(items)
        self.batches.append(len(items))
        self.stored.update(items)


def key(article: Article) -> str:
    return cache_key(article.text, RunOptions().model, article.date)


def test_order_kept_with_cached_and_parsed_articles_mixed(fake_nlp):
    arts = articles(7)
    cached = {key(a): Analysis(numbers=[NumberFact(0, 1, "x", value=-1)]) for a in arts[::3]}
    cache = RecordingCache(cached)
    counted = []
    out = list(analyze_corpus(arts, cache, on_cached=counted.append))
    assert [a.id for a, _, _ in out] == [a.id for a in arts]
    assert [hit for _, _, hit in out] == [i % 3 == 0 for i in range(7)]
    values = [an.numbers[0].value for _, an, _ in out]
    assert values == [-1 if i % 3 == 0 else i + 1 for i in range(7)]
    assert counted == [3]
    assert fake_nlp.taken == 4  # only the misses were parsed


def test_results_stream_before_the_corpus_is_parsed(fake_nlp, monkeypatch):
    monkeypatch.setattr(runner, "FLUSH_EVERY", 4)
    stream = analyze_corpus(articles(100), RecordingCache(), RunOptions(batch_size=8))
    next(stream)
    assert fake_nlp.taken < 10
    stream.close()


def test_cache_written_in_batches_and_the_rest_at_the_end(fake_nlp, monkeypatch):
    monkeypatch.setattr(runner, "FLUSH_EVERY", 4)
    cache = RecordingCache()
    stream = analyze_corpus(articles(10), cache)
    for _ in range(5):
        next(stream)
    assert cache.batches == [4]
    list(stream)
    assert cache.batches == [4, 4, 2]
    assert len(cache.stored) == 10


def test_cache_written_when_the_consumer_stops_early(fake_nlp, monkeypatch):
    monkeypatch.setattr(runner, "FLUSH_EVERY", 4)
    cache = RecordingCache()
    stream = analyze_corpus(articles(10), cache)
    for _ in range(6):
        next(stream)
    stream.close()
    assert cache.batches == [4, 2]


def test_cached_analyses_are_read_a_window_at_a_time(fake_nlp, monkeypatch):
    monkeypatch.setattr(streams, "READ_WINDOW", 4)
    arts = articles(10)
    cache = RecordingCache({key(a): fake_analysis(a.text, a) for a in arts})
    stream = analyze_corpus(arts, cache)
    next(stream)
    assert cache.read == [4]
    assert len(list(stream)) == 9
    assert cache.read == [4, 4, 2]
    assert fake_nlp.taken == 0


def test_unreadable_cached_row_is_parsed_again(fake_nlp, tmp_path):
    arts = articles(3)
    cache = open_cache(lambda m: None, tmp_path)
    cache.put_many([(key(a), fake_analysis(a.text, a)) for a in arts])
    with cache.conn:
        cache.conn.execute("UPDATE analyses SET data = x'00' WHERE key = ?", (key(arts[1]),))
    out = list(analyze_corpus(arts, cache))
    assert [(a.id, hit) for a, _, hit in out] == [("a0", True), ("a1", False), ("a2", True)]
    assert out[1][1].numbers[0].value == 2
    assert cache.get_many([key(arts[1])])  # written back
    cache.close()


def test_present_reads_keys_only(tmp_path):
    cache = open_cache(lambda m: None, tmp_path)
    cache.put_many([("k1", Analysis()), ("k2", Analysis())])
    assert cache.present(["k1", "nope", "k2"]) == {"k1", "k2"}
    assert cache.present(f"k{i}" for i in range(1200)) == {"k1", "k2"}
    cache.close()


def test_real_pipeline_records_identical_fresh_and_cached(nlp, tmp_path):
    texts = [
        "Harbour ferry delayed\n\nPORTMERE - The ferry left two hours late on Tuesday, "
        "the harbour master Ada Lind said. \"We had 40 cars waiting,\" Lind said.",
        "Library reopens\n\nThe town library reopened after a 3 million euro refit. "
        "\"Reading is for everyone,\" said the librarian, Tom Ekdahl.",
    ]
    arts = [Article(id=f"t{i}", path=f"t{i}.txt", text=t) for i, t in enumerate(texts)]
    cache = open_cache(lambda m: None, tmp_path)

    def records():
        return [json.dumps(record(a, an), ensure_ascii=False)
                for a, an, _ in analyze_corpus(arts, cache)]

    fresh = records()
    again = records()
    assert fresh == again
    assert [json.loads(r)["id"] for r in fresh] == ["t0", "t1"]
    cache.close()


class BreakingNlp(FakeNlp):
    """A pipeline that raises inside the batch holding the text ``bad``, and on it alone."""

    def __init__(self, bad: str) -> None:
        super().__init__()
        self.bad = bad

    def pipe(self, stream, as_tuples, batch_size, n_process):
        batch = []
        for item in stream:
            batch.append(item)
            if len(batch) == batch_size:
                yield from self._batch(batch)
                batch = []
        yield from self._batch(batch)

    def _batch(self, batch):
        if any(text == self.bad for text, _ in batch):
            raise ValueError("the parser choked")
        self.taken += len(batch)
        yield from batch

    def __call__(self, text):
        if text == self.bad:
            raise ValueError("the parser choked\non this")
        return super().__call__(text)


def test_an_article_whose_extractor_raises_is_skipped_and_reported(fake_nlp, monkeypatch):
    def flaky(text, article):
        if article.id == "a1":
            raise RuntimeError("extractor broke")
        return fake_analysis(text, article)

    monkeypatch.setattr(pipeline, "analyze_doc", flaky)
    cache = RecordingCache()
    failed = []
    got = list(analyze_corpus(articles(3), cache, on_failed=lambda a, r: failed.append((a.id, r))))
    assert [a.id for a, _, _ in got] == ["a0", "a2"]
    assert failed == [("a1", "RuntimeError: extractor broke")]
    assert len(cache.stored) == 2  # the failed article is not cached
    with pytest.raises(RuntimeError):  # without on_failed, the error is the caller's
        list(analyze_corpus(articles(3), None))


def test_a_batch_the_pipeline_raises_on_is_parsed_one_article_at_a_time(monkeypatch):
    items = articles(40)
    nlp = BreakingNlp(items[20].text)
    monkeypatch.setattr(pipeline, "load_nlp", lambda name: nlp)
    monkeypatch.setattr(pipeline, "analyze_doc", fake_analysis)
    failed = []
    got = list(analyze_corpus(items, None, RunOptions(batch_size=8),
                              on_failed=lambda a, r: failed.append((a.id, r))))
    assert [a.id for a, _, _ in got] == [a.id for a in items if a.id != "a20"]
    assert [x.numbers[0].value for _, x, _ in got] == [len(a.text) for a, _, _ in got]
    assert failed == [("a20", "ValueError: the parser choked on this")]
    assert nlp.taken == 39  # nothing parsed twice
