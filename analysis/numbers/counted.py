"""The counted noun of a count or age, read from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Span, Token

_NOUNS = ("NOUN", "PROPN")
_MODIFIER_DEPS = ("nummod", "quantmod", "amod", "compound", "nmod", "npadvmod", "advmod")
# Verbs whose bare numeric object or subject counts people ("killed nine", "Thousands march").
HUMAN_VERBS = frozenset(
    "kill injure wound hurt arrest detain infect evacuate rescue hospitalize hospitalise "
    "die march protest gather attend flee drown sicken leave strand displace dwell live".split()
)
_STATES = frozenset("dead injured killed wounded missing hurt hospitalized hospitalised".split())


def head_noun_right(tok: Token) -> Token | None:
    """From a modifier token, climb to the noun it modifies further right ("Russian" -> servicemen)."""
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


def counted_for_count(span: Span) -> str | None:
    """Head noun counted by a number span ("63 Russian servicemen" -> "servicemen")."""
    doc = span.doc
    root = span.root
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and "\n" in doc.text[span.end_char:nxt.idx]:
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
    if root.dep_ in _MODIFIER_DEPS and root.head.i >= span.end and root.head.pos_ in _NOUNS \
            and "\n" not in doc.text[span.end_char:root.head.idx]:
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


def counted_for_age(span: Span) -> str | None:
    """Who the age belongs to: "a 19-year-old man" -> man, "Gutierrez, 67" -> Gutierrez."""
    doc = span.doc
    # "N-year-old X": the noun the "old" adjective modifies.
    for t in span:
        if t.lower_ == "old" and t.head.i >= span.end and t.head.pos_ in _NOUNS:
            return t.head.text
    if span.end < len(doc) and doc[span.end].pos_ in _NOUNS + ("ADJ",):
        noun = head_noun_right(doc[span.end])
        if noun is not None and noun.i - span.end < 4:
            return noun.text
    # "Gutierrez, 67": the name before the comma.
    i = span.start - 1
    if i >= 1 and doc[i].text == ",":
        prev = doc[i - 1]
        if prev.pos_ in _NOUNS:
            return prev.text
        if prev.lower_ in ("aged",) and i >= 2 and doc[i - 2].text == ",":
            return None
    # "X dies aged 78", "X, aged 25": the subject of the clause or the noun before "aged".
    if i >= 0 and doc[i].lower_ == "aged":
        j = i - 1
        while j >= 0 and doc[j].text in (",",) or (j >= 0 and doc[j].lower_ in ("all", "both")):
            j -= 1
        if j >= 0 and doc[j].pos_ in _NOUNS:
            return doc[j].text
        verb = doc[i].head
        for _ in range(3):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj.text if subj.pos_ in _NOUNS else None
            if verb.head.i == verb.i:
                break
            verb = verb.head
    # "He was 34": the subject of the copula when it is a name.
    root = span.root
    if root.dep_ in ("attr", "acomp") and root.head.lemma_ == "be":
        subj = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in _NOUNS:
            return subj.text
    return None
