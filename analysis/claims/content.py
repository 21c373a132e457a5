"""Where a claim's content lies: the words a cue attributes, read off the dependency parse.

Forms, by the cue's place in the parse:
  * a clausal complement, before or after the cue: "X said (that) ...", "..., X said",
    "..., claiming ..." (the complement's subtree is the content);
  * a parenthetical cue hung on the clause it reports: "The drugs are overused, he says";
  * "according to X": the clause the phrase modifies, without the phrase;
  * passives: "... is believed to ..." (subject to the end of the infinitive clause), "... was
    reported by X" (the subject);
  * infinitives of intent ("vowed to ...", "urged voters to ...", "told X to ...");
  * "As X said, ...";
  * objects of stating, taking a stand or evidence and the forms of "call" (``objects``).
The parse's slips are read through: a "that" clause hung on the noun of "said in a statement
that ...", a gerund taken for the complement, a second "that" clause coordinated with the cue.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.claims.bounds import cut_cue_verb, cut_participle
from analysis.claims.cues import INTENT_LEMMAS
from analysis.claims.objects import call_site, object_site
from analysis.claims.site import Site, denied, trim_span, words_in
from analysis.quotes.cues import SPEECH_LEMMAS

CONTENT_DEPS = frozenset({"ccomp"})
PARENTHETICAL_DEPS = frozenset({"parataxis", "advcl", "conj", "ccomp"})
MIN_CLAUSE_WORDS = 3  # a clause before a parenthetical cue ("Too often, he says" is not one)
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def complement_site(cue: Token) -> Site | None:
    """ "X said (that) ...", "..., X said", "..., claiming ...": the cue's clausal complement."""
    comps = [c for c in cue.children if c.dep_ in CONTENT_DEPS]
    if not comps:
        comps = _framed_clause(cue) or _gerund_clause(cue)
    if not comps:
        return None
    right = [c for c in comps if c.i > cue.i]
    comp = right[0] if right else comps[-1]
    lo, hi = comp.left_edge.i, cut_participle(comp, comp.right_edge.i)
    hi = cut_cue_verb(cue, comp, hi)
    if comp.i > cue.i:
        lo = _subject_before(cue, comp, lo)
    if comp.i > cue.i:
        # "said the U.S. needs ..., but that he would not ...": a second "that" clause the
        # parse coordinates with the cue is more of the same content
        for c in cue.children:
            if c.i > hi and c.dep_ in ("conj", "ccomp") and _opens_with_that(c):
                hi = c.right_edge.i
            elif c.i > hi and c.dep_ == "ccomp" and _follows(cue.doc, hi, c):
                # "says he drank too much, used drugs and ...": a second complement without a
                # subject, right after the first, continues it
                hi = c.right_edge.i
    doc = cue.doc
    span = trim_span(doc, lo, hi)
    if span is None or not any(t.pos_ in ("VERB", "AUX") for t in doc[span[0] : span[1] + 1]):
        return None
    if doc[lo].tag_ in WH_TAGS and denied(cue):
        return None  # "nobody knows who did it": an open question, not a claim
    return Site(cue, *span, form="complement")


