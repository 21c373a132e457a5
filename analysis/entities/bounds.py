"""Name boundaries the NER cuts short (see the annotation guidelines).

* a hyphenated given name stays whole: "Wong Yeung-tat", "Prayuth Chan-o-cha" (the NER stops
  at the hyphen), but "Biden-led", "Yemen-based" are a name inside a compound word;
* a compass word after a place is part of its name when it names a district or constituency:
  "Kowloon West", "Dunbartonshire East";
* a capitalised word glued before a country's name makes an agency's name: "Environment
  Canada", "Statistics Canada";
* a capitalised qualifier before a party's plural name is part of it: "Neo Democrats";
* a ship's prefix makes the name a vessel's (PRODUCT), whatever the words after it name:
  "MV Alan Kurdi", "HMC Searcher", "Space Shuttle Atlantis".

Each rule only grows a candidate over tokens no other candidate holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from analysis.entities.chains import CALENDAR, is_common
from analysis.entities.evidence import person_shape
from analysis.entities.given_names import is_given_name
from analysis.entities.patterns import GENERIC, TITLES

if TYPE_CHECKING:
    from analysis.entities.candidate import Candidate

COMPASS = {"North", "South", "East", "West", "Central", "Northeast", "Northwest", "Southeast",
           "Southwest"}
# Lowercase words after a hyphen that make a compound of a name ("Biden-led").
COMPOUND_TAILS = {
    "based", "led", "backed", "born", "owned", "run", "made", "era", "style", "like", "class",
    "elect", "type", "linked", "funded", "controlled", "affiliated", "related", "year",
    "old", "free", "wide", "sized", "bound", "friendly", "majority", "minority", "speaking",
}
MAX_SYLLABLE = 5  # "tat", "soon", "cha": the pieces of a romanised given name are short


def extend_names(doc: Doc, cands: list[Candidate]) -> None:
    """Grow candidates over the parts of their names the NER left out (in place)."""
    taken = [False] * len(doc)
    for c in cands:
        if c.source != "chain":  # a shape guess may be the missing part: "Neo" + "Democrats"
            taken[c.start:c.end] = [True] * (c.end - c.start)
    for c in list(cands):
        if c.end - c.start >= 2 and (doc[c.start].text in SHIP_PREFIXES or (
                doc[c.start].text, doc[c.start + 1].text) == SPACECRAFT):
            c.label, c.place, c.source = "PRODUCT", None, "pattern"  # "HMC Searcher"
            continue
        vessel = _vessel_start(doc, c.start, cands)
        if vessel is not None:
            for o in [o for o in cands if o is not c and vessel <= o.start < c.start]:
                cands.remove(o)  # "MV" the NER took for an organisation
            span = doc[vessel:c.end]
            c.start, c.start_char, c.text = vessel, span.start_char, span.text
            c.label, c.place, c.source = "PRODUCT", None, "pattern"
            continue
        given = _given_name_before(doc, c, cands)
        if given is not None:  # "Valeska" + "Paris": a person whose surname is a city
            cands.remove(given)
            span = doc[given.start:c.end]
            c.start, c.start_char, c.text = given.start, span.start_char, span.text
            c.label, c.place, c.source = "PERSON", None, "ner"
            continue
        if c.label == "PERSON":
            end = _hyphen_end(doc, c.end, taken)
            c_start = _descriptor_end(doc, c.start, c.end)
            if c_start > c.start:  # "Guitarist Eddie Van Halen" -> "Eddie Van Halen"
                span = doc[c_start:c.end]
                c.start, c.start_char, c.text = c_start, span.start_char, span.text
        elif c.label in ("GPE", "LOC") and c.place is not None or c.source == "place":
            end = _compass_end(doc, c.end, taken)
        else:
            end = c.end
        start = c.start
        if c.label == "GPE" and c.place is not None and c.place.kind == "country":
            start = _agency_start(doc, c.start, taken)
        elif c.label == "NORP" and doc[c.end - 1].text.endswith("s"):
            start = _qualifier_start(doc, c.start, taken)
        if start == c.start and end == c.end:
            continue
        if start < c.start:
            c.label, c.place, c.source = "ORG", None, "pattern"
        taken[start:end] = [True] * (end - start)
        for o in [o for o in cands if o.source == "chain" and o.start < end and start < o.end]:
            cands.remove(o)
        span = doc[start:end]
        c.start, c.end, c.start_char, c.end_char, c.text = (
            start, end, span.start_char, span.end_char, span.text)


def _glued(doc: Doc, i: int) -> bool:
    return not doc[i].whitespace_


def _hyphen_end(doc: Doc, end: int, taken: list[bool]) -> int:
    """End of a name that goes on after a hyphen with short lowercase syllables ("-o-cha")."""
    j = end
    while (j + 1 < len(doc) and doc[j].text == "-" and _glued(doc, j - 1) and _glued(doc, j)
           and not taken[j] and not taken[j + 1]):
        piece = doc[j + 1]
        if not (piece.is_alpha and piece.is_lower and len(piece.text) <= MAX_SYLLABLE
                and piece.lower_ not in COMPOUND_TAILS and not piece.lower_.endswith("ed")):
            break
        j += 2
    return j


def _compass_end(doc: Doc, end: int, taken: list[bool]) -> int:
    """ "Kowloon" + "West" when the compass word ends the phrase."""
    if end >= len(doc) or taken[end] or doc[end].text not in COMPASS:
        return end
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and (after.is_title or after.text == "-"):
        return end  # "Hong Kong South China Morning Post": another name starts
    return end + 1


def _agency_start(doc: Doc, start: int, taken: list[bool]) -> int:
    """ "Environment" + "Canada": a capitalised common noun glued before a country's name."""
    i = start - 1
    if i < 0 or taken[i] or not _single_space(doc, i):
        return start
    tok = doc[i]
    if (tok.is_title and tok.pos_ in ("NOUN", "PROPN") and tok.lower_ not in GENERIC
            and tok.lower_ not in TITLES and tok.lower_ not in CALENDAR and tok.is_alpha
            and (i == 0 or not doc[i - 1].is_title or doc[i - 1].is_sent_start)
            and tok.lower_ not in _NOT_AGENCY):
        return i
    return start


