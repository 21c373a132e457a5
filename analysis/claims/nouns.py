"""Noun attributions: "her claim that ...", "the report's finding that ...", "Clinton's pledge
to ...": a reporting noun whose complement the parse shows (a "that" clause or an infinitive).

A noun reports when it names the act of one of the claim verbs (``analysis.claims.cues``):
by derivation ("statement" -> state, "allegation" -> allege, "warning" -> warn, "claim" ->
claim) or as one of the few nouns whose verb has another form ("belief" -> believe). The
clause must be the noun's complement, not a relative clause: "that" is its complementiser
("the claim that he lied"), never its subject or object ("the claim that he made").
The source is the noun's possessor ("Clinton's pledge"), or the subject of the verb that
takes the noun as its object ("officials voiced fears that ..."); else none is named.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.claims.content import within_line
from analysis.claims.cues import CLAIM_LEMMAS
from analysis.claims.site import Site, trim_span
from analysis.quotes.cues import words

# Nouns whose verb is not their stem (the rest are found by derivation).
IRREGULAR = {
    "belief": "believe", "view": "think", "thought": "think", "concern": "worry",
    "knowledge": "know", "proposal": "propose", "denial": "deny", "refusal": "refuse",
    "conclusion": "conclude", "decision": "decide", "threat": "threaten", "insistence": "insist",
    "complaint": "complain", "suspicion": "suspect", "argument": "argue", "request": "ask",
    "assurance": "assure", "intention": "intend", "expectation": "expect", "evidence": "show",
}
# Stems that are never reporting nouns whatever the derivation ("the fact that", "a sign").
NOT_REPORTING = words("fact way time reason case point sign part")
SUFFIXES = (("ation", ""), ("ation", "e"), ("ment", ""), ("ion", ""), ("ion", "e"),
            ("ing", ""), ("ing", "e"), ("al", "e"), ("s", ""))
OPENERS = frozenset({"that", "whether"})


def verb_of(noun: Token, verbs: frozenset[str]) -> str | None:
    """The claim verb (in ``verbs``) whose act ``noun`` names, or None."""
    lemma = noun.lemma_.lower()
    if lemma in NOT_REPORTING:
        return None
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma in verbs:
        return lemma
    for suffix, tail in SUFFIXES:
        if lemma.endswith(suffix) and (stem := lemma[: -len(suffix)] + tail) in verbs:
            return stem
    return None


def complement(noun: Token) -> tuple[Token, str] | None:
    """The noun's complement clause and its form ("noun" or "noun_infinitive")."""
    for c in noun.children:
        if c.i < noun.i or c.dep_ not in ("acl", "ccomp", "appos"):
            continue
        marks = [g for g in c.children if g.dep_ == "mark" and g.i < c.i]
        if marks and marks[0].lower_ in OPENERS and c.pos_ in ("VERB", "AUX") and _whole(c):
            return c, "noun"
        if c.tag_ == "VB" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return c, "noun_infinitive"
    return None


def _whole(clause: Token) -> bool:
    """A clause with more than a subject and its verb ("that the bridge was unsafe", "that it
    could collapse"): "the claim that he made" lacks the object "that" stands for, so it is a
    relative clause the parse misread."""
    return any(c.dep_ not in ("nsubj", "nsubjpass", "mark", "neg", "punct")
               for c in clause.children)


def noun_site(noun: Token) -> Site | None:
    """The content of a noun attribution, its source where the sentence names one."""
    found = complement(noun)
    if found is None:
        return None
    clause, form = found
    lo = clause.left_edge.i
    if form == "noun_infinitive":  # "pledge to raise taxes": from "to"
        lo = min(g.i for g in clause.children if g.dep_ == "aux")
    span = trim_span(noun.doc, lo, clause.right_edge.i)
    if span is None:
        return None
    return Site(noun, *span, source=_source(noun), passive=True, form=form)


def is_noun_cue(tok: Token) -> bool:
    """A reporting noun with a complement clause ("the claim that ...", "a pledge to ...")."""
    return (
        tok.tag_ in ("NN", "NNS") and verb_of(tok, CLAIM_LEMMAS) is not None
        and complement(tok) is not None
    )


def noun_sites(noun: Token) -> list[Site]:
    """The noun's site, cut to its line, as a list like ``find_sites``."""
    site = noun_site(noun)
    site = within_line(site) if site is not None else None
    return [site] if site is not None else []


def _source(noun: Token) -> Token | None:
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss  # "Clinton's pledge", "his claim" (resolved as a speaker is)
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ == "VERB":
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None
