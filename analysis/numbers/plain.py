"""Digits, number words and dashed pairs: their value, scale, currency, unit and range."""

from __future__ import annotations

import re

from analysis.numbers import patterns as P
from analysis.numbers.candidate import Candidate
from analysis.numbers.lexicon import CURRENCY_SYMBOLS, MONEY_SCALES, SCALES, iso_currency_codes
from analysis.numbers.surroundings import unit_after, unit_at
from analysis.numbers.values import parse_number, tidy

_GLUED_AFTER = re.compile(r"-[A-Za-z]")
_YEARISH = re.compile(r"^(?:1[1-9]|20)\d\d$")


def read_plain(text: str, c: Candidate, core: str) -> bool:
    """Digits or number words: value, scale, unit, kind, range."""
    value = parse_number(core)
    if value is None or core.lower() in SCALES:
        return False  # a scale word alone ("thousand") follows a number we could not read
    is_digits = core[0].isdigit()
    nxt = text[c.end : c.end + 1]
    # A currency symbol directly before the number.
    cur = P.CURRENCY_BEFORE.search(text, max(0, c.start - 6), c.start)
    currency = None
    glued = c.start > 0 and text[c.start - 1].isalpha()
    if glued and not (cur and cur.group("code") in iso_currency_codes()):
        return False
    if cur:
        if cur.group("sym"):
            currency = CURRENCY_SYMBOLS.get(cur.group("sym"))
        elif cur.group("code") in iso_currency_codes():
            currency = cur.group("code")
        if currency:
            c.start = cur.start()
    # Scales: "1.2 million", "$3.5bn".
    scale = 1.0
    sm = P.SCALE_AFTER.match(text, c.end) if is_digits else None
    if sm:
        scale = SCALES[sm.group("w").lower()]
        c.end = sm.end()
    elif is_digits:
        mm = P.MONEY_SCALE_AFTER.match(text, c.end)
        attached = mm is not None and mm.start() == c.end
        if (
            mm
            and (currency or attached)
            and not (attached and not currency and mm.group("w").lower() == "m")
        ):
            scale = MONEY_SCALES[mm.group("w").lower()]
            c.end = mm.end()
    c.value = value * scale
    if is_digits and nxt.isalpha() and c.end == c.core_end:
        # "20km" is a measurement; "2019nCoV" or "5G" are identifiers.
        u = unit_at(text, c.end, attached=True)
        if not u or u[1] == "duration":
            return False
    # Range: "10 to 15", "between $5 and $7 billion", "forty or fifty".
    rng = P.RANGE_END_AFTER.match(text, c.end)
    if rng and rng.group("w") and rng.group("w").lower() == "and":
        before = text[max(0, c.start - 10) : c.start]
        if not P.RANGE_START_BEFORE.search(before):
            rng = None
    if rng:
        hi = parse_number(rng.group("n"))
        if hi is not None:
            end2 = rng.end()
            sm2 = P.SCALE_AFTER.match(text, end2)
            hi_scale = scale
            if sm2:
                hi_scale = SCALES[sm2.group("w").lower()]
                end2 = sm2.end()
                if scale == 1.0:
                    c.value = value * hi_scale
            elif currency or rng.group("cur"):
                mm2 = P.MONEY_SCALE_AFTER.match(text, end2)
                if mm2:
                    hi_scale = MONEY_SCALES[mm2.group("w").lower()]
                    end2 = mm2.end()
                    if scale == 1.0:
                        c.value = value * hi_scale
            if scale == 1.0 and hi_scale == scale and not is_digits:
                # "five to six million": the scale written once covers both ends.
                last = rng.group("n").lower().split()[-1].split("-")[-1]
                if last in SCALES and last not in core.lower():
                    c.value = value * SCALES[last]
            hi *= hi_scale
            if _YEARISH.match(core) and _YEARISH.match(rng.group("n")) and hi > value:
                c.kind, c.value, c.value_max = "date", core, rng.group("n")
                c.qualifier, c.end = "range", end2
                rs = P.RANGE_START_BEFORE.search(text, max(0, c.start - 10), c.start)
                if rs:
                    c.start = rs.start()
                return True
            if _is_ratio(text, c, rng, value, hi, currency):
                c.kind, c.end, c.value = "other", end2, tidy(value)  # "a 2 to 1 margin"
                return True
            if hi > (c.value or 0):
                c.value_max, c.qualifier, c.end = hi, "range", end2
                if rng.group("cur") and not currency:
                    currency = CURRENCY_SYMBOLS.get(rng.group("cur"))
                rs = P.RANGE_START_BEFORE.search(text, max(0, c.start - 10), c.start)
                if rs:
                    c.start = rs.start()
    if currency:
        c.kind, c.unit = "money", currency
    else:
        unit_after(text, c)
    if c.kind == "count" and is_digits and c.value_max is None and _YEARISH.match(core):
        c.kind, c.value = "date", core
        if c.end != c.core_end:
            return False
        yr = P.YEAR_RANGE_END_AFTER.match(text, c.end)
        if (
            yr
            and (yr.group("w") or "").lower() == "and"
            and not P.RANGE_START_BEFORE.search(text, max(0, c.start - 10), c.start)
        ):
            yr = None  # "in 2000 and 2006": two years, not a range
        if yr and yr.group("y") > core:
            c.value_max, c.qualifier, c.end = yr.group("y"), "range", yr.end()
            rs = P.RANGE_START_BEFORE.search(text, max(0, c.start - 10), c.start)
            if rs:
                c.start = rs.start()
    if c.end == c.core_end and _GLUED_AFTER.match(text, c.end):
        return False  # glued to a name: "2019-nCoV"
    if c.kind == "count":
        pt = P.POINTS_TO_AFTER.match(text, c.end)
        if pt:
            c.kind, c.end = "other", pt.end()
    if c.kind in ("count", "age"):
        if P.OR_MORE_AFTER.match(text, c.end):
            c.qualifier = "at least"
        so = P.OR_SO_AFTER.match(text, c.end)
        if so:
            c.qualifier, c.end = "approximately", so.end()
    c.value, c.value_max = _tidy_value(c.value), _tidy_value(c.value_max)
    return True


