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
("Klitschko" -> "Vitali Klitschko").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from analysis.entities.candidates import strip_title
from analysis.model import Entity, Mention
from analysis.quotes.cues import INVERTED_DEPS, is_cue, words

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "PRODUCT", "WORK_OF_ART"})
PRONOUN_LABELS = {
    "he": ("PERSON",),
    "she": ("PERSON",),
    "it": ("ORG",),
    "they": ("ORG", "NORP", "GPE"),
}
ORG_NOUNS = words(
    """
    ministry company agency department government police army military party committee
    campaign commission office bank group organization organisation union council court
    newspaper paper firm operator utility administration authority authorities service
    embassy kremlin network station channel website outlet magazine team club foundation
    institute university board regulator watchdog corporation corp association federation
    league parliament senate
    """
)
# Things that speak for their author: "her statement said", "the RCMP news release said".
DOCUMENT_NOUNS = words(
    """
    statement release memo letter post tweet email e-mail note message ad advertisement
    video report study survey filing document complaint lawsuit suit ruling decision
    order notice announcement website blog column editorial op-ed speech transcript
    """
)
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ism", "ure", "ing")
POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
UNNAMED_TOKENS = 600  # how far back an indefinite first mention of a description is sought
# A name parsed as ROOT is almost always a subject the parser lost.
SALIENT_DEPS = SUBJECT_DEPS | {"ROOT"}
HONORIFICS = {"mr": 0, "mrs": 1, "ms": 1, "miss": 1, "sir": 0, "lady": 1, "madam": 1}
GENDERED = {"he": 0, "him": 0, "his": 0, "himself": 0, "she": 1, "her": 1, "hers": 1, "herself": 1}
PRONOUN_GENDER = {"he": 0, "she": 1}
# An honorific or "X said she ..." outweighs pronouns that merely share a sentence with X.
STRONG_VOTE = 3
# spaCy's small model often tags people as ORG; a gendered pronoun vote decides.
PERSONISH = frozenset({"PERSON", "ORG"})
# Labels the small model gives names of people it does not know ("Tatiana Stanovaya": FAC).
MISLABELLED = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART"})
NAME_DEPS = frozenset({"compound", "flat"})
WINDOW_CHARS = 3000
SUBJECT_BONUS = 400  # characters of recency a subject mention is worth
GENDER_BONUS = 600
PROMINENCE_BONUS = 100  # per earlier mention, up to four
SPEECH_BONUS = 0  # the subject of a speech verb is the "current speaker" of news prose
LAST_SUBJECT_CHARS = 400  # how close the latest subject must be to win outright
MAX_BONUS = SUBJECT_BONUS + SPEECH_BONUS + GENDER_BONUS + 4 * PROMINENCE_BONUS


@dataclass(slots=True)
class Resolution:
    """A resolved speaker: the name, the entity id and the attributing words."""

    name: str | None = None
    entity: str | None = None
    mention: Mention | None = None
    label: str | None = None


