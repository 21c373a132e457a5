"""The whole analysis on arbitrary text: never raises, and every offset indexes the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.articles import make_article
from analysis.model import all_spans
from analysis.pipeline import analyze_doc

NEWSY = st.lists(
    st.sampled_from([
        "KYIV - ", "“", "”", '"', "'", "«", "»", "„", ": ", " - ", " – ", ",", ".", "\n\n",
        "Mayor Ada Park", "Park", "he said", "it said", "told reporters", "tweeted",
        "nearly 400", "at least five", "$3.5bn", "45%", "Feb 24", "19-year-old", "dozens of",
        "the ministry", "Ukraine's", "WHO", "World Health Organization", "COVID-19", " ",
        "\x1b[31m", "[bold]x[/]", "\t", "\u00a0", "2019", "January 4, 2019",
    ]),
    max_size=60,
).map("".join)


# The session-scoped spaCy fixture is safe to share between generated examples.
SUPPRESS = [HealthCheck.function_scoped_fixture]


def _check(nlp, text: str) -> None:
    article = make_article(text, "prop.txt", date_value="2020-03-01")
    analysis = analyze_doc(nlp(text), article)
    for fact in all_spans(analysis):
        assert 0 <= fact.start <= fact.end <= len(text)
        assert text[fact.start:fact.end] == fact.text


@settings(max_examples=150, deadline=None, suppress_health_check=SUPPRESS)
@given(text=NEWSY)
def test_news_like_fragments(nlp, text):
    _check(nlp, text)


@settings(max_examples=100, deadline=None, suppress_health_check=SUPPRESS)
@given(text=st.text(max_size=300))
def test_any_text(nlp, text):
    _check(nlp, text)
