"""Speaker resolution: from the grammatical speaker token to a name and an entity.

Order of evidence: an entity mention covering the token; an appositive name; for he/she, the
subject of a recent main clause when it is a person of agreeing or unknown gender; for pronouns,
the most salient agreeing mention (recency, subject position, gender votes; "it" prefers an
organisation to a country); for documents ("her statement", "a memo from X"), their author; for
descriptions ("the mayor", "the ministry"), the latest entity introduced with that title noun,
an organisation so named, or for a singular "the ..." epithet the salient person, unless the
description first came indefinite ("a justice official"), in which case the description itself
is the speaker; for unrecognised proper nouns, the PROPN chain itself. Photo credits
("Jane Doe/Reuters") are never speakers. Short names are upgraded to the fullest earlier form
("Klitschko" -> "Vitali Klitschko"). The mentions, title nouns, gender votes and salience
consulted come from the entity index (``analysis.quotes.entity_index``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from analysis.entities.candidates import TITLES, strip_title
from analysis.model import Entity, Mention
from analysis.quotes.cues import words
from analysis.quotes.entity_index import (
    ORG_NOUNS,
    PRONOUN_GENDER,
    EntityIndex,
    is_definite,
    propn_chain,
)

PRONOUN_LABELS = {
    "he": ("PERSON",),
    "she": ("PERSON",),
    "it": ("ORG",),
    "they": ("ORG", "NORP", "GPE"),
}
# Things that speak for their author: "her statement said", "the RCMP news release said".
DOCUMENT_NOUNS = words(
    """
    statement release memo letter post tweet email e-mail note message ad advertisement
    video report study survey filing document complaint lawsuit suit ruling decision
    order notice announcement website blog column editorial op-ed speech transcript
    """
)
# "a statement released by X" is X's; "a memo obtained by X" is not.
AUTHORING_VERBS = words(
    """
    release issue file publish sign write send post make prepare author tweet put deliver
    submit present draft distribute circulate
    """
)
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ism", "ure", "ing")
POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}
UNNAMED_TOKENS = 600  # how far back an indefinite first mention of a description is sought
GLUED_TOKENS = 6  # how far after a description noun a glued name may start


@dataclass(slots=True)
class Resolution:
    """A resolved speaker: the name, the entity id and the attributing words."""

    name: str | None = None
    entity: str | None = None
    mention: Mention | None = None
    label: str | None = None


def _unnamed(tok: Token) -> bool:
    """ "A justice official said ... the official said": the description first came
    indefinite, so it stands for someone the story never names."""
    doc = tok.doc
    return any(
        t.lemma_ == tok.lemma_
        and t.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in t.children)
        for t in doc[max(0, tok.i - UNNAMED_TOKENS) : tok.i]
    )


def _anaphoric(tok: Token) -> bool:
    """A singular "the ..." description: it points back to someone already introduced."""
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    return the and tok.tag_ in ("NN", "NNP")


def _mention(doc: Doc, start: int, end: int) -> Mention:
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text)


def _breaks(tok: Token) -> bool:
    # a spaced hyphen is a dash ("KYIV - Russia said"); "Al-Shabaab" keeps its hyphen
    spaced = tok.text == "-" and bool(tok.whitespace_)
    return spaced or tok.is_space or tok.is_quote or tok.is_bracket or tok.text in ",;:.!?—–―"


def _left_part(tok: Token, stop: int) -> int:
    """Index of the first token of ``tok``'s phrase to its left (not crossing ``stop``)."""
    i = tok.i
    left = max(tok.left_edge.i, stop)
    while i - 1 >= left and not _breaks(tok.doc[i - 1]):
        i -= 1
    return i


def _untitled(doc: Doc, s: int, e: int) -> str:
    """The name in a proper-noun run without its leading title ("Mayor Joan Berry")."""
    return doc[strip_title(doc, s, e) : e].text


def _from_entity(index: EntityIndex, ent: Entity, mention: Mention) -> Resolution:
    full = index.fullest(ent)
    return Resolution(full.name, full.id or None, mention, full.label)


