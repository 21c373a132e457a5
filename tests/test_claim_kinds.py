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
