"""Find number-fact spans in text and normalise them (text only; the parse is used afterwards)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.numbers import patterns as P
from analysis.numbers.dates import date_value, relative_value, time_value, weekday_value
from analysis.numbers.lexicon import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MEASURE_UNITS,
    MONEY_SCALES,
    ORDINALS,
    QUALIFIERS,
    SCALES,
    TIME_UNITS,
    VAGUE,
    WEEKDAYS,
    iso_currency_codes,
)
from analysis.numbers.patterns import WS
from analysis.numbers.values import (
    parse_fraction,
    parse_number,
    parse_ordinal,
    tidy,
)

_LOOKBACK = 40
_AND_A_HALF = re.compile(rf"{WS}+and{WS}+a{WS}+half\b", re.IGNORECASE)
_HALF_NEXT = re.compile(rf"{WS}+(?:an?|of){WS}", re.IGNORECASE)
_HALF_A_UNIT = re.compile(rf"{WS}+an?(?={WS}+\w)", re.IGNORECASE)
_GLUED_AFTER = re.compile(r"-[A-Za-z]")
_REL_YEAR_AFTER = re.compile(rf",?{WS}+(?P<w>(?:last|this|next){WS}+year)\b", re.IGNORECASE)
_COUPLE_NEXT = re.compile(rf"{WS}+(?:of|more)\b|{WS}*(?:[.,;:!?)\]\"”’'—–-]|$)")
# Words before a year-like number that make it a year ("the 2020 polls", "in 2019 elections").
YEAR_CUE_BEFORE = re.compile(
    rf"\b(?:in|since|the|of|by|until|from|to|before|after|during|its|their|his|her|'s){WS}+$",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE_DATE = re.compile(rf",?{WS}+(?:the{WS}+)?(?:\d{{1,2}}\b|[A-Z][a-z]+\.?{WS}+\d)")
# After "a third"/"a fifth", these make it a fraction rather than an ordinal ("a third person").
_FRACTION_NEXT = re.compile(
    r"[ \t\u00a0\u202f]+(?:of|part|share|portion|less|more|fewer|as|century|mile|kilomet)\b", re.I
)
_CASED_UNITS = frozenset({"MW", "GW", "kW", "kWh", "°C", "°F", "km/h"})
_YEARISH = re.compile(r"^(?:1[1-9]|20)\d\d$")


@dataclass(slots=True)
class Candidate:
    """A number fact before parse-based checks: ``core`` is the number itself inside the span."""

    start: int
    end: int
    core_start: int
    core_end: int
    source: str  # which CORE alternative found it
    value: object = None
    value_max: object = None
    qualifier: str = "exact"
    kind: str = "count"
    unit: str | None = None
    counted: str | None = None
    needs_head: bool = False  # "an hour": keep only when qualified or an object
    hyphen_noun: bool = False


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
        _date_range(text, c)
        _relative_year(text, c, date)
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
        _time_range(text, c)
    elif src == "decade":
        digits = re.sub(r"\D", "", core)
        if len(digits) == 4:
            c.kind, c.value, c.value_max = "date", digits, str(int(digits) + 9)
            c.qualifier = "range"
        else:
            c.kind, c.value = "date", None
    elif src == "dash":
        if not _dash(text, c, core):
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
        if not _fraction_context(text, c, core):
            return None
    elif src == "half":
        qualified = P.QUALIFIER_BEFORE.search(text, max(0, c.start - _LOOKBACK), c.start)
        if not (_HALF_NEXT.match(text, c.end) or qualified):
            return None  # "the first half", "half-brother"
        c.kind, c.value = "other", 0.5
        um = _HALF_A_UNIT.match(text, c.end)
        if um:
            unit_m = _unit_at(text, um.end())
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
        else:
            c.qualifier = VAGUE[low]
            many = P.MANY_BEFORE.search(text, max(floor, c.start - _LOOKBACK), c.start)
            if many:
                c.start = many.start()
        return c
    elif src == "one_unit":
        unit_m = _unit_at(text, c.end)
        if not unit_m:
            return None
        c.value, c.end, c.kind, c.unit = 1, c.end + unit_m[0], unit_m[1], unit_m[2]
        _and_a_half(text, c)
        c.needs_head = True
    else:  # digits / words
        if not _plain(text, c, core):
            return None
    _qualify(text, c, floor)
    if c.needs_head and c.qualifier != "exact":
        c.needs_head = False
    return c


def _fraction_context(text: str, c: Candidate, core: str) -> bool:
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


def _plain(text: str, c: Candidate, core: str) -> bool:
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
        u = _unit_at(text, c.end, attached=True)
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
        _unit_after(text, c)
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


def _unit_after(text: str, c: Candidate) -> None:
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
    u = _unit_at(text, end)
    if u:
        c.end, c.kind, c.unit = end + u[0], u[1], u[2]
        _and_a_half(text, c)
        return
    m = P.MAGNITUDE_AFTER.match(text, end)
    if m:
        c.kind, c.unit, c.end = "measurement", "magnitude", m.end()
        return
    m = P.HYPHEN_NOUN_AFTER.match(text, end)
    if m:
        c.end, c.counted, c.hyphen_noun = m.end(), m.group("w"), True


def _and_a_half(text: str, c: Candidate) -> None:
    """ "an hour and a half" -> 1.5 hours."""
    m = _AND_A_HALF.match(text, c.end)
    if m and c.kind == "duration" and isinstance(c.value, (int, float)):
        c.value, c.end = tidy(float(c.value) + 0.5), m.end()


def _unit_at(text: str, pos: int, attached: bool = False) -> tuple[int, str, str] | None:
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


def _qualify(text: str, c: Candidate, floor: int) -> None:
    """Qualifier words and scale names before the span."""
    lo = max(floor, c.start - _LOOKBACK)
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


def _date_range(text: str, c: Candidate) -> None:
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


def _relative_year(text: str, c: Candidate, date: str | None) -> None:
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


def _time_range(text: str, c: Candidate) -> None:
    m = P.TIME_RANGE_END_AFTER.match(text, c.end)
    if not m:
        return
    rs = P.RANGE_START_BEFORE.search(text, max(0, c.start - 10), c.start)
    if not rs:
        return
    c.value_max, c.qualifier = time_value(m.group("t")), "range"
    c.end, c.start = m.end(), rs.start()


def _dash(text: str, c: Candidate, core: str) -> bool:
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
        _unit_after(text, c)
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
            _unit_after(text, c)
    else:
        c.kind = "other"
    return True