def _follows(doc: Doc, hi: int, clause: Token) -> bool:
    """``clause`` starts right after token ``hi`` (a comma or "and" between) and has no
    subject of its own."""
    between = doc[hi + 1 : clause.left_edge.i]
    return all(t.is_punct or t.dep_ == "cc" for t in between) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def _subject_before(cue: Token, comp: Token, lo: int) -> int:
    """ "said about half of the adjustment reflected losses": a complement without a subject
    whose subject the parse hung on the cue; the content starts with it."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "mark") for c in comp.children):
        return lo
    between = [c for c in cue.children if cue.i < c.i < comp.i and not c.is_punct]
    if not between or any(t.is_punct for t in cue.doc[cue.i + 1 : lo]):
        return lo
    return min(lo, between[0].left_edge.i)


def _opens_with_that(tok: Token) -> bool:
    return any(g.dep_ == "mark" and g.lower_ == "that" for g in tok.children)


def _framed_clause(cue: Token) -> list[Token]:
    """ "said in a statement that ...": the parse hangs the "that" clause on the noun."""
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.i < cue.i:
            continue
        for obj in prep.children:
            for c in obj.children:
                if c.dep_ in ("acl", "ccomp", "relcl") and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in c.children
                ):
                    return [c]
    return []


def _gerund_clause(cue: Token) -> list[Token]:
    """ "said having Karlsson back was a boost": a gerund the parse made the complement."""
    if cue.lemma_.lower() in INTENT_LEMMAS:
        return []
    return [
        c for c in cue.children
        if c.dep_ == "xcomp" and c.i > cue.i and c.tag_ == "VBG"
        and any(g.dep_ == "ccomp" for g in c.children)
    ]


def infinitive_site(cue: Token) -> Site | None:
    """ "X vowed to rebuild ...", "X urged voters to stay home": what the source commits to or
    urges, from the person urged (if any) to the end of the infinitive clause."""
    xcomp = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i), None)
    if xcomp is None or not any(c.dep_ in ("nsubj", "aux") for c in xcomp.children):
        return None
    if cue.lemma_.lower() not in INTENT_LEMMAS and not _directive(cue, xcomp):
        return None
    if not any(c.dep_ in ("nsubj",) for c in cue.children) and cue.dep_ not in ("advcl", "conj"):
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < xcomp.i), None)
    lo = obj.left_edge.i if obj is not None else xcomp.left_edge.i
    span = trim_span(cue.doc, lo, xcomp.right_edge.i)
    return Site(cue, *span, form="infinitive") if span else None


def _directive(cue: Token, xcomp: Token) -> bool:
    """ "told his advisers to find ...", "warned residents to leave": a speech verb with an
    object and an infinitive after it tells someone to do something."""
    return cue.lemma_.lower() in SPEECH_LEMMAS and any(
        c.dep_ == "dobj" and cue.i < c.i < xcomp.i for c in cue.children)


def as_site(cue: Token) -> Site | None:
    """ "As the mayor said on Friday, the bridge will ...", "..., as experts expected": the
    clause the "as" phrase hangs on, without the phrase."""
    if cue.dep_ != "advcl" or cue.head.i == cue.i:
        return None
    mark = next((c for c in cue.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None or mark.i != cue.left_edge.i:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in cue.children):
        return None
    doc, head, sent = cue.doc, cue.head, cue.sent
    lo, hi = max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1)
    if mark.i <= lo:  # the phrase opens the clause
        span = trim_span(doc, cue.right_edge.i + 1, hi)
    else:
        span = trim_span(doc, lo, mark.i - 1)
    if span is None or not any(t.pos_ in ("VERB", "AUX") for t in doc[span[0] : span[1] + 1]):
        return None
    return Site(cue, *span, form="as")


def parenthetical_site(cue: Token) -> Site | None:
    """ "The drugs have few uses, he says, and ...": a cue with a subject of its own, hung on
    the clause before it; the content is that clause up to the cue's own words."""
    if cue.dep_ not in PARENTHETICAL_DEPS or cue.head.i == cue.i:
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
        return None
    inverted = _inverted(cue)  # "..., said an adviser": the parse may take him for an object
    has_subject = any(c.dep_ == "nsubj" for c in cue.children)
    if not inverted and (not has_subject or any(c.dep_ == "dobj" for c in cue.children)):
        return None
    doc = cue.doc
    start = cue.left_edge.i
    while start < cue.i and doc[start].is_punct:
        start += 1  # the parse may hang the opening comma on the cue
    if start == 0 or doc[start - 1].text not in (",", "—", "–"):
        return None  # a parenthetical is set off by a comma or dash
    head = cue.head
    lo = max(head.left_edge.i, cue.sent.start)
    if lo >= start - 1:
        return None
    span = trim_span(doc, lo, start - 1)
    # "The bridge, officials said, will ...": a head after the cue makes a short subject a piece
    least = 1 if head.i > cue.i else MIN_CLAUSE_WORDS
    if span and words_in(doc, *span) >= least:
        return Site(cue, *span, form="parenthetical")
    if head.i > cue.i:  # "Overall, she said, X": no claim before the cue, X after it
        return Site(cue, lo, start - 1, form="parenthetical", shown=False)
    return None


def continued_site(cue: Token, first: Site) -> Site | None:
    """ "X, he says, and lost his life ...", "X, according to Y, include Z": the words of the
    same sentence after a parenthetical cue are claimed too (a second piece)."""
    doc = cue.doc
    words = [t for t in cue.subtree if t.i >= cue.i] if cue.lower_ != "according" else []
    own_end = cue.right_edge.i
    conj = next((c for c in cue.children if c.dep_ == "conj" and c.i > cue.i), None)
    if conj is not None and not any(g.dep_ in ("nsubj", "nsubjpass") for g in conj.children):
        own_end = conj.left_edge.i - 1
        while own_end > cue.i and doc[own_end].dep_ == "cc":
            own_end -= 1
    elif words:
        own_end = max(t.i for t in words)
    if cue.lower_ == "according":
        own_end = max(doc[cue.i + 1].right_edge.i, cue.i + 1)
    head = first.cue.head if cue.lower_ != "according" else None
    hi = cue.sent.end - 1
    if head is not None:
        hi = min(hi, max(head.right_edge.i, cue.right_edge.i))
    if own_end + 1 > hi:
        return None
    span = trim_span(doc, own_end + 1, hi)
    if span is None or words_in(doc, *span) < MIN_CLAUSE_WORDS:
        return None
    return Site(first.cue, *span, source=first.source, form=first.form)


