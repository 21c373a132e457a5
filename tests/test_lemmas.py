"""FastLemmas gives exactly the lemmas spaCy's rule lemmatizer gives."""

from __future__ import annotations

from analysis.lemmas import COMPONENT_NAME, LEMMATIZER

TEXT = (
    "The mayors said they were leaving; she saw the saw and sawed wood. "
    "\"We're not going,\" Ms. Halden told reporters, who'd asked about the 3 ferries' delays. "
    "Geese flew over better, bigger harbours while children ran and the crew was fed."
)


def test_same_lemmas_as_spacy_lemmatizer(nlp):
    assert COMPONENT_NAME in nlp.pipe_names and LEMMATIZER not in nlp.pipe_names
    ours = nlp(TEXT)
    nlp.enable_pipe(LEMMATIZER)  # the pipeline as spaCy ships it
    nlp.disable_pipe(COMPONENT_NAME)
    try:
        theirs = nlp(TEXT)
    finally:
        nlp.enable_pipe(COMPONENT_NAME)
        nlp.disable_pipe(LEMMATIZER)
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert {t.text: t.lemma_ for t in ours}["mayors"] == "mayor"
    assert all(t.lemma_ for t in ours)


def test_empty_doc(nlp):
    assert len(nlp("")) == 0