@dataclass
class EntityIndex:
    """Entity mentions of one doc, indexed by token and ordered by position."""

    doc: Doc
    entities: list[Entity]
    by_token: dict[int, tuple[Entity, Mention]] = field(default_factory=dict)
    positions: list[int] = field(default_factory=list)  # mention starts, sorted
    # (start, entity, is the subject of its clause, is the subject of a speech verb)
    items: list[tuple[int, Entity, bool, bool]] = field(default_factory=list)
    titles: list[tuple[int, str, Entity]] = field(default_factory=list)  # (start, noun, ent)
    gender: dict[str, int] = field(default_factory=dict)  # person key -> 0 male, 1 female
    personlike: set[str] = field(default_factory=set)  # keys of mislabelled people
    main_subjects: set[int] = field(default_factory=set)  # starts of main-clause subjects

    @classmethod
    def build(
        cls, doc: Doc, entities: list[Entity], quoted: list[tuple[int, int]] | None = None
    ) -> EntityIndex:
        """Index entity mentions (outside ``quoted``) by token, plus unrecognised PROPN subjects."""
        idx = cls(doc, entities)
        items = []
        credited: set[int] = set()  # tokens of photo credits, never speakers
        for ent in entities:
            if ent.label not in SPEAKER_LABELS:
                continue
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                if "/" in ent.name or _credit(span):
                    # a photo credit ("Jane Doe/Associated Press"), or a name the NER ran into one
                    credited.update(t.i for t in span)
                    continue
                for t in span:
                    idx.by_token.setdefault(t.i, (ent, m))
                speech = _speech_subject(span.root)
                items.append((m.start, ent, speech or _is_subject(span.root), speech))
                if speech or _main_subject(span.root):
                    idx.main_subjects.add(m.start)
                if speech and ent.label in MISLABELLED and _looks_personal(span):
                    idx.personlike.add(_key(ent))
                idx._titles_for(span, ent)
        idx.titles.sort(key=lambda x: x[0])
        for t in doc:
            if t.dep_ not in SUBJECT_DEPS or t.i in idx.by_token or t.i in credited:
                continue
            if t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON", "ORG"):
                s, e = _propn_chain(t)
                if e - s == 1 and t.is_sent_start:
                    continue  # a lone capitalised word opening a sentence is rarely a name
                pseudo = idx.fullest(Entity("", doc[s:e].text, "PERSON"))
                items.append((doc[s].idx, pseudo, True, _speech_subject(t)))
                if t.head.dep_ == "ROOT" or is_cue(t.head):
                    idx.main_subjects.add(doc[s].idx)
            elif t.pos_ == "NOUN" and _definite(t):
                ent = idx.by_title(t.lemma_.lower(), t.idx)
                if ent is not None:  # "the mayor said ..." keeps the mayor salient
                    items.append((t.idx, ent, True, _speech_subject(t)))
        if quoted:
            # Names inside quotes are not antecedents of the narrator's "he said".
            starts = [a for a, _ in quoted]
            items = [x for x in items if not _inside(x[0], quoted, starts)]
        items.sort(key=lambda x: x[0])
        idx.items = items
        idx.positions = [x[0] for x in items]
        idx._genders()
        return idx

    def _genders(self) -> None:
        """Gender votes per person: honorifics, and pronouns in sentences about one person."""
        votes: dict[str, list[int]] = {}
        for start, ent, *_ in self.items:
            if ent.label not in PERSONISH:
                continue
            tok = self.doc.char_span(start, start + 1, alignment_mode="expand")
            if tok is None or not len(tok) or tok[0].i == 0:
                continue
            g = HONORIFICS.get(self.doc[tok[0].i - 1].lower_.rstrip("."))
            if g is not None:
                votes.setdefault(_key(ent), [0, 0])[g] += STRONG_VOTE
        for sent in self.doc.sents:
            people = {
                _key(self.by_token[t.i][0])
                for t in sent
                if t.i in self.by_token and self.by_token[t.i][0].label == "PERSON"
            }
            genders = {GENDERED[t.lower_] for t in sent if t.lower_ in GENDERED}
            if len(people) == 1 and len(genders) == 1:
                votes.setdefault(people.pop(), [0, 0])[genders.pop()] += 1
        # "X said she ...": a subject of a speech verb whose complement's subject is gendered.
        for t in self.doc:
            if t.dep_ != "nsubj" or t.i not in self.by_token or not is_cue(t.head):
                continue
            for c in t.head.children:
                if c.dep_ == "ccomp":
                    subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                    if subj is not None and subj.lower_ in PRONOUN_GENDER:
                        key = _key(self.by_token[t.i][0])
                        votes.setdefault(key, [0, 0])[PRONOUN_GENDER[subj.lower_]] += STRONG_VOTE
        self.gender = {k: (0 if v[0] > v[1] else 1) for k, v in votes.items() if v[0] != v[1]}

    def _titles_for(self, span, ent: Entity) -> None:
        """Record title nouns attached to a mention: "Mayor X", "X, the mayor", "the mayor, X"."""
        first = span[0]
        nouns: list[Token] = []
        if first.i > 0:
            prev = self.doc[first.i - 1]
            if prev.pos_ in ("NOUN", "PROPN") and prev.i not in self.by_token:
                nouns.append(prev)
        root = span.root
        nouns += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        for c in root.children:
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in self.by_token:
                nouns.append(c)
        for n in nouns:
            self.titles.append((span.start_char, n.lemma_.lower(), ent))

    def entity_at(self, tok: Token) -> tuple[Entity, Mention] | None:
        """The entity mention covering ``tok``, if any."""
        return self.by_token.get(tok.i)

    def recent(
        self, before: int, labels: tuple[str, ...], subjects_first: bool, gender: int | None = None
    ) -> Entity | None:
        """The most salient agreeing entity mentioned before char ``before``.

        Salience is recency (in characters) with bonuses for being a grammatical subject and,
        for he/she, for a known matching gender; a known clashing gender rules a candidate out.
        """
        hi = bisect.bisect_left(self.positions, before)
        best: tuple[float, Entity] | None = None
        counts: dict[str, int] = {}
        for k in range(hi):
            key = _key(self.items[k][1])
            counts[key] = counts.get(key, 0) + 1
        for k in range(hi - 1, -1, -1):
            start, ent, is_subj, speech = self.items[k]
            dist = before - start
            if dist > WINDOW_CHARS:
                break
            if best is not None and dist - MAX_BONUS > best[0]:
                break
            known = self.gender.get(_key(ent)) if gender is not None else None
            if known is not None and known != gender:
                continue
            personlike = gender is not None and _key(ent) in self.personlike
            if ent.label not in labels and known is None and not personlike:
                continue
            score = dist - (SUBJECT_BONUS if is_subj and subjects_first else 0)
            score -= SPEECH_BONUS if speech and subjects_first else 0
            score -= GENDER_BONUS if known is not None else 0
            score -= PROMINENCE_BONUS * min(counts.get(_key(ent), 0), 4)
            if best is None or score < best[0]:
                best = (score, ent)
        return best[1] if best else None

    def last_subject(self, before: int, gender: int) -> Entity | None:
        """The person who is the latest subject before ``before``, when close and agreeing.

        In news prose "he said" after a sentence about someone refers to that sentence's subject
        even when another person has more mentions or a known gender.
        """
        hi = bisect.bisect_left(self.positions, before)
        for k in range(hi - 1, -1, -1):
            start, ent, _, _ = self.items[k]
            if before - start > LAST_SUBJECT_CHARS:
                return None
            if start not in self.main_subjects:
                continue
            if ent.label != "PERSON":
                return None  # an organisation or place subject: leave it to salience
            known = self.gender.get(_key(ent))
            return ent if known is None or known == gender else None
        return None

    def named_org(self, noun: str, before: int) -> Entity | None:
        """The latest organisation mentioned before ``before`` whose name contains ``noun``."""
        hi = bisect.bisect_left(self.positions, before)
        for k in range(hi - 1, -1, -1):
            ent = self.items[k][1]
            if ent.label == "ORG" and noun in ent.name.lower().split():
                return ent
        return None

    def by_title(self, noun: str, before: int) -> Entity | None:
        """Latest entity introduced with title noun ``noun`` before char ``before``."""
        for start, n, ent in reversed(self.titles):
            if start < before and n == noun:
                return ent
        return None

    def fullest(self, ent: Entity) -> Entity:
        """A longer PERSON entity whose name ends with this one's ("Klitschko" -> full name)."""
        if ent.label not in PERSONISH or len(ent.name.split()) > 1:
            return ent
        last = ent.name.split()[-1].lower()
        best = ent
        for other in self.entities:
            words = other.name.split()
            if (
                other.label in PERSONISH
                and len(words) > len(best.name.split())
                and words[-1].lower().rstrip("'’s") == last.rstrip("'’s")
                and self._name_like(other)
            ):
                best = other
        return best

    def _name_like(self, ent: Entity) -> bool:
        """No verb or common noun in the name (not a headline run like "Mom Corners Obama")."""
        if not ent.mentions or "/" in ent.name:
            return False
        m = ent.mentions[0]
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is None or not any(t.pos_ in ("VERB", "NOUN", "AUX") for t in span)


