"""Corpus identities: one per person, organisation and place, on articles written for the test."""

from __future__ import annotations

import pytest
from desk_helpers import entity, entry

from analysis.corpus import CorpusDesk
from analysis.corpus.identity import core_key, spelling_variants


def _desk(*entries) -> CorpusDesk:
    desk = CorpusDesk.in_memory()
    desk.add(entries)
    return desk


def _names(desk: CorpusDesk) -> dict[str, tuple[str, ...]]:
    return {row.name: row.aliases for row in desk.entities()}


def _ent(text: str, name: str, label: str = "PERSON"):
    return entity(text, name, label)


def test_klitschko_brothers_and_the_mayor_by_title():
    t1 = "Kyiv Mayor Vitali Klitschko opened the bridge."
    t2 = "Vitali Klitschko spoke to reporters."
    t3 = "Wladimir Klitschko trained in Hamburg."
    desk = _desk(entry(1, t1, [_ent(t1, "Kyiv Mayor Vitali Klitschko")]),
                 entry(2, t2, [_ent(t2, "Vitali Klitschko")]),
                 entry(3, t3, [_ent(t3, "Wladimir Klitschko")]))
    rows = {r.name: r for r in desk.entities()}
    assert set(rows) == {"Vitali Klitschko", "Wladimir Klitschko"}
    assert rows["Vitali Klitschko"].articles == 2
    assert "Kyiv Mayor Vitali Klitschko" in rows["Vitali Klitschko"].aliases
    assert rows["Wladimir Klitschko"].articles == 1


def test_a_surname_joins_the_only_full_name_with_it():
    t1 = "Vitali Klitschko opened the bridge."
    t2 = "Klitschko said the bridge was safe."
    desk = _desk(entry(1, t1, [_ent(t1, "Vitali Klitschko")]),
                 entry(2, t2, [_ent(t2, "Klitschko")]))
    [row] = desk.entities()
    assert (row.name, row.articles, row.aliases) == ("Vitali Klitschko", 2, ("Klitschko",))


def test_a_surname_shared_by_two_people_stays_apart():
    t1 = "Vitali Klitschko opened the bridge."
    t2 = "Wladimir Klitschko won the fight."
    t3 = "Klitschko said the bridge was safe."
    desk = _desk(entry(1, t1, [_ent(t1, "Vitali Klitschko")]),
                 entry(2, t2, [_ent(t2, "Wladimir Klitschko")]),
                 entry(3, t3, [_ent(t3, "Klitschko")]))
    rows = {r.name: r.articles for r in desk.entities()}
    assert rows == {"Vitali Klitschko": 1, "Wladimir Klitschko": 1, "Klitschko": 1}


def test_two_spellings_are_one_person():
    t1 = "Volodymyr Zelensky addressed parliament."
    t2 = "Volodymyr Zelenskyy addressed the nation."
    t3 = "Zelenskyy thanked the allies."
    desk = _desk(entry(1, t1, [_ent(t1, "Volodymyr Zelensky")]),
                 entry(2, t2, [_ent(t2, "Volodymyr Zelenskyy")]),
                 entry(3, t3, [_ent(t3, "Zelenskyy")]))
    [row] = desk.entities()
    assert row.articles == 3
    assert {"Volodymyr Zelensky", "Volodymyr Zelenskyy"} & ({row.name} | set(row.aliases))


def test_similar_names_one_article_tells_apart_stay_apart():
    # Both spellings as separate people in one article: not variants of one name.
    t1 = "Anna Kowalski met Anna Kowalska at the court."
    desk = _desk(entry(1, t1, [_ent(t1, "Anna Kowalski"), _ent(t1, "Anna Kowalska")]))
    assert len(desk.entities()) == 2


def test_label_is_the_corpus_majority():
    texts = [f"Twitter suspended the account number {i}." for i in range(3)]
    entries = [entry(i, t, [_ent(t, "Twitter", "ORG")]) for i, t in enumerate(texts)]
    t = "Twitter said nothing."
    desk = _desk(*entries, entry(9, t, [_ent(t, "Twitter", "PERSON")]))
    [row] = desk.entities()
    assert (row.label, row.articles) == ("ORG", 4)


