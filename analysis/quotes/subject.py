"""The speaker token of a cue when the parse does not give it plainly: a passive's agent, the
first subject of the sentence, the first name before the cue, the noun straight after it."""

from __future__ import annotations

from spacy.tokens import Token

from analysis.quotes.cues import NOT_SPEAKERS
from analysis.quotes.frames import Frame
from analysis.quotes.marks import QuoteSpan, inside
from analysis.quotes.speakers import EntityIndex


def agent(cue: Token) -> Token | None:
    """ "X has been described by the Daily Hive as “…”": the passive's agent speaks."""
    for c in cue.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def sentence_subject(cue: Token, spans: list[QuoteSpan]) -> Token | None:
    """ "Smith hardly clarified it, ... asserting, “...”", "Stevens, who ..., called it
    “...”": a cue the parse cut loose belongs to the first subject of its sentence."""
    for t in cue.sent:
        if t.i >= cue.i:
            break
        if (
            t.dep_ == "nsubj"
            and t.pos_ in ("PROPN", "PRON", "NOUN")
            and t.tag_ not in ("WP", "WDT")
            and not inside(t.idx, spans)
        ):
            return t
    return None


def is_propn(t: Token) -> bool:
    """A proper noun by part of speech or by fine tag ("DeBoer" parsed as AUX/NNP)."""
    return t.pos_ == "PROPN" or t.tag_ in ("NNP", "NNPS")


def left_noun(cue: Token, frame: Frame, index: EntityIndex) -> Token | None:
    """ "…,” Col. Jane Doe, a military spokeswoman, said": when the parse gives the cue no
    subject, the first name standing between the frame's start and the cue (a proper noun,
    or a word the article's entities name, whatever its tag)."""
    for t in frame.tokens:
        if t.i >= cue.i:
            break
        named = is_propn(t) or index.entity_at(t) is not None
        if named and t.text[:1].isupper() and t.ent_type_ not in NOT_SPEAKERS:
            head = t
            while head.i + 1 < cue.i and is_propn(head.nbor(1)):
                head = head.nbor(1)
            return head
    return None


# Words that can make up the noun phrase of an inverted speaker ("said the 46-year-old").
_NOMINAL_POS = frozenset({"DET", "ADJ", "NUM", "PROPN", "NOUN"})


def opens(frame: Frame, tok: Token) -> bool:
    """``tok`` is the first word of ``frame``: "…,” said Smith", "Added Smith: “…”"."""
    words = frame.words
    return bool(words) and words[0].i == tok.i


def right_noun(cue: Token) -> Token | None:
    """ "“…,” said David Brock, a confidant ...": a cue that opens the words beside a quote
    has its speaker straight after it, though the parse may hang the name elsewhere.

    The head is the last noun of the noun phrase that follows the cue ("the woman",
    "retired neurosurgeon Ben Carson"), or its first word before "of" ("one of the aides").
    """
    doc = cue.doc
    head: Token | None = None
    k = cue.i + 1
    while k < len(doc) and doc[k].pos_ in _NOMINAL_POS and not doc[k].is_quote:
        if doc[k].pos_ in ("NOUN", "PROPN", "NUM"):
            head = doc[k]
        k += 1
    if head is None or head.ent_type_ in NOT_SPEAKERS - {"CARDINAL"}:
        return None
    return head
