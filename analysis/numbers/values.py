"""Numeric values of number expressions: digits, number words (via text2num), scales, fractions."""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from analysis.numbers.lexicon import FRACTIONS, MONEY_SCALES, ORDINALS, SCALES

Number = int | float

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SPLIT = re.compile(r"[\s-]+")


def tidy(value: float | None) -> Number | None:
    """An int when the value is whole, else a float rounded to 4 places."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 1e18:
        return int(value)
    return round(float(value), 4)


def parse_digits(text: str) -> float | None:
    """ "1,051,635" -> 1051635.0; None when the text is not a plain digit number."""
    t = text.strip()
    if not _DIGITS.match(t):
        return None
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def parse_words(text: str) -> float | None:
    """Number words -> value: "twenty-one" -> 21, "a hundred" -> 100, "two dozen" -> 24."""
    words = [w for w in _SPLIT.split(text.strip().lower()) if w and w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an"):
        words[0] = "one"
    mult = 1.0
    if words[-1] == "dozen":
        mult = 12.0
        words = words[:-1] or ["one"]
    try:
        return float(text2num(" ".join(words), "en")) * mult
    except (ValueError, TypeError, IndexError, AttributeError):
        pass
    # text2num rejects some valid runs ("twenty four hundred"); fall back to a simple sum.
    return _sum_words(words, mult)


def _sum_words(words: list[str], mult: float) -> float | None:
    total = current = 0.0
    for w in words:
        if w in SCALES:
            scale = SCALES[w]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total += current
                current = 0.0
            continue
        try:
            current += float(text2num(w, "en"))
        except (ValueError, TypeError, IndexError, AttributeError):
            return None
    return (total + current) * mult


def parse_number(text: str) -> float | None:
    """Digits or words, with an optional scale word or abbreviation: "1.2 million", "3.5bn"."""
    t = text.strip()
    if not t:
        return None
    v = parse_digits(t)
    if v is not None:
        return v
    m = re.match(r"^(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]+)$", t)
    if m:
        base = parse_digits(m.group(1))
        word = m.group(2).lower()
        scale = SCALES.get(word) or MONEY_SCALES.get(word)
        if base is not None and scale:
            return base * scale
        return None
    return parse_words(t)


def parse_ordinal(text: str) -> int | None:
    """ "70th" -> 70, "third" -> 3, "twenty-first" -> 21."""
    t = text.strip().lower()
    m = re.match(r"^(\d+)(?:st|nd|rd|th)$", t)
    if m:
        return int(m.group(1))
    parts = t.split("-")
    if len(parts) == 2 and parts[1] in ORDINALS:
        tens = parse_words(parts[0])
        return int((tens or 0) + ORDINALS[parts[1]])
    return ORDINALS.get(t)


def parse_fraction(text: str) -> float | None:
    """ "two-thirds" -> 0.6667, "a third" -> 0.3333, "half" -> 0.5."""
    words = [w for w in _SPLIT.split(text.strip().lower()) if w]
    if not words or words[-1] not in FRACTIONS:
        return None
    denom = FRACTIONS[words[-1]]
    if len(words) == 1:
        return 1.0 / denom
    num = 1.0 if words[0] in ("a", "an") else parse_words(" ".join(words[:-1]))
    if num is None:
        return None
    return round(num / denom, 4)
