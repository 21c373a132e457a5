"""Entity rules added for missed names and labels (sentences made up for these tests)."""

from __future__ import annotations

from analysis.entities import extract_entities
from analysis.entities.candidates import (
    Candidate,
    split_leading_acronyms,
    venue_label,
)
from analysis.entities.chains import is_common
from analysis.entities.gazetteer import demonyms
from analysis.model import Article, Entity


def run(nlp, text: str) -> list[Entity]:
    return extract_entities(nlp(text), Article(id="t", path="t.txt", text=text))


def labels(ents: list[Entity]) -> dict[str, str]:
    return {m.text: e.label for e in ents for m in e.mentions}


def test_unusual_person_name_missed_by_the_ner_is_found(nlp):
    text = ("Heavy rain flooded the valley.\n\nZbigniew Wodzislawski, a spokesman for the "
            "rescue service, said roads were closed.")
    found = labels(run(nlp, text))
    assert found.get("Zbigniew Wodzislawski") == "PERSON"


def test_coined_company_name_is_found_and_dictionary_phrases_are_not(nlp):
    text = ("Police said the records were copied from Quorvatek servers. The Member State "
            "courts will hear the case, and Quorvatek said it would cooperate.")
    found = labels(run(nlp, text))
    assert found.get("Quorvatek") == "ORG"
    assert "Member State" not in found


def test_word_shape_list_is_loaded_by_the_component(nlp):
    assert is_common("Member") and is_common("States") and not is_common("Quorvatek")


def test_hyphenated_piece_of_a_code_is_not_a_name(nlp):
    text = "Doctors studied the KLX-Vorn3 strain in a laboratory near the coast."
    assert not any(m.text in ("KLX", "Vorn3") for e in run(nlp, text) for m in e.mentions)


def test_exit_coinage_and_storms_are_events(nlp):
    text = ("Voters were divided over Grexit last year. Hurricane Valeska struck the coast on "
            "Monday, and Grexit talks were delayed.")
    found = labels(run(nlp, text))
    assert found.get("Grexit") == "EVENT"
    assert found.get("Hurricane Valeska") == "EVENT"


def test_event_head_word_makes_an_event(nlp):
    text = "Thousands of fans attended the Riverside Comic Festival in the city on Saturday."
    assert labels(run(nlp, text)).get("Riverside Comic Festival") == "EVENT"


def test_regular_demonyms_come_from_country_names():
    words = demonyms()
    assert {"Tongan", "Canadian", "Chinese", "Pakistani", "Kenyan"} <= words
    assert "Tonga" not in words


def test_demonym_is_norp_not_a_person(nlp):
    text = "The Tongan delegation arrived late, and Tongan officials declined to comment."
    found = labels(run(nlp, text))
    assert found.get("Tongan") == "NORP"


def test_acronym_glued_to_a_known_person_is_split(nlp):
    text = "In an interview with NPR Karim Bassey said he would run again."
    doc = nlp(text)
    cands = [Candidate(4, 7, 21, 37, "NPR Karim Bassey", "ORG", "ner"),
             Candidate(0, 1, 0, 2, "Karim Bassey", "PERSON", "ner")]
    split_leading_acronyms(doc, cands)
    assert sorted(c.text for c in cands) == ["Karim Bassey", "Karim Bassey", "NPR"]


def test_the_stays_in_a_newspaper_name_mid_sentence(nlp):
    text = "The minister told The Guardian that the plan was ready."
    ents = run(nlp, text)
    assert any(m.text == "The Guardian" for e in ents for m in e.mentions)
    text = "Officials at the United Nations said the plan was ready."
    assert all(not m.text.lower().startswith("the ") for e in run(nlp, text) for m in e.mentions)


def test_city_name_that_is_a_persons_surname_is_the_person(nlp):
    text = ("Senator Margaret Kennedy spoke in the Senate on Tuesday. Kennedy said the bill "
            "would pass.")
    ents = run(nlp, text)
    found = labels(ents)
    assert found.get("Kennedy") == "PERSON"
    kennedy = [e for e in ents if any(m.text == "Kennedy" for m in e.mentions)][0]
    assert kennedy.name == "Margaret Kennedy"


def test_sea_short_form_merges(nlp):
    text = ("The ship crossed the Mediterranean Sea in May. Storms in the Mediterranean "
            "delayed it.")
    ents = run(nlp, text)
    sea = [e for e in ents if e.name == "Mediterranean Sea"]
    assert len(sea) == 1 and len(sea[0].mentions) == 2


def test_a_date_the_ner_calls_a_name_is_not_an_entity(nlp):
    ents = run(nlp, "The national weather service said gusts reached 140 km/h, the strongest "
                    "since Feb 24 last year.")
    assert all("24" not in e.name and "Feb" not in e.name for e in ents)


def test_organisation_ending_in_a_building_word_is_a_facility_where_things_happen(nlp):
    doc = nlp("The singer was found at the Marrowby Lodge & Tavern, a hostel near the port. "
              "Marrowby Lodge & Tavern said it would help the police.")
    first = [t.i for t in doc if t.text == "Marrowby"]
    s1, s2 = first
    assert venue_label(doc, s1, s1 + 4, "ORG") == "FAC"  # "at the ...": a place
    assert venue_label(doc, s2, s2 + 4, "ORG") == "ORG"  # the subject: the business
    assert venue_label(doc, s1, s1 + 4, "PERSON") == "PERSON"  # other labels are left alone


def test_title_case_headline_guesses_are_dropped_unless_the_body_uses_them(nlp):
    text = ("Harbor Board Chair Quits Amid Budget Row Over Ferry Deal.\n\n"
            "Alma Reyes, who chaired the harbor board in Portmere, quit on Tuesday.")
    names = {e.name for e in run(nlp, text)}
    assert "Alma Reyes" in names
    assert not any("Quits" in n for n in names)


def test_a_name_in_a_title_case_headline_joins_its_body_entity(nlp):
    text = ("Mayor Reyes Plan for Harbor Is Bold but Costly.\n\nMayor Alma Reyes on Tuesday "
            "unveiled a plan to rebuild the harbor. Reyes said work would start in May.")
    ents = run(nlp, text)
    assert [e.name for e in ents] == ["Alma Reyes"]
    assert (6, 11) in {(m.start, m.end) for m in ents[0].mentions}  # "Reyes" in the headline


def test_sentence_case_headline_is_not_second_guessed():
    from analysis.entities.headline import title_case_headline, used_in_body

    assert title_case_headline("Harbor Board Chair Quits Amid Budget Row\n\nBody.") == (0, 40)
    assert title_case_headline("Sultan Qaboos of Oman dies at 79\n\nBody.") is None
    assert title_case_headline("A Headline With No Body") is None
    assert used_in_body("Reyes’s", "Head\nAlma Reyes spoke.", 4)
    assert not used_in_body("Reyes Plan", "Head\nThe Reyes plan.", 4)
