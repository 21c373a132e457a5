"""Figures: what a number measures, grouping across articles and the disagreement flag."""

from __future__ import annotations

import pytest
from desk_helpers import entity, entity_everywhere, entry, number, quote

from analysis.corpus import CorpusDesk
from analysis.corpus.measure import counted_class, find_event, fold_noun, interval, measure_of

RU = ("Russia's defence ministry said 63 servicemen were killed when rockets hit a building "
      "in Makiivka. Repairs will cost $2 million.")
UA = ('Ukraine\'s military said nearly 400 troops were killed in Makiivka. "About 400 soldiers '
      'died," Serhiy Cherevatyi said. Another 300 were wounded.')
LATER = "In Makiivka, 12 soldiers were killed in a new strike. Repairs will cost $5 million."


def _strike_desk(later_date: str = "2023-02-20") -> CorpusDesk:
    ru = entry(1, RU, [entity(RU, "Makiivka", "GPE"), entity(RU, "Russia", "GPE")],
               numbers=[number(RU, "63", 63, counted="servicemen", source="Russia"),
                        number(RU, "$2 million", 2_000_000, kind="money", unit="USD")],
               date="2023-01-02")
    ua = entry(2, UA, [entity(UA, "Makiivka", "GPE"), entity(UA, "Serhiy Cherevatyi", "PERSON")],
               [quote(UA, "About 400 soldiers died,", "Serhiy Cherevatyi")],
               [number(UA, "nearly 400", 400, "approximately", "troops"),
                number(UA, "About 400", 400, "approximately", "soldiers"),
                number(UA, "300", 300, counted="people")],
               date="2023-01-03")
    later = entry(3, LATER, [entity(LATER, "Makiivka", "GPE")],
                  numbers=[number(LATER, "12", 12, counted="soldiers"),
                           number(LATER, "$5 million", 5_000_000, kind="money", unit="USD")],
                  date=later_date)
    desk = CorpusDesk.in_memory()
    desk.add([ru, ua, later])
    return desk


def test_one_strike_reported_as_63_and_nearly_400_is_flagged_first():
    groups = _strike_desk().figures()
    first = groups[0]
    assert first.disagree and first.group.startswith("killed: ")
    assert {"servicemen", "troops", "soldiers"} <= set(first.group[8:].split(", "))
    texts = [(f.text, f.fact.article_id, f.source) for f in first.figures]
    assert texts == [("63", "art1", "Russia"), ("nearly 400", "art2", None),
                     ("About 400", "art2", "Serhiy Cherevatyi"), ("12", "art3", None)]
    for f in first.figures:
        source_text = {"art1": RU, "art2": UA, "art3": LATER}[f.fact.article_id]
        assert source_text[f.fact.start:f.fact.end] == f.text
    wounded = next(g for g in groups if g.group.startswith("injured"))
    assert not wounded.disagree and [f.value for f in wounded.figures] == [300]
    money = next(g for g in groups if g.kind == "money")
    assert money.unit == "USD" and not money.disagree  # no event named: never flagged


def test_figures_weeks_apart_are_different_stories():
    # The 12 of a strike seven weeks later does not disagree with the 400 (nor the 63 alone).
    desk = _strike_desk()
    desk.scope(["key1", "key3"])
    [killed] = [g for g in desk.figures() if g.group.startswith("killed")]
    assert [f.text for f in killed.figures] == ["63", "12"] and not killed.disagree


def _one_article(text: str, places: list[str], figures: list[tuple]):
    desk = CorpusDesk.in_memory()
    numbers = [number(text, words, value, counted="people", source=source)
               for words, value, source in figures]
    desk.add([entry(1, text, [entity_everywhere(text, p, "GPE") for p in places],
                    numbers=numbers)])
    [group] = desk.figures()
    return group


def test_in_one_article_different_places_are_different_stories():
    text = "Five people were killed in Lviv. Three people were killed in Odesa."
    group = _one_article(text, ["Lviv", "Odesa"], [("Five", 5, None), ("Three", 3, None)])
    assert group.group == "killed: people" and not group.disagree


def test_in_one_article_only_two_sources_make_one_story():
    # One voice giving 5 and 3 killed in one place: parts or separate incidents, not a dispute.
    text = "Five people were killed in Lviv, police said. Three people were killed in Lviv."
    assert not _one_article(text, ["Lviv"], [("Five", 5, None), ("Three", 3, None)]).disagree
    text = "Five people were killed, police said. Three people were killed, the mayor said."
    group = _one_article(text, [], [("Five", 5, "police"), ("Three", 3, "the mayor")])
    assert group.disagree and len(group.figures) == 2


