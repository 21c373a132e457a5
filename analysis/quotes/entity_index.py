"""The entity index of one doc: speaker-worthy mentions by token and position, title nouns,
gender votes and salience, which speaker resolution (``analysis.quotes.speakers``) consults.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.attrs import DEP, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from analysis.model import Entity, Mention
from analysis.quotes.cues import INVERTED_DEPS, is_cue, words

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "PRODUCT", "WORK_OF_ART"})
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
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
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
# The same words as spaCy's string ids (symbol or hash), to test whole-doc arrays without Tokens.
_SUBJECT_HASHES = frozenset(get_string_id(d) for d in SUBJECT_DEPS)
_NSUBJ = get_string_id("nsubj")
_GENDERED_HASHES = {get_string_id(w): g for w, g in GENDERED.items()}


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
        items += idx._surnames(credited)
        # Dependency labels as one array: Token objects only for the subjects.
        for i, dep in enumerate(doc.to_array(DEP).tolist()):
            if dep not in _SUBJECT_HASHES or i in idx.by_token or i in credited:
                continue
            t = doc[i]
            if t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON", "ORG"):
                s, e = propn_chain(t)
                if e - s == 1 and t.is_sent_start:
                    continue  # a lone capitalised word opening a sentence is rarely a name
                pseudo = idx.fullest(Entity("", doc[s:e].text, "PERSON"))
                items.append((doc[s].idx, pseudo, True, _speech_subject(t)))
                if t.head.dep_ == "ROOT" or is_cue(t.head):
                    idx.main_subjects.add(doc[s].idx)
            elif t.pos_ == "NOUN" and is_definite(t):
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

    def _surnames(self, credited: set[int]) -> list[tuple[int, Entity, bool, bool]]:
        """Items for the surname of a person the entity layer did not link ("Radmall conceded
        ..." after "Ben Radmall"), when only one person of the story has that surname."""
        by_last: dict[int, Entity | None] = {}
        for ent in self.entities:
            words = ent.name.split()
            if ent.label == "PERSON" and len(words) > 1 and words[-1][:1].isupper():
                key = get_string_id(words[-1])
                by_last[key] = None if key in by_last and by_last[key] is not ent else ent
        out = []
        for i, orth in enumerate(self.doc.to_array(ORTH).tolist()):
            ent = by_last.get(orth)
            if ent is None or i in self.by_token or i in credited:
                continue
            t = self.doc[i]
            m = Mention(t.idx, t.idx + len(t.text), t.text)
            self.by_token[i] = (ent, m)
            speech = _speech_subject(t)
            out.append((t.idx, ent, speech or _is_subject(t), speech))
            if speech or _main_subject(t):
                self.main_subjects.add(t.idx)
        return out

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
        by_token = self.by_token
        lowers = self.doc.to_array(LOWER).tolist()  # word forms as hashes, read once
        for sent in self.doc.sents:
            people = {
                _key(by_token[i][0])
                for i in range(sent.start, sent.end)
                if i in by_token and by_token[i][0].label == "PERSON"
            }
            genders = {_GENDERED_HASHES[h] for h in lowers[sent.start : sent.end]
                       if h in _GENDERED_HASHES}
            if len(people) == 1 and len(genders) == 1:
                votes.setdefault(people.pop(), [0, 0])[genders.pop()] += 1
        # "X said she ...": a subject of a speech verb whose complement's subject is gendered.
        for i, dep in enumerate(self.doc.to_array(DEP).tolist()):
            if dep != _NSUBJ or i not in by_token:
                continue
            t = self.doc[i]
            if not is_cue(t.head):
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

    def named_between(self, start: int, end: int) -> bool:
        """Is an entity (or a name the parser made a subject) mentioned in [start, end)?"""
        k = bisect.bisect_left(self.positions, start)
        return k < len(self.positions) and self.positions[k] < end

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
    ROOT is a subject the parser lost); a name modifying a common noun ("a UN rapporteur") is
    not."""
    for _ in range(3):
        if tok.dep_ == "ROOT":
            return True
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
            return False
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


def is_definite(tok: Token) -> bool:
    """Has ``tok`` a definite determiner or a possessive ("the mayor", "his spokesman")?"""
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children)


def propn_chain(tok: Token) -> tuple[int, int]:
    """The contiguous proper-noun run around ``tok`` (its name)."""
    doc = tok.doc
    s = e = tok.i
    while s - 1 >= 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].dep_ in NAME_DEPS:
        s -= 1
    while e + 1 < len(doc) and doc[e + 1].pos_ == "PROPN" and doc[e + 1].dep_ in NAME_DEPS:
        e += 1
    return s, e + 1
