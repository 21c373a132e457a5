"""Search over reported speech (claims) and quotes found by their speaker's name (no spaCy)."""

from __future__ import annotations

import pytest

from analysis.model import Analysis, Article, Claim, Entity, Mention, Quote
from analysis.search import SearchIndex
from analysis.search.query import parse_query

TEXT = (
    "Drones over the capital\n\n"
    "Mayor Anatoly Klitschenko reported an explosion in the north of the city. "
    "“An injured 19-year-old man was hospitalised in the Desnianka district,” he said.\n\n"
    "The ministry said rocket systems had been used against the depot. "
    "According to Klitschenko, the bridge will reopen in May. "
    "Klitschenko later visited the depot with firefighters."
)


def at(s: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return start, start + len(s)


INJURED = "An injured 19-year-old man was hospitalised in the Desnianka district,"
ROCKETS = "rocket systems had been used against the depot"
BRIDGE = "the bridge will reopen in May"


def drones() -> tuple[Article, Analysis]:
    article = Article(id="drones", path="/news/drones.txt", text=TEXT,
                      title="Drones over the capital")
    klitschenko = [Mention(*at("Anatoly Klitschenko"), "Anatoly Klitschenko"),
                   Mention(*at("he said")[:1], at("he said")[0] + 2, "he"),
                   Mention(*at("Klitschenko", 1), "Klitschenko"),
                   Mention(*at("Klitschenko", 2), "Klitschenko")]
    analysis = Analysis(
        entities=[Entity("e1", "Anatoly Klitschenko", "PERSON", klitschenko),
                  Entity("e2", "Desnianka", "GPE", [Mention(*at("Desnianka"), "Desnianka")])],
        quotes=[Quote(*at(INJURED), INJURED, "direct", "Anatoly Klitschenko", "e1",
                      klitschenko[1], "said")],
        claims=[Claim(*at(ROCKETS), ROCKETS, "the ministry", None,
                      Mention(*at("The ministry"), "The ministry"), "said"),
                Claim(*at(BRIDGE), BRIDGE, "Anatoly Klitschenko", "e1", klitschenko[2],
                      "according to")],
    )
    return article, analysis


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    ix = SearchIndex()
    ix.add(*drones())
    return ix


def test_fixture_offsets_hold():
    _, analysis = drones()
    for fact in [*analysis.quotes, *analysis.claims,
                 *[m for e in analysis.entities for m in e.mentions]]:
        assert TEXT[fact.start:fact.end] == fact.text


def test_claims_are_found_with_kind_claim(index):
    hits = index.search("rockit systems", kind="claim")
    assert [(h.kind, h.text, h.speaker, h.cue) for h in hits] == [
        ("claim", ROCKETS, "the ministry", "said")]
    assert TEXT[hits[0].start:hits[0].end] == ROCKETS
    assert index.search("kind:claim rockit systems") and index.search("kind:claim bridge reopen")
    assert all(h.kind == "claim" for h in index.search("kind:claim depot"))
    hit = index.search("rocket systems used")[0]
    assert hit.kind == "claim"
    assert hit.to_dict()["speaker"] == "the ministry" and "label" not in hit.to_dict()


def test_speaker_filter_keeps_quotes_and_claims(index):
    hits = index.search("speaker:klitschenko")
    assert {(h.kind, h.text) for h in hits} == {("quote", INJURED), ("claim", BRIDGE)}
    assert [h.text for h in index.search("speaker:klitschenko kind:claim")] == [BRIDGE]
    assert [h.text for h in index.search("speaker:klitschenko bridge")] == [BRIDGE]
    assert [h.text for h in index.search("speaker:ministry", kind="claim")] == [ROCKETS]
    assert index.search("speaker:ministry", kind="quote") == []
    assert index.search("speaker:klitschenko", kind="entity") == []


def test_speaker_filter_query_parsing():
    assert parse_query("speaker:ada").kinds == ("quote", "claim")
    q = parse_query("speaker:ada kind:claim")
    assert (q.kind, q.kinds, q.impossible) == ("claim", ("claim",), False)
    assert parse_query("speaker:ada label:org").impossible
    assert parse_query("kind:claim", kind="quote").impossible
    assert parse_query("hello").kinds is None and not parse_query("hello").has_filters


def test_a_quote_is_found_by_its_speakers_name_and_its_words(index):
    # The quote's own words hold neither "Klitschenko" nor anything like it: "he said".
    assert "Klitschenko" not in INJURED
    hits = index.search("klitchenko hospitl")
    quotes = [h for h in hits if h.kind == "quote"]
    assert quotes and quotes[0].text == INJURED
    assert hits.index(quotes[0]) < 3
    # The highlight marks the quote's words, never beyond the quote.
    assert quotes[0].matched and all(e <= len(INJURED) for _, e in quotes[0].matched)
    assert any("hospitalised" in INJURED[s:e] for s, e in quotes[0].matched)
    claims = index.search("klitchenko reopen", kind="claim")
    assert [h.text for h in claims] == [BRIDGE]


def test_the_speakers_name_lists_their_words_first_without_swamping_the_results(index):
    from analysis.search.index import SPEAKER_QUOTES

    hits = index.search("klitschenko")
    # The person first, then what they said (issue 26: a query that matches a speaker ranks
    # that speaker's quotes among the first hits), then the sentences naming them.
    assert hits[0].kind == "entity" and hits[0].text.endswith("Klitschenko")
    spoken = [i for i, h in enumerate(hits) if h.kind in ("quote", "claim")]
    naming = [i for i, h in enumerate(hits) if h.kind in ("entity", "sentence")
              and "klitschenko" in h.text.lower()]
    assert spoken and all(h.kind == "entity" for h in hits[: spoken[0]]) and spoken[0] <= 3
    assert all(hits[i].speaker.endswith("Klitschenko") for i in spoken[:SPEAKER_QUOTES])
    assert INJURED in [hits[i].text for i in spoken]  # its words hold no "Klitschenko"
    # Not swamped: at most SPEAKER_QUOTES of their items come before the sentences naming them.
    assert len([i for i in spoken if i < max(naming)]) <= SPEAKER_QUOTES
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    # A name the speakers do not have lists no one's words first.
    assert index.search("hospitalised")[0].kind != "claim"


def test_a_quote_matching_its_own_words_is_not_penalised(index):
    exact = index.search("hospitalised in the Desnianka district", kind="quote")
    assert exact[0].text == INJURED and exact[0].score == 100


def test_claims_and_speakers_change_the_indexed_document():
    ix = SearchIndex()
    article, analysis = drones()
    ix.add(article, analysis)
    analysis.claims[0].speaker = "the defence ministry"
    ix.add(article, analysis)
    assert [h.speaker for h in ix.search("rocket systems", kind="claim")] == [
        "the defence ministry"]
    analysis.claims = []
    ix.add(article, analysis)
    assert ix.search("rocket systems", kind="claim") == []


def test_kind_filter_finds_claims_of_one_kind():
    text = ("Port news\n\nThe harbour master said the ferry will sail on Friday. "
            "Engineers believe the ferry can sail on Friday. "
            "The union vowed to stop the ferry on Friday.")
    said, believed, vowed = ("the ferry will sail on Friday", "the ferry can sail on Friday",
                             "to stop the ferry on Friday")
    claims = [Claim(text.index(s), text.index(s) + len(s), s, who, cue=cue, kind=kind)
              for s, who, cue, kind in ((said, "The harbour master", "said", "speech"),
                                        (believed, "Engineers", "believe", "belief"),
                                        (vowed, "The union", "vowed", "intent"))]
    ix = SearchIndex()
    ix.add(Article(id="port", path="port.txt", text=text, title="Port news"),
           Analysis(claims=claims))
    assert [h.text for h in ix.search("ferry friday", kind="claim")] != []
    for kind, expected in (("speech", said), ("belief", believed), ("intent", vowed)):
        hits = ix.search(f"kind:{kind} ferry friday")
        assert [(h.kind, h.text) for h in hits] == [("claim", expected)]
        assert hits[0].to_dict()["claim_kind"] == kind
        assert [h.text for h in ix.search(f"kind:{kind}")] == [expected]  # filter alone
    assert [h.text for h in ix.search("kind:belief speaker:engineers")] == [believed]
    assert ix.search("kind:belief speaker:union") == []
    q = parse_query("kind:belief")
    assert (q.kinds, q.label, q.impossible) == (("claim",), "belief", False)
    assert parse_query("kind:belief label:org").impossible
    assert parse_query("kind:intent", kind="quote").impossible
