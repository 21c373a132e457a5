"""The SQLite analysis cache: round trip, keys, corruption recovery, concurrent writers."""

from __future__ import annotations

import multiprocessing
import sqlite3

from analysis.cache import CACHE_FILE, cache_key, decode, encode, open_cache
from analysis.model import Analysis, Entity, Mention, NumberFact, Quote


def _analysis(n: int = 0) -> Analysis:
    return Analysis(
        entities=[Entity("e1", "Ada Park", "PERSON", [Mention(0, 8, "Ada Park")])],
        quotes=[Quote(10, 20, "x" * 10, "direct", "Ada Park", "e1", Mention(0, 8, "Ada Park"),
                      "said")],
        numbers=[NumberFact(30, 32, "12", n, "exact", None, "count", None, "boats")],
    )


def test_round_trip(tmp_path):
    warnings: list[str] = []
    cache = open_cache(warnings.append, tmp_path)
    cache.put_many([("k1", _analysis(12))])
    got = cache.get_many(["k1", "missing"])
    assert list(got) == ["k1"]
    assert got["k1"].to_dict() == _analysis(12).to_dict()
    assert warnings == []
    assert cache.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_records_encoded_elsewhere_are_stored_as_they_come(tmp_path):
    cache = open_cache(lambda m: None, tmp_path)
    data = encode(_analysis(7).to_dict())  # as a Dask worker sends it
    cache.put_encoded([("k7", data)])
    assert cache.conn.execute("SELECT data FROM analyses").fetchone() == (data,)
    expected = _analysis(7).to_dict()
    assert cache.get_many(["k7"])["k7"].to_dict() == decode(data).to_dict() == expected


def test_key_depends_on_text_model_date_and_version(monkeypatch):
    base = cache_key("text", "model_a", None)
    assert base != cache_key("text2", "model_a", None)
    assert base != cache_key("text", "model_b", None)
    assert base != cache_key("text", "model_a", "2020-01-01")
    monkeypatch.setattr("analysis.cache.ANALYSIS_VERSION", "999")
    assert base != cache_key("text", "model_a", None)


def test_corrupt_file_is_moved_aside_and_rebuilt(tmp_path):
    (tmp_path / CACHE_FILE).write_bytes(b"this is not a database at all" * 100)
    warnings: list[str] = []
    cache = open_cache(warnings.append, tmp_path)
    assert cache is not None
    assert any("corrupt" in w for w in warnings)
    assert list(tmp_path.glob(f"{CACHE_FILE}.corrupt-*"))
    cache.put_many([("k", _analysis())])
    assert "k" in cache.get_many(["k"])


def test_unreadable_row_is_a_miss(tmp_path):
    cache = open_cache(lambda m: None, tmp_path)
    with cache.conn:
        cache.conn.execute("INSERT INTO analyses VALUES ('bad', x'00ff', 0)")
    assert cache.get_many(["bad"]) == {}


def test_unusable_directory_runs_without_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    warnings: list[str] = []
    assert open_cache(warnings.append, blocker / "sub") is None
    assert warnings and "without cache" in warnings[0]


def _writer(directory: str, worker: int) -> None:
    cache = open_cache(lambda m: None, __import__("pathlib").Path(directory))
    for i in range(60):
        cache.put_many([(f"k{i}", _analysis(i)), (f"w{worker}-{i}", _analysis(worker))])
    cache.close()


def test_two_processes_writing_at_once_leave_it_consistent(tmp_path):
    procs = [multiprocessing.Process(target=_writer, args=(str(tmp_path), w)) for w in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    conn = sqlite3.connect(tmp_path / CACHE_FILE)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM analyses").fetchone()[0] == 60 + 120
    cache = open_cache(lambda m: None, tmp_path)
    assert cache.get_many(["k59"])["k59"].numbers[0].value == 59
