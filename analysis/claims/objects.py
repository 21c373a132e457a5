"""Claims whose content is a noun phrase the cue takes as its object: what a source states or
takes a stand on ("announced the arrest of a man", "accused X of ..."), what evidence shows
("polls show Clinton ahead by 3 points") and the forms of "call" ("called for new tariffs",
"called on X to resign", "called climate change a hoax")."""

from __future__ import annotations

from spacy.tokens import Token

from analysis.claims.cues import STANCE_LEMMAS
from analysis.claims.site import Site, denied, trim_span

# Verbs of evidence whose object is a finding ("the poll shows Clinton ahead", "the study
# found 31 cases of fraud").
EVIDENCE_LEMMAS = frozenset({"show", "find", "reveal", "indicate", "demonstrate"})
PREDICATE_DEPS = frozenset({"prep", "advmod", "oprd", "acomp", "npadvmod", "xcomp"})


def object_site(cue: Token) -> Site | None:
    """ "The police announced the arrest of a man", "Sanders accused Republicans of ...": the
    object of a verb of stating or of taking a stand, with its "of"/"for"/"as" phrase."""
    evidence = cue.lemma_.lower() in EVIDENCE_LEMMAS
    if cue.lemma_.lower() not in STANCE_LEMMAS and not evidence:
        return None
    if not any(c.dep_ == "nsubj" for c in cue.children) and cue.tag_ != "VBG":
        return None
    if denied(cue) or (cue.dep_ == "pcomp" and cue.head.lower_ == "without"):
        return None  # "did not confirm the report", "without claiming the strike"
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None:
        return None
    # "polls show Clinton ahead by 3 points", "supported Kasich in the primary": the object
    # and what the cue's phrases right after it say of it
    end = _predicate_end(cue, obj)
    if obj.pos_ == "PRON" and (end == obj.right_edge.i or not evidence):
        return None
    hi = end
    gloss = _gloss(obj)
    if gloss is not None:  # "endorses Trump, who says he is honored": Trump is the object
        hi = min(hi, gloss - 1)
    for c in cue.children:
        if c.dep_ == "prep" and c.i > hi and c.lower_ in ("of", "for", "as"):
            hi = c.right_edge.i
    span = trim_span(cue.doc, obj.left_edge.i, hi)
    return Site(cue, *span, form="object") if span else None


def _gloss(obj: Token) -> int | None:
    """Where a non-restrictive relative clause or apposition on ``obj`` starts (its comma)."""
    doc = obj.doc
    for c in obj.children:
        if c.i > obj.i and c.dep_ in ("relcl", "appos") and doc[c.left_edge.i - 1].text == ",":
            return c.left_edge.i - 1
    return None


def _predicate_end(cue: Token, obj: Token) -> int:
    """The last token of what an evidence verb's object is shown to be or do ("him with his
    hands in the air", "Clinton ahead by 3 points"): the cue's modifiers right after the
    object, up to a comma or a clause of its own."""
    doc, hi = cue.doc, obj.right_edge.i
    for c in cue.children:
        if c.i <= hi:
            continue
        if c.dep_ not in PREDICATE_DEPS or any(t.is_punct for t in doc[hi + 1 : c.left_edge.i]):
            break
        if any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
            break  # "announced ... on Friday": when the source spoke, not what it said
        hi = c.right_edge.i
    return hi


def call_site(cue: Token) -> Site | None:
    """ "X called for new tariffs", "X called on Y to resign" (what X demands) and "X called
    climate change a hoax" (what X says it is): the forms in which "call" reports."""
    if cue.lemma_.lower() != "call":
        return None
    doc = cue.doc
    kids = [c for c in cue.children if c.i > cue.i]
    prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("for", "on")), None)
    if prep is not None and prep.lower_ == "for" and prep.right_edge.i > prep.i:
        span = trim_span(doc, prep.i + 1, prep.right_edge.i)
        return Site(cue, *span, form="call_for") if span else None
    if prep is not None:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.i > prep.i), None)
        if obj is None or xcomp is None:
            return None
        span = trim_span(doc, obj.left_edge.i, xcomp.right_edge.i)
        return Site(cue, *span, form="call_for") if span else None
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    said = [c for c in kids if c.dep_ == "oprd"] + [
        c for c in obj.children if c.dep_ in ("dobj", "oprd", "attr") and c.i > obj.i]
    if not said:
        return None  # "called him": a telephone call, not a claim
    span = trim_span(doc, obj.left_edge.i, max(c.right_edge.i for c in said))
    return Site(cue, *span, form="naming") if span else None
