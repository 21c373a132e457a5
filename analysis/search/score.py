"""Re-scoring candidates with rapidfuzz, and the matched spans to highlight.

A candidate's score is the better of two views of the query, both 0-100:

* contiguous: ``fuzz.partial_ratio`` (the query's best-aligned window of the item, typos allowed),
  scaled down when the item is shorter than the query (a name inside a long query is only a part
  of what was asked for);
* words: each query word's best ``fuzz.ratio`` against the item's words (the last word may be an
  unfinished prefix), averaged by word length and scaled by 0.95 — catches reordered words.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from analysis.search.query import fold

_WORD = re.compile(r"[^\W_]+")
# A query word needs at least this ratio against an item word to count as matched (highlight).
WORD_MATCH = 75.0
WORDS_WEIGHT = 0.95


def same_length_lower(text: str) -> str:
    """``text`` lower-cased without changing its length, so positions stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Scorer:
    """Scores item texts against one query."""

    def __init__(self, query: str, prefix_last: bool) -> None:
        self.query = same_length_lower(" ".join(query.split()))
        self.qwords = [w for w in dict.fromkeys(_WORD.findall(fold(self.query))) if w]
        self.prefix_last = prefix_last and bool(self.qwords)
        self.qlen = max(1, len(self.query))

    def score(self, text: str) -> float:
        """The 0-100 score of ``text`` (higher is better)."""
        return self._score(same_length_lower(text))[0]

    def score_and_spans(self, text: str, limit_to: int | None = None) -> tuple[float, list]:
        """The score and the matched ``(start, end)`` spans of ``text`` (clipped to limit_to)."""
        low = same_length_lower(text)
        best, how = self._score(low)
        if how == "contiguous":
            al = fuzz.partial_ratio_alignment(self.query, low)
            spans = [(al.dest_start, al.dest_end)] if al and al.dest_end > al.dest_start else []
            if len(self.query) > len(low):  # the item was aligned inside the query
                spans = [(0, len(low))]
        else:
            spans = self._word_spans(low)
        end = len(text) if limit_to is None else limit_to
        spans = [(max(0, s), min(e, end)) for s, e in spans if s < end and e > s]
        return best, spans

    def _score(self, low: str) -> tuple[float, str]:
        if not self.query.strip() or not low:
            return 0.0, "contiguous"
        pr = fuzz.partial_ratio(self.query, low)
        cover = min(1.0, len(low) / self.qlen)
        contiguous = pr * (0.5 + 0.5 * cover)
        if len(self.qwords) < 2 or contiguous >= 100.0:
            return contiguous, "contiguous"
        words = self._words_score(low) * WORDS_WEIGHT
        return (contiguous, "contiguous") if contiguous >= words else (words, "words")

    def _item_words(self, low: str) -> list[str]:
        return _WORD.findall(low if low.isascii() else fold(low))

    def _words_score(self, low: str) -> float:
        item_words = self._item_words(low)
        if not item_words:
            return 0.0
        total = weight = 0.0
        last = len(self.qwords) - 1
        for i, w in enumerate(self.qwords):
            best = process.extractOne(w, item_words, scorer=fuzz.ratio)
            s = best[1] if best else 0.0
            if i == last and self.prefix_last and s < 100.0:
                if any(iw.startswith(w) for iw in item_words):
                    s = 100.0
            total += s * len(w)
            weight += len(w)
        return total / weight if weight else 0.0

    def _word_spans(self, low: str) -> list[tuple[int, int]]:
        spans = []
        wanted = set(self.qwords)
        for m in _WORD.finditer(low):
            word = fold(m.group()) if not m.group().isascii() else m.group()
            hit = process.extractOne(word, wanted, scorer=fuzz.ratio, score_cutoff=WORD_MATCH)
            if hit or (self.prefix_last and word.startswith(self.qwords[-1])):
                spans.append((m.start(), m.end()))
        return spans
