"""The pipeline component that finds gazetteer places and organisation/facility names.

Matchers are built once when the component is added; per document it only runs them and stores
the matches in ``doc.spans`` for :mod:`analysis.entities.candidates` to reconcile with the NER.
"""

from __future__ import annotations

import re

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from analysis.entities.chains import set_common_words
from analysis.entities.gazetteer import load_gazetteer
from analysis.entities.patterns import event_patterns, fac_patterns, org_patterns

COMPONENT_NAME = "copydesk_entity_spans"
PLACES_KEY = "copydesk_places"
NAMES_KEY = "copydesk_names"
# Label suffix for place names that are also English words ("Most", "Reading", "Mobile").
COMMON_SUFFIX = "?"


class EntitySpans:
    """Runs the place matchers and an organisation/facility Matcher over each doc."""

    def __init__(self, nlp: Language) -> None:
        gazetteer = load_gazetteer()
        common = _common_words(nlp)
        set_common_words(common)
        single: dict[str, set[str]] = {}
        multi: dict[str, list[str]] = {}
        for form, place in gazetteer.forms.items():
            label = place.label
            if place.kind not in ("country", "continent") and form.lower() in common:
                label += COMMON_SUFFIX
            if _PLAIN.fullmatch(form) and " " not in form and form not in nlp.tokenizer.rules:
                single.setdefault(label, set()).add(form)
            else:
                multi.setdefault(label, []).append(form)
        # One-token names: a dict probe of each token's ORTH hash (no lexemes built at startup).
        self.word_labels: dict[int, str] = {}
        for label, words in single.items():
            for w in words:
                self.word_labels.setdefault(hash_string(w), label)
        self.place_phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        for label, forms in multi.items():
            self.place_phrases.add(label, list(nlp.tokenizer.pipe(forms)))
        self.names = Matcher(nlp.vocab)
        self.names.add("ORG", org_patterns(), greedy="LONGEST")
        self.names.add("FAC", fac_patterns(), greedy="LONGEST")
        self.names.add("EVENT", event_patterns(), greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        places = self.place_phrases(doc, as_spans=True)
        if len(doc):
            labels = self.word_labels
            for i, h in enumerate(doc.to_array(ORTH).tolist()):
                if h in labels:
                    places.append(Span(doc, i, i + 1, labels[h]))
        doc.spans[PLACES_KEY] = filter_spans(places)
        doc.spans[NAMES_KEY] = self.names(doc, as_spans=True)
        return doc


_PLAIN = re.compile(r"[^\W\d_]+")


def _common_words(nlp: Language) -> frozenset[str]:
    """English words from the pipeline's lemmatizer tables (WordNet's index), if it has them."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(w for pos in table for w in table[pos])
    except Exception:  # noqa: BLE001 - no rule lemmatizer: no word list, the POS checks remain
        return frozenset()


@Language.factory(COMPONENT_NAME)
def make_entity_spans(nlp: Language, name: str) -> EntitySpans:
    """spaCy factory for :class:`EntitySpans`."""
    return EntitySpans(nlp)
