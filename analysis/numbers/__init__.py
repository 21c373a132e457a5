"""Number facts: counts, money, percentages, ages, dates, durations, ordinals, measurements.

Design: one compiled regex pass finds number *cores* and widens them with qualifiers, units and
range ends (``spans``); the spaCy parse then drops numbers inside names and pronoun uses, spots
bare ages and reads the counted noun (``filters``, ``counted``). Values come from ``values``
(digits, text2num for number words, fractions) and ``dates`` (ISO dates and times).
"""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.doctext import doc_text
from analysis.model import Article, NumberFact
from analysis.numbers.candidate import Candidate
from analysis.numbers.counted import counted_by_state, counted_for_age, counted_for_count
from analysis.numbers.filters import is_excluded, looks_like_age, span_of, year_counts_plural
from analysis.numbers.spans import find_candidates

__all__ = ["extract_numbers"]

# How far back (characters) an elided count may borrow the noun counted just before it.
_ELIDED_WINDOW = 200


def extract_numbers(doc: Doc, article: Article) -> list[NumberFact]:
    """Number facts of one parsed article, in article order, non-overlapping."""
    text = doc_text(doc)
    if not text:
        return []
    facts: list[NumberFact] = []
    last_counted: tuple[int, str] | None = None
    for c in find_candidates(text, article.date):
        span = span_of(doc, c)
        if span is None or len(span) == 0:
            continue
        if is_excluded(c, span, text):
            continue
        if year_counts_plural(c, span, text):
            c.kind, c.value = "count", int(c.value)
        if looks_like_age(c, span, text):
            c.kind, c.unit = "age", "years"
        if c.kind == "age" and c.counted is None:
            c.counted = counted_for_age(span, single=c.value_max is None)
        elif c.kind == "count" and c.counted is None:
            c.counted = counted_for_count(span)
            if (
                c.counted is None
                and c.value is not None
                and last_counted is not None
                and c.start - last_counted[0] < _ELIDED_WINDOW
            ):
                c.counted = last_counted[1]
            if c.counted is None:
                c.counted = counted_by_state(span)
        if c.kind == "count" and c.counted and not c.hyphen_noun:
            # "a ten-storey building" describes the building: later elided counts ("39 are
            # dead") do not count storeys.
            last_counted = (c.end, c.counted)
        facts.append(_fact(text, c))
    return facts


def _fact(text: str, c: Candidate) -> NumberFact:
    return NumberFact(
        start=c.start,
        end=c.end,
        text=text[c.start : c.end],
        value=c.value,
        qualifier=c.qualifier,
        value_max=c.value_max,
        value_from=c.value_from,
        kind=c.kind,
        unit=c.unit,
        counted=c.counted,
    )
