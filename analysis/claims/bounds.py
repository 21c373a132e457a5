"""Where a claim's content ends: the edges the dependency parse draws too wide or too narrow.

A complement's subtree is the content, except where the parse hangs something else on it:
  * a participle set off by a comma that attributes a claim of its own ("the province will keep
    its pledge, insisting it won't spend more"): that is the next claim, not part of this one,
    and its source is the source of the claim it follows (``participle_owner``).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.claims.cues import is_claim_cue
from analysis.quotes.cues import SPEECH_LEMMAS

SET_OFF = frozenset({",", "—", "–", ";"})


def cut_participle(comp: Token, hi: int) -> int:
    """The last token of ``comp``'s content before a set-off participle cue inside it."""
    doc = comp.doc
    for t in comp.subtree:
        if (
            t.i > comp.i and t.i <= hi and t.dep_ == "advcl" and t.tag_ == "VBG"
            and t.left_edge.i == t.i and doc[t.i - 1].text in SET_OFF and is_claim_cue(t)
        ):
            return t.i - 1
    return hi


def cut_cue_verb(cue: Token, comp: Token, hi: int) -> int:
    """ "Park said she would order a review and warned against delays": a speech verb the parse
    coordinates with the complement's verb, without a subject of its own and in the tense of
    the cue, not of the complement, is the source's next act; the content ends before it."""
    doc = comp.doc
    for t in comp.children:
        if (
            t.dep_ == "conj" and comp.i < t.i <= hi and t.tag_ == cue.tag_ != comp.tag_
            and t.lemma_.lower() in SPEECH_LEMMAS
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        ):
            end = t.left_edge.i - 1
            while end > comp.i and (doc[end].dep_ == "cc" or doc[end].is_punct):
                end -= 1
            return min(hi, end)
    return hi


def participle_owner(cue: Token) -> Token | None:
    """ "X said A, saying B": the cue ("said") whose complement a set-off participle cue hangs
    on; B is X's claim too, whatever subject the complement A has."""
    head = cue.head
    if cue.tag_ != "VBG" or cue.dep_ != "advcl" or head.dep_ != "ccomp" or head.head.i == head.i:
        return None
    if cue.left_edge.i != cue.i or cue.doc[cue.i - 1].text not in SET_OFF:
        return None
    return head.head if is_claim_cue(head.head) else None
