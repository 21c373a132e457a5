"""Quote extraction rules: nested reported speech, descriptions, documents, transcripts,
loosely reported partial quotes and headlines."""

from __future__ import annotations

from test_quotes import run  # extraction with the offsets contract checked

from analysis.entities import extract_entities
from analysis.model import Article, Entity, Mention
from analysis.quotes.speakers import EntityIndex


def by_text(quotes):
    return {q.text: q for q in quotes}


# --- attribution ---------------------------------------------------------------------------------


def test_outer_speaker_owns_a_quote_in_reported_speech(nlp):
    text = (
        "Senator Maria Delgado mocked the complaint, saying anyone who complains about a "
        "microphone “is not having a good night.”"
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Maria Delgado"


def test_participle_takes_the_main_clause_subject(nlp):
    text = (
        "After saying the plan was “dead on arrival,” Senator Ruth Adler left the chamber "
        "without taking questions."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Ruth Adler"


def test_transcript_label_names_the_speaker(nlp):
    text = (
        "Senator Anna Kowalski spoke to the host on Sunday.\n\n"
        '"HOST: Will you run again next year?\n\n'
        '"KOWALSKI: We will win this seat, and we will win it by a wide margin."\n'
    )
    quotes = by_text(run(nlp, text))
    q = next(q for t, q in quotes.items() if t.startswith("KOWALSKI"))
    assert q.speaker == "Anna Kowalski" and q.speaker_mention.text == "KOWALSKI"


def test_standalone_quote_belongs_to_the_sentence_before(nlp):
    text = (
        "Senator Bernard Holt promised to stay in the race until the convention.\n\n"
        "“We are in this until the last ballot is cast, and nobody will change that!”"
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Bernard Holt" and q.cue is None


def test_it_prefers_an_organisation_to_a_country(nlp):
    text = (
        "In Canada, the Royal Bank of Canada announced new fees on Monday.\n\n"
        "“The change affects fewer than one in ten customers,” it said."
    )
    (q,) = run(nlp, text)
    assert q.speaker is not None and "Bank" in q.speaker


def test_he_is_the_latest_main_subject_not_the_most_prominent_man(nlp):
    text = (
        "Mr. Adams has run the bakery on Elm Street for thirty years. Adams said his wife still "
        "bakes every loaf by hand.\n\n"
        "Last spring Tom Brennan took over the morning shift. Brennan said Adams had taught him "
        "everything, and that Adams still checks every tray.\n\n"
        "“I burned the first hundred loaves,” he said."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Tom Brennan"


# --- descriptions and documents ------------------------------------------------------------------


def test_unnamed_description_is_the_speaker(nlp):
    text = "“We have no comment on the lawsuit at this time,” a spokesperson for the airline said."
    (q,) = run(nlp, text)
    assert q.speaker is not None and "spokesperson" in q.speaker


def test_epithet_points_back_to_the_person_introduced(nlp):
    text = (
        "Mara Quinlan opened her bakery on Queen Street in 2010 after years in finance.\n\n"
        "“Bread is the only thing I ever wanted to make,” the cheerful baker says."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Mara Quinlan"
    assert q.speaker_mention.text.endswith("baker")


def test_description_first_met_indefinite_stays_unnamed(nlp):
    text = (
        "Justice Minister David Lametti will make the final call on the case.\n\n"
        "“The process is long and it is fair,” a justice official said at a briefing.\n\n"
        "“Most requests succeed in the end,” the official said."
    )
    quotes = run(nlp, text)
    assert quotes[-1].speaker is not None and "Lametti" not in quotes[-1].speaker


def test_statement_speaks_for_its_author(nlp):
    text = (
        "Health Minister Carol Fenwick responded on Friday.\n\n"
        "“The delays are unacceptable and they will end,” her statement said."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Carol Fenwick"


def test_photo_credit_is_not_a_speaker(nlp):
    text = (
        "Premier Tom Walsh toured the flooded town on Monday. (Kim Lee/Canadian Press)\n\n"
        "“Every family here will get help from the province,” he said."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Tom Walsh"


# --- which quotes are kept -----------------------------------------------------------------------


def test_markup_attributes_are_not_quotes(nlp):
    text = (
        '<tweet author="@citydesk" title="The mayor says the road will reopen soon">'
        "Road closed</tweet>\n\n"
        "“The road will reopen on Friday,” Mayor Joan Berry said."
    )
    assert [q.text for q in run(nlp, text)] == ["The road will reopen on Friday,"]


def test_words_someone_used_are_quotes_not_titles(nlp):
    text = "Governor Lena Hart used the phrase “a lost decade” twice in her speech on Monday."
    (q,) = run(nlp, text)
    assert q.text == "a lost decade" and q.speaker == "Lena Hart"


def test_short_quote_in_a_reporting_sentence_is_kept(nlp):
    text = (
        "Critics pounced on Governor Lena Hart's claim that the old bridge was “perfectly "
        "safe” for trucks."
    )
    (q,) = run(nlp, text)
    assert q.text == "perfectly safe" and q.speaker == "Lena Hart"


def test_short_quote_without_reporting_or_name_is_dropped(nlp):
    text = "The river rose again, and the old bridge looked “rather shaky” to everyone there."
    assert run(nlp, text) == []


def test_single_word_in_a_reporting_sentence_stays_a_label(nlp):
    text = "Police Chief Dana Moore said the “sextortion” emails came from one group."
    assert run(nlp, text) == []


def test_title_word_needs_a_capitalised_title(nlp):
    text = (
        "The council told the city to release the videos “without any further delay,” "
        "Councillor Mark Evans said."
    )
    (q,) = run(nlp, text)
    assert (q.start, q.end) == (49, 75) and q.speaker == "Mark Evans"


def test_a_verb_is_not_a_title_word(nlp):
    text = "The union's leader, Tom Park, shows “real courage” in the talks, members said."
    (q,) = run(nlp, text)
    assert (q.start, q.end) == (37, 49)


def test_a_colon_after_a_title_word_introduces_a_quote(nlp):
    text = (
        "The memo carried a blunt headline: “Nobody Reads These Reports,” Director Sam Ortiz wrote."
    )
    (q,) = run(nlp, text)
    assert (q.start, q.end) == (36, 63)


def test_a_work_title_is_still_dropped(nlp):
    assert run(nlp, "She starred in the film “Northern Lights” last year.") == []


def test_a_nickname_someone_gives_is_a_quote(nlp):
    text = "Governor Lena Hart called her rival “Mister Maybe” at the rally."
    (q,) = run(nlp, text)
    assert (q.start, q.end) == (37, 49) and q.speaker == "Lena Hart"


def test_a_name_given_with_as_is_a_quote(nlp):
    text = "Critics on the council branded Lena Hart as “Madam Gridlock” after the vote."
    (q,) = run(nlp, text)
    assert (q.start, q.end) == (45, 59)


def test_an_attributed_judgement_before_a_noun_is_a_quote(nlp):
    text = "Senator Paul Grady said the board ran a “rigged” review of the contract."
    (q,) = run(nlp, text)
    assert (q.start, q.end) == (41, 47) and q.speaker == "Paul Grady"


def test_a_speaker_line_in_a_headline_keeps_its_quote(nlp):
    text = (
        "Mayor Joan Berry: ‘We Will Rebuild Every Street’\n\n"
        "The storm hit the coast on Monday and the mayor toured the damage."
    )
    (q,) = run(nlp, text)
    assert (q.start, q.end) == (19, 47) and q.speaker == "Joan Berry"


def test_transcript_line_with_a_nested_quote(nlp):
    text = (
        "Senator Anna Kowalski spoke on Sunday.\n\n"
        '"KOWALSKI: Nobody on my staff has ever called the plan “a bridge too far.” We back it.\n'
    )
    quotes = run(nlp, text)
    assert [(q.start, q.end) for q in quotes] == [(41, 94), (96, 113)]
    assert quotes[0].speaker == "Anna Kowalski"


def test_quote_in_a_headline_is_dropped(nlp):
    text = (
        "Mayor Calls Budget Plan ‘Final’ After Long Night\n\n"
        "The city council met until 2 a.m. to approve the budget.\n\n"
        "“This is the final plan,” Mayor Joan Berry said."
    )
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == ["This is the final plan,"]


def test_first_line_that_is_a_sentence_keeps_its_quote(nlp):
    text = "Andriy Melnyk told reporters: “The talks are over.”\n\nNothing else was said."
    assert [q.text for q in run(nlp, text)] == ["The talks are over."]


def test_colon_form_prefers_the_person_over_a_title_word(nlp):
    text = (
        "Storm damage was worst on the coast.\n\n"
        "Harbour master Ruth Lindqvist: “The breakwater held. Without it we would be counting "
        "far more losses.”"
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Ruth Lindqvist" and q.cue == ":"


def test_dash_form_name_is_read_up_to_the_first_comma(nlp):
    text = (
        "Officials urged caution all week.\n\n"
        "“Stay indoors, stay away from the seafront” – Daniel Okafor, in a message sent to "
        "every phone in the city on Tuesday night."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Daniel Okafor"


def test_inverted_speaker_the_parse_hangs_on_a_later_verb(nlp):
    text = (
        "Wages rose.\n\n"
        '"I am more skilled with my hands than I am with my brain," said Tomas Brennick, '
        "half joking. He holds two degrees."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Tomas Brennick"
    assert q.speaker_mention.start == text.index("Tomas Brennick")


def test_a_noun_after_a_cue_before_the_quote_is_what_is_spoken_of(nlp):
    quotes = run(nlp, (
        "Mayor Tess Halden referred to the chief as \"a steady hand\" but described his "
        "department as a \"work in progress.\"\n\n"
        "Senator Ivo Brandt defended the vote, slamming lawmakers for their \"reckless haste\" "
        "on the bill."
    ))
    assert [q.speaker for q in quotes] == ["Tess Halden", "Tess Halden", "Ivo Brandt"]


def test_the_person_named_by_calling_is_not_the_speaker(nlp):
    text = (
        "Governor Lena Ortiz hammered the developer, calling him a \"serial liar\" and a "
        "\"menace to the coast.\""
    )
    quotes = run(nlp, text)
    assert [q.speaker for q in quotes] == ["Lena Ortiz", "Lena Ortiz"]


def test_a_named_subject_acting_on_a_quote_without_a_cue_is_its_speaker(nlp):
    text = (
        "“We will rebuild every house,” said Mayor Hal Brecker.\n\n"
        "Later, Councillor Otto Brand offered “my thoughts and prayers for all of the families.”"
    )
    first, second = run(nlp, text)
    assert first.speaker == "Hal Brecker"
    assert (second.speaker, second.cue) == ("Otto Brand", "offered")
    assert second.speaker_mention.text == "Councillor Otto Brand"


def test_a_quote_in_its_own_sentence_still_continues_the_speaker(nlp):
    text = (
        "“The water came in fast,” Dennis Brooke says. “If I can help the next family, "
        "that is good for me.”\n\nResident Nadia Jamil agreed with the plan."
    )
    quotes = run(nlp, text)
    assert [q.speaker for q in quotes] == ["Dennis Brooke", "Dennis Brooke"]


def test_a_line_of_single_quoted_words_is_a_subhead(nlp):
    text = (
        "The merger was announced on Monday.\n\n"
        "‘A fight from start to finish.’\n\n"
        "“It was never my idea,” said chief executive Carla Venn."
    )
    assert [q.text for q in run(nlp, text)] == ["It was never my idea,"]


def test_a_term_a_naming_verb_gives_is_a_quote_of_its_namer(nlp):
    text = 'Mayor Ada Kiel refers to the levy as "the harbour tax" in every speech.'
    (q,) = run(nlp, text)
    assert (q.text, q.speaker, q.cue) == ("the harbour tax", "Ada Kiel", "refers")


def test_a_term_nobody_named_gives_has_no_speaker(nlp):
    text = (
        "Dr. Omar Castell opened a clinic in 2019.\n\n"
        'It offers a treatment now widely called "regenerative medicine" to older patients.'
    )
    (q,) = run(nlp, text)
    assert (q.text, q.speaker, q.cue) == ("regenerative medicine", None, "called")


def test_a_name_in_a_photo_credit_never_becomes_a_speaker_candidate(nlp):
    text = (
        "Volunteers set up cots in the church hall. (Kali Madej/ Dixon Hall)\n\n"
        "Nadia Jamil, a researcher at Dixon Hall, said the picture is complex. Jamil said "
        "Dixon Hall launched the project to understand the program."
    )
    doc = nlp(text)
    entities = extract_entities(doc, Article(id="t", path="t", text=text))
    assert any("/" in e.name and "Dixon Hall" in e.name for e in entities)  # the NER's run-on
    index = EntityIndex.build(doc, entities)
    candidates = {ent.name for _, ent, _, _ in index.items}
    assert "Nadia Jamil" in candidates
    assert not any("Dixon Hall" in name for name in candidates)


def test_a_label_before_a_colon_yields_to_the_speaker_after_the_quote(nlp):
    text = (
        "Markets fell on Monday.\n\n"
        "ANALYST'S TAKE: \"Will the central bank acknowledge the darkening clouds today? Lower "
        "growth forecasts may weigh on the euro,\" Hussein Saleh, chief market strategist at "
        "Brightline, said in a commentary."
    )
    (q,) = run(nlp, text)
    assert (q.speaker, q.cue) == ("Hussein Saleh", "said")


def test_the_one_quoted_as_saying_is_the_speaker(nlp):
    text = (
        "Mayor Doug Harlan expressed concern about the debt.\n\n"
        "“I was deeply dismayed to see how much debt the city has been carrying,” he was quoted "
        "as saying in the press release."
    )
    (q,) = run(nlp, text)
    assert (q.speaker, q.speaker_mention.text) == ("Doug Harlan", "he")


def test_a_cue_the_parse_hangs_on_the_speakers_name_keeps_the_speaker(nlp):
    text = (
        "Records show he has been a registered voter since 2003.\n\n"
        "Aaron Kall, the director of debate at the University of Michigan, compared Trump to a "
        'coach at a basketball game who is "working the referees" in hopes that "they will go '
        'easier" on him.'
    )
    quotes = run(nlp, text)
    assert [q.speaker for q in quotes] == ["Aaron Kall", "Aaron Kall"]


def test_a_loose_cue_takes_the_first_subject_of_its_sentence(nlp):
    text = (
        "The debate was tense.\n\n"
        'Marta Velez supports "appropriate pay raises," opposes "across-the-board arbitrary pay '
        'freezes" and recalled the three-year freeze on basic pay rates: "I saw how difficult '
        'it was for employees."'
    )
    quotes = run(nlp, text)
    assert [q.speaker for q in quotes] == ["Marta Velez"] * 3
    assert all(q.speaker_mention.text.endswith("Velez") for q in quotes)


def test_a_naming_verb_in_the_paragraph_before_does_not_take_the_quote(nlp):
    text = (
        "The debate was tense.\n\n"
        "Tired of the questions, Senator Ray Cole called them on it:\n\n"
        '"The questions asked in this debate illustrate why people do not trust the media."'
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Ray Cole"


def test_a_paragraph_ending_in_a_colon_introduces_the_next_paragraphs_quote(nlp):
    text = (
        '"The pier is gone," said harbour master Tom Reyes.\n\n'
        "Later, Mayor Ann Brill told the council:\n\n"
        '"We will rebuild the pier by summer."'
    )
    first, second = run(nlp, text)
    assert first.speaker == "Tom Reyes"
    assert (second.speaker, second.cue, second.kind) == ("Ann Brill", "told", "direct")


def test_teaser_links_and_photo_captions_hold_no_quotes(nlp):
    text = (
        "Shelters fill up every winter, the city said.\n\n"
        "READ MORE: ‘It becomes a nightmare’: the rise of the winter shelter crunch and how it "
        "makes families across the province scramble for beds every single night.\n\n"
        "Asked what he would tell the mayor about being homeless, Dennis Brook says: 'Just "
        "listen. Just listen to us. We are people.' (Mia Lund/CBC)\n\n"
        "“We are not rich and we are not poor, but we are people,” Brook said."
    )
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == ["We are not rich and we are not poor, but we are people,"]


def test_four_words_with_no_verb_are_a_phrase_not_a_label(nlp):
    text = (
        "Councillor Vera Lind spoke for an hour on Tuesday.\n\n"
        "The plan would leave the district with “no buses after dark” for a year."
    )
    (q,) = run(nlp, text)
    assert q.text == "no buses after dark" and q.start == text.index("no buses")


def test_a_short_quote_in_a_persons_clause_is_their_words(nlp):
    text = (
        "Senator Ruth Adler opened the new library on Monday.\n\n"
        "She talks about “reading for everyone” at every stop of her tour."
    )
    (q,) = run(nlp, text)
    assert q.text == "reading for everyone" and q.speaker == "Ruth Adler"


def test_a_short_term_in_a_clause_about_things_stays_a_label(nlp):
    text = "The council approved a “green corridor” plan for the river bank on Monday."
    assert run(nlp, text) == []


def test_a_headline_cited_with_its_byline_is_a_title(nlp):
    text = (
        "MORNING READS\n\n"
        "“Harbour ferry to stop running in winter,” by the Herald's Ann Roe: "
        "The city will suspend the ferry from December."
    )
    assert run(nlp, text) == []


def test_the_show_a_speaker_told_is_not_a_quote(nlp):
    text = "“We will win this seat,” Senator Ruth Adler told “Good Morning Harbour” on Friday."
    assert [q.text for q in run(nlp, text)] == ["We will win this seat,"]


def test_a_capitalised_quote_that_opens_a_said_sentence_is_a_quote(nlp):
    text = "Judge Amal Kerr spoke slowly.\n\n“Word Is Out,” Kerr said, “and we all know it.”"
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == ["Word Is Out,", "and we all know it."]
    assert all(q.speaker == "Amal Kerr" for q in quotes)


def test_a_cue_and_comma_before_a_quote_introduce_it(nlp):
    text = (
        "Mayor Ann Brill said of the vote, “Not On My Watch.” According to the newspaper, "
        "“Dealers sell boats to almost any adult with cash.”"
    )
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == [
        "Not On My Watch.",
        "Dealers sell boats to almost any adult with cash.",
    ]
    assert quotes[0].speaker == "Ann Brill"


def test_a_work_named_before_the_comma_is_still_a_title(nlp):
    text = "Dana Moore wrote about the strike in her memoir, “Harbour Lights.”"
    assert run(nlp, text) == []


def test_a_show_named_after_its_broadcaster_is_a_title(nlp):
    text = (
        "“We will build the bridge,” Senator Ruth Adler told NBC's “Today” on Monday, "
        "before she appeared on CBS's “Face the Nation.”"
    )
    assert [q.text for q in run(nlp, text)] == ["We will build the bridge,"]


def test_a_translation_is_nobodys_words(nlp):
    text = "The motto of the club, “Semper Fidelis,” is Latin for “always faithful.”"
    assert run(nlp, text) == []


def test_a_single_quoted_subhead_between_dashes_is_a_subhead(nlp):
    text = (
        "Senator Ruth Adler spoke to the crowd for an hour.\n\n"
        "– ‘Nobody is listening’ –.\n\n"
        "“We will build the bridge,” Adler said."
    )
    assert [q.text for q in run(nlp, text)] == ["We will build the bridge,"]


def test_a_teaser_label_in_quote_marks_is_furniture(nlp):
    text = (
        "“We will appeal,” Vera Lind said.\n\n"
        "Councillor Lind suggested that the board was “short on ideas” and argued that "
        "the ferry pays for itself.\n\n"
        '"Related:"\n\n'
        "Harbour Board Votes Down Ferry Plan.\n\n"
        "Ferry Fares To Rise In May.\n"
    )
    assert [q.text for q in run(nlp, text)] == ["We will appeal,", "short on ideas"]


def test_a_paragraph_opening_quote_takes_its_own_paragraphs_later_attribution(nlp):
    text = (
        "Mayor Ann Brill opened the new bridge on Monday.\n\n"
        "“It will carry ten thousand cars a day.” The deck is made of steel. “We are proud of "
        "it,” said the engineer, Tom Vance."
    )
    qs = by_text(run(nlp, text))
    assert qs["It will carry ten thousand cars a day."].speaker == "Tom Vance"
    assert qs["We are proud of it,"].speaker == "Tom Vance"



def test_a_colon_quote_belongs_to_the_main_clause_not_a_clause_inside_it(nlp):
    text = (
        "Premier Dan Okafor asked the court to suspend the law.\n\n"
        "The Appeal Court of Ontario ruled on Friday, finding that the law was not a matter "
        "for judges: “In our view, the question belongs to the legislature.”"
    )
    (q,) = run(nlp, text)
    assert q.speaker != "Dan Okafor"
    assert "Court" in (q.speaker or "")


def test_a_statement_released_by_an_office_is_the_offices(nlp):
    text = (
        "Premier Dan Okafor met the mayor of Lisbon on Monday.\n\n"
        "The two leaders discussed “the port, the ferries and the budget,” said a statement "
        "released by the Ontario Ministry of Transport."
    )
    (q,) = run(nlp, text)
    assert q.speaker is not None and "Ministry" in q.speaker


def test_his_office_is_the_office_of_the_man_he_refers_to(nlp):
    text = (
        "The European Union praised the deal. Senator Paul Novak met the envoy on Monday.\n\n"
        "“The talks were frank and useful,” his office said."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Paul Novak's office"


def test_a_description_glued_to_a_name_gives_the_name(nlp):
    text = (
        "Researchers mapped the reef last year.\n\n"
        "“The coral is recovering faster than we expected,” said study co-author Professor "
        "Carl Lipo."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Carl Lipo"


def test_two_coordinated_attributions_keep_their_own_speakers(nlp):
    text = (
        "Senator Ann Lee told MSNBC the bill was “a disgrace to the chamber,” while Governor "
        "Tom Hart noted his “deep concern about the cost.”"
    )
    qs = by_text(run(nlp, text))
    assert qs["a disgrace to the chamber,"].speaker == "Ann Lee"
    assert qs["deep concern about the cost."].speaker == "Tom Hart"


def test_a_name_between_a_dash_and_a_colon_speaks(nlp):
    text = (
        "Here are the polls of the week.\n\n"
        "Turnout beats the forecasts - Jane Roe: “Every county we track voted at record "
        "levels this year.”"
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Jane Roe"


def test_it_after_a_described_organisation_is_that_organisation(nlp):
    text = (
        "Canada revised its travel advice for Portugal on Monday.\n\n"
        "The foreign ministry's consular office also published a notice on Tuesday. It urged "
        "travellers to “fully assess the risks of going abroad.”"
    )
    (q,) = run(nlp, text)
    assert q.speaker is not None and "office" in q.speaker


def test_a_title_standing_alone_is_the_person_with_that_title(nlp):
    text = (
        "Conservative MP Jim Eglinski, who represents Yellowhead, toured the site on Monday.\n\n"
        "“We need answers from Ottawa,” the Yellowhead MP said."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Jim Eglinski"
    text = (
        "President Maria Costa visited the port. Costa met workers.\n\n"
        "“The port will reopen next week,” the President said."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Maria Costa"
    text = (
        "Iranian President Hassan Rouhani said, “The Islamic Republic deeply regrets this.”\n\n"
        "President of Ukraine Volodymyr Zelenskyy said, “We expect from Iran assurances.”"
    )
    qs = by_text(run(nlp, text))
    assert qs["We expect from Iran assurances."].speaker == "Volodymyr Zelenskyy"


def test_a_group_word_with_an_apposed_name_is_that_person(nlp):
    text = (
        "Senators debated the budget on Sunday.\n\n"
        "One red-state Democrat, Montana Sen. Jon Tester, said the plan was “not the direction "
        "to go.”"
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Jon Tester"


def test_the_statement_is_by_who_issued_the_statement_earlier(nlp):
    text = (
        "The Canadian Beverage Association issued a statement on Tuesday. Critics disagreed.\n\n"
        "The statement said the tax would have “significant consequences on prices.”"
    )
    (q,) = run(nlp, text)
    assert q.speaker in ("The Canadian Beverage Association", "Canadian Beverage Association")


def test_a_surname_the_entities_missed_is_that_person_in_the_index(nlp):
    text = "Coach Ben Radmall watched. Radmall conceded that his side needed work."
    doc = nlp(text)
    start = text.index("Ben Radmall")
    ent = Entity("e1", "Ben Radmall", "PERSON", [Mention(start, start + 11, "Ben Radmall")])
    index = EntityIndex.build(doc, [ent])
    second = next(t for t in doc if t.text == "Radmall" and t.idx > start + 11)
    hit = index.entity_at(second)
    assert hit is not None and hit[0].name == "Ben Radmall"
    assert index.last_subject(len(text), 0) is ent


def test_a_new_sentence_whose_cue_has_an_object_does_not_take_the_quote(nlp):
    text = (
        "Senator Elizabeth Warren endorsed Joe Biden on Wednesday.\n\n"
        "In a video message, Warren commended Biden and said she was “proud to endorse Joe "
        "Biden as president.” Biden praised the endorsement."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Elizabeth Warren"


def test_a_groups_statement_is_the_groups_not_the_person_last_named(nlp):
    text = (
        "Radio host Don Imus died on Friday. Imus was 79.\n\n"
        "“Don loved and adored his wife,” the family's statement said."
    )
    (q,) = run(nlp, text)
    assert q.speaker == "the family"


def test_a_name_modifying_the_subjects_title_is_not_the_subject(nlp):
    text = "Agnès Callamard, a UN rapporteur, cautioned that justice is slow. "
    doc = nlp(text)
    person = Entity("e1", "Agnès Callamard", "PERSON", [Mention(0, 15, "Agnès Callamard")])
    at = text.index("UN")
    org = Entity("e2", "UN", "ORG", [Mention(at, at + 2, "UN")])
    index = EntityIndex.build(doc, [person, org])
    assert index.last_subject(len(text), 1) is person


def test_the_agent_of_a_passive_cue_is_the_speaker(nlp):
    text = (
        "Lisa Mancini has cosplayed for two years.\n\n"
        "Mancini has been described by the Daily Hive as a “squirrel whisperer” for her way "
        "with animals."
    )
    qs = by_text(run(nlp, text))
    assert "Daily Hive" in (qs["squirrel whisperer"].speaker or "")
