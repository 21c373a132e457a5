"""Entities: trimming, merging, gazetteer, dateline, invariants (sentences made up for tests)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.entities import extract_entities
from analysis.model import Article, Entity


def run(nlp, text: str, **kw) -> list[Entity]:
    article = Article(id="t", path="t.txt", text=text, **kw)
    return extract_entities(nlp(text), article)


def by_name(ents: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in ents}


def check_invariants(text: str, ents: list[Entity]) -> None:
    assert [e.id for e in ents] == [f"e{i + 1}" for i in range(len(ents))]
    firsts = [e.mentions[0].start for e in ents]
    assert firsts == sorted(firsts)
    for e in ents:
        assert e.mentions == sorted(e.mentions, key=lambda m: (m.start, m.end))
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


KYIV = (
    "KYIV - Mayor Vitali Klitschko said on Sunday that two people were injured in the attack. "
    "Klitschko added that the city's air defences had shot down several drones."
)


def test_person_surname_merges_and_title_stays_out(nlp):
    ents = run(nlp, KYIV, dateline="KYIV", dateline_span=(0, 4))
    check_invariants(KYIV, ents)
    person = by_name(ents)["Vitali Klitschko"]
    assert person.label == "PERSON"
    assert [m.text for m in person.mentions] == ["Vitali Klitschko", "Klitschko"]


def test_dateline_is_a_mention_of_the_place(nlp):
    text = KYIV + " Officials in Kyiv said power was restored."
    ents = run(nlp, text, dateline="KYIV", dateline_span=(0, 4))
    kyiv = by_name(ents)["Kyiv"]
    assert kyiv.label == "GPE"
    assert [m.text for m in kyiv.mentions] == ["KYIV", "Kyiv"]
    assert ents[0] is kyiv and kyiv.id == "e1"


def test_dateline_alone_gets_a_readable_name(nlp):
    ents = run(nlp, KYIV, dateline="KYIV", dateline_span=(0, 4))
    assert ents[0].mentions[0].text == "KYIV" and ents[0].name == "Kyiv"


def test_acronym_in_parentheses_and_later(nlp):
    text = ("Experts at the World Health Organization (WHO) warned on Monday. "
            "The WHO said more vaccines were needed.")
    ents = run(nlp, text)
    check_invariants(text, ents)
    who = by_name(ents)["World Health Organization"]
    assert who.label == "ORG"
    assert [m.text for m in who.mentions] == ["World Health Organization", "WHO", "WHO"]


def test_country_variants_merge(nlp):
    text = ("The United States sent aid on Tuesday. U.S. officials said the US would do more, "
            "and America's allies agreed.")
    ents = run(nlp, text)
    us = [e for e in ents if e.name == "United States"]
    assert len(us) == 1
    assert {m.text for m in us[0].mentions} >= {"United States", "U.S.", "US"}


def test_possessive_is_outside_the_span(nlp):
    text = "Ukraine's president met European leaders in Brussels on Friday."
    ents = run(nlp, text)
    ukraine = by_name(ents)["Ukraine"]
    assert ukraine.mentions[0].text == "Ukraine" and ukraine.label == "GPE"


def test_gazetteer_fixes_place_label(nlp):
    text = "Makiivka was shelled overnight, the regional governor said."
    ents = run(nlp, text)
    assert by_name(ents)["Makiivka"].label == "GPE"


def test_descriptive_noun_makes_an_organisation(nlp):
    text = "The national grid operator Ukrenergo said repairs would take weeks."
    ents = run(nlp, text)
    assert by_name(ents)["Ukrenergo"].label == "ORG"


def test_determiner_and_titles_are_trimmed(nlp):
    text = ("President Emmanuel Macron spoke to the European Union summit. "
            "Prime Minister Rishi Sunak did not attend.")
    names = set(by_name(run(nlp, text)))
    assert {"Emmanuel Macron", "European Union", "Rishi Sunak"} <= names
    assert not any(n.lower().startswith(("the ", "president", "prime")) for n in names)


def test_norp_stays_separate_from_the_country(nlp):
    text = "Russian troops withdrew from the town, and Russia denied any losses."
    ents = run(nlp, text)
    labels = {e.name: e.label for e in ents}
    assert labels.get("Russian") == "NORP" and labels.get("Russia") == "GPE"


def test_organisation_pattern_extends_the_name(nlp):
    text = "A spokesperson for the Ministry of Foreign Affairs of Latvia declined to comment."
    names = set(by_name(run(nlp, text)))
    assert any(n.startswith("Ministry of Foreign Affairs") for n in names)


def test_lowercase_and_time_zone_fragments_dropped(nlp):
    text = "The fire started at 10:00 UTC, the company said."
    assert all(e.name != "UTC" for e in run(nlp, text))


def test_missed_repeat_of_a_known_name_is_found(nlp):
    text = ("Software maker Contoso Analytics was fined. Regulators said Contoso Analytics had "
            "ignored warnings.")
    ents = run(nlp, text)
    contoso = [e for e in ents if e.name == "Contoso Analytics"]
    assert len(contoso) == 1 and len(contoso[0].mentions) == 2


@pytest.mark.parametrize("text", ["", " ", "\n\n", "(((", "“unbalanced", "A\x00B\x1b[31m"])
def test_degenerate_inputs(nlp, text):
    ents = run(nlp, text)
    check_invariants(text, ents)


def test_bad_dateline_span_is_ignored(nlp):
    text = "Short text about Paris."
    for span in [(50, 60), (5, 2), (0, 0)]:
        check_invariants(text, run(nlp, text, dateline_span=span))


SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_valid_offsets(nlp, text):
    check_invariants(text, run(nlp, text))


WORDS = ["Kyiv", "Mayor", "Vitali", "Klitschko", "the", "said", "(WHO)", "U.S.", "'s", "of",
         "Ministry", "United", "States", "-", "\n", "Inc.", "anti-", "\"", "Ukraine", "Dr."]


@SETTINGS
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_name_like_word_soup(nlp, words):
    text = " ".join(words)
    check_invariants(text, run(nlp, text, dateline_span=(0, 4) if text[:4] == "Kyiv" else None))
