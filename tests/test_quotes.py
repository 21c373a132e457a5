"""Quote extraction: marks, attribution, speakers, scare quotes and robustness."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.entities import extract_entities
from analysis.model import Article
from analysis.quotes import extract_quotes
from analysis.quotes.marks import find_quote_spans


def run(nlp, text: str):
    doc = nlp(text)
    entities = extract_entities(doc, Article(id="t", path="t", text=text))
    quotes = extract_quotes(doc, entities)
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert text[m.start : m.end] == m.text
    return quotes


def texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text)]


# --- quote marks -------------------------------------------------------------------------------


def test_curly_straight_guillemets_and_low_marks():
    text = (
        '“We are ready,” she said. He replied "not yet". '
        "They wrote «nothing changes» and „alles gut“ here."
    )
    assert texts(text) == ["We are ready,", "not yet", "nothing changes", "alles gut"]


def test_apostrophes_and_inch_marks_are_not_quotes():
    text = (
        "Ukraine's army, the players' union and the '90s rock 'n' roll scene don't matter; "
        'he is 5\' 10" tall and owns a 12" x 9" frame.'
    )
    assert texts(text) == []


def test_single_quote_pairs_outside_double_quotes():
    text = "The headline read 'Kyiv stands firm' on Monday.\n\n“He said 'no' to me,” she said."
    assert texts(text) == ["Kyiv stands firm", "He said 'no' to me,"]


def test_nyt_double_apostrophes():
    text = "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist."
    assert texts(text) == ["This isn't tax reform,"]


def test_multi_paragraph_quote_is_a_chain():
    text = (
        "The mayor said:\n\n“The first part of the statement goes on here.\n\n"
        "“And the second part ends it,” he said.\n"
    )
    spans = find_quote_spans(text)
    assert [text[q.start : q.end] for q in spans] == [
        "The first part of the statement goes on here.",
        "And the second part ends it,",
    ]
    assert spans[0].chain == spans[1].chain and spans[1].piece == 1


def test_unbalanced_marks_recover():
    text = (
        "An odd “ mark sits in this paragraph with enough words after it\n\n"
        "Next paragraph has “a proper quote” and a stray ” mark.\n\n"
        "“Still working,” she said."
    )
    got = texts(text)
    assert "a proper quote" in got and "Still working," in got


def spans(text: str) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in find_quote_spans(text)]


def test_closing_mark_at_paragraph_start_opens_a_quote():
    text = "The floods receded on Friday.\n\n” … and then we rebuilt the whole town,” she said."
    assert spans(text) == [(33, 70)]
    assert text[33:70] == "… and then we rebuilt the whole town,"


def test_invisible_format_characters_do_not_hide_a_paragraphs_opening_mark():
    # a left-to-right embedding (U+202A) before a closing-style mark that opens the paragraph
    text = (
        "Her post drew replies.\n\n\u202a”Sorry, you should have said it sooner!!” posted Ann Lee."
    )
    assert texts(text) == ["Sorry, you should have said it sooner!!"]


def test_unclosed_paragraph_quote_runs_to_the_nested_one():
    text = (
        "The interview aired on Sunday.\n\n"
        '"HOST: Tell us why the mayor described the plan as “a bridge too far.” Then go on.\n'
    )
    assert spans(text) == [(33, 82), (84, 101)]
    assert text[33:82] == "HOST: Tell us why the mayor described the plan as"


def test_unclosed_quote_inside_a_paragraph_runs_to_the_next_opening_mark():
    text = "Ann Lee tweeted: “Crowds at the rally wearing “Vote Lind” hats. Wow.”"
    assert texts(text) == ["Crowds at the rally wearing", "Vote Lind"]


def test_stray_mark_inside_a_paragraph_is_not_a_quote():
    text = "She said “ maybe and then “this is fine,” he said."
    assert spans(text) == [(27, 40)]


# --- attribution and speakers -------------------------------------------------------------------

KYIV = (
    "KYIV - Mayor Vitali Klitschko said on Monday that Russian drones had hit two districts "
    "of the capital overnight.\n\n"
    "“An injured 19-year-old man was hospitalised,” he said.\n\n"
    "The power company Ukrenergo said the situation was “more complicated” than expected.\n\n"
    "“That is why emergency shutdowns are now in effect,” it said.\n\n"
    "Mykhailo Podolyak, an adviser to Zelensky, tweeted: “Russia no longer has any military "
    "goals.” He added: “A war to kill.”\n"
)


@pytest.fixture(scope="module")
def kyiv(nlp):
    return {q.text: q for q in run(nlp, KYIV)}


def test_pronoun_resolves_to_mayor(kyiv):
    q = kyiv["An injured 19-year-old man was hospitalised,"]
    assert q.speaker == "Vitali Klitschko"
    assert q.speaker_mention.text == "he" and q.cue == "said" and q.kind == "direct"


def test_partial_quote_in_reported_speech(kyiv):
    q = kyiv["more complicated"]
    assert q.kind == "partial" and q.speaker == "Ukrenergo" and q.cue == "said"


def test_it_resolves_to_organisation(kyiv):
    q = kyiv["That is why emergency shutdowns are now in effect,"]
    assert q.speaker == "Ukrenergo" and q.speaker_mention.text == "it"


def test_colon_cue_and_added(kyiv):
    first = kyiv["Russia no longer has any military goals."]
    second = kyiv["A war to kill."]
    assert first.speaker == "Mykhailo Podolyak" and first.cue == "tweeted"
    assert second.speaker == "Mykhailo Podolyak"


def test_partial_quote_of_a_ministry_in_reported_speech(nlp):
    text = (
        "The Russian defence ministry said on Tuesday that 63 servicemen were killed “as a "
        "result of a strike by four missiles” on the barracks in Makiivka."
    )
    (q,) = run(nlp, text)
    assert (q.start, q.end) == (text.index("as a result"), text.index("” on"))
    assert q.kind == "partial" and q.cue == "said"
    assert q.speaker == "Russian defence ministry" and q.speaker_entity is not None


def test_inverted_said_and_adding(nlp):
    text = (
        "“The grid is stable,” said Maria Kovalenko, a spokeswoman for the operator, adding: "
        "“Repairs will take weeks.”"
    )
    quotes = run(nlp, text)
    assert [q.speaker for q in quotes] == ["Maria Kovalenko", "Maria Kovalenko"]
    assert quotes[0].cue == "said"


def test_continuation_quote(nlp):
    text = (
        "“We will rebuild every school,” Oleksandr Petrenko said. “It will take years, but we "
        "will do it.”"
    )
    quotes = run(nlp, text)
    assert len(quotes) == 2
    assert quotes[1].kind == "continuation" and quotes[1].speaker == "Oleksandr Petrenko"


def test_other_cues(nlp):
    text = (
        "Andriy Melnyk told reporters: “The talks are over.”\n\n"
        "“We need air defence now,” Olena Shevchenko warned.\n\n"
        "According to Taras Bondar, “nothing has been decided yet about the bridge.”\n\n"
        "“Where are the missing trucks?” asked Ivan Hrytsenko.\n\n"
        "“The city is ready,” the ministry said in a statement."
    )
    quotes = run(nlp, text)
    cues = [q.cue for q in quotes]
    assert cues[:4] == ["told", "warned", "According to", "asked"]
    assert quotes[0].speaker == "Andriy Melnyk"
    assert quotes[2].speaker == "Taras Bondar"
    assert quotes[3].speaker == "Ivan Hrytsenko"


def test_colon_and_dash_forms(nlp):
    text = (
        "Klitschko: “The capital is under attack again tonight.”\n\n"
        "“Stay in the shelters until the all-clear sounds.” – Vitali Klitschko\n"
    )
    quotes = run(nlp, text)
    assert [q.cue for q in quotes] == [":", "–"]
    assert all("Klitschko" in (q.speaker or "") for q in quotes)


def test_dash_form_with_a_description_is_not_a_continuation(nlp):
    text = (
        "Tamsin Hale: “The river has burst its banks near the mill.”\n\n"
        "“Do not drive through flood water” - Eastbrook fire crews, in a text alert.\n"
    )
    quotes = run(nlp, text)
    assert [q.speaker for q in quotes] == ["Tamsin Hale", "Eastbrook fire crews"]
    second = quotes[1]
    assert (second.kind, second.cue, second.speaker_entity) == ("direct", "-", None)
    start = text.index("Eastbrook")
    assert (second.speaker_mention.start, second.speaker_mention.end) == (start, start + 20)


def test_description_resolves_through_title(nlp):
    text = (
        "Kyiv Mayor Vitali Klitschko visited the site on Tuesday.\n\n"
        "“Three buildings were damaged,” the mayor said."
    )
    quotes = run(nlp, text)
    assert quotes[0].speaker == "Vitali Klitschko"
    assert quotes[0].speaker_mention.text == "the mayor"


def test_appositive_name(nlp):
    text = (
        "“Russia is losing,” an adviser to Ukrainian President Volodymyr Zelensky, "
        "Mykhailo Podolyak, said."
    )
    quotes = run(nlp, text)
    assert quotes[0].speaker == "Mykhailo Podolyak"


def test_speaker_is_never_a_bare_pronoun(nlp):
    text = "“We are fine,” she said. “Really,” they said."
    for q in run(nlp, text):
        assert q.speaker is None or q.speaker.lower() not in {"he", "she", "they", "it"}
        assert q.speaker_mention is not None


# --- scare quotes and titles ---------------------------------------------------------------------


def test_scare_quotes_titles_and_nicknames_are_dropped(nlp):
    text = (
        "The so-called “special operation” entered its second year. Critics watched the film "
        "“Twenty Days in Mariupol” and a song titled “Stefania” on a show called “Morning Kyiv”. "
        "The general, nicknamed “the Iron Man”, stayed silent."
    )
    assert run(nlp, text) == []


def test_short_quote_with_cue_is_partial(nlp):
    text = "Olena Zelenska said the attacks were “barbaric” and “cowardly”."
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == ["barbaric", "cowardly"]
    assert all(q.kind == "partial" and q.speaker == "Olena Zelenska" for q in quotes)


# --- robustness ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", " ", '"', "“", "”", "''", "'", "“”", "\x00\x07 “\x1b[31m”", "„“«»‹›" * 50, "\n\n\n"],
)
def test_odd_inputs_never_raise(nlp, text):
    run(nlp, text)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["“", "”", '"', "'", "‘", "’", "«", "»", "„", " said", " he", "\n\n"]),
            st.text(max_size=12),
        ),
        max_size=30,
    ).map("".join)
)
def test_arbitrary_text_offsets_valid(nlp, text):
    for q in run(nlp, text):
        assert 0 <= q.start <= q.end <= len(text)


def test_doubled_curly_singles_close_a_quote():
    text = "“We only sell local comics,’’ says Ana Lopez, the shop's founder."
    assert texts(text) == ["We only sell local comics,"]


def test_subheads_and_labelling_quotes_are_dropped(nlp):
    text = (
        "Police said the same group ran the “sextortion” scam in October.\n\n"
        "'Hard to sleep in the shelter'\n\n"
        "“We are tracking every message,” said Inspector Dana Moore."
    )
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == ["We are tracking every message,"]
    assert quotes[0].speaker and "Moore" in quotes[0].speaker
