"""The loops both engines share (analysis.streams): windowed cache reads and isolated parsing."""

from __future__ import annotations

import pytest

from analysis.streams import cached_in_order, pipe_isolated


class FakeNlp:
    """``nlp`` whose pipe raises on a batch holding "BREAK" and whose call raises on "BREAK"."""

    def __init__(self) -> None:
        self.piped: list[list[str]] = []  # the texts of each nlp.pipe call
        self.alone: list[str] = []

    def pipe(self, stream, as_tuples, batch_size, n_process):
        assert as_tuples and n_process == 1
        pairs = list(stream)
        self.piped.append([t for t, _ in pairs])
        for start in range(0, len(pairs), batch_size):
            batch = pairs[start : start + batch_size]
            if any("BREAK" in t for t, _ in batch):
                raise RuntimeError("batch broke")
            yield from ((t.upper(), k) for t, k in batch)

    def __call__(self, text):
        self.alone.append(text)
        if "BREAK" in text:
            raise RuntimeError("article broke")
        return text.upper()


def test_a_broken_batch_is_parsed_one_by_one_then_the_rest_is_piped_again():
    texts = ["a", "b", "c", "BREAK", "e", "f", "g"]
    nlp = FakeNlp()
    got = list(pipe_isolated(nlp, texts, batch_size=2))
    assert [k for k, _ in got] == list(range(7))
    assert [d for _, d in got if not isinstance(d, Exception)] == ["A", "B", "C", "E", "F", "G"]
    assert str(got[3][1]) == "article broke"
    assert nlp.alone == ["c", "BREAK"]  # only the broken batch, one by one
    assert nlp.piped == [texts, ["e", "f", "g"]]


def test_without_isolation_the_parser_error_propagates():
    with pytest.raises(RuntimeError, match="batch broke"):
        list(pipe_isolated(FakeNlp(), ["a", "BREAK"], batch_size=4, isolate=False))


class Reading:
    """A cache that records how many rows each read asked for."""

    def __init__(self, rows: dict[str, str]) -> None:
        self.rows, self.reads = rows, []

    def get_many(self, keys):
        self.reads.append(len(keys))
        return {k: self.rows[k] for k in keys if k in self.rows}


def test_cached_rows_are_read_a_window_at_a_time_in_order():
    keys = [f"k{i}" for i in range(7)]
    cache = Reading({k: k.upper() for k in keys if k != "k5"})  # k5's row cannot be read
    present = set(keys) - {"k2"}  # k2 is not cached
    got = list(cached_in_order(cache, keys, present, window=3))
    assert got == [(0, "K0"), (1, "K1"), (2, None), (3, "K3"), (4, "K4"), (5, None), (6, "K6")]
    assert cache.reads == [2, 3, 1]
    assert list(cached_in_order(None, keys[:2], set())) == [(0, None), (1, None)]
