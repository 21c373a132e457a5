"""Untrusted text is cleaned for screen and clipboard; citations carry the fact verbatim."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from analysis.citation import cite, describe_number
from analysis.model import Article, Entity, Mention, NumberFact, Quote
from analysis.sanitize import display_safe, strip_controls


def test_ansi_osc_and_controls_are_removed():
    dirty = "a\x1b[31mred\x1b[0m b\x1b]52;c;ZXZpbA==\x07 c\x07d\x00e\x9b2Jf\ttab\nline"
    assert strip_controls(dirty) == "ared b cdef\ttab\nline"


def test_markup_is_left_literal():
    assert strip_controls("[bold red]x[/]") == "[bold red]x[/]"


@given(st.text())
def test_display_safe_keeps_length_and_removes_escapes(text):
    shown = display_safe(text)
    assert len(shown) == len(text)
    assert "\x1b" not in shown and "\x00" not in shown


@given(st.text())
def test_strip_controls_leaves_no_control_characters(text):
    cleaned = strip_controls(text)
    assert all(ch in "\n\t" or not (ord(ch) < 32 or 127 <= ord(ch) < 160) for ch in cleaned)


ARTICLE = Article(id="a", path="news/a.txt", text="", title="Storm hits coast", date="2024-02-01")


def test_quote_citation_has_text_speaker_title_and_date():
    quote = Quote(0, 5, "We will rebuild \x1b[2J.", "direct", "Ada Park", None, None, "said")
    assert cite(ARTICLE, quote) == "“We will rebuild .” — Ada Park, “Storm hits coast”, 2024-02-01"


def test_number_and_entity_citations():
    fact = NumberFact(0, 10, "nearly 400", 400, "approximately", None, "count", None, "troops")
    assert describe_number(fact) == "approximately 400 troops (count)"
    assert cite(ARTICLE, fact).startswith("nearly 400 [approximately 400 troops (count)] — ")
    pct = NumberFact(0, 3, "45%", 45, "exact", None, "percent", "%", None)
    assert describe_number(pct) == "45% (percent)"
    entity = Entity("e1", "Ada Park", "PERSON", [Mention(0, 8, "Ada Park")])
    undated = Article(id="b", path="b.txt", text="", title=None)
    assert cite(undated, entity) == "Ada Park (PERSON) — “b.txt”"
