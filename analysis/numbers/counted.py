"""The counted noun of a count or age, read from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_NOUNS = ("NOUN", "PROPN")
_MODIFIER_DEPS = ("nummod", "quantmod", "amod", "compound", "nmod", "npadvmod", "advmod")
# Verbs whose bare numeric object or subject counts people ("killed nine", "Thousands march").
HUMAN_VERBS = frozenset(
    [
        "kill",
        "injure",
        "wound",
        "hurt",
        "arrest",
        "detain",
        "infect",
        "evacuate",
        "rescue",
        "hospitalize",
        "hospitalise",
        "die",
        "march",
        "protest",
        "gather",
        "attend",
        "flee",
        "drown",
        "sicken",
        "leave",
        "strand",
        "displace",
        "dwell",
        "live",
    ]
)
_STATES = frozenset(
    ["dead", "injured", "killed", "wounded", "missing", "hurt", "hospitalized", "hospitalised"]
)


def head_noun_right(tok: Token) -> Token | None:
    """From a modifier, climb to the noun it modifies further right ("Russian" -> servicemen)."""
    t = tok
    for _ in range(6):
        if t.pos_ in _NOUNS and (t.dep_ not in ("compound",) or t.head.i < t.i):
            return t
        if t.head.i <= t.i or t.dep_ not in _MODIFIER_DEPS + ("punct",):
            break
        t = t.head
    return t if t.pos_ in _NOUNS else None


def of_object(tok: Token) -> Token | None:
    """The noun after "of" attached to ``tok`` ("dozens of soldiers", "one of the databases")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i > tok.i:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in _NOUNS + ("NUM",):
                    if obj.pos_ == "NUM":
                        return _noun_after(obj)
                    return obj
    return None


def _noun_after(tok: Token) -> Token | None:
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in _NOUNS + ("ADJ",):
        return head_noun_right(doc[tok.i + 1])
    return None


def _gap(doc: Doc, end: int, i: int) -> str:
    """The text between token ``end - 1`` and token ``i`` (``doc.text`` is rebuilt per call:
    slicing it once per fact made counting quadratic in the article's length)."""
    before = doc[end - 1].whitespace_ if end > 0 else ""
    return before + "".join(t.text_with_ws for t in doc[end:i])


def counted_for_count(span: Span) -> str | None:
    """Head noun counted by a number span ("63 Russian servicemen" -> "servicemen")."""
    doc = span.doc
    root = span.root
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and "\n" in _gap(doc, span.end, nxt.i):
        nxt = None  # a headline's last number does not count the dateline
    if nxt is not None and nxt.lower_ in _STATES:
        return "people"
    if nxt is not None and root.dep_ in ("nsubj", "nsubjpass") and root.head.i == nxt.i:
        nxt = None  # "Thousands march": the next word is the verb
    if nxt is not None and nxt.lower_ == "of":
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ in _NOUNS:
            return obj.text
        if obj is not None and obj.pos_ == "NUM":
            n = _noun_after(obj)
            if n is not None:
                return n.text
        if obj is not None and obj.pos_ == "PRON":
            return None
    if (
        root.dep_ in _MODIFIER_DEPS
        and root.head.i >= span.end
        and root.head.pos_ in _NOUNS
        and "\n" not in _gap(doc, span.end, root.head.i)
    ):
        noun = head_noun_right(root.head)
        return (noun or root.head).text
    if nxt is not None and nxt.pos_ in _NOUNS + ("ADJ",) and nxt.dep_ != "ROOT":
        noun = head_noun_right(nxt)
        if noun is not None and noun.i - span.end < 5 and noun.lower_ not in ("percent",):
            return noun.text
    obj = of_object(root)
    if obj is not None:
        return obj.text
    verb = root.head if root.dep_ in ("dobj", "nsubj", "nsubjpass", "conj", "appos") else None
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head if verb.dep_ == "conj" else None
    if verb is not None and verb.lemma_.lower() in HUMAN_VERBS:
        return "people"
    return None


def counted_by_state(span: Span) -> str | None:
    """ "39 are confirmed dead", "12 were missing": the state word the number's own clause
    predicates of it, for a count that names no noun and borrows none from just before."""
    root = span.root
    head = root.head
    if (root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _TOTALS
            and head.head.i < root.i):
        root = head.head  # "A total of 39 are confirmed dead"
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = root.head
    for child in verb.children:
        if (child.i > root.i and child.dep_ in ("acomp", "oprd", "attr", "xcomp")
                and child.lower_ in _STATES):
            return child.text
    return None


_TOTALS = frozenset(["total", "number", "toll", "tally", "count"])


def counted_for_age(span: Span, single: bool = True) -> str | None:
    """Who the age belongs to: "a 19-year-old man" -> man, "Gutierrez, 67" -> Gutierrez.

    ``single`` is False for age ranges, which never belong to one named person.
    Pronouns, places and bare "at the age of" fall back on the surname of the person named
    last before the age ("He was 34" -> the person the article was just talking about).
    """
    who = _age_owner(span)
    if (
        who is not None
        and who.is_alpha
        and (who.ent_type_ == "PERSON" or (who.pos_ in _NOUNS and who.ent_type_ not in _NOT_PEOPLE))
    ):
        return who.text
    person = _last_person_before(span) if single else None
    if person is not None:
        return person
    return who.text if who is not None and who.is_alpha else None


# Entity types that never own an age (ORG is left out: the small model often tags people ORG).
_NOT_PEOPLE = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE"})


def _last_person_before(span: Span) -> str | None:
    """Surname (last token) of the last PERSON entity ending before ``span`` in the same doc."""
    best = None
    for ent in span.doc.ents:
        if ent.start >= span.start:
            break
        if ent.label_ == "PERSON":
            best = ent
    if best is None or span.start - best.end > 150:
        return None
    words = [t.text for t in best if t.is_alpha]
    return words[-1] if words else None


def _age_owner(span: Span) -> Token | None:
    doc = span.doc
    # "N-year-old X": the noun the "old" adjective modifies.
    for t in span:
        if t.lower_ == "old" and t.head.i >= span.end and t.head.pos_ in _NOUNS:
            return t.head
    if span.end < len(doc) and doc[span.end].pos_ in _NOUNS + ("ADJ",):
        noun = head_noun_right(doc[span.end])
        if noun is not None and noun.i - span.end < 4:
            return noun
    # "Gutierrez, 67": the name before the comma.
    i = span.start - 1
    if i >= 1 and doc[i].text == ",":
        prev = doc[i - 1]
        if prev.pos_ in _NOUNS:
            return prev
    # "X dies aged 78", "X, aged 25": the noun before "aged" or the subject of the clause.
    if i >= 0 and doc[i].lower_ == "aged":
        j = i - 1
        while j >= 0 and (doc[j].text == "," or doc[j].lower_ in ("all", "both", "reportedly")):
            j -= 1
        if j >= 0 and doc[j].pos_ in _NOUNS:
            return doc[j]
        return _subject_of(doc[i].head)
    # "The suspects range in age from 21 to 78": the subject of the verb.
    if i >= 0 and doc[i].lower_ in ("age", "ages") and doc[i].dep_ == "pobj":
        return _subject_of(doc[i].head.head)
    # "He was 34": the subject of the copula.
    root = span.root
    if root.dep_ in ("attr", "acomp") and root.head.lemma_ == "be":
        return _subject_of(root.head)
    return None


def _subject_of(verb: Token) -> Token | None:
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return None
