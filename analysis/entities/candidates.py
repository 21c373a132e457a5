"""Candidate name spans: spaCy's entities trimmed to the name, reconciled with the matchers.

Trimming keeps titles, determiners, possessives, hyphenated prefixes and punctuation out of the
span; filtering drops fragments that are not names. Gazetteer places and organisation/facility
patterns then add missed names, fix labels and extend cut-off spans.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from analysis.entities.bounds import SHIP_PREFIXES, drop_currency_countries, extend_names
from analysis.entities.candidate import Candidate
from analysis.entities.chains import PARTICLES, chain_label, is_common, proper_runs
from analysis.entities.component import COMMON_SUFFIX, NAMES_KEY, PLACES_KEY
from analysis.entities.gazetteer import Place, demonyms, load_gazetteer
from analysis.entities.patterns import (
    FAC_HEADS,
    GENERIC,
    NOT_NAMES,
    ORG_HEADS,
    ORG_HEADS_LOWER,
    TITLE_MODIFIERS,
    TITLES,
)
from analysis.months import MONTHS

# spaCy labels that are number facts, not entities.
NUMERIC_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
TRAILING_FUNCTION = {"of", "and", "for", "the", "in", "at", "on", "to", "by", "with", "'s", "’s"}
# Bare capitalised bodies that are names of one institution (see the annotation guidelines).
BARE_BODIES = {"Parliament", "Cabinet", "Congress", "Senate", "Bundestag", "Knesset", "Duma"}
# Prefixes cut from hyphenated compounds ("anti-Brexit" -> "Brexit", "pan-African" -> "African").
HYPHEN_PREFIXES = {
    "anti", "pro", "pan", "intra", "inter", "post", "pre", "non", "ex", "neo", "mid", "trans",
    "cross", "sub", "super", "ultra", "un", "all", "extra", "counter", "semi", "multi",
}
BREAKS = {"(", ")", "[", "]", "|", ";", ":", "\"", "“", "”"}


def _ends_with_head(doc: Doc, start: int, end: int) -> bool:
    last = doc[end - 1].text
    return last in ORG_HEADS or last in FAC_HEADS or last.lower() in ORG_HEADS_LOWER


def strip_title(doc: Doc, start: int, end: int) -> int:
    """Index after a leading title ("Prime Minister", "Secretary of State"), if one leads."""
    i, core = start, False
    while i < end - 1:
        low = doc[i].lower_
        if low in TITLES:
            core = True
        elif low == "of" and i > start and doc[i + 1].lower_ in TITLES | TITLE_MODIFIERS:
            pass
        elif low not in TITLE_MODIFIERS:
            break
        i += 1
    return i if core else start


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds of the name inside a span: no determiner, title, possessive or punctuation."""
    while start < end:
        tok = doc[start]
        if tok.is_punct or tok.is_space or tok.lower_ in DETERMINERS:
            start += 1
        elif start + 2 < end and tok.lower_ in HYPHEN_PREFIXES and doc[start + 1].text == "-":
            start += 2  # "anti-Brexit" -> "Brexit"
        else:
            break
    if start < end and not _ends_with_head(doc, start, end):
        start = strip_title(doc, start, end)
    while end > start:
        tok = doc[end - 1]
        if tok.is_punct or tok.is_space or tok.lower_ in TRAILING_FUNCTION or tok.tag_ == "POS":
            end -= 1
        else:
            break
    return start, end


