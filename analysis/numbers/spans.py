"""Find number-fact spans in text and normalise them (text only; the parse is used afterwards).

The number's own reading is in ``plain``; what the words around it add, in ``surroundings``;
the record they fill, ``candidate.Candidate``. Imports run one way: candidate <- surroundings <-
plain <- spans.
"""

from __future__ import annotations

import re

from analysis.numbers import patterns as P
from analysis.numbers.candidate import Candidate
from analysis.numbers.changes import join_parts, vague_of_scale
from analysis.numbers.dates import date_value, relative_value, time_value, weekday_value
from analysis.numbers.lexicon import CURRENCY_SYMBOLS, CURRENCY_WORDS, VAGUE, WEEKDAYS
from analysis.numbers.patterns import WS
from analysis.numbers.plain import read_dash, read_plain
from analysis.numbers.surroundings import (
    LOOKBACK,
    and_a_half,
    date_range,
    fraction_context,
    qualify,
    relative_year,
    time_range,
    unit_at,
)
from analysis.numbers.values import parse_fraction, parse_ordinal

_HALF_NEXT = re.compile(rf"{WS}+(?:an?|of){WS}", re.IGNORECASE)
_HALF_A_UNIT = re.compile(rf"{WS}+an?(?={WS}+\w)", re.IGNORECASE)
_COUPLE_NEXT = re.compile(rf"{WS}+(?:of|more)\b|{WS}*(?:[.,;:!?)\]\"”’'—–-]|$)")
# Words before a year-like number that make it a year ("the 2020 polls", "in 2019 elections").
YEAR_CUE_BEFORE = re.compile(
    rf"\b(?:in|since|the|of|by|until|from|to|before|after|during|its|their|his|her|'s){WS}+$",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE_DATE = re.compile(rf",?{WS}+(?:the{WS}+)?(?:\d{{1,2}}\b|[A-Z][a-z]+\.?{WS}+\d)")


def find_candidates(text: str, date: str | None = None) -> list[Candidate]:
    """All non-overlapping number-fact candidates of a text, in order.

    ``date`` (ISO, the article's date) resolves weekday names and "yesterday", "last year".
    """
    masked = _masked_ranges(text)
    out: list[Candidate] = []
    last_end = 0
    for m in P.CORE.finditer(text):
        if m.start() < last_end or any(a <= m.start() < b for a, b in masked):
            continue
        try:
            cand = _build(text, m, last_end, date)
        except (ValueError, OverflowError, ZeroDivisionError):
            cand = None
        if cand is None:
            continue
        out.append(cand)
        last_end = cand.end
    out = join_parts(text, out)
    _local_dollar(text, out)
    return out


def _local_dollar(text: str, cands: list[Candidate]) -> None:
    """A bare "$" is USD unless the article names one other dollar and never the US one."""
    if not any(c.unit == "USD" for c in cands):
        return
    marks = {
        CURRENCY_WORDS.get(m.group().lower()) or CURRENCY_SYMBOLS.get(m.group())
        for m in P.DOLLAR_MARKS.finditer(text)
    }
    marks.discard(None)
    if len(marks) != 1 or "USD" in marks:
        return
    local = marks.pop()
    for c in cands:
        written = text[c.start : c.end]
        if c.unit == "USD" and not P.US_DOLLAR_WRITTEN.search(written):
            c.unit = local


def _masked_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in P.PHONE.finditer(text)]


def _build(text: str, m: re.Match[str], floor: int, date: str | None) -> Candidate | None:
    src = m.lastgroup or ""
    c = Candidate(m.start(), m.end(), m.start(), m.end(), src)
    core = m.group()
    if src == "date":
        c.kind, c.value = "date", date_value(core)
        date_range(text, c)
        relative_year(text, c, date)
    elif src == "clock":
        c.kind, c.value = "duration", core  # a race or elapsed time: "2:05:45"
        return c
    elif src == "rel":
        if core[0].isupper() and _WEEKDAY_BEFORE_DATE.match(text, c.end):
            return None  # "Friday, January 4, 2019": the date itself is the fact
        word = " ".join(core.split())
        c.kind = "date"
        c.value = (
            weekday_value(word, date)
            if word[0].isupper() and word.lower() in WEEKDAYS
            else relative_value(word, date)
        )
        return c
    elif src == "time":
        c.kind, c.value = "time", time_value(core)
        time_range(text, c)
    elif src == "decade":
        digits = re.sub(r"\D", "", core)
        if len(digits) == 4:
            c.kind, c.value, c.value_max = "date", digits, str(int(digits) + 9)
            c.qualifier = "range"
        else:
            c.kind, c.value = "date", None
    elif src == "dash":
        if not read_dash(text, c, core):
            return None
    elif src == "ordinal":
        c.kind, c.value = "ordinal", parse_ordinal(core)
        hy = P.HYPHEN_NOUN_AFTER.match(text, c.end)
        if c.value is None or (hy and not hy.group("w").endswith("est")):
            return None  # "third-party", "first-hand" are adjectives; "second-largest" counts
        return c
    elif src == "fraction":
        c.kind, c.value = "other", parse_fraction(core)
        if c.value is None:
            return None
        if not fraction_context(text, c, core):
            return None
    elif src == "half":
        qualified = P.QUALIFIER_BEFORE.search(text, max(0, c.start - LOOKBACK), c.start)
        if not (_HALF_NEXT.match(text, c.end) or qualified):
            return None  # "the first half", "half-brother"
        c.kind, c.value = "other", 0.5
        um = _HALF_A_UNIT.match(text, c.end)
        if um:
            unit_m = unit_at(text, um.end())
            if unit_m:  # "half a mile", "half an hour"
                c.end = um.end() + unit_m[0]
                c.kind, c.unit = unit_m[1], unit_m[2]
    elif src == "vague":
        low = " ".join(core.lower().split())
        if low == "a couple":
            if not _COUPLE_NEXT.match(text, c.end):
                return None  # "a couple from Florida": two people, not an amount
            c.value, c.qualifier = 2, "approximately"
        elif low == "several" and (sc := P.SCALE_AFTER.match(text, c.end)):
            c.qualifier, c.end = sc.group("w").lower() + "s", sc.end()  # "several thousand"
        elif not vague_of_scale(text, c):
            c.qualifier = VAGUE[low]
            many = P.MANY_BEFORE.search(text, max(floor, c.start - LOOKBACK), c.start)
            if many:
                c.start = many.start()
        return c
    elif src == "one_unit":
        unit_m = unit_at(text, c.end)
        if not unit_m:
            return None
        c.value, c.end, c.kind, c.unit = 1, c.end + unit_m[0], unit_m[1], unit_m[2]
        and_a_half(text, c)
        c.needs_head = True
    else:  # digits / words
        if not read_plain(text, c, core):
            return None
    qualify(text, c, floor)
    if c.needs_head and c.qualifier != "exact":
        c.needs_head = False
    return c
