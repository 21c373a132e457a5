"""bench.analyze's rounds: chunks on batch boundaries, B C C B order, synthetic articles unique."""

from __future__ import annotations

from bench.analyze import chunk_bounds, interleave, spread, synthetic_articles


def test_chunks_cover_everything_on_batch_boundaries():
    bounds = chunk_bounds(1000, 12, batch=16)
    assert bounds[0][0] == 0 and bounds[-1][1] == 1000
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(lo % 16 == 0 for lo, _ in bounds)
    assert chunk_bounds(10, 12, batch=16) == [(0, 10)]


def test_interleave_alternates_baseline_and_stream_and_passes_items_through():
    events: list[str] = []

    def results():
        for i in range(10):
            events.append(f"C{i}")
            yield i

    def baseline(lo, hi):
        events.append(f"B{lo}-{hi}")
        return (1.0, 1.0)

    desk, base = [], []
    bounds = [(0, 4), (4, 8), (8, 10)]
    out = list(interleave(results(), bounds, baseline, desk, base))
    assert out == list(range(10))
    assert events == ["B0-4", "C0", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "B4-8",
                      "B8-10", "C8", "C9"]
    assert len(desk) == len(base) == 3


def test_spread_of_ratios():
    s = spread([1.0, 1.2, 1.1, 3.0])
    assert s["median"] == 1.15 and s["min"] == 1.0 and s["max"] == 3.0
    assert s["q1"] <= s["median"] <= s["q3"]


def test_synthetic_articles_are_new_texts_of_real_paragraphs():
    real = [{"id": str(i), "title": None,
             "text": "\n".join(f"Paragraph {i}.{j} of a real article, long enough to keep."
                               for j in range(5))} for i in range(4)]
    made = synthetic_articles(real, 20)
    texts = [m["text"] for m in made]
    assert len(set(texts)) == 20
    assert not set(texts) & {r["text"] for r in real}
    pool = {p for r in real for p in r["text"].split("\n")}
    assert all(p in pool for t in texts for p in t.split("\n\n"))
