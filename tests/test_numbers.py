"""Number facts on sentences composed for these tests."""

from __future__ import annotations

import pytest

from analysis.model import Article, NumberFact
from analysis.numbers import extract_numbers
from analysis.numbers.dates import date_value, relative_value, time_value, weekday_value
from analysis.numbers.values import parse_fraction, parse_number, parse_ordinal


def facts(nlp, text: str, date: str | None = None) -> list[NumberFact]:
    return extract_numbers(nlp(text), Article(id="t", path="t.txt", text=text, date=date))


def one(nlp, text: str, span: str, date: str | None = None) -> NumberFact:
    found = [f for f in facts(nlp, text, date) if f.text == span]
    assert found, f"{span!r} not found in {[f.text for f in facts(nlp, text, date)]}"
    return found[0]


def test_dozens_of_soldiers(nlp):
    f = one(nlp, "The raid left dozens of soldiers stranded near the river.", "dozens")
    assert (f.value, f.qualifier, f.kind, f.counted) == (None, "dozens", "count", "soldiers")


def test_exact_count_with_adjective(nlp):
    f = one(nlp, "Officials said 63 Russian servicemen were captured overnight.", "63")
    assert (f.value, f.kind, f.counted) == (63, "count", "servicemen")


def test_number_word(nlp):
    f = one(nlp, "The navy fired four missiles at the depot.", "four")
    assert (f.value, f.kind, f.counted) == (4, "count", "missiles")


def test_month_day_without_year(nlp):
    f = one(nlp, "The ceasefire began on Feb 24 after long talks.", "Feb 24")
    assert (f.kind, f.value) == ("date", "--02-24")


def test_month_day_with_relative_year(nlp):
    f = one(nlp, "The attack began on Feb 24 last year.", "Feb 24 last year", date="2023-03-01")
    assert (f.kind, f.value) == ("date", "2022-02-24")
    f = one(nlp, "The attack began on Feb 24 last year.", "Feb 24 last year")
    assert f.value == "--02-24"


def test_weekday_resolved(nlp):
    f = one(nlp, "Police said on Monday that the road was closed.", "Monday", date="2019-01-04")
    assert (f.kind, f.value) == ("date", "2018-12-31")


def test_vote_margin_race_time_and_glued_code(nlp):
    text = "It passed 230-to-197. She won in 2:05:45 and earns USD15 an hour."
    got = {f.text: f for f in facts(nlp, text)}
    assert got["230-to-197"].kind == "other"
    assert got["2:05:45"].kind == "duration"
    assert (got["USD15"].kind, got["USD15"].unit, got["USD15"].value) == ("money", "USD", 15)


def test_and_a_half_and_named_ordinal(nlp):
    text = "The Second Circuit acted about an hour and a half later."
    got = {f.text: f for f in facts(nlp, text)}
    assert "Second" not in got
    f = got["about an hour and a half"]
    assert (f.value, f.kind, f.unit, f.qualifier) == (1.5, "duration", "hours", "approximately")


def test_labels_pronouns_and_lists(nlp):
    text = "Mine No. 2 closed; a weaker one was kept. She ran in 2000 and 2006."
    got = {f.text: f for f in facts(nlp, text)}
    assert "2" not in got and "one" not in got
    assert got["2000"].value == "2000" and got["2006"].value == "2006"


def test_plus_and_glued_scale(nlp):
    text = "The donors gave $1million, and 65+ voters waited 15-plus years."
    got = {f.text: f for f in facts(nlp, text)}
    assert (got["$1million"].value, got["$1million"].kind) == (1_000_000, "money")
    assert got["65+"].qualifier == "at least"
    assert (got["15-plus years"].kind, got["15-plus years"].qualifier) == ("duration", "at least")


def test_year_like_count(nlp):
    f = one(nlp, "Officials said 1846 persons were hospitalised.", "1846")
    assert (f.kind, f.value, f.counted) == ("count", 1846, "persons")


def test_approximately(nlp):
    f = one(nlp, "The ministry moved nearly 400 troops to the coast.", "nearly 400")
    assert (f.value, f.qualifier, f.kind, f.counted) == (400, "approximately", "count", "troops")


def test_at_least(nlp):
    f = one(nlp, "The storm killed at least five people in the valley.", "at least five")
    assert (f.value, f.qualifier, f.counted) == (5, "at least", "people")


def test_age(nlp):
    f = one(nlp, "A 19-year-old man was taken to hospital.", "19-year-old")
    assert (f.value, f.kind, f.unit, f.counted) == (19, "age", "years", "man")


def test_money_abbreviated_scale(nlp):
    f = one(nlp, "The firm agreed to pay $3.5bn to settle the case.", "$3.5bn")
    assert (f.value, f.kind, f.unit) == (3_500_000_000, "money", "USD")


def test_percent_words(nlp):
    f = one(nlp, "Turnout rose to 45 per cent in the north.", "45 per cent")
    assert (f.value, f.kind, f.unit) == (45, "percent", "%")


