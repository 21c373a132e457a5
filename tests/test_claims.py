"""Reported speech (claims): every form, sources resolved as for quotes, numbers' sources."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.articles import make_article
from analysis.model import Analysis
from analysis.pipeline import analyze_doc

SEED_ARTICLE = Path(__file__).resolve().parent.parent / "seeds" / "000_634e7bab463b1986.txt"


def run(nlp, text: str) -> Analysis:
    analysis = analyze_doc(nlp(text), make_article(text, "t.txt"))
    for c in analysis.claims:
        assert text[c.start : c.end] == c.text
        if c.speaker_mention is not None:
            m = c.speaker_mention
            assert text[m.start : m.end] == m.text
    return analysis


def one(nlp, text: str, content: str):
    """The single claim of ``text``, checked to cover exactly ``content``."""
    claims = [c for c in run(nlp, text).claims if c.text == content]
    assert claims, (content, [c.text for c in run(nlp, text).claims])
    claim = claims[0]
    assert claim.start == text.index(content)
    assert claim.end == text.index(content) + len(content)
    return claim


def test_said_that_drops_that_and_the_full_stop(nlp):
    text = "Harbour master Ada Park said that the bridge will reopen in May."
    c = one(nlp, text, "the bridge will reopen in May")
    assert c.speaker == "Ada Park" and c.cue == "said"
    assert c.speaker_mention is not None and "Park" in c.speaker_mention.text


def test_told_without_that(nlp):
    text = "Ada Park told reporters the ferry would stop running on Friday."
    c = one(nlp, text, "the ferry would stop running on Friday")
    assert c.speaker == "Ada Park" and c.cue == "told"


def test_inverted_speaker_after_the_cue(nlp):
    text = "Storm damage to the pier will cost millions to repair, said Ada Park."
    c = one(nlp, text, "Storm damage to the pier will cost millions to repair")
    assert c.speaker == "Ada Park" and c.cue == "said"


def test_speaker_before_a_final_cue(nlp):
    text = "The harbour will stay closed until Monday, the coastguard said."
    c = one(nlp, text, "The harbour will stay closed until Monday")
    assert c.speaker_mention is not None and c.speaker_mention.text == "the coastguard"


def test_according_to_before_and_after(nlp):
    text = "According to officials, the bridge will reopen in May."
    c = one(nlp, text, "the bridge will reopen in May")
    assert c.cue == "According to" and c.speaker == "officials"
    text = "The bridge will reopen in May, according to the port authority."
    c = one(nlp, text, "The bridge will reopen in May")
    assert c.cue == "according to" and "authority" in (c.speaker or "")


def test_participle_takes_the_main_clause_subject(nlp):
    text = (
        "Without claiming the strike, Ukraine's military put the death toll much higher, "
        "claiming nearly 400 troops were killed."
    )
    c = one(nlp, text, "nearly 400 troops were killed")
    assert c.speaker == "Ukraine's military" and c.cue == "claiming"


def test_passive_belief_and_report_by(nlp):
    text = "Rebel units are believed to have struck the depot at dawn."
    c = one(nlp, text, "Rebel units are believed to have struck the depot at dawn")
    assert c.speaker is None and c.cue == "believed"
    text = "The second explosion was reported by Reuters."
    c = one(nlp, text, "The second explosion")
    assert c.speaker == "Reuters" and c.cue == "reported"


def test_parenthetical_cue_splits_its_sentence(nlp):
    text = "The bridge, officials said, will reopen in May."
    claims = run(nlp, text).claims
    assert [c.text for c in claims] == ["The bridge", "will reopen in May"]
    assert {c.speaker for c in claims} == {"officials"}


def test_description_source_stays_a_description(nlp):
    text = "A source close to the talks said the deal was nearly done."
    c = one(nlp, text, "the deal was nearly done")
    assert c.speaker is not None and "source" in c.speaker


def test_pronoun_source_resolves_to_the_name(nlp):
    text = (
        "Sarah Thompson has run the port for a decade. "
        "She said the new cranes would double the harbour's capacity."
    )
    c = one(nlp, text, "the new cranes would double the harbour's capacity")
    assert c.speaker == "Sarah Thompson"
    assert c.speaker_mention is not None and c.speaker_mention.text == "She"


def test_partial_quote_inside_a_claim_stays_a_quote(nlp):
    text = (
        "The ministry said that 63 servicemen were killed “as a result of a strike” "
        "in the occupied city of Makiivka."
    )
    analysis = run(nlp, text)
    content = "63 servicemen were killed “as a result of a strike” in the occupied city of Makiivka"
    assert [c.text for c in analysis.claims] == [content]
    assert [(q.text, q.kind) for q in analysis.quotes] == [("as a result of a strike", "partial")]


def test_a_direct_quote_is_never_repeated_as_a_claim(nlp):
    text = "“The bridge will reopen in May,” Ada Park said. She said nothing else."
    analysis = run(nlp, text)
    assert len(analysis.quotes) == 1
    assert analysis.claims == []


def test_an_open_question_is_not_a_claim(nlp):
    assert run(nlp, "Nobody knows who started the fire at the depot.").claims == []


def test_numbers_get_the_source_of_their_claim(nlp):
    text = (
        "The ministry said 63 servicemen were killed. Ukraine's military put the toll higher, "
        "claiming nearly 400 troops were killed. At least five people died on Sunday."
    )
    numbers = {n.text: n for n in run(nlp, text).numbers}
    assert "ministry" in (numbers["63"].source or "").lower()
    assert numbers["nearly 400"].source == "Ukraine's military"
    assert numbers["At least five"].source is None
    assert numbers["At least five"].source_entity is None


def test_seed_number_sources(nlp):
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    numbers = {n.text: n for n in run(nlp, text).numbers}
    assert numbers["63"].source is not None
    assert "defence ministry" in numbers["63"].source.lower()
    assert numbers["63"].source_entity is not None
    assert numbers["nearly 400"].source == "Ukraine’s military"
    assert numbers["at least five"].source is None


CLAIMY = st.lists(
    st.sampled_from([
        "Ada Park", "officials", "she", "said", "says", "told reporters", "according to",
        "claiming", "is believed to", "was reported by", "that", "the bridge", "will reopen",
        "nearly 400", ", ", ".", "“", "”", "\n\n", " ", "Reuters", "and", "in May",
    ]),
    max_size=40,
).map(" ".join)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=CLAIMY)
def test_claim_offsets_hold_on_any_mix(nlp, text):
    analysis = run(nlp, text)
    for c in analysis.claims:
        assert 0 <= c.start < c.end <= len(text)
    for n in analysis.numbers:
        if n.source is not None:
            assert any(
                f.start <= n.start and n.end <= f.end and f.speaker == n.source
                for f in [*analysis.quotes, *analysis.claims]
            )


def test_object_of_a_stance_verb(nlp):
    text = "Police announced the arrest of a man in the fatal shooting on Friday."
    c = one(nlp, text, "the arrest of a man in the fatal shooting")
    assert c.speaker == "Police" and c.cue == "announced"


def test_that_clause_of_any_verb(nlp):
    text = "Sarah Thompson pointed out that the ferry had never been late."
    c = one(nlp, text, "the ferry had never been late")
    assert c.speaker == "Sarah Thompson" and c.cue == "pointed"


def test_a_denied_or_withheld_stance_is_no_claim(nlp):
    text = "Without claiming the strike, the army put the toll higher."
    assert run(nlp, text).claims == []


def test_an_attribution_inside_a_claim_is_part_of_it(nlp):
    text = "Ada Park said the mayor believes the ferry will stop running in May."
    claims = run(nlp, text).claims
    assert [(c.start, c.end, c.cue) for c in claims] == [(14, 67, "said")]
    assert claims[0].text == "the mayor believes the ferry will stop running in May"


def test_a_participle_after_a_complement_is_a_claim_of_the_same_source(nlp):
    text = "The harbour master said the ferry will stop in May, saying the pier needs repairs."
    claims = run(nlp, text).claims
    assert [(c.start, c.end, c.cue) for c in claims] == [(24, 50, "said"), (59, 81, "saying")]
    assert [c.text for c in claims] == ["the ferry will stop in May", "the pier needs repairs"]
    assert claims[1].speaker_mention is not None
    assert claims[1].speaker_mention.text == "The harbour master"


def test_the_source_inside_a_relative_clause_is_found(nlp):
    # the content keeps the relative clause whole, as PolNeAR marks it ("which he believes ...")
    text = "It is a change that harbour officials believe will save money."
    c = one(nlp, text, "harbour officials believe will save money")
    assert c.cue == "believe"
    assert c.speaker_mention is not None and c.speaker_mention.text == "harbour officials"
    assert (c.speaker_mention.start, c.speaker_mention.end) == (20, 37)


def test_a_speech_verb_coordinated_with_the_complement_ends_it(nlp):
    text = "Ada Park said she would order a review of the pier and warned against further delays."
    c = one(nlp, text, "she would order a review of the pier")
    assert (c.start, c.end, c.cue) == (14, 50, "said")
    assert all(x.end <= 50 for x in run(nlp, text).claims)
