"""Changes are not ranges, and figures written in two parts are one fact (SPEC §2)."""

from __future__ import annotations

import pytest
from test_numbers import facts, one


@pytest.mark.parametrize(("text", "span", "value", "value_from", "kind"), [
    ("The death toll rose from 14 to 31 on Tuesday.", "from 14 to 31", 31, 14, "count"),
    ("Rescuers found more bodies, increasing the toll from fourteen to 31.",
     "from fourteen to 31", 31, 14, "count"),
    ("Unemployment in the region fell from 5% to 3% last year.", "from 5% to 3%", 3, 5,
     "percent"),
    ("The council cut the number of polling stations from 180 to 5.", "from 180 to 5", 5, 180,
     "count"),
    ("Fares went up from $5 to $7 in March.", "from $5 to $7", 7, 5, "money"),
])
def test_a_change_is_one_fact_with_value_from(nlp, text, span, value, value_from, kind):
    f = one(nlp, text, span)
    assert (f.value, f.value_from, f.value_max, f.kind) == (value, value_from, None, kind)
    assert f.qualifier == "exact"


def test_a_range_is_no_change(nlp):
    f = one(nlp, "The suspects range in age from 21 to 78 and live nearby.", "from 21 to 78")
    assert (f.value, f.value_max, f.value_from) == (21, 78, None)
    f = one(nlp, "Between 10 and 15 people were hurt in the blast.", "Between 10 and 15")
    assert (f.value, f.value_max, f.value_from) == (10, 15, None)
    for f in facts(nlp, "He served as mayor from 2008 to 2016.") + facts(nlp, "Nine were hurt."):
        assert f.value_from is None


def test_compound_amounts_are_one_fact(nlp):
    f = one(nlp, "The strike left hundreds of thousands of federal workers unpaid.",
            "hundreds of thousands")
    assert (f.value, f.qualifier, f.counted) == (None, "thousands", "workers")
    f = one(nlp, "The wrestler, standing six feet five inches tall, retired.",
            "six feet five inches")
    assert (f.kind, f.unit, f.value) == ("measurement", "ft", pytest.approx(6.4167))


def test_the_counted_noun_comes_from_the_numbers_own_clause(nlp):
    text = "The ten-storey block came down on Monday. A total of 39 are confirmed dead."
    assert one(nlp, text, "39").counted == "dead"
    assert one(nlp, text, "ten-storey").counted == "storey"