def resolve(index: EntityIndex, tok: Token, stop: int = 0) -> Resolution:
    """Resolve the speaker head token ``tok``; ``stop`` bounds the mention on the left."""
    doc = index.doc
    low = tok.lower_
    if tok.pos_ == "PRON" or low in PRONOUN_LABELS:
        mention = _mention(doc, tok.i, tok.i + 1)
        low = POSSESSIVES.get(low, low)
        labels = PRONOUN_LABELS.get(low)
        if labels is None:
            return Resolution(None, None, mention)
        gender = PRONOUN_GENDER.get(low)
        if low in ("it", "they"):
            described = _previous_subject(index, tok, low == "they")
            if described is not None and described.name:
                # "The ministry's office published a notice. It urged ...": that office
                return Resolution(described.name, described.entity, mention, described.label)
        ent = index.last_subject(tok.idx, gender) if gender is not None else None
        ent = ent or index.recent(tok.idx, labels, True, gender)
        if ent is None and low == "it":
            # "it" is an organisation first; a country only when no organisation is near.
            ent = index.recent(tok.idx, ("GPE",), True)
        if ent is None:
            return Resolution(None, None, mention)
        return _from_entity(index, ent, mention)
    start = _left_part(tok, stop)
    hit = index.entity_at(tok)
    # "an adviser to President X, Y, said": the appositive name may hang off a nested noun.
    apposed = [c for c in tok.subtree if c.dep_ == "appos" and c.i > tok.i and _near(c, tok)]
    if hit is not None and hit[0].label != "PERSON" and apposed:
        # "One red-state Democrat, Montana Sen. Jon Tester, said": the person, not the group
        named = index.entity_at(apposed[-1])
        if named is not None and named[0].label == "PERSON":
            return _from_entity(index, named[0], _mention(doc, start, apposed[-1].i + 1))
    if hit is not None:
        return _from_entity(index, hit[0], _mention(doc, start, tok.i + 1))
    for c in apposed[-1:]:
        if c.pos_ in ("PROPN", "NOUN"):
            hit = index.entity_at(c)
            if hit is not None:
                return _from_entity(index, hit[0], _mention(doc, start, c.i + 1))
            if c.pos_ == "PROPN":
                s, e = propn_chain(c)
                return Resolution(_untitled(doc, s, e), None, _mention(doc, start, e), "PERSON")
    mention = _mention(doc, start, tok.i + 1)
    common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.text[:1].isupper())
    if (tok.pos_ == "PROPN" or tok.tag_ in ("NNP", "NNPS")) and not common:
        s, e = propn_chain(tok)
        name = _untitled(doc, s, e)
        for ent in index.entities:
            if ent.label == "PERSON" and ent.name.split()[-1:] == name.split()[-1:]:
                return _from_entity(index, ent, mention)
        if doc[e - 1].lower_ in TITLES and (e - s == 1 or is_definite(doc[e - 1])):
            # "the President said", "the Yellowhead MP said": a title standing for a name,
            # unless the name follows ("President of Ukraine Volodymyr Zelenskyy said")
            named = next((h for t in tok.subtree if t.i > tok.i
                          and (h := index.entity_at(t)) and h[0].label == "PERSON"), None)
            if named is not None:
                return _from_entity(index, named[0], mention)
            ent = index.by_title(doc[e - 1].lower_, tok.idx)
            if ent is None and is_definite(doc[e - 1]) and not _unnamed(doc[e - 1]):
                ent = index.recent(tok.idx, ("PERSON",), subjects_first=True)
            if ent is not None:
                return _from_entity(index, ent, mention)
            return Resolution(mention.text, None, mention)
        return Resolution(name, None, mention, "PERSON")
    if common:  # a lower-case "proper noun" is a tagging slip ("the cheerful baker")
        glued = _glued_name(index, tok)
        if glued is not None:  # "said study co-author Professor Carl Lipo"
            return _from_entity(index, glued[0], _mention(doc, start, glued[1]))
        definite = is_definite(tok)
        lemma = tok.lemma_.lower()
        if lemma in DOCUMENT_NOUNS:
            return _owner(index, tok, stop, mention)
        ent = index.by_title(lemma, tok.idx) if definite else None
        if ent is None and lemma in ORG_NOUNS and _named_owner(tok):
            # "Ukraine's military said": the owner's name makes the description a name
            return Resolution(mention.text, None, mention)
        if ent is None and definite and lemma in ORG_NOUNS:
            ent = index.named_org(lemma, tok.idx)
            owner = _pronoun_owner(index, tok) if ent is None else None
            if owner is not None:  # "his office said": the office of the man he refers to
                return Resolution(f"{owner.name}'s {tok.text}", None, mention)
            # "the commission": an organisation so named, else the most salient one.
            ent = ent or index.recent(tok.idx, ("ORG",), subjects_first=True)
        if ent is None and _anaphoric(tok) and lemma not in ORG_NOUNS and not _unnamed(tok):
            # "the bow-tied maverick said": an epithet for someone already in the story.
            ent = index.recent(tok.idx, ("PERSON",), subjects_first=True)
        if ent is not None:
            return _from_entity(index, ent, mention)
        # No name to tie it to: the description itself says who spoke ("a spokesperson"),
        # unless it names an abstraction ("the decision", "their actions"): a misparse.
        if not lemma.endswith(ABSTRACT_SUFFIXES) or lemma in ORG_NOUNS:
            return Resolution(mention.text, None, mention)
    return Resolution(None, None, mention)


