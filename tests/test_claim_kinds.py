"""A claim's kind (SPEC §2 ``claims[].kind``): statement, belief or intention, by cue and form."""

from __future__ import annotations

import pytest

from analysis.articles import make_article
from analysis.pipeline import analyze_doc


def kinds(nlp, text: str) -> dict[str, tuple[str, str | None]]:
    """Each claim's text -> (kind, cue)."""
    analysis = analyze_doc(nlp(text), make_article(text, "t.txt"))
    return {c.text: (c.kind, c.cue) for c in analysis.claims}


@pytest.mark.parametrize(("text", "content", "kind"), [
    ("Harbour master Ada Park said the bridge will reopen in May.",
     "the bridge will reopen in May", "speech"),
    ("The ferry will sail again on Friday, according to the port authority.",
     "The ferry will sail again on Friday", "speech"),
    ("Ada Park warned that the bridge could close again.", "the bridge could close again",
     "speech"),
    ("Engineers believe the bridge can carry heavier trucks.",
     "the bridge can carry heavier trucks", "belief"),
    ("A new survey shows most residents want the bridge rebuilt.",
     "most residents want the bridge rebuilt", "belief"),
    ("The union vowed to stop the ferry on Friday.", "to stop the ferry on Friday", "intent"),
    ("The mayor urged drivers to avoid the bridge.", "drivers to avoid the bridge", "intent"),
])
def test_kind_follows_the_cue_and_its_form(nlp, text, content, kind):
    found = kinds(nlp, text)
    assert content in found, found
    assert found[content][0] == kind


def test_one_verb_two_kinds_by_form(nlp):
    """"agreed that" states something; "agreed to" commits to something."""
    said = kinds(nlp, "The council agreed that the bridge was unsafe.")
    assert said["the bridge was unsafe"][0] == "speech"
    vowed = kinds(nlp, "The council agreed to close the bridge in May.")
    assert vowed["to close the bridge in May"][0] == "intent"


@pytest.mark.parametrize(("text", "content", "kind"), [
    ("The harbour master called for tighter safety checks of every ferry.",
     "tighter safety checks of every ferry", "intent"),
    ("Ada Park called on the council to close the bridge.", "the council to close the bridge",
     "intent"),
    ("Ada Park called the new bridge a waste of money.", "the new bridge a waste of money",
     "speech"),
])
def test_call_reports_a_demand_or_a_statement(nlp, text, content, kind):
    found = kinds(nlp, text)
    assert found.get(content, (None,))[0] == kind, found


def test_call_that_names_or_phones_is_no_claim(nlp):
    assert kinds(nlp, "Her group, called the Harbour Trust, will meet on Friday.") == {}
    assert kinds(nlp, "Ada Park called him on Friday.") == {}


def test_a_claim_never_crosses_a_line_break(nlp):
    """A headline's claim stops at the headline: not into the date line or the first sentence."""
    for text, content in (
        ("Harbour master says ferry will sail again\n\nSunday, March 3, 2024\n\n"
         "The ferry was stopped by a storm on Friday.", "ferry will sail again"),
        ("Officials believe the bridge is unsafe\n\nTuesday, May 7, 2024\n\n"
         "Yesterday, engineers inspected it.", "the bridge is unsafe"),
    ):
        analysis = analyze_doc(nlp(text), make_article(text, "t.txt"))
        assert [c.text for c in analysis.claims] == [content]


@pytest.mark.parametrize(("text", "content", "kind", "speaker"), [
    ("Ada Park's claim that the bridge was unsafe was rejected on Friday.",
     "the bridge was unsafe", "speech", "Ada Park"),
    ("The senator made a promise to cut ferry fares.", "to cut ferry fares", "intent",
     "The senator"),
    ("Engineers expressed concern that the bridge could collapse.",
     "the bridge could collapse", "belief", "Engineers"),
])
def test_noun_attributions(nlp, text, content, kind, speaker):
    analysis = analyze_doc(nlp(text), make_article(text, "t.txt"))
    found = {c.text: c for c in analysis.claims}
    assert content in found, list(found)
    assert (found[content].kind, found[content].speaker) == (kind, speaker)


def test_a_relative_clause_on_a_reporting_noun_is_no_claim(nlp):
    assert kinds(nlp, "The claim that he made on Friday was false.") == {}
    assert kinds(nlp, "The fact that the bridge fell is sad.") == {}


def test_as_the_source_said(nlp):
    text = "As the harbour master said on Friday, the ferry will sail again next week."
    found = kinds(nlp, text)
    assert found.get("the ferry will sail again next week") == ("speech", "said"), found


def test_what_evidence_shows_is_a_belief(nlp):
    found = kinds(nlp, "The latest polls show the mayor ahead by 3 points.")
    assert found.get("the mayor ahead by 3 points") == ("belief", "show"), found
    found = kinds(nlp, "The study found 31 cases of fraud among a billion ballots.")
    assert found.get("31 cases of fraud among a billion ballots") == ("belief", "found"), found


def test_a_second_complement_without_a_subject_continues_the_first(nlp):
    text = "Park says he drank too much, used drugs and was in and out of work."
    found = kinds(nlp, text)
    assert "he drank too much, used drugs and was in and out of work" in found, found


def test_an_objects_gloss_is_not_what_is_claimed(nlp):
    found = kinds(nlp, "The union endorsed Ada Park, who says the ferry will run again.")
    assert "Ada Park" in found and found["the ferry will run again"][0] == "speech", found


def test_a_belief_set_off_as_an_aside_is_no_claim(nlp):
    """ "The ferry, I think, will ..." hedges the writer's sentence; "The ferry, officials said,
    will ..." reports."""
    assert kinds(nlp, "The new ferry, I think, will sail again on Friday.") == {}
    said = kinds(nlp, "The new ferry, officials said, will sail again on Friday.")
    assert said.get("will sail again on Friday") == ("speech", "said"), said


def test_telling_someone_to_do_something_is_an_intent(nlp):
    found = kinds(nlp, "The mayor told residents to leave the island before Friday.")
    assert found.get("residents to leave the island before Friday") == ("intent", "told"), found


def test_a_one_word_lead_before_a_parenthetical_cue(nlp):
    found = kinds(nlp, "Otherwise, she said, the ferries may simply stop running in May.")
    assert found == {"the ferries may simply stop running in May": ("speech", "said")}, found


def test_a_number_takes_its_source_from_a_claim_of_any_kind(nlp):
    text = "Harbour master Ada Park believes 40 ferries will be idle by Friday."
    analysis = analyze_doc(nlp(text), make_article(text, "t.txt"))
    [claim] = analysis.claims
    assert (claim.kind, claim.speaker) == ("belief", "Ada Park")
    forty = next(n for n in analysis.numbers if n.text.startswith("40"))
    assert forty.source == "Ada Park"


def test_according_to_vouches_for_the_whole_sentence(nlp):
    found = kinds(nlp, "Ferry traffic rose by 8% in May, but fell by 3% in June, according to "
                       "the port authority.")
    assert found.get("Ferry traffic rose by 8% in May, but fell by 3% in June") == (
        "speech", "according to"), found


def test_a_subject_the_parse_hangs_on_the_cue_opens_the_content(nlp):
    text = ("The office said about half of the higher adjustment in its deficit projections "
            "reflected revenue losses from the tax cuts.")
    content = text[len("The office said "):-1]
    assert kinds(nlp, text).get(content) == ("speech", "said"), kinds(nlp, text)