def _key(ent: Entity) -> str:
    """Gender key of a person: the last word of the name."""
    words = ent.name.split()
    return words[-1].lower() if words else ""


def _inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _is_subject(tok: Token) -> bool:
    """A subject, or part of one ("city councillor and advocate Josh Matlow told ...")."""
    for _ in range(3):
        if tok.dep_ in SALIENT_DEPS:
            return True
        if tok.dep_ not in ("compound", "conj", "appos", "flat") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _main_subject(tok: Token) -> bool:
    """The subject of its sentence's main verb, directly or as part of it (a name parsed as
    ROOT is a subject the parser lost)."""
    for _ in range(3):
        if tok.dep_ == "ROOT":
            return True
        if tok.dep_ in SUBJECT_DEPS:
            return tok.head.dep_ == "ROOT"
        if tok.dep_ not in ("compound", "conj", "appos", "flat") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _speech_subject(tok: Token) -> bool:
    """The subject of a speech verb, directly or as part of it ("Jane Doe, an expert, said")."""
    for _ in range(3):
        if tok.dep_ in SUBJECT_DEPS or (tok.dep_ in INVERTED_DEPS and tok.head.i < tok.i):
            return tok.head.i != tok.i and is_cue(tok.head)
        if tok.dep_ not in ("compound", "conj", "appos", "flat") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _credit(span) -> bool:
    """A photo or byline credit: "Jane Doe/Reuters", "(John Roe / CBC)"."""
    doc = span.doc
    left = doc[span.start - 1].text if span.start > 0 else ""
    right = doc[span.end].text if span.end < len(doc) else ""
    return "/" in span.text or left == "/" or right == "/"


