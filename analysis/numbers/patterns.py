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


# Inline whitespace, including no-break spaces ("45\u00a0%").
WS = r"[ \t\u00a0\u202f]"
_WORD = f"(?:{_alt(CARDINALS + list(SCALES) + ['dozen'])})"
_SEP = rf"(?:-|{WS}+|(?:(?<=hundred)|(?<=thousand)){WS}+and{WS}+)"
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

# Capitals a month name starts with: month alternatives are the only ones without a leading
# \b or look-behind, so they are the only ones that may start inside a word.
_MONTH_INITIALS = "".join(sorted({m.capitalize()[0] for m in MONTHS}))
# Where a core can start at all: a digit, an apostrophe ("'90s"), the first letter of a word, or a
# month's capital. This look-ahead is implied by every alternative below (keep it so when adding
# one); it only rejects the other positions (most of them, mid-word) before the alternatives are
# tried one by one, which makes the scan about 2.5x faster with the same matches.
CORE_START = rf"(?=\d|['’]|\b[^\W\d_]|(?-i:[{_MONTH_INITIALS}]))"
# Alternatives are tried in order at each position: more specific forms first.
CORE_ALTERNATIVES = rf"""
    (?P<date>
        {_MONTH}{WS}+{_DAY}(?:{WS}*,{WS}*|{WS}+){_YEAR}
      | {_DAY}{WS}+(?:of{WS}+)?{_MONTH},?{WS}+{_YEAR}
      | {_MONTH},?{WS}+{_YEAR}
      | {_MONTH}{WS}+{_DAY}(?![,.]?\d|:\d)
      | \b{_DAY}{WS}+(?:of{WS}+)?{_MONTH}
      | (?<![\w.,/-])(?:1[0-9]|20)\d\d-[01]\d-[0-3]\d\b
    )
  | (?P<clock>(?<![\w.,:/-])\d{{1,2}}:[0-5]\d:[0-5]\d(?:\.\d+)?\b)
  | (?P<time>
        (?<![\w.,:/-])(?:[01]?\d|2[0-3])[:.][0-5]\d{WS}*{_AMPM}
      | (?<![\w.,:/-])(?:[01]?\d|2[0-3]):[0-5]\d\b(?!:\d)
      | (?<![\w.,:/-])(?:1[0-2]|0?[1-9]){WS}*{_AMPM}
      | (?<![\w.,:/-])(?:[01]\d|2[0-3])[0-5]\d(?={WS}*(?:UTC|GMT|hrs\b|hours{WS}+(?:UTC|GMT)))
    )
  | (?P<decade>(?<![\w.,/-])(?:1[0-9]|20)\d0s\b|(?<![\w])['’]\d0s\b)
  | (?P<dash>(?<![\w.,/-]){_DIGITS}(?:{WS}*[–—-]{WS}*|-to-){_DIGITS}(?![\w/-]|[.,]\d))
  | (?P<ordinal>
        (?<![\w.,/-])\d+(?:st|nd|rd|th)\b
      | \b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:{_ORD_WORDS})\b
    )
  | (?P<fraction>\b(?:{_CARD}|an?)[ \t-](?:{_FRAC})\b(?![ \t-]+(?:of{WS}+)?(?:century|centuries)))
  | (?P<vague>\b(?:dozens|hundreds|thousands|millions|billions|several|a{WS}+couple)\b)
  | (?P<digits>(?:(?<![\w.,/-])|(?<=(?-i:[A-Z]{{3}})))(?<![\d.,/-])
        {_DIGITS}(?![\d/_]|[.,]\d|-(?-i:[A-Z])|:\d))
  | (?P<words>\b(?:an?{WS}+(?=hundred|thousand|million|billion|dozen)|){NUMBER_WORDS})
  | (?P<half>\bhalf\b)
  | (?P<rel>\b(?:(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
             |yesterday|today|tomorrow|(?:last|this|next){WS}+year)\b)
  | (?P<one_unit>\ban?(?={WS}+(?:{_ONE_UNITS}|kilomet(?:re|er)|mile|hectare|metre|meter)\b))
    """
CORE = re.compile(f"{CORE_START}(?:{CORE_ALTERNATIVES})", re.IGNORECASE | re.VERBOSE)