_NOT_AGENCY = {"mainland", "continental", "rural", "modern", "ancient", "greater", "metropolitan"}


def _qualifier_start(doc: Doc, start: int, taken: list[bool]) -> int:
    """ "Neo" + "Democrats": a capitalised word before a plural group name, mid-sentence."""
    i = start - 1
    if i < 0 or taken[i] or not _single_space(doc, i) or doc[i].is_sent_start:
        return start
    tok = doc[i]
    if (tok.is_title and tok.pos_ == "PROPN" and tok.lower_ not in GENERIC and tok.is_alpha
            and not is_common(tok.text)):  # "Fellow Democrats" is a phrase
        return i
    return start


def _single_space(doc: Doc, i: int) -> bool:
    return doc[i].whitespace_ == " "


# Prefixes of ships' and spacecraft's names ("MV", "HMS", "USS"; "Space Shuttle").
SHIP_PREFIXES = {"MV", "MS", "MT", "HMS", "HMC", "HMCS", "HMAS", "HMNZS", "USS", "USNS", "RMS",
                 "SS", "RV", "FV", "INS", "ROKS", "JS"}
SPACECRAFT = ("Space", "Shuttle")


def _vessel_start(doc: Doc, start: int, cands: list[Candidate]) -> int | None:
    """Where a vessel's name starts when a ship's prefix (and titles) come before ``start``."""
    i = start - 1
    if i < 0 or not doc[i].is_title and not doc[i].is_upper:
        return None  # the common case: no capitalised word before the name
    while i >= 0 and doc[i].lower_ in TITLES and doc[i].is_title:
        i -= 1  # "MV Professor Albrecht Penck"
    if i >= 0 and doc[i].text in SHIP_PREFIXES and doc[i].whitespace_ == " ":
        return i if not any(o.start < i < o.end for o in cands) else None
    if i >= 1 and (doc[i - 1].text, doc[i].text) == SPACECRAFT:
        return i - 1
    return None


def _descriptor_end(doc: Doc, start: int, end: int) -> int:
    """After a describing word the NER took into a person's name ("Guitarist", "Scientologist"):
    a dictionary word, no given name, before a given name and at least one more word."""
    first = doc[start]
    if (end - start < 3 or len(first.text) < 4 or not first.is_alpha
            or not is_common(first.text) or is_given_name(first.text)):  # "B Shiva Parvathi"
        return start
    rest = [t.text for t in doc[start + 1:end]]
    return start + 1 if person_shape(rest) else start


def _given_name_before(doc: Doc, c: Candidate, cands: list[Candidate]) -> Candidate | None:
    """A one-word given name right before a one-word city ("Valeska Paris"): a person's name."""
    if c.place is None or c.place.kind != "city" or c.end - c.start != 1 or c.start == 0:
        return None
    prev = doc[c.start - 1]
    if prev.whitespace_ != " " or not is_given_name(prev.text) or is_common(prev.text):
        return None
    return next((o for o in cands
                 if o.start == c.start - 1 and o.end == c.start and o.place is None), None)


# Currency words after which a country's name is part of the currency ("US dollars").
CURRENCY_WORDS = {"dollar", "dollars", "pound", "pounds", "peso", "pesos", "rupee", "rupees",
                  "yuan", "franc", "francs", "krona", "krone", "kroner", "dinar", "dinars"}


def drop_currency_countries(doc: Doc, cands: list[Candidate]) -> None:
    """ "US dollars": a country inside a currency's name is no mention (guidelines)."""
    for c in [c for c in cands if c.label == "GPE" and c.end < len(doc)
              and doc[c.end].lower_ in CURRENCY_WORDS]:
        cands.remove(c)
