"""Labels from evidence beyond the word: the name's shape and its role (made-up sentences)."""

from __future__ import annotations

from analysis.entities import extract_entities
from analysis.entities.evidence import coined_word, label_strength, person_shape, shape_label
from analysis.entities.given_names import is_given_name
from analysis.model import Article, Entity


def run(nlp, text: str) -> list[Entity]:
    return extract_entities(nlp(text), Article(id="t", path="t.txt", text=text))


def label_of(ents: list[Entity], name: str) -> str | None:
    return next((e.label for e in ents if e.name == name), None)


def test_given_names_come_from_the_name_dictionary():
    assert is_given_name("Patrice") and is_given_name("Carlotta")
    assert not is_given_name("Twitter") and not is_given_name("patrice")


def test_shape_of_a_name():
    assert shape_label("Marguerite Day Animal Foundation") == "ORG"
    assert shape_label("Oskar Wendel") == "PERSON"
    assert shape_label("Kenwood Congress Centre") is None  # a centre is as often a body
    assert shape_label("Twitter") is None
    assert not person_shape(["The", "Wanderers"])  # a stop word is no given name
    assert not person_shape(["Jordan", "River"])  # a natural place's head word


def test_coined_words_are_brands_not_people():
    assert coined_word("SpaceX") and coined_word("YouTube") and coined_word("Portfolio.hu")
    assert not coined_word("McConnell") and not coined_word("DeWine")
    assert not coined_word("Twitter")


def test_known_given_name_and_surname_is_a_person(nlp):
    text = ("The council met on Monday. Carlotta Weibl, who chairs it, opened the session, "
            "and Weibl asked for a vote.")
    assert label_of(run(nlp, text), "Carlotta Weibl") == "PERSON"


def test_a_medium_reached_via_or_posted_on_is_an_organisation(nlp):
    text = ("The mayor resigned on Friday. \"I am leaving,\" she wrote on Twitter. Her deputy "
            "also spoke via Twitter later that night.")
    assert label_of(run(nlp, text), "Twitter") == "ORG"


def test_a_person_is_not_merged_into_the_foundation_named_after_her(nlp):
    text = ("Marguerite Dallaway died on Monday. The Marguerite Dallaway Animal Foundation, "
            "which she set up in 1978, said Marguerite Dallaway had been ill.")
    ents = run(nlp, text)
    assert label_of(ents, "Marguerite Dallaway Animal Foundation") == "ORG"
    person = next(e for e in ents if e.name == "Marguerite Dallaway")
    assert person.label == "PERSON" and len(person.mentions) == 2


def test_label_strength_ranks_evidence():
    text = "Posts were shared via Twitter. Later Twitter said so. Carlotta Weibl agreed."
    tw = [(22, 29), (37, 44)]
    assert label_strength(text, "Twitter", "ORG", tw) == 2.0
    assert label_strength(text, "Twitter", "PERSON", tw) == 0.25
    assert label_strength(text, "Carlotta Weibl", "PERSON", [(56, 70)]) == 3.0
    assert label_strength(text, "Carlotta Weibl", "ORG", [(56, 70)]) == 0.25
    assert label_strength("Later Twitter said so.", "Twitter", "PERSON", [(6, 13)]) == 0.5


def names(ents: list[Entity]) -> dict[str, str]:
    return {e.name: e.label for e in ents}


def test_hyphenated_given_names_stay_whole_and_compounds_do_not(nlp):
    found = names(run(nlp, "Protest leader Wong Yeung-tat met the Biden-led delegation."))
    assert "Wong Yeung-tat" in found and "Biden" in found


def test_qualifiers_of_names_are_kept(nlp):
    found = names(run(nlp, "Environment Canada issued a warning. The Neo Democrats won two "
                           "seats in Kowloon West and one in Kowloon East."))
    assert found.get("Environment Canada") == "ORG" and "Canada" not in found
    assert "Neo Democrats" in found
    assert "Kowloon West" in found and "Kowloon East" in found  # two places, not one


def test_pro_prefix_leaves_the_place(nlp):
    ents = run(nlp, "Members of the pro-Beijing camp in Hong Kong met on Sunday.")
    assert names(ents).get("Beijing") == "GPE"