@pytest.mark.parametrize(
    ("text", "span", "value", "kind", "unit"),
    [
        ("Profits reached €200,000 last quarter.", "€200,000", 200000, "money", "EUR"),
        (
            "The bridge cost 1.2 million pounds to build.",
            "1.2 million pounds",
            1200000,
            "money",
            "GBP",
        ),
        ("Some 45% of members voted.", "Some 45%", 45, "percent", "%"),
        (
            "The quake measured magnitude 6.1 offshore.",
            "magnitude 6.1",
            6.1,
            "measurement",
            "magnitude",
        ),
        ("The convoy drove 120 km overnight.", "120 km", 120, "measurement", "km"),
        ("She waited twenty-one days for an answer.", "twenty-one days", 21, "duration", "days"),
    ],
)
def test_kinds_and_units(nlp, text, span, value, kind, unit):
    f = one(nlp, text, span)
    assert (f.value, f.kind, f.unit) == (value, kind, unit)


def test_local_dollar(nlp):
    text = "The rink cost C$40 million, and the library $12 million more."
    got = {f.text: f for f in facts(nlp, text)}
    assert got["C$40 million"].unit == "CAD" and got["$12 million"].unit == "CAD"
    assert one(nlp, "The fine was $500.", "$500").unit == "USD"


def test_ranges(nlp):
    f = one(nlp, "Between 5 and 7 boats were seen.", "Between 5 and 7")
    assert (f.value, f.value_max, f.qualifier) == (5, 7, "range")
    f = one(nlp, "Each trip takes 10 to 15 minutes by car.", "10 to 15 minutes")
    assert (f.value, f.value_max, f.kind, f.unit) == (10, 15, "duration", "minutes")
    f = one(nlp, "The fund needs between $5 and $7 billion, he said.", "between $5 and $7 billion")
    assert (f.value, f.value_max, f.kind) == (5e9, 7e9, "money")


def test_fractions_ordinals_decades(nlp):
    f = one(nlp, "Nearly two-thirds of the members agreed.", "Nearly two-thirds")
    assert (f.value, f.kind, f.qualifier) == (0.6667, "other", "approximately")
    f = one(nlp, "It is the third-largest city in the province.", "third")
    assert (f.value, f.kind) == (3, "ordinal")
    f = one(nlp, "Prices fell sharply in the 1990s.", "1990s")
    assert (f.kind, f.value, f.value_max) == ("date", "1990", "1999")


def test_dates_and_times(nlp):
    text = "Friday, January 4, 2019\n\nThe vote was held in 2018 at 2:30 p.m. in March 2017."
    got = {f.text: f for f in facts(nlp, text)}
    assert got["January 4, 2019"].value == "2019-01-04"
    assert got["2018"].value == "2018" and got["2018"].kind == "date"
    assert got["2:30 p.m."].value == "14:30" and got["2:30 p.m."].kind == "time"
    assert got["March 2017"].value == "2017-03"


def test_score(nlp):
    f = one(nlp, "The home side won the final 31–17 on Sunday.", "31–17")
    assert (f.kind, f.value) == ("other", 31)


def test_not_facts(nlp):
    text = (
        "COVID-19 grounded the Boeing 737 fleet, G7 leaders said, citing Article 50. "
        "No one knew; the one who called was calm. Call 555-123-4567 now."
    )
    assert facts(nlp, text) == []


def test_copula_age_and_one_of(nlp):
    assert one(nlp, "He was 34 and worked nights.", "34").kind == "age"
    assert one(nlp, "He was one of the youngest rulers.", "one").kind == "count"


def test_one_as_count(nlp):
    f = one(nlp, "One of the ships sank near the port.", "One")
    assert (f.value, f.counted) == (1, "ships")


def test_bare_age_apposition(nlp):
    f = one(nlp, "Maria Lopez, 67, died on Tuesday.", "67")
    assert (f.kind, f.unit, f.counted) == ("age", "years", "Lopez")


def test_invariants_and_order(nlp):
    text = "Over 1,000 people and about 30 dogs marched 5 km on May 3, 2020 at 10 a.m."
    got = facts(nlp, text)
    assert [f.text for f in got] == ["Over 1,000", "about 30", "5 km", "May 3, 2020", "10 a.m."]
    for f in got:
        assert text[f.start : f.end] == f.text
    assert all(a.end <= b.start for a, b in zip(got, got[1:], strict=False))


def test_empty_text(nlp):
    assert facts(nlp, "") == []


def test_value_parsers():
    assert parse_number("twenty-one") == 21
    assert parse_number("a hundred") == 100
    assert parse_number("1.2 million") == 1_200_000
    assert parse_number("3.5bn") == 3_500_000_000
    assert parse_number("two dozen") == 24
    assert parse_fraction("two-thirds") == 0.6667
    assert parse_fraction("a third") == pytest.approx(0.3333, abs=1e-4)
    assert parse_ordinal("twenty-first") == 21
    assert parse_ordinal("70th") == 70


def test_date_parsers():
    assert date_value("4 January 2019") == "2019-01-04"
    assert date_value("Sept. 9") == "--09-09"
    assert time_value("0030") == "00:30"
    assert time_value("12 a.m.") == "00:00"
    assert weekday_value("Monday", "2019-01-04") == "2018-12-31"
    assert relative_value("last year", "2019-01-04") == "2018"
    assert relative_value("yesterday", None) is None
