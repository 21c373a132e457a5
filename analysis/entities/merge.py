"""Merging name candidates into one record per real-world thing within an article.

Forms merge when they normalise to the same key (case, accents, punctuation, country aliases),
when one is the acronym of another (by initials or "Name (ACR)"), when one is a short form of a
longer name (a person's surname or first name, the start of an organisation's name), or when two
multi-word names differ only by spelling. Labels are voted, names are the fullest proper form.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz.fuzz import ratio
from spacy.tokens import Doc

from analysis.entities.candidates import Candidate
from analysis.entities.chains import is_common
from analysis.entities.evidence import (
    coined_word,
    news_source,
    person_shape,
    placed,
    role_label,
    shape_label,
)
from analysis.entities.gazetteer import load_gazetteer, name_key
from analysis.entities.patterns import (
    GENERIC,
    INITIALS_SKIP,
    ORG_CUES,
    PERSON_CUES,
    PLACE_CUES,
    TITLES,
)

_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.\-]{1,11})\s*\)")
NOT_SHORT_FORMS = {"NORP", "GPE", "LOC", "LANGUAGE"}
NAME_LABELS_SHORT_PREFIX = {"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}


class Groups:
    """Union-find over candidate indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def members(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return out


def form_key(c: Candidate) -> str:
    """Merge key of a candidate: the country's canonical name for country aliases, else its key."""
    place = c.place or (load_gazetteer().lookup(c.text) if c.label in ("GPE", "LOC") else None)
    if place is not None and place.kind == "country":
        return "place:" + name_key(place.name)
    return name_key(c.text)


def _acronym(text: str) -> str | None:
    """The capitals of an acronym-like token ("AfCFTA" -> "ACFTA", "U.S." -> "US"), or None."""
    if " " in text or len(text) > 12:
        return None
    caps = "".join(ch for ch in text if ch.isupper())
    if len(caps) < 2 or len(caps) < len(text.replace(".", "").replace("&", "")) * 0.5:
        return None
    return caps


def _initials(words: list[str]) -> set[str]:
    """Initials of a multi-word name, with and without function words."""
    parts = [p for w in words for p in w.replace("-", " ").split()]
    strict = "".join(
        p[0].upper() for p in parts if p.lower() not in INITIALS_SKIP and p[0].isalpha()
    )
    loose = "".join(p[0].upper() for p in parts if p[0].isalpha() and p[0].isupper())
    return {strict, loose}


def _cue_label(doc: Doc, c: Candidate) -> str | None:
    """A label suggested by a describing noun next to the name ("grid operator Ukrenergo")."""
    if c.start > 0 and doc[c.start - 1].lower_ in TITLES and c.label != "NORP":
        return "PERSON"  # "Mayor Klitschko", "President Talon"
    span = doc[c.start:c.end]
    root = span.root
    near = [t for t in root.children if t.i < c.start or t.i >= c.end]
    if root.dep_ in ("appos", "compound", "nmod") or root.head.dep_ == "appos":
        near.append(root.head)
    near += [t for t in root.head.children if t.dep_ == "appos" and t.i != root.i]
    for t in near:
        if t.i >= c.start and t.i < c.end:
            continue
        low = t.lower_
        if t.pos_ != "NOUN":
            continue
        if low in ORG_CUES:
            return "ORG"
        if low in PERSON_CUES:
            return "PERSON"
        if low in PLACE_CUES:
            return "GPE"
    return None


def _words(c: Candidate) -> list[str]:
    return c.text.split()


def merge_candidates(doc: Doc, text: str, cands: list[Candidate]) -> list[list[Candidate]]:
    """Group candidates that name the same thing; groups in order of first mention."""
    n = len(cands)
    groups = Groups(n)
    keys = [form_key(c) for c in cands]
    first_by_key: dict[str, int] = {}
    for i, k in enumerate(keys):
        if k in first_by_key:
            groups.union(first_by_key[k], i)
        else:
            first_by_key[k] = i

    for k, i in first_by_key.items():  # "Afghans" with "Afghan", "Muslims" with "Muslim"
        j = first_by_key.get(k[:-1]) if k.endswith("s") else None
        if j is not None and cands[i].label == cands[j].label == "NORP":
            groups.union(i, j)
    _merge_parenthetical(text, cands, first_by_key, groups)
    _merge_acronyms(cands, keys, first_by_key, groups)
    _merge_spelling(cands, keys, first_by_key, groups)
    _merge_short_forms(cands, keys, first_by_key, groups)

    out = [[cands[i] for i in sorted(ms, key=lambda j: cands[j].start)]
           for ms in groups.members().values()]
    out.sort(key=lambda g: g[0].start_char)
    return out


def _merge_parenthetical(text: str, cands: list[Candidate], first: dict[str, int],
                         groups: Groups) -> None:
    for i, c in enumerate(cands):
        m = _PAREN_ACRONYM.match(text, c.end_char)
        if not m or c.source == "dateline" or (
                c.text.isupper() and not letters_in_order(m.group(1), c.text)):
            continue  # "WASHINGTON (AP)": the agency reporting from the place, not its acronym
        j = first.get(name_key(m.group(1)))
        if j is not None and j != i and len(c.text) > len(m.group(1)):
            groups.union(i, j)


def letters_in_order(acronym: str, name: str) -> bool:
    """Whether the acronym's capitals occur in the name in order ("AfCFTA" in "African
    Continental Free Trade Area"; "AP" not in "WASHINGTON")."""
    rest = iter(name.upper())
    return all(ch in rest for ch in acronym if ch.isupper())


def _merge_acronyms(cands: list[Candidate], keys: list[str], first: dict[str, int],
                    groups: Groups) -> None:
    long_forms: dict[str, set[int]] = defaultdict(set)
    for i in first.values():
        words = _words(cands[i])
        if len(words) >= 2:
            for ini in _initials(words):
                if len(ini) >= 2:
                    long_forms[ini].add(i)
    for k, i in first.items():
        c = cands[i]
        caps = _acronym(c.text)
        if caps is None or k.startswith("place:"):
            continue
        targets = {groups.find(j) for j in long_forms.get(caps, ())}
        if len(targets) == 1:
            groups.union(i, targets.pop())


def _merge_short_forms(cands: list[Candidate], keys: list[str], first: dict[str, int],
                       groups: Groups) -> None:
    """Surnames, first names and leading parts of longer names join the one longer name."""
    toks = {k: k.split() for k in first}
    by_len = sorted(first, key=lambda k: len(toks[k]))
    labels = _labels_by_key(cands, keys)
    short_forms = {k: _words(cands[i]) for k, i in first.items()}
    person_count = Counter(k for c, k in zip(cands, keys, strict=True) if c.label == "PERSON")
    for k in by_len:
        short = toks[k]
        i = first[k]
        if k.startswith("place:"):
            continue
        if (labels[k] != "PERSON" or cands[i].place is not None) and _surname(
                cands, keys, k, toks, first):
            labels[k] = "PERSON"
        if cands[i].place is not None and labels[k] != "PERSON":
            continue
        # "Russian", "Thai" never shorten an organisation; the NER calls odd surnames NORP though
        person_only = labels[k] in NOT_SHORT_FORMS
        # a person's full name (given-name shape, three PERSON mentions or a surname used as a
        # person's) never stands for the foundation or prize named after them
        full_person = (labels[k] == "PERSON" and len(short) >= 2 and short[0] not in GENERIC
                       and (person_count[k] >= 3 or labels.get(short[-1]) == "PERSON"
                            or person_shape(short_forms[k])))
        matches = set()
        for k2, i2 in first.items():
            long = toks[k2]
            if len(long) <= len(short) or k2.startswith("place:"):
                continue
            lab = labels[k2]
            n = len(short)
            person = lab == "PERSON" and short in (long[-n:], long[:n])
            named = (not person_only and lab in NAME_LABELS_SHORT_PREFIX and not full_person
                     and (long[:n] == short or (n >= 2 and long[-n:] == short)))
            # "Mediterranean" for "Mediterranean Sea"
            geo = lab == "LOC" and len(long) == n + 1 and long[:n] == short
            if person or named or geo:
                matches.add(groups.find(i2))
        if len(matches) == 1:
            groups.union(i, matches.pop())


def _surname(cands: list[Candidate], keys: list[str], k: str, toks: dict[str, list[str]],
             first: dict[str, int]) -> bool:
    """A one-word name (not a country or region) that is the surname of a person named in full
    here ("Kennedy" after "Robert F. Kennedy"): its candidates become a person's.
    """
    place = cands[first[k]].place
    if (place is not None and place.kind != "city") or len(toks[k]) != 1:
        return False
    if cands[first[k]].label not in ("GPE", "ORG", "LOC", "NORP", "PERSON"):
        return False
    if not any(cands[i].label == "PERSON" and len(toks[k2]) >= 2 and toks[k2][-1] == k
               for k2, i in first.items()):
        return False
    for c, key in zip(cands, keys, strict=True):
        if key == k:
            c.place, c.label, c.source = None, "PERSON", "ner"
    return True


def _merge_spelling(cands: list[Candidate], keys: list[str], first: dict[str, int],
                    groups: Groups) -> None:
    """Multi-word names of the same shape whose words are spelling variants ("Usama"/"Osama")."""
    multi = [(k, k.split()) for k in first if " " in k and not k.startswith("place:")]
    for a in range(len(multi)):
        ka, wa = multi[a]
        for b in range(a + 1, len(multi)):
            kb, wb = multi[b]
            if len(wa) != len(wb) or ratio(ka, kb) < 85:
                continue
            pairs = zip(wa, wb, strict=True)
            if all(x == y or (len(x) > 3 and ratio(x, y) >= 75 and not (
                    x[:2] != y[:2] and is_common(x) and is_common(y))) for x, y in pairs):
                # "Kowloon West"/"Kowloon East": two dictionary words are two words, not spellings
                groups.union(first[ka], first[kb])


def _labels_by_key(cands: list[Candidate], keys: list[str]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c, k in zip(cands, keys, strict=True):
        votes[k][c.label] += 1
        shape = shape_label(c.text) if c.place is None and " " in c.text else None
        if shape in ("ORG", "FAC"):
            votes[k][shape] += 2  # "Doris Day Animal Foundation"
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def vote_label(doc: Doc, group: list[Candidate]) -> str:
    """The group's label: gazetteer and patterns outvote the NER; the fullest form counts double."""
    longest = max(len(c.text.split()) for c in group)
    full = max(group, key=lambda c: len(c.text.split())).text.split()
    votes: Counter[str] = Counter()
    for c in group:
        w = 1.0
        if longest > 1 and " " not in c.text and c.text == full[-1]:
            votes["PERSON"] += 1  # a bare last word standing for a longer name is a surname
        if c.source == "place":
            w += 3
        elif c.place is not None and longest == 1:
            votes[c.place.label] += 3  # a city name the NER took for a person, never in full
        elif c.source == "pattern":
            w += 2
        if c.source == "chain":
            w = 0.5  # a guess from the word shape: any other evidence outvotes it
        elif len(c.text.split()) == longest and longest > 1:
            w += 1.5
        votes[c.label] += w
        cue = _cue_label(doc, c)
        if cue:
            votes[cue] += 1.5
        if c.place is None and c.source != "place":
            span = doc[c.start:c.end]
            role = role_label(doc, span)
            if role is None and c.label == "GPE" and news_source(span):
                role = "ORG"  # "Bloomberg reported": an outlet, no known place
            if role:
                votes[role] += 2
    unplaced = not any(c.place is not None for c in group)
    shape = shape_label(" ".join(full))
    if shape and unplaced:
        votes[shape] += 3  # the name's words: "... Foundation", "Patrice Talon"
    label = votes.most_common(1)[0][0]
    if label == "PERSON" and longest == 1 and coined_word(full[0]):
        return "ORG"  # "SpaceX", "YouTube": no person's name has a capital inside like that
    if (label == "GPE" and unplaced and longest == 1 and coined_word(full[0])
            and not any(placed(doc, doc[c.start:c.end]) for c in group)):
        return "ORG"  # "YouTube", "Portfolio.hu": a coined word no sentence uses as a place
    return label


def best_name(group: list[Candidate]) -> str:
    """The fullest proper form: a country's canonical name, else the longest capitalised form."""
    for c in group:
        if c.place is not None and c.place.kind == "country":
            return c.place.name

    def score(c: Candidate) -> tuple[int, int, int, int]:
        words = c.text.split()
        caps = sum(1 for w in words if w[:1].isupper())
        acronym = 1 if _acronym(c.text) else 0
        return (-acronym, len(words), caps, len(c.text))

    best = max(group, key=score)
    return " ".join(best.text.split())
