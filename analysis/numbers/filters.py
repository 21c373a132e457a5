"""Parse-based checks: numbers in names, pronoun "one", adverbial "first", list markers, ages."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from analysis.numbers import patterns as P
from analysis.numbers.candidate import Candidate
from analysis.numbers.lexicon import MONTHS
from analysis.numbers.spans import YEAR_CUE_BEFORE

_ONE_PRONOUN_BEFORE = frozenset(
    [
        "no",
        "the",
        "this",
        "that",
        "any",
        "every",
        "each",
        "other",
        "which",
        "another",
        "someone",
        "anyone",
        "little",
    ]
)
_NAME_ENTS = frozenset({"PRODUCT", "ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "GPE", "PERSON"})
_PERSON_PRONOUNS = frozenset(["he", "she", "i", "you", "we", "they"])


def is_excluded(c: Candidate, span: Span, text: str) -> bool:
    """True for identifiers, pronoun "one", adverbial ordinals, list markers and street numbers."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    core = text[c.core_start : c.core_end]
    if c.source == "ordinal":
        return _adverbial_ordinal(c, span, prev, nxt, core)
    if (
        c.source in ("words", "fraction")
        and core[:1].isupper()
        and prev is not None
        and prev.pos_ == "PROPN"
        and not span[0].is_sent_start
        and prev.text[:1].isupper()
    ):
        return True  # "PLoS One", "Apollo Eleven": part of a name
    if c.source == "words" and core.lower() == "one" and c.start == c.core_start:
        if (
            prev is not None
            and prev.lower_ in _ONE_PRONOUN_BEFORE
            and not (nxt is not None and nxt.lower_ == "of" and prev.lower_ in ("that", "which"))
        ):
            return True  # "no one", "the one who"; but "said that one of them" counts
        if nxt is not None and nxt.lower_ in ("another", "who", "which", "that"):
            return True
        if any(ch.dep_ in ("det", "amod") for ch in span.root.children):
            return True  # "a weaker one", "the other one""
        if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.pos_ == "PROPN":
            return True  # "one Vijayaragavan": a certain person, not a count
    if c.needs_head:
        heads = [t for t in span if t.pos_ == "NOUN"]
        if not heads or heads[-1].dep_ not in ("dobj", "npadvmod", "pobj"):
            return True
        if heads[-1].dep_ == "pobj" and heads[-1].head.lower_ not in ("for", "in", "within"):
            return True
        if any(ch.lower_ == "of" for ch in heads[-1].children):
            return True  # "a day of mourning"
    if c.source == "digits" and P.LABEL_BEFORE.search(text, max(0, c.start - 6), c.start):
        return True  # "mine No. 2", "#3": labels
    if c.source in ("digits", "dash") and c.kind in ("count", "other", "date"):
        line_start = text.rfind("\n", 0, c.start) + 1
        if text[line_start : c.start].strip() == "" and P.LIST_MARKER_AFTER.match(text, c.end):
            return True
        if P.STREET_AFTER.match(text, c.end):
            return True
        if (
            c.kind != "date"
            and c.source == "digits"
            and c.start == c.core_start
            and c.end == c.core_end
            and prev is not None
            and prev.lower_ not in MONTHS
            and (
                prev.pos_ == "PROPN"
                or (prev.pos_ == "NOUN" and prev.is_title and not prev.is_sent_start)
            )
            and prev.idx + len(prev.text) < c.start
            and (
                nxt is None
                or nxt.pos_ != "NOUN"
                or span.root.ent_type_ in _NAME_ENTS
                or (prev.head.i == span.root.head.i and prev.dep_ in ("nmod", "compound"))
            )
        ):
            return True  # "Boeing 737", "Flight 302", "Article 50"
    return False


def _adverbial_ordinal(c: Candidate, span: Span, prev, nxt, core: str) -> bool:
    tok = span.root
    noun_next = nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM", "ADJ")
    if prev is not None and prev.lower_ == "at" and not noun_next:
        return True  # "at first"
    if prev is not None and prev.lower_ == "a" and tok.lower_ == "second" and not noun_next:
        return True  # "for a second": the time unit
    if core[:1].isupper() and not tok.is_sent_start and nxt is not None and nxt.pos_ == "PROPN":
        return True  # "First Lady", "the Second Circuit": a capitalised ordinal inside a name
    if prev is not None and prev.lower_ in ("in", "the", "its", "his", "her", "their"):
        return False  # "came in second", "the third"
    # "first joined": an adverb of sequence, not an ordinal fact.
    return (
        tok.dep_ == "advmod"
        and tok.head.pos_ in ("VERB", "AUX")
        and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "NUM"))
    )


def looks_like_age(c: Candidate, span: Span, text: str) -> bool:
    """A bare small number used as an age: "Gutierrez, 79, died", "aged 25", "He was 34 and"."""
    if c.kind != "count" or not isinstance(c.value, int) or not 0 < c.value < 125:
        return False
    if c.value_max is not None and not P.AGE_BEFORE.search(text, max(0, c.start - 20), c.start):
        return False
    if c.counted is not None or c.hyphen_noun:
        return False
    if P.AGE_BEFORE.search(text, max(0, c.start - 20), c.start):
        return True
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if c.value_max is not None or c.qualifier not in ("exact", "approximately"):
        return False
    if prev is not None and prev.text == "," and span.start >= 2:
        name = doc[span.start - 2]
        closes = nxt is None or nxt.text in (",", ".", ";", ")") or nxt.is_sent_start
        if name.pos_ == "PROPN" and closes:
            return True
        if name.pos_ == "NOUN" and closes and nxt is not None and nxt.text == ",":
            return name.lower_ not in ("year", "years", "percent")
    root = span.root
    if (
        root.dep_ in ("attr", "acomp")
        and root.head.lemma_ == "be"
        and (nxt is None or (nxt.pos_ not in ("NOUN", "PROPN") and nxt.lower_ != "of"))
    ):
        subj = next((t for t in root.head.children if t.dep_ == "nsubj"), None)
        if subj is not None and (subj.lower_ in _PERSON_PRONOUNS or subj.ent_type_ == "PERSON"):
            return True
    return False


def year_counts_plural(c: Candidate, span: Span, text: str) -> bool:
    """ "1846 persons were hospitalised": a year-like number counting a plural noun."""
    if c.kind != "date" or c.source != "digits" or c.start != c.core_start or c.end != c.core_end:
        return False
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None or nxt.tag_ != "NNS" or nxt.dep_ == "compound" or span.root.head.i != nxt.i:
        return False
    return not YEAR_CUE_BEFORE.search(text, max(0, c.start - 12), c.start)


def span_of(doc: Doc, c: Candidate) -> Span | None:
    """The tokens covering the candidate (expanded to token edges)."""
    return doc.char_span(c.start, c.end, alignment_mode="expand")
