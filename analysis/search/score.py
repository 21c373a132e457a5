"""Re-scoring candidates with rapidfuzz, and the matched spans to highlight.

A candidate's score is the better of two views of the query, both 0-100:

* contiguous: the query searched within the item, as fzf-style search is judged:
  ``fuzz.partial_ratio`` (the query's best-aligned window of the item, typos allowed) for items at
  least as long as the query, ``fuzz.ratio`` for shorter ones (partial_ratio would align a short
  item inside the query, so "nine" would match "Kninear" perfectly; a short item must match the
  whole query);
* words: each query word's best ``fuzz.ratio`` against the item's words (the last word may be an
  unfinished prefix), averaged by word length and scaled by 0.95 — catches reordered words.

A quote or claim is indexed with its speaker's name after its text, so "klitchko hospitl" finds
Klitschko's words about the hospital. Its score is the better of the text's own score and the
score of text and name together scaled by ``SPEAKER_WEIGHT``: a query of the name alone still
ranks the person, and the sentences naming them, before everything they said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from analysis.search.query import fold

_WORD = re.compile(r"[^\W_]+")
# A query word needs at least this ratio against an item word to count as matched (highlight).
WORD_MATCH = 75.0
WORDS_WEIGHT = 0.95
SPEAKER_WEIGHT = 0.85


def same_length_lower(text: str) -> str:
    """``text`` lower-cased without changing its length, so positions stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@lru_cache(maxsize=32768)
def _item_words(low: str) -> tuple[str, ...]:
    """The words of a lower-cased item text (cached: the same candidates recur as one types)."""
    return tuple(_WORD.findall(fold(low)))


class Scorer:
    """Scores item texts against one query."""

    def __init__(self, query: str, prefix_last: bool) -> None:
        self.query = same_length_lower(" ".join(query.split()))
        self.qwords = [w for w in dict.fromkeys(_WORD.findall(fold(self.query))) if w]
        self.prefix_last = prefix_last and bool(self.qwords)
        self.qlen = max(1, len(self.query))

    def score_many(
        self, texts: Sequence[str], who_at: Sequence[int | None] | None = None
    ) -> list[float]:
        """The scores of many texts at once (vectorised; the same values as :meth:`score`).

        ``who_at[i]``, when not None, is where text ``i``'s speaker name starts (after a newline):
        the name counts only at ``SPEAKER_WEIGHT``.
        """
        if not texts or not self.query.strip():
            return [0.0] * len(texts)
        if who_at is None or all(at is None for at in who_at):
            return self._score_many(texts).tolist()
        own = [t if at is None else t[:at] for t, at in zip(texts, who_at, strict=True)]
        best = self._score_many(own)
        spoken = [i for i, at in enumerate(who_at) if at is not None]
        with_who = self._score_many([texts[i] for i in spoken]) * SPEAKER_WEIGHT
        best[spoken] = np.maximum(best[spoken], with_who)
        return best.tolist()

    def _score_many(self, texts: Sequence[str]) -> np.ndarray:
        lows = [same_length_lower(t) for t in texts]
        lens = np.fromiter((len(t) for t in lows), dtype=np.int64, count=len(lows))
        best = process.cdist([self.query], lows, scorer=fuzz.partial_ratio)[0]
        short = lens < self.qlen
        if short.any():
            shorts = [low for low, s in zip(lows, short, strict=True) if s]
            best[short] = process.cdist([self.query], shorts, scorer=fuzz.ratio)[0]
        if self.qwords:
            best = np.maximum(best, self._words_many(lows) * WORDS_WEIGHT)
        return np.asarray(best, dtype=np.float64)

    def _words_many(self, lows: list[str]) -> np.ndarray:
        flat: list[str] = []
        starts = np.empty(len(lows), dtype=np.int64)
        for i, low in enumerate(lows):
            starts[i] = len(flat)
            flat += self._item_words(low) or [""]
        matrix = process.cdist(self.qwords, flat, scorer=fuzz.ratio, dtype=np.float32)
        if self.prefix_last:
            last = self.qwords[-1]
            heads = [w[: len(last)] for w in flat]
            prefix = process.cdist([last], heads, scorer=fuzz.ratio, dtype=np.float32)[0]
            # A completion scores as the typed part does: "emerg" fully matches "emergency".
            matrix[-1] = np.maximum(matrix[-1], prefix)
        per_word = np.maximum.reduceat(matrix, starts, axis=1)  # (query words, texts)
        weights = np.array([len(w) for w in self.qwords], dtype=np.float64)
        return (weights @ per_word) / weights.sum()

    def score(self, text: str) -> float:
        """The 0-100 score of ``text`` (higher is better)."""
        return self._score(same_length_lower(text))[0]

    def score_and_spans(self, text: str, limit_to: int | None = None) -> tuple[float, list]:
        """The score and the matched ``(start, end)`` spans of ``text`` (clipped to limit_to)."""
        low = same_length_lower(text)
        best, how = self._score(low)
        if how == "contiguous" and len(low) < len(self.query):  # matched as a whole
            spans = [(0, len(low))]
        elif how == "contiguous":
            al = fuzz.partial_ratio_alignment(self.query, low)
            spans = [_to_words(low, al.dest_start, al.dest_end)] if al else []
        else:
            spans = self._word_spans(low)
        end = len(text) if limit_to is None else limit_to
        spans = [(max(0, s), min(e, end)) for s, e in spans if s < end and e > s]
        return best, spans

    def _score(self, low: str) -> tuple[float, str]:
        if not self.query.strip() or not low:
            return 0.0, "contiguous"
        if len(low) < len(self.query):
            contiguous = fuzz.ratio(self.query, low)
        else:
            contiguous = fuzz.partial_ratio(self.query, low)
        if not self.qwords or contiguous >= 100.0:
            return contiguous, "contiguous"
        words = self._words_score(low) * WORDS_WEIGHT
        return (contiguous, "contiguous") if contiguous >= words else (words, "words")

    @staticmethod
    def _item_words(low: str) -> list[str]:
        return list(_item_words(low))

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
                heads = [iw[: len(w)] for iw in item_words]
                s = max(s, process.extractOne(w, heads, scorer=fuzz.ratio)[1])
            total += s * len(w)
            weight += len(w)
        return total / weight if weight else 0.0

    def word_spans(self, text: str) -> list[tuple[int, int]]:
        """The spans of ``text``'s words that match a query word (typos allowed)."""
        return self._word_spans(same_length_lower(text)) if self.qwords else []

    def _word_spans(self, low: str) -> list[tuple[int, int]]:
        spans = []
        wanted = set(self.qwords)
        last = self.qwords[-1] if self.prefix_last else None
        for m in _WORD.finditer(low):
            word = fold(m.group()) if not m.group().isascii() else m.group()
            hit = process.extractOne(word, wanted, scorer=fuzz.ratio, score_cutoff=WORD_MATCH)
            # The word being typed matches the start of a word, as in scoring ("hospitl").
            if hit or (last and fuzz.ratio(word[: len(last)], last) >= WORD_MATCH):
                spans.append((m.start(), m.end()))
        return spans


def _to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start:end`` to whole words ("mergency shutdown" -> "emergency shutdowns")."""
    while start > 0 and text[start - 1].isalnum() and start < len(text) and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end