def _looks_personal(span) -> bool:
    """Two or three capitalised proper nouns and no organisation word: "Tatiana Stanovaya"."""
    toks = [t for t in span if not t.is_punct]
    return (
        2 <= len(toks) <= 3
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() for t in toks)
        and not any(t.lower_ in ORG_NOUNS for t in toks)
    )


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


def _definite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children)


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


def _propn_chain(tok: Token) -> tuple[int, int]:
    """The contiguous proper-noun run around ``tok`` (its name)."""
    doc = tok.doc
    s = e = tok.i
    while s - 1 >= 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].dep_ in NAME_DEPS:
        s -= 1
    while e + 1 < len(doc) and doc[e + 1].pos_ == "PROPN" and doc[e + 1].dep_ in NAME_DEPS:
        e += 1
    return s, e + 1


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
    if hit is not None:
        return _from_entity(index, hit[0], _mention(doc, start, tok.i + 1))
    # "an adviser to President X, Y, said": the appositive name may hang off a nested noun.
    apposed = [c for c in tok.subtree if c.dep_ == "appos" and c.i > tok.i and _near(c, tok)]
    for c in apposed[-1:]:
        if c.pos_ in ("PROPN", "NOUN"):
            hit = index.entity_at(c)
            if hit is not None:
                return _from_entity(index, hit[0], _mention(doc, start, c.i + 1))
            if c.pos_ == "PROPN":
                s, e = _propn_chain(c)
                return Resolution(_untitled(doc, s, e), None, _mention(doc, start, e), "PERSON")
    mention = _mention(doc, start, tok.i + 1)
    common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.text[:1].isupper())
    if (tok.pos_ == "PROPN" or tok.tag_ in ("NNP", "NNPS")) and not common:
        s, e = _propn_chain(tok)
        name = _untitled(doc, s, e)
        for ent in index.entities:
            if ent.label == "PERSON" and ent.name.split()[-1:] == name.split()[-1:]:
                return _from_entity(index, ent, mention)
        return Resolution(name, None, mention, "PERSON")
    if common:  # a lower-case "proper noun" is a tagging slip ("the cheerful baker")
        definite = _definite(tok)
        lemma = tok.lemma_.lower()
        if lemma in DOCUMENT_NOUNS:
            return _owner(index, tok, stop, mention)
        ent = index.by_title(lemma, tok.idx) if definite else None
        if ent is None and lemma in ORG_NOUNS and _named_owner(tok):
            # "Ukraine's military said": the owner's name makes the description a name
            return Resolution(mention.text, None, mention)
        if ent is None and definite and lemma in ORG_NOUNS:
            # "the commission": an organisation so named, else the most salient one.
            ent = index.named_org(lemma, tok.idx) or index.recent(
                tok.idx, ("ORG",), subjects_first=True
            )
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


def _named_owner(tok: Token) -> bool:
    """ "Ukraine's military", "the Kremlin's press office": a possessive proper noun."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)


def _owner(index: EntityIndex, tok: Token, stop: int, mention: Mention) -> Resolution:
    """Who a statement, letter or post is from: "her statement", "the RCMP statement",
    "a statement from the ministry"; unknown when the words do not say."""
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
            r = resolve(index, c, stop)
            if r.name:
                return Resolution(r.name, r.entity, mention, r.label)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() not in DOCUMENT_NOUNS:
                r = resolve(index, obj, stop)
                if r.name:
                    return Resolution(r.name, r.entity, mention, r.label)
    return Resolution(None, None, mention)


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
