"""The story a figure belongs to, and which disagreements are flagged (SPEC §3), on articles
written for these tests and run through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.articles import make_article
from analysis.corpus import CorpusDesk
from analysis.corpus.serialize import group_dict
from analysis.pipeline import analyze_doc

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_634e7bab463b1986.txt"


def _desk(nlp, *texts: str) -> CorpusDesk:
    desk = CorpusDesk.in_memory()
    for i, text in enumerate(texts):
        art = make_article(text, f"/news/{i}.txt")
        desk.add([(f"k{i}", art, analyze_doc(nlp(art.text), art))])
    return desk


def _group(desk: CorpusDesk, event: str):
    found = [g for g in desk.figures() if g.group.startswith(event + ":")]
    assert len(found) == 1, [g.group for g in desk.figures()]
    return found[0]


def _dated(title: str, day: str, body: str) -> str:
    return f"{title}\n\n{day}\n\n{body}\n"


BUS_POLICE = _dated(
    "Bus plunges into river in Lagos", "Monday, March 2, 2026",
    "A crowded bus plunged into a river in Lagos on Sunday evening. Police said nine people "
    "were killed in the crash.")
BUS_HOSPITAL = _dated(
    "Dozens feared dead in Lagos bus crash", "Monday, March 2, 2026",
    "A bus carrying market traders plunged off a bridge into a river in Lagos on Sunday. "
    "A spokesman for the Lagos General Hospital said at least 20 people were killed.")


def test_two_outlets_on_one_bus_crash_disagree(nlp):
    group = _group(_desk(nlp, BUS_POLICE, BUS_HOSPITAL), "killed")
    assert group.disagree and "Lagos" in group.story
    disputed = [(f.text, f.source) for f in group.figures if f.disputed]
    assert [t for t, _ in disputed] == ["nine", "at least 20"]
    assert all(source for _, source in disputed)  # each figure shows who gives it
    row = group_dict(group)
    assert row["story"] == group.story and {"value_from", "when", "disputed"} <= set(
        row["figures"][0])


def test_a_flood_toll_rising_over_three_days_is_a_timeline(nlp):
    days = ["Monday, July 6, 2026", "Tuesday, July 7, 2026", "Wednesday, July 8, 2026"]
    bodies = ["Floods in Dhaka killed five people, officials said.",
              "The death toll from the floods in Dhaka rose to twelve, officials said.",
              "The floods in Dhaka have now killed 20 people, officials said."]
    # Given newest first: the group still reads in date order.
    texts = [_dated(f"Dhaka floods, day {i}", d, b)
             for i, (d, b) in reversed(list(enumerate(zip(days, bodies, strict=True))))]
    group = _group(_desk(nlp, *texts), "killed")
    assert not group.disagree and group.story is None
    assert [f.value for f in group.figures] == [5, 12, 20]


def test_strikes_in_two_cities_on_one_day_are_two_stories(nlp):
    text = _dated(
        "Strikes shut France", "Thursday, March 5, 2026",
        "Workers walked out across France on Thursday. In Paris, 50,000 people marched, the "
        "CGT union said. In Lyon, 12,000 people marched, police said.")
    group = _group(_desk(nlp, text), "protested")
    assert len(group.figures) == 2 and not group.disagree


@pytest.mark.parametrize("part", [
    "Six of the dead were firefighters, the city's mayor said.",
    "Two of them were over 60, the city's mayor said.",
    "The mayor said six more people died in hospital.",
    # a narrower noun counts a part of the dead, not the same thing
    "The Bangladeshi embassy said two pilgrims from Nepal were killed in the fire.",
    "The airline said one passenger was killed on the ground.",
])
def test_a_total_and_its_part_do_not_disagree(nlp, part):
    text = _dated(
        "Factory fire in Dhaka", "Friday, March 6, 2026",
        "A fire at a garment factory in Dhaka killed 31 people, the fire service said. " + part)
    desk = _desk(nlp, text)
    assert not any(g.disagree for g in desk.figures())


def test_the_seed_stays_flagged(nlp):
    art = make_article(SEED.read_text(encoding="utf-8"), str(SEED))
    desk = CorpusDesk.in_memory()
    desk.add([("seed", art, analyze_doc(nlp(art.text), art))])
    group = desk.figures()[0]
    assert group.disagree and group.group.startswith("killed:")
    disputed = {f.text: f.source for f in group.figures if f.disputed}
    assert disputed["63"] == "Russian defence ministry"
    assert disputed["nearly 400"] == "Ukraine’s military"


def _role(sentence: str, number: str) -> str:
    from analysis.corpus.measure import clause_bounds, sentence_bounds
    from analysis.corpus.story import role_of
    from analysis.model import NumberFact

    start = sentence.index(number)
    n = NumberFact(start, start + len(number), number)
    cs, ce = clause_bounds(sentence, n.start, n.end)
    return role_of(sentence, n, cs, ce, sentence_bounds(sentence, n.start, n.end)[0])


@pytest.mark.parametrize(("sentence", "number", "role"), [
    ("Six of the 31 dead were firefighters.", "Six", "part"),
    ("Six of the 31 dead were firefighters.", "31", ""),
    ("Of the 31 dead, six were firefighters.", "six", "part"),
    ("The ministry said six deaths were of children.", "six", "part"),
    ("Officials reported five new cases on Monday.", "five", "part"),
    ("Two cases were aged above 60.", "Two", "part"),
    ("The virus could cause 32,000 more deaths by August.", "32,000", "forecast"),
    ("Police said 12 people died, up from 9 on Monday.", "9", "earlier"),
    ("The number of cases rose to 58 on Thursday.", "58", "update"),
    ("The Health Minister reported 21 confirmed cases of the virus.", "21", ""),
    ("Police said nine people were killed in May.", "nine", ""),
])
def test_the_role_of_a_figure_in_its_story(sentence, number, role):
    assert _role(sentence, number) == role


def test_times_agree_when_both_are_the_articles_or_an_event_is_reported_days_later():
    from analysis.corpus.story import same_time

    assert same_time("2026-03-02", False, "2026-03-05", False)  # both the articles' own dates
    assert same_time("2026-03-01", True, "2026-03-03", False)  # Sunday's crash, told Tuesday
    assert not same_time("2026-02-01", True, "2026-03-03", False)  # a month before
    assert not same_time("2018", True, None, False)  # "in 2018" vs an undated article's now
    assert same_time("2019-01", True, "2019-01-04", True)
    assert not same_time("2019-01-02", True, "2019-01-04", True)
