"""Lemmas as spaCy's rule lemmatizer gives them, set from arrays instead of token by token.

spaCy's ``Lemmatizer`` component loops over every token in Python (about 9% of the small English
pipeline's time). :class:`FastLemmas` takes its place and gives the same lemmas: it reads every
token's ORTH, POS, MORPH and LEMMA as one array, looks each lemma up by (orth, pos, morph), the
key the lemmatizer itself caches by, asks the lemmatizer only about keys it has not seen, and
writes the LEMMA column back in one call. Tokens that already have a lemma (set by the attribute
ruler) keep it, as with the lemmatizer's ``overwrite=False``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

COMPONENT_NAME = "copydesk_lemmas"
LEMMATIZER = "lemmatizer"


class FastLemmas:
    """Sets every token's lemma with the pipeline's rule lemmatizer, memoised by its cache key."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        memo = self.memo
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma == 0 or self.lemmatizer.overwrite:
                key = (orth, pos, morph)
                lemma = memo.get(key, 0)
                if not lemma:
                    lemma = memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


@Language.factory(COMPONENT_NAME)
def make_fast_lemmas(nlp: Language, name: str) -> FastLemmas:
    """spaCy factory for :class:`FastLemmas` (the pipeline must have a rule lemmatizer)."""
    return FastLemmas(nlp.get_pipe(LEMMATIZER))


def use_fast_lemmas(nlp: Language) -> None:
    """Put :class:`FastLemmas` in place of a rule-mode spaCy lemmatizer (idempotent).

    The lemmatizer stays in the pipeline, disabled: FastLemmas asks it for new lemmas, and its
    tables stay reachable through ``nlp.get_pipe("lemmatizer")``.
    """
    if COMPONENT_NAME in nlp.component_names or LEMMATIZER not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return
    nlp.add_pipe(COMPONENT_NAME, after=LEMMATIZER)
    nlp.disable_pipe(LEMMATIZER)