_QUAL = _alt(QUALIFIERS)
# One or two qualifiers immediately before the core ("at least about", "just over").
QUALIFIER_BEFORE = re.compile(
    rf"(?:\b(?:{_alt(QUALIFIER_ADVERBS)}){WS}+)?\b(?P<q>{_QUAL}){WS}+"
    rf"(?:(?:{_QUAL}){WS}+)?$",
    re.IGNORECASE,
)
MANY_BEFORE = re.compile(
    rf"\b(?:many|several|tens{WS}+of|hundreds{WS}+of){WS}+$",
    re.I,
)
_CUR_SYM = _alt(CURRENCY_SYMBOLS)
# Explicit dollar names in an article ("C$", "Canadian dollars", "US$") that decide what a bare
# "$" means.
DOLLAR_MARKS = re.compile(
    r"(?<![A-Za-z])(?:US\$|U\.S\.\$|A\$|AU\$|C\$|CA\$|NZ\$|HK\$|S\$)"
    r"|\b(?:US|U\.S\.|American|Australian|Canadian|New Zealand|Hong Kong|Singapore)"
    r" dollars?\b",
    re.IGNORECASE,
)
US_DOLLAR_WRITTEN = re.compile(r"US\$|U\.S\.|\bUS\b|\bUSD\b|American", re.IGNORECASE)
CURRENCY_BEFORE = re.compile(rf"(?:(?<![A-Za-z])(?P<sym>{_CUR_SYM})|\b(?P<code>[A-Z]{{3}}){WS}?)$")
RANGE_START_BEFORE = re.compile(rf"\b(?P<w>between|from){WS}+$", re.IGNORECASE)
SCALE_NAME_BEFORE = re.compile(
    rf"\b(?P<w>magnitude|category|stage)(?:{WS}+of)?[ \t-]+$", re.IGNORECASE
)

# Right-hand context, anchored at the end of the core.
SCALE_AFTER = re.compile(rf"{WS}*(?P<w>{_alt(SCALES)})\b", re.IGNORECASE)
MONEY_SCALE_AFTER = re.compile(rf"{WS}?(?P<w>bn|mn|mln|m|k|tn|trn|b)\b(?![.]\w)", re.IGNORECASE)
PERCENT_AFTER = re.compile(
    rf"(?:{WS}?%|{WS}+per{WS}?cent\b|{WS}+pc\b|{WS}+percent\b)",
    re.I,
)
CURRENCY_AFTER = re.compile(
    rf"{WS}+(?P<w>{_alt(CURRENCY_WORDS)})\b|{WS}+(?P<code>[A-Z]{{3}})\b",
    re.IGNORECASE,
)
AGE_AFTER = re.compile(
    rf"(?:{WS}*-{WS}*(?:years?|yrs?){WS}*-{WS}*old\b|{WS}+(?:years?|yrs?){WS}+old\b"
    r"|-(?:month|week|day)s?-old\b)",
    re.IGNORECASE,
)
TIME_UNIT_AFTER = re.compile(
    rf"(?:{WS}*-{WS}*|{WS}+)(?P<w>{_alt(TIME_UNITS)})\b",
    re.I,
)
MEASURE_AFTER = re.compile(
    rf"(?:{WS}*-{WS}*|{WS}*)(?P<w>{_alt(MEASURE_UNITS)})(?![\w°/])",
    re.IGNORECASE,
)
MAGNITUDE_AFTER = re.compile(rf"(?:{WS}*-{WS}*|{WS}+)magnitude\b", re.IGNORECASE)
HYPHEN_NOUN_AFTER = re.compile(r"-(?P<w>[a-z]+)\b(?!-)")
OR_MORE_AFTER = re.compile(
    rf"(?:{WS}+[a-z]+)?{WS}+or{WS}+(?:more|over|above)\b",
    re.I,
)
OR_SO_AFTER = re.compile(rf"{WS}+or{WS}+so\b", re.IGNORECASE)
# The second end of a range: "to 15", "and $7", "or fifty", "–17".
RANGE_END_AFTER = re.compile(
    rf"(?:{WS}*[–—-]{WS}*|{WS}+(?P<w>to|and|or|through){WS}+)"
    rf"(?P<cur>{_CUR_SYM})?(?P<n>{_DIGITS}|{NUMBER_WORDS})(?![\w:.,]\d|:|\+)",
    re.IGNORECASE,
)
DAY_RANGE_END_AFTER = re.compile(
    rf"(?:{WS}*[–—-]{WS}*|{WS}+(?:to|and|through|until){WS}+)(?P<d>{_DAY})(?![,.]?\d|:)"
    rf"(?:,?{WS}+(?P<y>{_YEAR}))?",
)
TIME_RANGE_END_AFTER = re.compile(
    rf"{WS}+(?:to|and|until){WS}+(?P<t>(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?{WS}*{_AMPM})",
    re.IGNORECASE,
)
YEAR_RANGE_END_AFTER = re.compile(
    rf"(?:{WS}*[–—-]{WS}*|{WS}+(?P<w>to|and|until){WS}+)(?P<y>{_YEAR})"
)
PLUS_AFTER = re.compile(r"(?:-plus\b|\+(?![\w+]))", re.IGNORECASE)
POINTS_TO_AFTER = re.compile(
    rf"{WS}+points?{WS}+to{WS}+(?P<n>{_DIGITS})\b",
    re.IGNORECASE,
)

PHONE = re.compile(
    r"(?<!\d)(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)"
)
STREET_AFTER = re.compile(
    rf"{WS}+(?:[A-Z][a-z]+{WS}+){{1,3}}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive"
    r"|Way|Place|Square)\b"
)
LABEL_BEFORE = re.compile(rf"(?:\b(?-i:No|no|Nos)\.|#){WS}*$")
LIST_MARKER_AFTER = re.compile(rf"[.)]{WS}")
AGE_BEFORE = re.compile(
    rf"\b(?:aged|age{WS}+of|ages{WS}+of|ages|in{WS}+age|age){WS}+$",
    re.I,
)
