"""Evidence for an entity's label beyond the word itself: the name's shape and its role.

The small model labels a name from the word alone ("Twitter" a person, "Patrice Talon" an
organisation). Two kinds of evidence outweigh that guess in :func:`analysis.entities.merge.
vote_label`:

* **shape** (:func:`shape_label`): a name ending in an organisation's or a building's head word
  ("Doris Day Animal Foundation", "Toronto Congress Centre"), or a known given name followed by
  one or two capitalised words that are no such head ("Patrice Talon");
* **role** (:func:`role_label`): what the name does in its sentence: reached "via" or posted "on"
  ("wrote on Twitter", "via Twitter"), the owner of an account or a website ("Twitter account"),
  founded ("the company was founded"), a news outlet's report for a name that is no known place
  ("Bloomberg reported").

:func:`label_strength` gives the corpus desk a text-only measure of how well an article's
evidence supports the label it gave, so that across articles strong evidence outweighs a
majority of word-only guesses.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from analysis.entities.chains import is_common
from analysis.entities.gazetteer import load_gazetteer
from analysis.entities.given_names import is_given_name
from analysis.entities.patterns import EVENT_HEADS, FAC_HEADS, ORG_HEADS, TITLES

# Words that end the name of a natural place ("Jordan River", "Victoria Falls").
GEO_HEADS = {
    "World", "River", "Lake", "Sea", "Ocean", "Mountain", "Mountains", "Mount", "Island", "Islands",
    "Valley", "Bay", "Falls", "County", "Desert", "Forest", "Coast", "Gulf", "Strait", "Peninsula",
}
# A city this large is read as the place before a given name ("Paris Métro").
BIG_CITY = 1_000_000
# Articles of Arabic and Romance names that are also given names ("Al Jazeera", "El Niño").
NAME_ARTICLES = {"al", "el", "la", "le", "los", "las", "del", "da", "de", "di", "du"}
# Nouns that, written right after a name, make it a website, app or company ("Twitter account",
# "Facebook users"); "Cruise video", "Trump tweet" are about a person, so no such nouns here.
PLATFORM_NOUNS = {
    "account", "accounts", "user", "users", "feed", "channel", "app", "website", "site",
    "platform", "handle", "subscribers", "subscription", "shareholders", "stock",
}
# Nouns whose owner ("X's ...") is a company.
COMPANY_NOUNS = {
    "users", "subscribers", "shares", "stock", "shareholders", "employees", "ceo", "co-founder",
    "cofounder", "founder", "headquarters", "website", "platform", "app",
}
# Verbs of publishing after which "on X" names the medium, not a person ("wrote on Twitter").
PUBLISH_VERBS = {
    "say", "write", "post", "tweet", "announce", "share", "publish", "stream", "upload",
    "release", "comment", "reply", "respond", "state", "broadcast", "air", "appear", "speak",
    "livestream", "claim", "confirm", "report",
}
PUBLISH_NOUNS = {"message", "post", "posting", "statement", "video", "photo", "announcement"}
FOUNDING_VERBS = {"found", "co-found", "cofound", "establish", "incorporate", "headquarter"}
REPORT_VERBS = {"report", "publish", "broadcast"}
_NAME_HEADS = ORG_HEADS | FAC_HEADS | EVENT_HEADS | GEO_HEADS


def shape_label(name: str) -> str | None:
    """The label the words of a name impose, or None when they leave it open."""
    words = name.split()
    if len(words) < 2:
        return None
    last = words[-1]
    if last in ORG_HEADS:
        return "ORG"
    if last in FAC_HEADS and last not in ("Center", "Centre"):
        return "FAC"  # a "Center" is as often a body ("National Hurricane Center")
    if person_shape(words):
        return "PERSON"
    return None


def person_shape(words: list[str]) -> bool:
    """A known given name and one or two capitalised words after it ("Carlotta Weibl")."""
    if not 2 <= len(words) <= 3 or words[-1] in _NAME_HEADS:
        return False
    first = words[0]
    low = first.lower()
    if not is_given_name(first) or low in TITLES or low in STOP_WORDS or low in NAME_ARTICLES:
        return False  # "Al Jazeera", "El Niño"
    gazetteer = load_gazetteer()
    place = gazetteer.lookup(first)
    if (place is not None and (place.kind != "city" or place.population >= BIG_CITY)) or (
            gazetteer.lookup(" ".join(words[:2]))):
        return False  # "Paris Métro", "Hong Konger"
    if is_common(first) and any(is_common(w) for w in words[1:]):
        return False  # "Grace Hall", "Will Power": words, unless the rest is a surname
    return all(w[:1].isupper() and w[1:2].islower() and w.replace("-", "").replace("'", "")
               .isalpha() for w in words[1:])


def role_label(doc: Doc, span: Span) -> str | None:
    """A label the name's role in its sentence says ("via Twitter" -> ORG), or None."""
    root = span.root
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ == "via":
        return "ORG"  # "said via Twitter": people are not a medium
    if prev is not None and prev.lower_ in ("on", "to") and root.head.i == prev.i and (
            prev.head.lemma_.lower() in PUBLISH_VERBS or prev.head.lower_ in PUBLISH_NOUNS):
        return "ORG"  # "wrote on Twitter", "a message posted to Twitter"
    head = root.head
    if (root.dep_ == "compound" and head.i == span.end and head.is_lower
            and head.lower_ in PLATFORM_NOUNS):
        return "ORG"  # "Twitter account", "Facebook users"
    if root.dep_ == "poss" and head.i <= span.end + 2 and head.lower_ in COMPANY_NOUNS:
        return "ORG"  # "Facebook's users", "SpaceX's founder"
    if root.dep_ in ("nsubjpass", "dobj") and root.head.lemma_.lower() in FOUNDING_VERBS:
        return "ORG"  # "Ubisoft was founded", "co-founded Microsoft"
    return None