def _inverted(cue: Token) -> bool:
    """ "..., said the mayor": the cue opens its clause and a noun follows it."""
    return cue.left_edge.i == cue.i and any(
        c.dep_ in ("nsubj", "dobj", "attr", "npadvmod", "appos") and c.i > cue.i
        and c.pos_ in ("PROPN", "NOUN")
        for c in cue.children
    )


def root_site(cue: Token) -> Site | None:
    """ "Russia's assaults show a change in tactics, said an adviser": a sentence whose main
    verb is the cue, with the content before it and no complement in the parse."""
    if cue.dep_ != "ROOT" or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in cue.children):
        return None
    doc = cue.doc
    subj = [c for c in cue.children if c.dep_ in ("nsubj",)]
    first = min([cue.i, *[s.left_edge.i for s in subj]])
    if first == 0 or doc[first - 1].text != "," or first - 1 <= cue.sent.start:
        return None
    span = trim_span(doc, cue.sent.start, first - 2)
    if span is None or not any(t.pos_ in ("VERB", "AUX") for t in doc[span[0] : span[1] + 1]):
        return None
    return Site(cue, *span, form="root")


def according_site(tok: Token) -> Site | None:
    """ "According to X, ..." and "..., according to X": the clause without the phrase."""
    doc = tok.doc
    to = doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    phrase_lo, phrase_hi = tok.i, max(to.right_edge.i, tok.right_edge.i)
    sent = tok.sent
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
    # "X rose, but declined ..., according to Y": the phrase vouches for the whole sentence
    while head.dep_ in ("conj", "advcl") and head.head.i != head.i:
        head = head.head
    lo = max(min(head.left_edge.i, phrase_lo), sent.start)
    hi = min(max(head.right_edge.i, phrase_hi), sent.end - 1)
    if phrase_lo <= lo + 1:  # the phrase opens the clause
        span = trim_span(doc, phrase_hi + 1, hi)
    elif phrase_hi >= hi - 1:  # the phrase closes it
        span = trim_span(doc, lo, phrase_lo - 1)
    else:  # "X, according to Y, is ...": the part before; ``continued_site`` the rest
        span = trim_span(doc, lo, phrase_lo - 1)
    return Site(tok, *span, source=source, form="according") if span else None


def passive_site(cue: Token) -> Site | None:
    """ "Ukrainian forces are believed to have struck ...", "... was reported by Reuters"."""
    subj = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ in ("it", "this"):
        return None
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    source = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
    xcomp = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i), None)
    doc = cue.doc
    if xcomp is not None:
        span = trim_span(doc, subj.left_edge.i, xcomp.right_edge.i)
    elif source is not None:
        span = trim_span(doc, subj.left_edge.i, subj.right_edge.i)
    else:
        return None
    return Site(cue, *span, source=source, passive=True, form="passive") if span else None


def _line_end(tok: Token) -> bool:
    return "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)


def within_line(site: Site) -> Site | None:
    """The site's content cut to the line (paragraph) of its cue: the parse may run a headline
    into its date line and the first sentence, and a claim never crosses a line break."""
    doc = site.cue.doc
    lo, hi, cue = site.lo, site.hi, site.cue.i
    for i in range(min(lo, cue), max(hi, cue)):
        if _line_end(doc[i]):
            if i < cue:
                lo = max(lo, i + 1)
            elif i < hi:
                hi = min(hi, i)
                break
    if lo > hi:
        return None
    if (lo, hi) == (site.lo, site.hi):
        return site
    span = trim_span(doc, lo, hi)
    if span is None:
        return None
    site.lo, site.hi = span
    return site


def find_sites(cue: Token) -> list[Site]:
    """The content of ``cue``'s attribution in whichever form the parse shows: one piece, two
    where the cue stands inside its content ("X, he says, and Y"), none when no form fits."""
    if cue.lower_ == "according":
        site = according_site(cue)
        inside = site is not None and site.hi < cue.i
    else:
        site = (
            complement_site(cue) or infinitive_site(cue) or passive_site(cue) or object_site(cue)
            or call_site(cue)
        )
        inside = False
        site = site or as_site(cue)
        if site is None:
            site = parenthetical_site(cue)
            inside = site is not None
        site = site or root_site(cue)
    if site is None:
        return []
    rest = continued_site(cue, site) if inside else None
    sites = [s for s in (site, rest) if s is not None and s.shown]
    return [s for s in map(within_line, sites) if s is not None]
