"""Compiled regular expressions: number cores found in one pass, and anchored context patterns.

A *core* is the number itself ("400", "1.2 million", "twenty-one", "January 4, 2019", "3:30am").
The extractor then widens each core with anchored matches on the text around it: qualifiers and
currency symbols on the left; scales, units, percent signs and range ends on the right.
"""

from __future__ import annotations

import re

from analysis.numbers.lexicon import (
    CARDINALS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    FRACTIONS,
    MEASURE_UNITS,
    MONTHS,
    ORDINALS,
    QUALIFIER_ADVERBS,
    QUALIFIERS,
    SCALES,
    TIME_UNITS,
)


def _alt(words: object) -> str:
    """A regex alternation of words, longest first, escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_WORD = f"(?:{_alt(CARDINALS + list(SCALES) + ['dozen'])})"
_SEP = r"(?:-|[ \t]+|(?:(?<=hundred)|(?<=thousand))[ \t]+and[ \t]+)"
NUMBER_WORDS = rf"(?:{_WORD}(?:{_SEP}{_WORD})*)\b"
_MONTH = rf"(?-i:(?:{_alt(m.capitalize() for m in MONTHS)})\b\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[0-9]|20)\d\d\b"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_AMPM = r"(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[ap]\.m\b)"
_ORD_WORDS = _alt(ORDINALS)
_FRAC = _alt(FRACTIONS)
_CARD = _alt(CARDINALS)
# "a second" is usually the ordinal ("a second man"), so it is not read as one time unit.
_ONE_UNITS = _alt(u for u in TIME_UNITS if not u.startswith("second"))

# Alternatives are tried in order at each position: more specific forms first.
CORE = re.compile(
    rf"""
    (?P<date>
        {_MONTH}[ \t]+{_DAY}(?:[ \t]*,[ \t]*|[ \t]+){_YEAR}
      | {_DAY}[ \t]+(?:of[ \t]+)?{_MONTH},?[ \t]+{_YEAR}
      | {_MONTH},?[ \t]+{_YEAR}
      | {_MONTH}[ \t]+{_DAY}(?![,.]?\d|:)
      | \b{_DAY}[ \t]+(?:of[ \t]+)?{_MONTH}
      | (?<![\w.,/-])(?:1[0-9]|20)\d\d-[01]\d-[0-3]\d\b
    )
  | (?P<time>
        (?<![\w.,:/-])(?:[01]?\d|2[0-3])[:.][0-5]\d[ \t]*{_AMPM}
      | (?<![\w.,:/-])(?:[01]?\d|2[0-3]):[0-5]\d\b(?!:\d)
      | (?<![\w.,:/-])(?:1[0-2]|0?[1-9])[ \t]*{_AMPM}
      | (?<![\w.,:/-])(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]*(?:UTC|GMT|hrs\b|hours[ \t]+(?:UTC|GMT)))
    )
  | (?P<decade>(?<![\w.,/-])(?:1[0-9]|20)\d0s\b|(?<![\w])['’]\d0s\b)
  | (?P<dash>(?<![\w.,/-]){_DIGITS}[ \t]*[–—-][ \t]*{_DIGITS}(?![\w/-]|[.,]\d))
  | (?P<ordinal>
        (?<![\w.,/-])\d+(?:st|nd|rd|th)\b
      | \b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:{_ORD_WORDS})\b
    )
  | (?P<fraction>\b(?:{_CARD}|an?)[ \t-](?:{_FRAC})\b(?![ \t-]+(?:of[ \t]+)?(?:century|centuries)))
  | (?P<vague>\b(?:dozens|hundreds|thousands|millions|billions|several|a[ \t]+couple)\b)
  | (?P<digits>(?<![\w.,/-]){_DIGITS}(?![\d/_]|[.,]\d|-(?-i:[A-Z])|:\d))
  | (?P<words>\b(?:an?[ \t]+(?=hundred|thousand|million|billion|dozen)|){NUMBER_WORDS})
  | (?P<half>\bhalf\b)
  | (?P<one_unit>\ban?(?=[ \t]+(?:{_ONE_UNITS}|kilomet(?:re|er)|mile|hectare|metre|meter)\b))
    """,
    re.IGNORECASE | re.VERBOSE,
)

_QUAL = _alt(QUALIFIERS)
# One or two qualifiers immediately before the core ("at least about", "just over").
QUALIFIER_BEFORE = re.compile(
    rf"(?:\b(?:{_alt(QUALIFIER_ADVERBS)})[ \t]+)?\b(?P<q>{_QUAL})[ \t]+"
    rf"(?:(?:{_QUAL})[ \t]+)?$",
    re.IGNORECASE,
)
MANY_BEFORE = re.compile(r"\b(?:many|several|tens[ \t]+of|hundreds[ \t]+of)[ \t]+$", re.I)
_CUR_SYM = _alt(CURRENCY_SYMBOLS)
CURRENCY_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<sym>{_CUR_SYM})|\b(?P<code>[A-Z]{{3}})[ \t]?)$"
)
RANGE_START_BEFORE = re.compile(r"\b(?P<w>between|from)[ \t]+$", re.IGNORECASE)
SCALE_NAME_BEFORE = re.compile(r"\b(?P<w>magnitude|category|stage)[ \t-]+$", re.IGNORECASE)

# Right-hand context, anchored at the end of the core.
SCALE_AFTER = re.compile(rf"[ \t]+(?P<w>{_alt(SCALES)})\b", re.IGNORECASE)
MONEY_SCALE_AFTER = re.compile(r"[ \t]?(?P<w>bn|mn|mln|m|k|tn|trn|b)\b(?![.]\w)", re.IGNORECASE)
ATTACHED_SCALE = re.compile(rf"(?P<n>{_DIGITS})(?P<w>bn|mn|mln|m|k|tn|trn|b)$", re.IGNORECASE)
PERCENT_AFTER = re.compile(r"(?:[ \t]?%|[ \t]+per[ \t]?cent\b|[ \t]+pc\b|[ \t]+percent\b)", re.I)
CURRENCY_AFTER = re.compile(
    rf"[ \t]+(?P<w>{_alt(CURRENCY_WORDS)})\b|[ \t]+(?P<code>[A-Z]{{3}})\b", re.IGNORECASE
)
AGE_AFTER = re.compile(
    r"(?:[ \t]*-[ \t]*(?:years?|yrs?)[ \t]*-[ \t]*old\b|[ \t]+(?:years?|yrs?)[ \t]+old\b"
    r"|-(?:month|week|day)s?-old\b)",
    re.IGNORECASE,
)
TIME_UNIT_AFTER = re.compile(rf"(?:[ \t]*-[ \t]*|[ \t]+)(?P<w>{_alt(TIME_UNITS)})\b", re.I)
MEASURE_AFTER = re.compile(
    rf"(?:[ \t]*-[ \t]*|[ \t]*)(?P<w>{_alt(MEASURE_UNITS)})(?![\w°/])", re.IGNORECASE
)
MAGNITUDE_AFTER = re.compile(r"(?:[ \t]*-[ \t]*|[ \t]+)magnitude\b", re.IGNORECASE)
HYPHEN_NOUN_AFTER = re.compile(r"-(?P<w>[a-z]+)\b(?!-)")
OR_MORE_AFTER = re.compile(r"(?:[ \t]+[a-z]+)?[ \t]+or[ \t]+(?:more|over|above)\b", re.I)
OR_SO_AFTER = re.compile(r"[ \t]+or[ \t]+so\b", re.IGNORECASE)
# The second end of a range: "to 15", "and $7", "or fifty", "–17".
RANGE_END_AFTER = re.compile(
    rf"(?:[ \t]*[–—-][ \t]*|[ \t]+(?P<w>to|and|or|through)[ \t]+)"
    rf"(?P<cur>{_CUR_SYM})?(?P<n>{_DIGITS}|{NUMBER_WORDS})(?![\w:.,]\d|:)",
    re.IGNORECASE,
)
DAY_RANGE_END_AFTER = re.compile(
    rf"(?:[ \t]*[–—-][ \t]*|[ \t]+(?:to|and|through|until)[ \t]+)(?P<d>{_DAY})(?![,.]?\d|:)"
    rf"(?:,?[ \t]+(?P<y>{_YEAR}))?",
)
TIME_RANGE_END_AFTER = re.compile(
    rf"[ \t]+(?:to|and|until)[ \t]+(?P<t>(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?[ \t]*{_AMPM})",
    re.IGNORECASE,
)
YEAR_RANGE_END_AFTER = re.compile(rf"(?:[ \t]*[–—-][ \t]*|[ \t]+(?:to|and|until)[ \t]+)(?P<y>{_YEAR})")
POINTS_TO_AFTER = re.compile(rf"[ \t]+points?[ \t]+to[ \t]+(?P<n>{_DIGITS})\b", re.IGNORECASE)

PHONE = re.compile(r"(?<!\d)(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)")
STREET_AFTER = re.compile(
    r"[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive"
    r"|Way|Place|Square)\b"
)
LIST_MARKER_AFTER = re.compile(r"[.)][ \t]")
AGE_BEFORE = re.compile(r"\b(?:aged|age[ \t]+of|ages[ \t]+of|ages|in[ \t]+age|age)[ \t]+$", re.I)