def _pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at line breaks and brackets ("Area (AfCFTA" -> "Area", "AfCFTA")."""
    out, s = [], start
    for i in range(start, end):
        tok = doc[i]
        if "\n" in tok.text or tok.text in BREAKS or _inner_the(doc, i, start, end):
            if i > s:
                out.append((s, i))
            s = i + 1
    if end > s:
        out.append((s, end))
    return out


def _inner_the(doc: Doc, i: int, start: int, end: int) -> bool:
    """A lowercase "the" between two capitalised words joins two names ("Twitter the Federal
    Aviation Administration"); after "of", "for", "and" it is inside one ("Bank of the West")."""
    if not (start < i < end - 1 and doc[i].text == "the" and doc[i - 1].is_title
            and doc[i + 1].is_title and doc[i - 1].lower_ not in TRAILING_FUNCTION
            and not (doc[i - 1].pos_ == "VERB" and is_common(doc[i - 1].text))):
        # "Stop the Steal", "Make the World ... Again": a verb's object, a slogan's words
        return False
    if _ends_with_head(doc, i + 1, end):
        return True
    # the rest is a name of its own where the text uses it alone ("Buffy the Vampire Slayer"
    # is one name: "Vampire Slayer" is nowhere else)
    rest = doc[i + 1:end].text
    return doc.text.count(rest) >= 2


# Parts of speech a one-word name never has (acronyms in capitals aside).
NEVER_A_NAME_ALONE = {"VERB", "AUX", "ADV", "ADP", "PRON", "DET", "NUM", "CCONJ", "SCONJ", "PART"}


def is_name(doc: Doc, start: int, end: int, label: str) -> bool:
    """Whether tokens [start, end) look like a proper name rather than a fragment or description."""
    if start >= end:
        return False
    span = doc[start:end]
    text = span.text
    if not any(ch.isupper() for ch in text) or text.lower() in NOT_NAMES:
        return False
    if all(t.lower_ in GENERIC or t.is_punct for t in span):
        # "State Department", "Duke University": capitalised words before a body's head word
        return text in BARE_BODIES or (
            end - start >= 2 and all(t.is_title for t in span) and _ends_with_head(doc, start, end)
            and not span[-1].is_lower)
    if all(t.like_num or t.lower_.rstrip(".") in MONTHS or t.is_punct for t in span):
        return False  # a date such as "Feb 24" is a number fact, whatever the NER says
    if end - start == 1:
        tok = doc[start]
        if not tok.text[:1].isupper() and not any(ch.isupper() for ch in tok.text[1:]):
            return False
        if tok.is_upper:
            return True
        if tok.pos_ in NEVER_A_NAME_ALONE:
            return False  # "Harbour" tagged as a verb in "Harbour master Ruth Lindqvist"
        if tok.pos_ not in ("PROPN", "ADJ") and label != "NORP":
            return False
    return True


def _cand(doc: Doc, start: int, end: int, label: str, source: str, place: Place | None = None
          ) -> Candidate:
    span = doc[start:end]
    return Candidate(start, end, span.start_char, span.end_char, span.text, label, source, place)


def _hyphen_pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "pro-Beijing Democratic Alliance" -> "Beijing" + "Democratic Alliance": after a prefix
    such as "pro-", only the glued word is the name; what follows is another name, if any."""
    i = start + (1 if start < end and doc[start].lower_ in DETERMINERS else 0)
    if not (i + 2 < end and doc[i].lower_ in HYPHEN_PREFIXES and doc[i + 1].text == "-"):
        return [(start, end)]
    j = i + 2
    while j + 1 < end and doc[j].whitespace_ == "":
        j += 1
    glued = doc[i + 2:j + 1].text
    if is_common(glued) and load_gazetteer().lookup(glued) is None:
        return [(start, end)]  # "Non-Governmental Organizations": a word, not a name
    return [(i + 2, j + 1), (j + 1, end)] if j + 1 < end else [(i + 2, end)]


def _from_span(doc: Doc, span: Span, source: str) -> list[Candidate]:
    out = []
    pieces = [p for s0, e0 in _pieces(doc, span.start, span.end)
              for p in _hyphen_pieces(doc, s0, e0)]
    for s, e in pieces:
        s, e = trim(doc, s, e)
        if is_name(doc, s, e, span.label_):
            out.append(_cand(doc, s, e, venue_label(doc, s, e, span.label_), source))
    return out


# Prepositions that put a name in the role of a place where something happens.
LOCATIVE = {"at", "in", "inside", "outside", "near", "on", "into", "from", "to"}


def venue_label(doc: Doc, start: int, end: int, label: str) -> str:
    """FAC for an "organisation" the NER found that ends in a building word and is a place
    in the sentence ("died at the Harbour View Hospital", "arrived at Kelso Lodge & Tavern").
    """
    if label != "ORG" or doc[end - 1].text not in FAC_HEADS or doc[end - 1].text in ORG_HEADS:
        return label
    i = start - 1
    if i >= 0 and doc[i].lower_ in DETERMINERS:
        i -= 1
    return "FAC" if i >= 0 and doc[i].lower_ in LOCATIVE else label


def _overlapping(cands: list[Candidate], start: int, end: int) -> list[Candidate]:
    return [c for c in cands if c.start < end and start < c.end]


def _all_propn(span: Span) -> bool:
    return all(t.pos_ == "PROPN" or t.is_punct for t in span)


def find_candidates(doc: Doc) -> list[Candidate]:
    """Name candidates of a doc, non-overlapping, in text order."""
    gazetteer = load_gazetteer()
    numeric = [e for e in doc.ents if e.label_ in NUMERIC_LABELS]
    cands: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in NUMERIC_LABELS:
            cands.extend(_from_span(doc, ent, "ner"))

    for span in doc.spans.get(NAMES_KEY, []):
        for c in _from_span(doc, span, "pattern"):
            over = _overlapping(cands, c.start, c.end)
            if any(o.start < c.start or o.end > c.end for o in over):
                continue  # partial overlap or nested inside a longer NER name: keep the NER's
            for o in over:
                cands.remove(o)
            same = [o for o in over if o.start == c.start and o.end == c.end]
            if same and same[0].label not in ("PERSON", "ORG", "FAC") and c.label != "EVENT":
                c.label = same[0].label  # e.g. "Soviet Union" stays GPE
            cands.append(c)

    for span in doc.spans.get(PLACES_KEY, []):
        if not _plausible_place(doc, span, numeric):
            continue
        place = gazetteer.forms.get(span.text) or gazetteer.lookup(span.text)
        label = place.label if place else span.label_.rstrip(COMMON_SUFFIX)
        over = _overlapping(cands, span.start, span.end)
        if not over:
            if not _glued_to_name(doc, span):
                cands.append(_cand(doc, span.start, span.end, label, "place", place))
            continue
        if len(over) != 1:
            continue
        o = over[0]
        if o.start == span.start and o.end == span.end:
            if o.label == "NORP" and not (place and place.kind == "country"):
                pass  # "Thai" the people, not the place ("pro-Russia" is the country)
            elif o.label != "PERSON" or (place and place.kind != "city"):
                o.label, o.source, o.place = label, "place", place
            else:
                o.place = place  # a city or a surname: the article-level vote decides
        elif o.start >= span.start and o.end <= span.end:
            cands.remove(o)  # the NER cut a place name short ("Santos City")
            cands.append(_cand(doc, span.start, span.end, label, "place", place))
        elif o.start == span.start and o.label in ("PERSON", "ORG") and _person_rest(doc, span.end,
                                                                                      o.end):
            # "Koszalin Piotr Jedlinski": a dateline-like place glued to a name.
            cands.remove(o)
            cands.append(_cand(doc, span.start, span.end, label, "place", place))
            cands.append(_cand(doc, span.end, o.end, "PERSON", "ner"))
    cands.extend(_chain_candidates(doc, cands, numeric))
    extend_names(doc, cands)
    split_leading_acronyms(doc, cands)
    for c in cands:
        if _leading_the(doc, c):  # "The Guardian" mid-sentence: the word is part of the name
            c.start, c.start_char = c.start - 1, doc[c.start - 1].idx
            c.text = doc[c.start:c.end].text
    drop_currency_countries(doc, cands)
    nationalities = demonyms()
    for c in cands:
        if c.end - c.start == 1 and c.label != "NORP" and c.text in nationalities:
            c.label, c.source = "NORP", "pattern"  # "Tongan" the people, not a person
    cands.sort(key=lambda c: c.start)
    return cands


# Head words of newspapers and agencies, whose "The" belongs to the name.
MEDIA_HEADS = {"Post", "Times", "News", "Press", "Media", "Network"}


def _leading_the(doc: Doc, c: Candidate) -> bool:
    """A capitalised "The" mid-sentence before a title-like name (a paper, a band, a show)."""
    if c.label not in ("ORG", "WORK_OF_ART") or c.start < 2:
        return False
    the, last = doc[c.start - 1], doc[c.end - 1]
    return (
        the.text == "The" and not the.is_sent_start and doc[c.start - 2].lower_ != "the"
        and doc[c.start - 2].text not in ".!?" and last.is_title
        and (last.text not in ORG_HEADS or last.text in MEDIA_HEADS)
        and last.text not in BARE_BODIES
    )


def split_leading_acronyms(doc: Doc, cands: list[Candidate]) -> None:
    """ "NPR Hamza bin Laden" -> "NPR" + "Hamza bin Laden" when the rest is a person seen alone.

    Not for places ("US Supreme Court") or names ending in a head word ("BBC World Service").
    """
    texts = {c.text for c in cands if c.label == "PERSON"}
    gazetteer = load_gazetteer()
    for c in list(cands):
        first = doc[c.start]
        if (c.end - c.start >= 3 and first.is_upper and len(first.text) >= 2
                and first.text not in SHIP_PREFIXES  # "MV Alan Kurdi" is a ship
                and first.text.isalpha() and doc[c.start + 1].is_title
                and doc[c.start + 1:c.end].text in texts
                and not _ends_with_head(doc, c.start, c.end)
                and gazetteer.lookup(first.text) is None):
            cands.remove(c)
            cands.append(_cand(doc, c.start, c.start + 1, "ORG", c.source))
            cands.append(_cand(doc, c.start + 1, c.end, c.label, c.source))


def _chain_candidates(doc: Doc, cands: list[Candidate], numeric: list[Span]) -> list[Candidate]:
    """Capitalised proper-noun runs that neither the NER nor the matchers found.

    A short run right next to a person's name is the rest of that name ("Wanda Vazquez" +
    "Garced", "Hamza" + "bin Ladin"): the person's candidate grows instead.
    """
    taken = [False] * len(doc)
    for c in cands:
        taken[c.start:c.end] = [True] * (c.end - c.start)
    for e in numeric:
        taken[e.start:e.end] = [True] * (e.end - e.start)
    body_start = next((t.i + 1 for t in doc if "\n" in t.text), 0)
    by_end = {c.end: c for c in cands}
    by_start = {c.start: c for c in cands}
    out = []
    for s, e in proper_runs(doc, taken, body_start):
        s, e = trim(doc, s, e)
        if not is_name(doc, s, e, "") or (e - s == 1 and doc[s].lower_ in GENERIC):
            continue
        label = chain_label(doc, s, e)
        particle = doc[s].lower_ in PARTICLES
        if particle or (e - s <= 2 and all(t.is_title for t in doc[s:e])):
            left, right = by_end.get(s), by_start.get(e)
            host = left if left is not None and (left.label == "PERSON" or (
                particle and left.end - left.start == 1)) else None
            if host is None and right is not None and right.label == "PERSON":
                host = right
            if host is not None and _join(doc, host, s, e):
                continue
        out.append(_cand(doc, s, e, label, "chain"))
    return out


def _join(doc: Doc, host: Candidate, s: int, e: int) -> bool:
    """Grow ``host`` over the adjacent tokens [s, e) when only a space separates them."""
    a, b = min(host.start, s), max(host.end, e)
    if any(not doc[i].whitespace_ or "\n" in doc[i].whitespace_ for i in range(a, b - 1)):
        return False
    span = doc[a:b]
    host.start, host.end, host.start_char, host.end_char = a, b, span.start_char, span.end_char
    host.text = span.text
    if doc[s].lower_ in PARTICLES:
        host.label = "PERSON"
    return True


def _plausible_place(doc: Doc, span: Span, numeric: list[Span]) -> bool:
    """A gazetteer match that reads as a place here, not a word ("Most Rev.", "Reading")."""
    prefixed = (span.start >= 2 and doc[span.start - 1].text == "-"
                and doc[span.start - 2].lower_ in HYPHEN_PREFIXES)  # "pro-Beijing" (an ADJ)
    if (not prefixed and not _all_propn(span)) or _overlapping(
            numeric, span.start, span.end):  # type: ignore[arg-type]
        return False
    if not is_name(doc, span.start, span.end, "GPE"):
        return False
    if span.label_.endswith(COMMON_SUFFIX):
        # an English word too: only where the NER agrees, or glued to "pro-", "anti-"
        return prefixed or all(t.ent_type_ for t in span)
    return True


def _glued_to_name(doc: Doc, span: Span) -> bool:
    """Whether a proper noun right before or after makes the place part of a longer name."""
    for i in (span.start - 1, span.end):
        if 0 <= i < len(doc):
            tok = doc[i]
            if tok.pos_ == "PROPN" and tok.is_title and tok.lower_ not in GENERIC:
                return True  # "Cambridge Analytica"
    return False


def _person_rest(doc: Doc, start: int, end: int) -> bool:
    rest = doc[start:end]
    return (
        len(rest) >= 2
        and all(t.pos_ == "PROPN" and t.is_title for t in rest)
        and not _ends_with_head(doc, start, end)
    )