# Prepositions and words that put a name in the role of a place ("in Koszalin", "mayor of X").
LOCATIVE = {"in", "at", "from", "near", "to", "into", "across", "outside", "inside", "of",
            "around", "throughout", "towards", "toward", "via", "through"}
# What comes between the lowercase letters and the inner capital of a surname ("McDonald").
_SURNAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz")
_INNER_CAPITAL = re.compile(r"^([A-Z][a-z]+)[A-Z]")
_DOMAIN = re.compile(r"^[A-Za-z][\w-]*\.[a-z]{2,4}$")


def coined_word(name: str) -> bool:
    """A one-word name with a capital inside or a web domain ("SpaceX", "YouTube",
    "Amazon.com"): a brand, not a person or a place."""
    if " " in name:
        return False
    m = _INNER_CAPITAL.match(name)
    return (bool(m) and m.group(1) not in _SURNAME_PREFIXES) or bool(_DOMAIN.match(name))


def placed(doc: Doc, span: Span) -> bool:
    """Whether a mention stands where a place stands: after "in", "from", "mayor of" ..."""
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 0 and doc[i].lower_ in LOCATIVE:
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.text in (",", "-based")


def news_source(span: Span) -> bool:
    """Whether the name reports ("Bloomberg reported"): an outlet, when it is no known place."""
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORT_VERBS


# The strength from which an article's label is strong evidence for the corpus desk.
STRONG = 2.0
_ROLE_TEXT = re.compile(r"(?:\bvia\s+$|\b(?:wrote|posted|said|tweeted|announced|shared)\s+on\s+$)")


def label_strength(text: str, name: str, label: str, mentions: list[tuple[int, int]]) -> float:
    """How strongly one article's text supports ``label`` for an entity (for the corpus desk).

    3 when the name's shape imposes the label; 2 when a mention's context does ("via X" for an
    organisation) or the article wrote the name in two or more forms (a full name and its
    surname, a name and its acronym); 1 for several mentions of one form; 0.5 for a single
    one-word mention: the small model's word-only guess. A label the shape or the context
    contradicts gets 0.25.
    """
    shape = shape_label(name)
    roles = {"ORG" for s, _e in mentions if _ROLE_TEXT.search(text[max(0, s - 20):s])}
    if (shape and shape != label) or (roles and label not in roles and label != "ORG"):
        return 0.25
    if shape == label:
        return 3.0
    forms = {text[s:e] for s, e in mentions}
    if roles or len(forms) >= 2:
        return 2.0
    if len(mentions) >= 2 or " " in name:
        return 1.0
    return 0.5


# Words around a name that make it a disease, which the guidelines leave out ("COVID-19
# pandemic", "tested positive for COVID-19"); "vaccine" is left out: "Pfizer vaccine".
_DISEASE_BEFORE = re.compile(
    r"(?:positive for|died (?:of|from)|infected with|contract(?:ed|ing)|diagnosed with|"
    r"cases of|symptoms of|outbreak of|spread of|sick with|ill with|causes|caused)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE)
_DISEASE_AFTER = re.compile(
    r"^\s+(?:pandemic|outbreak|epidemic|infections?|symptoms|patients|variant|virus|"
    r"complications|diagnosis|cases)\b|^,\s+(?:the|a)\s+(?:[\w-]+\s+){0,3}disease\b",
    re.IGNORECASE)


def disease(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the words around any mention make the name a disease (see the guidelines)."""
    return any(_DISEASE_BEFORE.search(text[max(0, s - 30):s]) or _DISEASE_AFTER.match(
        text[e:e + 60]) for s, e in spans)