def _is_ratio(
    text: str, c: Candidate, rng: re.Match[str], lo: float, hi: float, currency: str | None
) -> bool:
    """ "2 to 1", "3-to-1": a ratio or margin, not a falling range ("from 180 to 5")."""
    if currency or (rng.group("w") or "").lower() != "to" or hi > lo or lo > 100:
        return False
    return not P.RANGE_START_BEFORE.search(text, max(0, c.start - 10), c.start)


def _tidy_value(v: object) -> object:
    return tidy(v) if isinstance(v, (int, float)) else v


def read_dash(text: str, c: Candidate, core: str) -> bool:
    """ "16–17 percent" (range), "43–5" (score), "2013-2019" (years); phone-like pairs dropped."""
    parts = re.split(r"-to-|\s*[–—-]\s*", core, maxsplit=1, flags=re.I)
    if len(parts) != 2:
        return False
    a, b = parse_number(parts[0]), parse_number(parts[1])
    if a is None or b is None:
        return False
    if _YEARISH.match(parts[0]) and (_YEARISH.match(parts[1]) or len(parts[1]) == 2):
        hi = parts[1] if len(parts[1]) == 4 else parts[0][:2] + parts[1]
        c.kind, c.value, c.value_max, c.qualifier = "date", parts[0], hi, "range"
        return hi > parts[0]
    c.value = tidy(a)
    if "to" in core.lower():
        c.kind = "other"  # a vote margin: "230-to-197"
        return True
    if len(parts[0].replace(",", "")) >= 3 and len(parts[1].replace(",", "")) >= 3:
        unit_after(text, c)
        if c.kind == "count" or b <= a:
            return False  # bare pairs of long numbers are reference or phone numbers
        c.value_max, c.qualifier = tidy(b), "range"  # "200–400 hours"
        return True
    if b > a:
        c.value_max, c.qualifier = tidy(b), "range"
        cur = P.CURRENCY_BEFORE.search(text, max(0, c.start - 6), c.start)
        if cur and cur.group("sym"):
            c.kind, c.unit, c.start = "money", CURRENCY_SYMBOLS.get(cur.group("sym")), cur.start()
        else:
            unit_after(text, c)
    else:
        c.kind = "other"
    return True
