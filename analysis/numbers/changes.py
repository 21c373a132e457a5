"""Figures written in two parts that are one fact (SPEC §2): a change and compound amounts.

* A change is not a range: "rose from 14 to 31", "increasing the toll from fourteen to 31",
  "fell from 5% to 3%", "reduced the stations from 180 to 5" are one fact whose ``value`` is the
  new figure and ``value_from`` the old one. A change is read when a change verb ("rose",
  "increased", "cut" ...) stands in the clause just before "from"; "ranging in age from 11 to
  75" stays a range.
* "six feet five inches", "8 lb 3 oz": one measurement in the first unit.
* "hundreds of thousands" (of federal workers): one vague amount, like "tens of thousands".

Runs on the text-only candidates of ``spans.find_candidates``, after each was read alone.
"""

from __future__ import annotations

import re

from analysis.numbers.candidate import Candidate
from analysis.numbers.patterns import WS
from analysis.numbers.values import tidy

# A change verb (or noun) in the words before "from": at most this many characters before it.
CHANGE_REACH = 60
_CHANGE = re.compile(
    r"\b(?:r[io]se[ns]?|rising|increas\w*|fell|fall(?:s|en|ing)?|drop\w*|climb\w*|jump\w*|"
    r"gr[eo]w[ns]?|growing|declin\w*|surg\w*|soar\w*|plung\w*|(?:went|gone|going|goes|go)"
    rf"{WS}+(?:up|down)|rais\w*|cut(?:s|ting)?|reduc\w*|lower\w*|boost\w*|doubl\w*|tripl\w*|"
    r"halv\w*|revis\w*|upgrad\w*|downgrad\w*|shr[aiu]nk\w*|slash\w*|hik\w*|expand\w*|swell\w*|"
    r"swollen|spik\w*|sank|sunk|sink\w*|tumbl\w*|dipp\w*|dips?|edged|chang\w*|adjust\w*)\b",
    re.IGNORECASE,
)
# Words between the change word and "from" stay in one clause (no sentence or clause break).
_BREAK = re.compile(r"[.;:!?\n]|,\s+(?:and|but|while)\b")
_FROM_BEFORE = re.compile(rf"\bfrom{WS}+$", re.IGNORECASE)
# Between the two figures of a change: "to", with at most two words first ("five people to").
_TO_BETWEEN = re.compile(rf"^(?:{WS}+[A-Za-z][\w-]*){{0,2}}{WS}+to{WS}+$", re.IGNORECASE)
_SUB_UNITS = {("ft", "in"): 12, ("lb", "oz"): 16}
_AND_BETWEEN = re.compile(rf"^(?:,?{WS}+and)?{WS}+$", re.IGNORECASE)
_OF_SCALE = re.compile(rf"{WS}+of{WS}+(?P<w>thousands|millions|billions)\b", re.IGNORECASE)


def is_change(text: str, from_start: int) -> bool:
    """Whether the "from" at ``from_start`` follows a change word in its clause."""
    lo = max(0, from_start - CHANGE_REACH)
    before = text[lo:from_start]
    cut = max((m.end() for m in _BREAK.finditer(before)), default=0)
    return _CHANGE.search(before, cut) is not None


def join_parts(text: str, cands: list[Candidate]) -> list[Candidate]:
    """The candidates with changes and compound amounts made one fact each (in place, in order)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and _joined(text, prev, c):
            continue
        if c.qualifier == "range" and c.kind in ("count", "money", "percent", "measurement"):
            _range_to_change(text, c)
        out.append(c)
    return out


def vague_of_scale(text: str, c: Candidate) -> bool:
    """ "hundreds of thousands": widen the vague amount ``c`` over "of thousands"."""
    m = _OF_SCALE.match(text, c.end)
    if not m:
        return False
    c.end, c.qualifier = m.end(), m.group("w").lower()
    return True


def _range_to_change(text: str, c: Candidate) -> None:
    """ "rose from 14 to 31" was read as the range 14-31: make it the change 14 -> 31."""
    if text[c.start:c.start + 4].lower() != "from" or c.value_max is None:
        return
    if not is_change(text, c.start):
        return
    c.value_from, c.value, c.value_max, c.qualifier = c.value, c.value_max, None, "exact"


def _joined(text: str, a: Candidate, b: Candidate) -> bool:
    """Merge ``b`` into ``a`` when the two are one change or one compound amount."""
    between = text[a.end:b.start]
    per = _SUB_UNITS.get((a.unit or "", b.unit or ""))
    if (per and a.kind == b.kind == "measurement" and a.value_max is None
            and b.value_max is None and isinstance(a.value, int | float)
            and isinstance(b.value, int | float) and _AND_BETWEEN.match(between)):
        a.value, a.end = tidy(round(float(a.value) + float(b.value) / per, 4)), b.end
        return True
    if (a.kind != b.kind or a.kind not in ("count", "money", "percent", "measurement")
            or a.value_max is not None or b.value_max is not None or a.value is None
            or b.value is None or not _TO_BETWEEN.match(between)):
        return False
    if a.kind != "count" and a.unit != b.unit and b.unit is not None:
        return False
    m = _FROM_BEFORE.search(text, max(0, a.start - 8), a.start)
    if not m or not is_change(text, m.start()):
        return False
    a.value_from, a.value = a.value, b.value
    words = between.split()[:-1]  # "from five people to six": the noun between counts
    if a.kind == "count" and words and a.counted is None:
        a.counted = words[-1]
    a.start, a.end = m.start(), b.end
    a.qualifier = b.qualifier
    a.unit = b.unit or a.unit
    return True
