"""The number-core scan's start look-ahead only skips positions where no alternative can match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.numbers import patterns as P

UNGUARDED = re.compile(P.CORE_ALTERNATIVES, re.IGNORECASE | re.VERBOSE)

PIECES = [
    "May 4, 2019", "4 May 2019", "Sept. 12", "the 1990s", "'90s", "3:30pm", "12:05:33",
    "twenty-one", "a hundred", "two thirds", "dozens", "half", "Monday", "last year", "an hour",
    "1,250", "3.5", "US$40", "USD400", "4-6", "21st", "COVID19", "xMay 5", "115 May 2019",
    "A15", "_five", "ſeven", "Kelvin K", "1500 GMT", "no. 7", " ", "\n", ", ", "-", "'", "’",
    "word", "Mayor", "Augusta", "so", "ten", "tenant", "March", "marching",
]


def scan(rx: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in rx.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_guarded_scan_finds_what_the_alternatives_find(pieces):
    text = "".join(pieces)
    assert scan(P.CORE, text) == scan(UNGUARDED, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 ,.:-'’aAdhMmJnSsty\u00a0", max_size=40))
def test_guarded_scan_on_arbitrary_strings(text):
    assert scan(P.CORE, text) == scan(UNGUARDED, text)


def test_article_sentence():
    text = ("On May 4, 2019, nearly 400 households in 12 villages lost power for two hours; "
            "by Monday a third were back.")
    assert scan(P.CORE, text) == scan(UNGUARDED, text)
    assert [m[2] for m in scan(P.CORE, text)] == [
        "date", "digits", "digits", "words", "rel", "fraction"]