def test_capitalised_bodies_made_of_common_words_are_names(nlp):
    found = names(run(nlp, "She spoke at the State Department and later at Duke University."))
    assert found.get("State Department") == "ORG" and found.get("Duke University") == "ORG"


def test_diseases_are_left_out_by_their_context(nlp):
    from analysis.entities.evidence import disease

    text = "She tested positive for Zarvox-9 and the Zarvox-9 pandemic spread to Quorvatek."
    assert disease(text, [(24, 32)]) and disease(text, [(41, 49)])
    assert not disease(text, [(70, 79)])
    found = names(run(nlp, "The mayor tested positive for COVID-19 on Monday, and the "
                           "COVID-19 pandemic closed schools in Ohio."))
    assert "COVID-19" not in found and "Ohio" in found


def test_two_names_joined_by_the_are_split_but_one_name_is_not(nlp):
    found = names(run(nlp, "Bryant was killed, Twitter the Federal Aviation Administration "
                           "said. The Bank of the West agreed."))
    assert "Federal Aviation Administration" in found and "Bank of the West" in found
    assert not any(n.startswith("Twitter the") for n in found)


def test_a_ships_prefix_makes_a_vessel_apart_from_the_person_it_is_named_after(nlp):
    ents = run(nlp, "Their ship, MV Alan Kurdi, was previously MV Professor Albrecht Penck. "
                    "It is named after Alan Kurdi, a boy who drowned. Space Shuttle Atlantis "
                    "landed later.")
    found = names(ents)
    assert found.get("MV Alan Kurdi") == "PRODUCT"
    assert found.get("MV Professor Albrecht Penck") == "PRODUCT"
    assert found.get("Space Shuttle Atlantis") == "PRODUCT"
    person = next(e for e in ents if e.name == "Alan Kurdi")
    assert [m.text for m in person.mentions] == ["Alan Kurdi"]


def test_a_news_agency_in_a_dateline_is_not_the_place_it_reports_from(nlp):
    from analysis.entities.merge import letters_in_order

    assert letters_in_order("AfCFTA", "African Continental Free Trade Area")
    assert not letters_in_order("AP", "WASHINGTON")
    text = ("Senate passes budget bill\n\nWASHINGTON (AP) — The Senate passed the bill on "
            "Monday, the Associated Press reported. AP reporters in Washington said so.\n")
    article = Article(id="t", path="t.txt", text=text, dateline="WASHINGTON",
                      dateline_span=(text.index("WASHINGTON"), text.index("WASHINGTON") + 10))
    ents = {e.name: [m.text for m in e.mentions] for e in extract_entities(nlp(text), article)}
    agency = next(v for k, v in ents.items() if "AP" in v)
    assert "WASHINGTON" not in agency and "Washington" not in agency


def test_describing_word_left_out_of_a_persons_name_and_group_forms_merged(nlp):
    ents = run(nlp, "Guitarist Eddie Van Halen died on Tuesday. Afghan girls met other Afghans.")
    found = names(ents)
    assert "Eddie Van Halen" in found
    group = next(e for e in ents if e.label == "NORP")
    assert {m.text for m in group.mentions} == {"Afghan", "Afghans"}


def test_a_given_name_before_a_city_makes_a_person_and_initials_are_found(nlp):
    ents = run(nlp, "Former member Valeska Paris said she was held on a ship. Paris said the "
                    "church denied it. The World Health Organization said WHO experts agreed.")
    found = {e.name: (e.label, [m.text for m in e.mentions]) for e in ents}
    assert found["Valeska Paris"] == ("PERSON", ["Valeska Paris", "Paris"])
    assert found["World Health Organization"][1] == ["World Health Organization", "WHO"]


def test_a_country_inside_a_currency_is_no_mention(nlp):
    found = names(run(nlp, "Trade in Africa is paid in US dollars, while the US buys gold."))
    mentions = [m.text for e in run(nlp, "Trade is paid in US dollars. The US buys gold.")
                for m in e.mentions]
    assert mentions.count("US") == 1 and "United States" in found
