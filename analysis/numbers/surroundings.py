"""What the words around a number add to its span: units after it, qualifiers before it,
date and time ranges, "last year", "and a half"."""

from __future__ import annotations

import re

from analysis.numbers import patterns as P
from analysis.numbers.candidate import Candidate
from analysis.numbers.dates import relative_value, time_value
from analysis.numbers.lexicon import (
    CURRENCY_WORDS,
    MEASURE_UNITS,
    ORDINALS,
    QUALIFIERS,
    SCALES,
    TIME_UNITS,
    iso_currency_codes,
)
from analysis.numbers.patterns import WS
from analysis.numbers.values import tidy

# How far before a number (characters) its qualifier words are looked for.
LOOKBACK = 40
_AND_A_HALF = re.compile(rf"{WS}+and{WS}+a{WS}+half\b", re.IGNORECASE)
_REL_YEAR_AFTER = re.compile(rf",?{WS}+(?P<w>(?:last|this|next){WS}+year)\b", re.IGNORECASE)
# After "a third"/"a fifth", these make it a fraction rather than an ordinal ("a third person").
_FRACTION_NEXT = re.compile(
    r"[ \t\u00a0\u202f]+(?:of|part|share|portion|less|more|fewer|as|century|mile|kilomet)\b", re.I
)
_CASED_UNITS = frozenset({"MW", "GW", "kW", "kWh", "°C", "°F", "km/h"})


def fraction_context(text: str, c: Candidate, core: str) -> bool:
    """ "a quarter million" (a count), "a third person" (an ordinal), "a third of" (a fraction)."""
    sm = P.SCALE_AFTER.match(text, c.end)
    if sm:
        c.value = tidy(float(c.value) * SCALES[sm.group("w").lower()])
        c.kind, c.end = "count", sm.end()
        return True
    words = core.lower().split()
    if words[0] in ("a", "an") and words[-1] in ORDINALS and not _FRACTION_NEXT.match(text, c.end):
        c.kind, c.value = "ordinal", ORDINALS[words[-1]]
        c.start = c.core_start = c.end - len(core.split()[-1])
    return True


def unit_after(text: str, c: Candidate) -> None:
    """Percent, currency word, age, duration, measurement or hyphenated noun after the number."""
    plus = P.PLUS_AFTER.match(text, c.end)
    if plus:  # "15-plus years", "65+": a lower bound
        c.qualifier, c.end = "at least", plus.end()
    end = c.end
    m = P.PERCENT_AFTER.match(text, end)
    if m:
        c.kind, c.unit, c.end = "percent", "%", m.end()
        return
    m = P.CURRENCY_AFTER.match(text, end)
    if m:
        if m.group("w"):
            c.kind, c.unit, c.end = "money", CURRENCY_WORDS[m.group("w").lower()], m.end()
            return
        code = m.group("code")
        if code and code.isupper() and code in iso_currency_codes():
            c.kind, c.unit, c.end = "money", code, m.end()
            return
    m = P.AGE_AFTER.match(text, end)
    if m:
        c.kind, c.end = "age", m.end()
        word = m.group().lower()
        c.unit = (
            "months"
            if "month" in word
            else "weeks"
            if "week" in word
            else ("days" if "day" in word else "years")
        )
        return
    u = unit_at(text, end)
    if u:
        c.end, c.kind, c.unit = end + u[0], u[1], u[2]
        and_a_half(text, c)
        return
    m = P.MAGNITUDE_AFTER.match(text, end)
    if m:
        c.kind, c.unit, c.end = "measurement", "magnitude", m.end()
        return
    m = P.HYPHEN_NOUN_AFTER.match(text, end)
    if m:
        c.end, c.counted, c.hyphen_noun = m.end(), m.group("w"), True


def and_a_half(text: str, c: Candidate) -> None:
    """ "an hour and a half" -> 1.5 hours."""
    m = _AND_A_HALF.match(text, c.end)
    if m and c.kind == "duration" and isinstance(c.value, (int, float)):
        c.value, c.end = tidy(float(c.value) + 0.5), m.end()


def unit_at(text: str, pos: int, attached: bool = False) -> tuple[int, str, str] | None:
    """(length, kind, unit) of a time or measure unit starting at ``pos``."""
    m = P.TIME_UNIT_AFTER.match(text, pos)
    if m and not attached:
        return m.end() - pos, "duration", TIME_UNITS[m.group("w").lower()]
    m = P.MEASURE_AFTER.match(text, pos)
    if m and (not attached or m.start("w") == pos):
        word = m.group("w")
        if attached and not word.islower() and word not in _CASED_UNITS:
            return None  # "5G", "4K": names, not units
        if word.lower() in ("m", "g") and not attached:
            # A lone "m"/"g" after a space is rarely a unit in prose ("5 m" is ambiguous).
            nxt = text[m.end() : m.end() + 1]
            if nxt.isalpha():
                return None
        return m.end() - pos, "measurement", MEASURE_UNITS[word.lower()]
    return None


def qualify(text: str, c: Candidate, floor: int) -> None:
    """Qualifier words and scale names before the span."""
    lo = max(floor, c.start - LOOKBACK)
    sn = P.SCALE_NAME_BEFORE.search(text, lo, c.start)
    if sn and c.kind in ("count", "other") and c.value_max is None:
        c.kind, c.unit, c.start = "measurement", sn.group("w").lower(), sn.start()
        return
    qm = P.QUALIFIER_BEFORE.search(text, lo, c.start)
    if not qm:
        return
    word = " ".join(qm.group("q").lower().split())
    if word in ("over", "under") and c.kind == "duration" and qm.start() == qm.start("q"):
        return  # "over three days" is a period; "somewhat over a year" a bound
    if word == "some" and c.kind == "date":
        return
    if c.qualifier != "range":
        c.qualifier = QUALIFIERS.get(word, "exact")
    c.start = qm.start()


def date_range(text: str, c: Candidate) -> None:
    """ "May 24 to 26": a date range within one month."""
    v = c.value
    if not isinstance(v, str) or not v.startswith("--"):
        return
    m = P.DAY_RANGE_END_AFTER.match(text, c.end)
    if not m:
        return
    day = int(re.sub(r"\D", "", m.group("d")))
    if day <= int(v[-2:]):
        return
    year = m.group("y")
    if year:
        c.value, c.value_max = f"{year}{v[1:]}", f"{year}{v[1:-2]}{day:02d}"
    else:
        c.value_max = f"{v[:-2]}{day:02d}"
    c.qualifier, c.end = "range", m.end()
    rs = P.RANGE_START_BEFORE.search(text, max(0, c.start - 10), c.start)
    if rs:
        c.start = rs.start()


def relative_year(text: str, c: Candidate, date: str | None) -> None:
    """ "Feb 24 last year": the year comes from the article date."""
    m = _REL_YEAR_AFTER.match(text, c.end)
    if not m or not isinstance(c.value, str) or not c.value.startswith("--"):
        return
    year = relative_value(m.group("w"), date)
    c.end = m.end()
    if year:
        c.value = f"{year}{c.value[1:]}"
        if isinstance(c.value_max, str) and c.value_max.startswith("--"):
            c.value_max = f"{year}{c.value_max[1:]}"


def time_range(text: str, c: Candidate) -> None:
    """ "from 9:00 to 17:30": a time range."""
    m = P.TIME_RANGE_END_AFTER.match(text, c.end)
    if not m:
        return
    rs = P.RANGE_START_BEFORE.search(text, max(0, c.start - 10), c.start)
    if not rs:
        return
    c.value_max, c.qualifier = time_value(m.group("t")), "range"
    c.end, c.start = m.end(), rs.start()