def test_filter_and_limit():
    desk = _strike_desk()
    assert [g.group for g in desk.figures(filter="wounded")] == []
    assert [g.group for g in desk.figures(filter="injured")] == ["injured: people"]
    assert [g.group for g in desk.figures(filter="servicemen")][0].startswith("killed")
    assert len(desk.figures(limit=1)) == 1


def test_end_to_end_through_the_pipeline(nlp):
    from analysis.articles import make_article
    from analysis.pipeline import analyze_doc

    texts = [
        "Strike on barracks\n\nMonday, January 2, 2023\n\nRussia's defence ministry said 63 "
        "servicemen were killed when rockets hit a building in Makiivka on Sunday.\n",
        "Ukraine counts the dead\n\nTuesday, January 3, 2023\n\nUkraine's military said nearly "
        "400 Russian troops were killed in Makiivka.\n",
    ]
    desk = CorpusDesk.in_memory()
    for i, text in enumerate(texts):
        art = make_article(text, f"/news/{i}.txt")
        desk.add([(f"k{i}", art, analyze_doc(nlp(art.text), art))])
    first = desk.figures()[0]
    assert first.disagree and [f.value for f in first.figures] == [63, 400]
    assert "Makiivka" in [r.name for r in desk.entities()]


@pytest.mark.parametrize(("word", "folded"), [
    ("servicemen", "serviceman"), ("casualties", "casualty"), ("Troops", "troop"),
    ("people", "people"), ("children", "child"), ("boxes", "box"), ("virus", "virus"),
])
def test_fold_noun(word, folded):
    assert fold_noun(word) == folded


def test_counted_class():
    assert {counted_class(w) for w in ("servicemen", "troops", "Russian soldiers")} == {"troops"}
    assert {counted_class(w) for w in ("civilians", "residents", "people")} == {"people"}
    assert counted_class("missiles") == "missile" and counted_class(None) is None


def test_event_is_the_nearest_event_word_in_the_sentence():
    text = "Police arrested 5 men. Officials said 20 people died and 40 were hurt on Monday."
    assert find_event(text, *_at(text, "5")) == "arrested"
    assert find_event(text, *_at(text, "20")) == "killed"
    assert find_event(text, *_at(text, "40")) == "injured"
    assert find_event("The town has 3,000 residents.", 13, 18) is None


def _at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_measure_of_kinds():
    text = "The ferry carried 80 passengers on Monday."
    assert measure_of(text, 0, 1, "date", None, None) is None
    assert measure_of(text, 18, 20, "count", None, "passengers").key == "count|||people"
    assert measure_of("He paid $5 in fines.", 8, 10, "money", "USD", None).key == "money|USD|paid|"
    assert measure_of("The town has 30 shops.", 13, 15, "count", None, None) is None


@pytest.mark.parametrize(("value", "vmax", "qualifier", "expected"), [
    (63, None, "exact", (63, 63)), (400, None, "approximately", (340, 460)),
    (10, 15, "range", (10, 15)), (None, None, "dozens", (24, 99)),
    (None, None, "exact", None), ("2023-01-02", None, "exact", None),
])
def test_interval(value, vmax, qualifier, expected):
    got = interval(value, vmax, qualifier)
    assert got == (pytest.approx(expected) if expected else None)
    assert interval(50, None, "at least")[1] == float("inf")


def test_two_copies_of_one_story_do_not_disagree():
    # One story run twice (a wire copy): its own 12 and 190 are not a dispute between copies,
    # and the copy's figures are the story's: listed once (SPEC §1 duplicates).
    text = "In Maiduguri, 12 soldiers were killed on Monday. In all, 190 soldiers were killed."
    entries = [entry(n, text, [entity_everywhere(text, "Maiduguri", "GPE")],
                     numbers=[number(text, "12", 12, counted="soldiers"),
                              number(text, "190", 190, counted="soldiers")],
                     date="2019-01-24") for n in (1, 2)]
    desk = CorpusDesk.in_memory()
    desk.add(entries)
    [group] = desk.figures()
    assert len(group.figures) == 2 and not group.disagree
    assert {f.fact.article_key for f in group.figures} == {"key1"}