def test_an_acronym_joins_its_organisation_where_an_article_wrote_it_so():
    t1 = "The World Health Organization (WHO) issued guidance."
    t2 = "The WHO said cases fell."
    t3 = "The Canadian Broadcasting Corporation aired it. CBC said so."
    t4 = "The CBC said cases fell."
    desk = _desk(entry(1, t1, [entity(t1, "World Health Organization", "ORG",
                                      "World Health Organization", "WHO")]),
                 entry(2, t2, [_ent(t2, "WHO", "ORG")]),
                 entry(3, t3, [_ent(t3, "Canadian Broadcasting Corporation", "ORG")]),
                 entry(4, t4, [_ent(t4, "CBC", "ORG")]))
    rows = {r.name: (r.aliases, r.articles) for r in desk.entities()}
    assert rows["World Health Organization"] == (("WHO",), 2)
    assert rows["CBC"] == ((), 1)  # initials alone are no evidence


def test_a_first_name_alone_is_no_surname():
    t1 = "Seth John spoke."
    t2 = "John Smith and John Doe spoke."
    t3 = "John waved."
    desk = _desk(entry(1, t1, [_ent(t1, "Seth John")]),
                 entry(2, t2, [_ent(t2, "John Smith"), _ent(t2, "John Doe")]),
                 entry(3, t3, [_ent(t3, "John")]))
    assert "John" in {r.name for r in desk.entities()}


@pytest.mark.parametrize(("a", "b", "same"), [
    ("zelensky", "zelenskyy", True), ("zelenskyy", "zelenskiy", True),
    ("klitschko", "klitchko", True), ("austria", "australia", False),
    ("slovakia", "slovenia", False), ("iran", "iraq", False), ("smith", "smyth", False),
])
def test_spelling_variants(a, b, same):
    assert spelling_variants(a, b) is same


def test_core_key_drops_titles_of_people_only():
    assert core_key("kyiv mayor vitali klitschko", "PERSON") == "vitali klitschko"
    assert core_key("prime minister", "PERSON") == "prime minister"  # nothing left: unchanged
    assert core_key("ministry of health", "ORG") == "ministry of health"


def test_strong_evidence_outweighs_a_majority_of_word_only_guesses():
    from analysis.corpus.identity import NameStat, majority_label, resolve

    guesses = {"PERSON": 60, "ORG": 10}
    evidence = {"PERSON": (0, 30.0), "ORG": (10, 20.0)}  # sixty weak guesses, ten "on Twitter"
    assert majority_label(guesses, evidence) == "ORG"
    assert majority_label(guesses) == "PERSON"  # by count alone
    found = resolve([NameStat(1, "twitter", "Twitter", guesses, 70, evidence)])
    assert [i.label for i in found] == ["ORG"]


def test_a_party_and_its_supporters_are_one_identity():
    from analysis.corpus.identity import NameStat, resolve

    names = [
        NameStat(1, "democratic party", "Democratic party", {"ORG": 12}, 12),
        NameStat(2, "democrats", "Democrats", {"NORP": 12}, 12),
        NameStat(3, "democratic", "Democratic", {"NORP": 21}, 21),
        NameStat(4, "united states democratic party", "United States Democratic Party",
                 {"ORG": 4}, 4),
        NameStat(5, "iowa democratic party", "Iowa Democratic Party", {"ORG": 1}, 1),
        NameStat(6, "republicans", "Republicans", {"NORP": 6}, 6),
    ]
    found = {i.name: i for i in resolve(names)}
    party = found["Democratic Party"]
    assert sorted(party.nids) == [1, 2, 3, 4] and party.label == "ORG"
    assert "Iowa Democratic Party" in found  # a state party is its own
    assert found["Republicans"].label == "NORP"  # no "Republican Party" named: left alone


def test_a_leading_the_does_not_make_another_organisation():
    from analysis.corpus.identity import NameStat, resolve

    names = [NameStat(1, "associated press", "Associated Press", {"ORG": 9}, 9),
             NameStat(2, "the associated press", "The Associated Press", {"ORG": 1}, 1),
             NameStat(3, "the hague", "The Hague", {"GPE": 2}, 2)]
    found = {i.name: sorted(i.nids) for i in resolve(names)}
    assert found["Associated Press"] == [1, 2] and found["The Hague"] == [3]


