"""Property tests: arbitrary text never raises and every fact's offsets are valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.model import Article
from analysis.numbers import extract_numbers

_PIECES = st.sampled_from(
    [
        "about",
        "at least",
        "between",
        "and",
        "to",
        "or",
        "more",
        "12",
        "1,200",
        "3.5",
        "$",
        "€",
        "US$",
        "bn",
        "million",
        "%",
        "per cent",
        "-year-old",
        "years",
        "May",
        "January 4,",
        "2019",
        "1990s",
        "3:30",
        "p.m.",
        "UTC",
        "0030",
        "–",
        "-",
        "one",
        "no one",
        "first",
        "two-thirds",
        "dozens",
        "of",
        "people",
        "a",
        "an hour",
        "half",
        "\n",
        "\n\n",
        ",",
        ".",
        '"',
        "\x00",
        " ",
        "magnitude",
        "Category",
        "km",
        "twenty-one",
        "Boeing",
        "737",
        "COVID-19",
        "a third",
    ]
)


def _check(nlp, text: str) -> None:
    facts = extract_numbers(nlp(text), Article(id="p", path="p", text=text, date="2020-02-29"))
    last = 0
    for f in facts:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.start >= last
        last = f.end


_FIXTURE_OK = [HealthCheck.function_scoped_fixture]


@settings(max_examples=60, deadline=None, suppress_health_check=_FIXTURE_OK)
@given(st.text(max_size=200))
def test_arbitrary_text(nlp, text):
    _check(nlp, text)


@settings(max_examples=80, deadline=None, suppress_health_check=_FIXTURE_OK)
@given(st.lists(_PIECES, max_size=30).map(" ".join))
def test_number_like_text(nlp, text):
    _check(nlp, text)


def test_huge_paragraph(nlp):
    text = "On May 5, 2019 about 400 troops and 12% of $3bn. " * 400
    _check(nlp, text)