def _previous_subject(index: EntityIndex, tok: Token, plural: bool) -> Resolution | None:
    """ "it"/"they" opening a sentence after one whose subject is an organisation described,
    not named ("The foreign ministry's consular office published a notice. It urged ..."),
    or people ("Owners Ann Lee and Tom Hart said ... they said"): that subject resolved."""
    sent = tok.sent
    if sent.start == 0 or tok.i - sent.start > 1:
        return None
    prev = tok.doc[sent.start - 1].sent
    subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or index.entity_at(subj) is not None:
        return None
    if plural != (subj.tag_ == "NNS"):
        return None
    if not plural and subj.lemma_.lower() not in ORG_NOUNS:
        return None
    return resolve(index, subj, prev.start)


def _pronoun_owner(index: EntityIndex, tok: Token) -> Entity | None:
    """The person a possessive pronoun before an organisation noun refers to ("his office",
    "her campaign"); None for other owners."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None or poss.lower_ not in ("his", "her"):
        return None
    gender = PRONOUN_GENDER[POSSESSIVES[poss.lower_]]
    ent = index.last_subject(poss.idx, gender) or index.recent(
        poss.idx, ("PERSON",), True, gender)
    return index.fullest(ent) if ent is not None else None


def _glued_name(index: EntityIndex, tok: Token) -> tuple[Entity, int] | None:
    """A person's name right after a description with no comma between ("study co-author
    Professor Carl Lipo", "Yellowhead MP Jim Eglinski"): (entity, token end of the name)."""
    doc = tok.doc
    for i in range(tok.i + 1, min(len(doc), tok.i + GLUED_TOKENS)):
        t = doc[i]
        hit = index.entity_at(t)
        if hit is not None:
            if hit[0].label != "PERSON":
                return None
            end = i
            while end + 1 < len(doc) and index.entity_at(doc[end + 1]) == hit:
                end += 1
            return hit[0], end + 1
        if not (t.pos_ in ("NOUN", "PROPN", "ADJ") or t.text in ("-", "–")) or t.is_space:
            return None
        if t.text in ("-", "–") and t.whitespace_:
            return None  # a spaced dash ends the description
    return None


def _named_owner(tok: Token) -> bool:
    """ "Ukraine's military", "the Kremlin's press office": a possessive proper noun."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)


def _owner(index: EntityIndex, tok: Token, stop: int, mention: Mention) -> Resolution:
    """Who a statement, letter or post is from: "her statement", "the RCMP statement",
    "a statement from the ministry", "a statement released by the ministry"; unknown when the
    words do not say."""
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
            if c.pos_ == "NOUN" and index.entity_at(c) is None:
                # "the family's statement": the family, not the person last named
                owner = _mention(tok.doc, c.left_edge.i, c.i + 1)
                return Resolution(owner.text, None, mention)
            r = resolve(index, c, stop)
            if r.name:
                return Resolution(r.name, r.entity, mention, r.label)
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")]
    # "a statement released by the ministry", "a court document filed by the state attorney"
    preps += [g for c in tok.children
              if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in AUTHORING_VERBS
              for g in c.children if g.dep_ in ("agent", "prep") and g.lower_ == "by"]
    for c in preps:
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is not None and obj.lemma_.lower() not in DOCUMENT_NOUNS:
            r = resolve(index, obj, stop)
            if r.name:
                return Resolution(r.name, r.entity, mention, r.label)
    if is_definite(tok) and not any(c.dep_ == "poss" for c in tok.children):
        earlier = _earlier_document(index, tok)
        if earlier is not None:
            return Resolution(earlier.name, earlier.entity, mention, earlier.label)
    return Resolution(None, None, mention)


def _earlier_document(index: EntityIndex, tok: Token) -> Resolution | None:
    """ "The association issued a statement. ... The statement said": the author of the
    latest earlier mention of the same document, by its own words or as the subject of the
    verb it is the object of."""
    doc = tok.doc
    for t in reversed(doc[max(0, tok.i - UNNAMED_TOKENS) : tok.i]):
        if t.lemma_ != tok.lemma_ or t.pos_ != "NOUN":
            continue
        r = _owner(index, t, t.left_edge.i, _mention(doc, t.i, t.i + 1))
        if r.name:
            return r
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if t.dep_ == "dobj" and subj is not None and subj.pos_ != "PRON":
            r = resolve(index, subj, subj.left_edge.i)
            return r if r.name else None
        return None
    return None


def _near(c: Token, tok: Token) -> bool:
    """``c`` hangs off ``tok`` through nouns and prepositions only (not a clause)."""
    between = tok.doc[tok.i + 1 : c.left_edge.i]
    if any(t.pos_ in ("VERB", "AUX") for t in between):
        return False  # "the resident, who sold copies of ..., The Undead Soldier": a misparse
    for _ in range(40):
        if c.i == tok.i or c.head.i == c.i:
            break
        if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp"):
            return False
        c = c.head
    return c.i == tok.i
