"""FastAttributes sets exactly the attributes spaCy's AttributeRuler sets."""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from analysis.attributes import COMPONENT_NAME, RULER, FastAttributes

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
# The English ruler's exceptions (multi-token, regular expressions, dependency tests) and
# ordinary news prose, with whitespace tokens.
TEXT = (
    "Y' all ain't gonna believe it, nothin' works. There are 3 ferries and there's a storm;\n\n"
    "let's go, c'mon! He gets it, she got it, and we gotta win.  \"We're not leaving,\" "
    "Ms. Halden told reporters, who had asked which harbours were closed.\n"
)


def _annotated(nlp, use_ruler: bool):
    """TEXT through the pipeline up to the attributes, by spaCy's ruler or by FastAttributes."""
    after = {"copydesk_lemmas", "ner", "copydesk_entity_spans"}
    with nlp.select_pipes(disable=[COMPONENT_NAME, RULER, *after & set(nlp.pipe_names)]):
        doc = nlp(TEXT)
    step = nlp.get_pipe(RULER) if use_ruler else nlp.get_pipe(COMPONENT_NAME)
    return step(doc)


def test_same_attributes_as_spacy_ruler(nlp):
    assert COMPONENT_NAME in nlp.pipe_names and RULER not in nlp.pipe_names
    ours = _annotated(nlp, use_ruler=False)
    theirs = _annotated(nlp, use_ruler=True)
    assert numpy.array_equal(ours.to_array(COLUMNS), theirs.to_array(COLUMNS))
    words = {t.text: t for t in ours}
    assert words["ai"].lemma_ == "be" and words["gon"].lemma_ == "go"
    assert words["There"].pos_ == "PRON" and words["are"].pos_ == "VERB"
    assert words["nothin'"].lemma_ == "nothing" and words["na"].lemma_ == "to"


def test_patterns_only_the_matcher_judges(nlp):
    """Operators and other predicates go through a Matcher; rule order is kept."""
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "+"}]], {"LEMMA": "X"}, index=-1)
    ruler.add([[{"LENGTH": 5}]], {"POS": "PROPN"})
    ruler.add([[{"TAG": "NNS"}]], {"LEMMA": "PLURAL", "POS": "NOUN"})
    fast = FastAttributes(ruler)
    assert len(fast.fallback) == 2
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        a = nlp("The mayors said the ferries were late for hours.")
        b = nlp("The mayors said the ferries were late for hours.")
    ruler(a)
    fast(b)
    assert numpy.array_equal(a.to_array(COLUMNS), b.to_array(COLUMNS))
    assert [t.lemma_ for t in b if t.tag_ == "NNS"] == ["PLURAL"] * 3
    assert b[1].lemma_ == "PLURAL"  # "the mayors": the later rule wins


def test_empty_doc(nlp):
    assert len(nlp.get_pipe(COMPONENT_NAME)(nlp.make_doc(""))) == 0


def test_memo_stays_bounded(nlp, monkeypatch):
    import analysis.attributes as attributes

    fast = FastAttributes(nlp.get_pipe(RULER))
    monkeypatch.setattr(attributes, "MEMO_LIMIT", 5)
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = [nlp(TEXT), nlp(TEXT)]
    fast(docs[0])
    assert len(fast.memo) > 5
    fast(docs[1])  # the memo is cleared before the doc, then filled again: same attributes
    assert numpy.array_equal(docs[0].to_array(COLUMNS), docs[1].to_array(COLUMNS))
    assert len(fast.memo) == len({(t.is_space, t.lower, t.tag, t.dep) for t in docs[1]})