def test_a_middle_initial_is_the_same_person():
    t1 = "Donald J. Trump signed the order."
    t2 = "Donald Trump spoke in Ohio."
    desk = _desk(entry(1, t1, [_ent(t1, "Donald J. Trump")]),
                 entry(2, t2, [_ent(t2, "Donald Trump")]))
    [row] = desk.entities()
    assert (row.name, row.articles) == ("Donald Trump", 2)


def test_two_sets_of_middle_initials_stay_apart():
    t1 = "George W. Bush spoke."
    t2 = "George H. W. Bush spoke."
    t3 = "George Bush spoke."
    desk = _desk(entry(1, t1, [_ent(t1, "George W. Bush")]),
                 entry(2, t2, [_ent(t2, "George H. W. Bush")]),
                 entry(3, t3, [_ent(t3, "George Bush")]))
    assert len(desk.entities()) == 3


def test_a_surname_joins_the_full_name_that_dominates_and_family_stays_apart():
    texts = [f"Donald Trump spoke in city {i}. Trump said more." for i in range(6)]
    entries = [entry(i, t, [_ent(t, "Donald Trump"), _ent(t, "Trump")])
               for i, t in enumerate(texts)]
    t7 = "Ivanka Trump and Donald Trump Jr. visited the plant."
    t8 = "Trump said the plant would stay open."
    entries += [entry(7, t7, [_ent(t7, "Ivanka Trump"), _ent(t7, "Donald Trump Jr.")]),
                entry(8, t8, [_ent(t8, "Trump")])]
    rows = {r.name: r.articles for r in _desk(*entries).entities()}
    assert rows == {"Donald Trump": 7, "Ivanka Trump": 1, "Donald Trump Jr.": 1}


def test_a_surname_beside_two_brothers_named_as_often_stays_apart():
    t1 = "Vitali Klitschko and Wladimir Klitschko trained. Klitschko won."
    t2 = "Vitali Klitschko opened the bridge."
    desk = _desk(entry(1, t1, [_ent(t1, "Vitali Klitschko"), _ent(t1, "Wladimir Klitschko"),
                               _ent(t1, "Klitschko")]),
                 entry(2, t2, [_ent(t2, "Vitali Klitschko")]))
    assert {r.name for r in desk.entities()} == {"Vitali Klitschko", "Wladimir Klitschko",
                                                  "Klitschko"}


def test_an_epithet_in_front_of_a_common_full_name_joins_it():
    texts = [f"Hillary Clinton spoke in town {i}." for i in range(3)]
    entries = [entry(i, t, [_ent(t, "Hillary Clinton")]) for i, t in enumerate(texts)]
    t9 = "Crooked Hillary Clinton lost, he wrote."
    entries.append(entry(9, t9, [_ent(t9, "Crooked Hillary Clinton")]))
    [row] = _desk(*entries).entities()
    assert (row.name, row.articles) == ("Hillary Clinton", 4)


def test_a_middle_name_joins_the_usual_name_which_stays_the_identitys_name():
    texts = [f"Hillary Clinton spoke in town {i}." for i in range(3)]
    entries = [entry(i, t, [_ent(t, "Hillary Clinton")]) for i, t in enumerate(texts)]
    t9 = "Hillary Rodham Clinton signed the book."
    entries.append(entry(9, t9, [_ent(t9, "Hillary Rodham Clinton")]))
    [row] = _desk(*entries).entities()
    assert (row.name, row.articles) == ("Hillary Clinton", 4)


def test_a_surname_that_also_starts_a_stray_name_still_joins():
    texts = [f"Donald Trump spoke in city {i}." for i in range(4)]
    entries = [entry(i, t, [_ent(t, "Donald Trump")]) for i, t in enumerate(texts)]
    t8 = "Trump Maxwell scored. Trump said the plant would stay open."
    entries.append(entry(8, t8, [_ent(t8, "Trump Maxwell"), _ent(t8, "Trump")]))
    rows = {r.name: r.articles for r in _desk(*entries).entities()}
    assert rows["Donald Trump"] == 5 and "Trump" not in rows


def test_a_name_with_a_possessive_left_on_is_the_name():
    t1 = "Donald Trump spoke."
    t2 = "Donald Trump‘s plan was read."
    desk = _desk(entry(1, t1, [_ent(t1, "Donald Trump")]),
                 entry(2, t2, [_ent(t2, "Donald Trump‘s")]))
    [row] = desk.entities()
    assert (row.name, row.articles) == ("Donald Trump", 2)
