"""ISO values of written dates and times: "January 4, 2019" -> "2019-01-04", "2 p.m." -> "14:00"."""

from __future__ import annotations

import datetime as dt
import re

from analysis.numbers.lexicon import MONTHS, WEEKDAYS

_MONTH = r"(?P<mon>[A-Za-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_DATE_FORMS = [
    re.compile(rf"^{_MONTH}\s+{_DAY}\s*,?\s*{_YEAR}$"),
    re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}$"),
    re.compile(rf"^{_MONTH},?\s+{_YEAR}$"),
    re.compile(rf"^{_MONTH}\s+{_DAY}$"),
    re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH}$"),
    re.compile(rf"^{_YEAR}-(?P<mnum>\d\d)-(?P<day>\d\d)$"),
]
_TIME = re.compile(
    r"^(?P<h>\d{1,2})(?:[:.](?P<m>\d\d))?\s*(?P<ap>[ap])?\.?(?:m\.?)?$", re.IGNORECASE
)
_HHMM = re.compile(r"^(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)$")


def date_value(text: str) -> str | None:
    """ISO value of a written date: full date, "YYYY-MM", bare year or "--MM-DD" without a year."""
    t = text.strip()
    if re.fullmatch(r"\d{4}", t):
        return t
    for form in _DATE_FORMS:
        m = form.match(t)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["mnum"]) if g.get("mnum") else MONTHS.get((g.get("mon") or "").lower())
        if not month or not 1 <= month <= 12:
            return None
        day = int(g["day"]) if g.get("day") else None
        year = g.get("year")
        if day is not None and not 1 <= day <= 31:
            return None
        if year and day:
            return f"{year}-{month:02d}-{day:02d}"
        if year:
            return f"{year}-{month:02d}"
        return f"--{month:02d}-{day:02d}"
    return None


def time_value(text: str) -> str | None:
    """ "5:03 AM" -> "05:03", "2 p.m." -> "14:00", "0030" (before UTC) -> "00:30"."""
    t = text.strip()
    m = _HHMM.match(t)
    if m:
        return f"{m['h']}:{m['m']}"
    m = _TIME.match(t)
    if not m:
        return None
    h, mins = int(m["h"]), int(m["m"] or 0)
    ap = (m["ap"] or "").lower()
    if ap == "p" and h < 12:
        h += 12
    elif ap == "a" and h == 12:
        h = 0
    if h > 23 or mins > 59:
        return None
    return f"{h:02d}:{mins:02d}"


def weekday_value(word: str, article_date: str | None) -> str | None:
    """The date of the most recent such weekday on or before the article date."""
    base = _parse_iso(article_date)
    w = word.lower()
    if base is None or w not in WEEKDAYS:
        return None
    back = (base.weekday() - WEEKDAYS.index(w)) % 7
    return (base - dt.timedelta(days=back)).isoformat()


def relative_value(phrase: str, article_date: str | None) -> str | None:
    """ "yesterday", "today", "last year", "this year" ... resolved against the article date."""
    base = _parse_iso(article_date)
    if base is None:
        return None
    p = " ".join(phrase.lower().split())
    if p == "today":
        return base.isoformat()
    if p == "yesterday":
        return (base - dt.timedelta(days=1)).isoformat()
    if p == "tomorrow":
        return (base + dt.timedelta(days=1)).isoformat()
    if p == "last year":
        return str(base.year - 1)
    if p == "this year":
        return str(base.year)
    if p == "next year":
        return str(base.year + 1)
    return None


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
