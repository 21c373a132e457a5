"""One identity per person, organisation and place across the corpus, from distinct names.

Works on the few thousand distinct names of a corpus, not on its mentions. The rules, in order
(they generalise ``analysis.entities.index.build_entity_index`` from one article list to the
desk's name statistics):

1. **Label by evidence, then majority**: a name's label is the one the most articles gave on
   strong evidence (the name's shape, its role in a sentence, two forms of it in one article:
   ``analysis.entities.evidence.label_strength``), then the one with the most evidence in all,
   then the one most articles gave: "Twitter" is ORG where ten articles read "wrote on Twitter"
   even if sixty others guessed PERSON from the word alone. A speaker never tagged as an entity
   has no label and takes the label of the identity it joins.
2. **Titles**: a person's name without its leading titles and offices is its core ("Kyiv Mayor
   Vitali Klitschko" -> "vitali klitschko"); names with the same core and label are one.
3. **Spellings**: names of the same label, the same number of words and all words equal but the
   last, whose last words are spelling variants (same first three letters, at least 6 letters,
   at most 1 edit, 2 when both have 9 letters or more: "Zelensky"/"Zelenskyy") are one, unless
   some article names both as different entities (then they are different people with similar
   names).
4. **Surnames**: a one-word person name joins the full name ending with it when the corpus has
   exactly one such full name ("Klitschko" -> "Vitali Klitschko"); with two ("Vitali Klitschko",
   "Wladimir Klitschko") it stays apart, as its own ambiguous identity. A word some full name
   starts with ("John") is not taken for a surname.
5. **Acronyms**: a one-word all-capitals organisation joins the one multi-word organisation whose
   initials it is and that some article wrote that way ("World Health Organization (WHO)").

6. **Parties**: a nationality-like group name ("Democrats", "Democratic", "Republican") joins the
   one party the corpus names after it ("Democratic Party"), and a party written with its
   country first ("United States Democratic Party") joins the party without it: one party, one
   identity (state parties such as "Iowa Democratic Party" stay their own).

An identity's name is its longest title-free name, its id a digest of that name's key (stable
for a given cache).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

PERSON = "PERSON"
_TITLES = frozenset(
    "mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister mayor "
    "governor senator sen rep representative congressman congresswoman general gen colonel col "
    "major captain capt lieutenant lt sergeant sgt officer chief judge justice king queen prince "
    "princess pope father rev reverend secretary chancellor premier ambassador commander "
    "spokesman spokeswoman spokesperson former deputy foreign defence defense interior health "
    "finance state chairman chairwoman chair ceo director leader coach manager "
    "councillor councilman councilwoman sheriff attorney inspector superintendent detective "
    "archbishop bishop cardinal rabbi imam sheikh emir ayatollah speaker".split()
)
_SMALL_WORDS = frozenset("of the and for on in de la le des du".split())
# After a title, these make it "Title of X" ("Director of the FBI"): no name follows.
_TITLE_LINKS = frozenset("of the for at".split())


@dataclass(slots=True)
class NameStat:
    """A distinct name of the scope: its labels with article counts, its articles in all."""

    nid: int
    nkey: str
    name: str
    labels: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    # label -> (articles giving it on strong evidence, summed evidence strength)
    evidence: dict[str, tuple[int, float]] = field(default_factory=dict)


@dataclass(slots=True)
class Identity:
    """One real-world thing: id, name, label and the names (nids) it was written as."""

    iid: str
    name: str
    label: str
    nids: list[int]
    aliases: tuple[str, ...] = ()


class _Union:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def majority_label(labels: dict[str, int],
                   evidence: dict[str, tuple[int, float]] | None = None) -> str:
    """The label most articles gave on strong evidence, then with the most evidence, then most
    often (ties: alphabetical, for stability); "" when none. Without ``evidence``, by count."""
    if not labels:
        return ""
    ev = evidence or {}

    def rank(kv: tuple[str, int]) -> tuple[int, float, int, str]:
        strong, weight = ev.get(kv[0], (0, 0.0))
        return (-strong, -weight, -kv[1], kv[0])

    return min(labels.items(), key=rank)[0]


def core_key(nkey: str, label: str) -> str:
    """A person's name key without leading titles ("kyiv mayor vitali klitschko" -> "vitali
    klitschko"); other names unchanged."""
    if label not in (PERSON, ""):
        # "The Associated Press" is "Associated Press" ("the" kept in the name, as written)
        return nkey[4:] if nkey.startswith("the ") and len(nkey) > 8 else nkey
    words = nkey.split()
    cut = 0
    for i, w in enumerate(words[:-1]):
        if w in _TITLES:
            cut = i + 1
    rest = words[cut:]
    if rest[0] in _TITLE_LINKS or all(w in _TITLES for w in rest):
        return nkey
    return " ".join(rest)


def spelling_variants(a: str, b: str) -> bool:
    """Two words that are spellings of one name ("zelensky", "zelenskyy")."""
    if a == b or min(len(a), len(b)) < 6 or a[:3] != b[:3]:
        return False
    if any(ch.isdigit() for ch in a + b):
        return False
    allowed = 2 if min(len(a), len(b)) >= 9 else 1
    return Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def initials(nkey: str) -> str:
    return "".join(w[0] for w in nkey.split() if w not in _SMALL_WORDS)


def resolve(names: list[NameStat], apart: Callable[[int, int], bool] = lambda a, b: False,
            written_as: Callable[[int, str], bool] = lambda nid, text: False
            ) -> list[Identity]:
    """Group names into identities. ``apart(nid, nid)`` says whether one article names both as
    different entities (which vetoes a spelling merge); ``written_as(nid, text)`` whether some
    article wrote name ``nid`` as ``text`` (the evidence an acronym needs)."""
    label = {n.nid: majority_label(n.labels, n.evidence) for n in names}
    by_nid = {n.nid: n for n in names}
    core = {n.nid: core_key(n.nkey, label[n.nid]) for n in names}
    uf = _Union()
    # 2. the same core (and label; unlabelled speakers join any label).
    first: dict[tuple[str, str], int] = {}
    unlabelled: list[int] = []
    for n in names:
        if not label[n.nid]:
            unlabelled.append(n.nid)
            continue
        k = (label[n.nid], core[n.nid])
        uf.union(first.setdefault(k, n.nid), n.nid)
    by_core: dict[str, list[int]] = defaultdict(list)
    for (_lab, c), nid in first.items():
        by_core[c].append(nid)
    for nid in unlabelled:
        owners = by_core.get(core[nid], [])
        if owners:
            best = max(owners, key=lambda o: by_nid[o].articles)
            uf.union(best, nid)
            label[nid] = label[best]
        else:
            label[nid] = PERSON if core[nid] != by_nid[nid].nkey else ""
    # 3. spelling variants of the last word.
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for (lab, c), nid in first.items():
        words = c.split()
        blocks[(lab, tuple(words[:-1]), words[-1][:3])].append(nid)
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                wa, wb = core[a].split()[-1], core[b].split()[-1]
                if spelling_variants(wa, wb) and not apart(a, b):
                    uf.union(a, b)
    _join_short_forms(names, label, core, uf, written_as)
    join_parties(names, label, core, uf)
    return _identities(names, label, core, uf)


def _join_short_forms(names: list[NameStat], label: dict[int, str], core: dict[int, str],
                      uf: _Union, written_as: Callable[[int, str], bool]) -> None:
    """4. surnames and 5. acronyms join the one full name they can stand for."""
    full_by_last: dict[str, set[int]] = defaultdict(set)
    first_names: set[str] = set()
    org_by_initials: dict[str, set[int]] = defaultdict(set)
    for n in names:
        words = core[n.nid].split()
        if label[n.nid] == PERSON and len(words) >= 2:
            full_by_last[words[-1]].add(uf.find(n.nid))
            first_names.add(words[0])
        elif label[n.nid] == "ORG" and len(words) >= 2:
            org_by_initials[initials(core[n.nid])].add(n.nid)
    for n in names:
        c = core[n.nid]
        if " " in c:
            continue
        if label[n.nid] == PERSON and c not in first_names:  # "John" is no one's surname
            roots = {uf.find(o) for o in full_by_last.get(c, set())}
        elif label[n.nid] == "ORG" and n.name.isupper() and 2 <= len(c) <= 6:
            # Only where some article wrote the organisation so ("World Health Organization
            # (WHO)"): initials alone match too many names.
            roots = {uf.find(o) for o in org_by_initials.get(c, set())
                     if written_as(o, n.name)}
        else:
            continue
        if len(roots) == 1:
            uf.union(roots.pop(), n.nid)


def _identities(names: list[NameStat], label: dict[int, str], core: dict[int, str],
                uf: _Union) -> list[Identity]:
    groups: dict[int, list[NameStat]] = defaultdict(list)
    for n in names:
        groups[uf.find(n.nid)].append(n)
    out = []
    for members in groups.values():
        votes: dict[str, int] = defaultdict(int)
        evidence: dict[str, tuple[int, float]] = {}
        for m in members:
            for lab, count in m.labels.items():
                votes[lab] += count
            for lab, (strong, weight) in m.evidence.items():
                was = evidence.get(lab, (0, 0.0))
                evidence[lab] = (was[0] + strong, was[1] + weight)
        lab = majority_label(dict(votes), evidence) or label[members[0].nid]
        if any(label[m.nid] == "ORG" and m.nkey.endswith(" party") for m in members):
            lab = "ORG"  # a party with its supporters' name: the organisation
        head = max(members, key=lambda m: (core[m.nid] == m.nkey, len(core[m.nid].split()),
                                           m.articles, -m.nid))
        name = head.name
        party = [m for m in members if label[m.nid] == "ORG" and m.nkey.endswith(" party")
                 and len(m.nkey.split()) == 2]
        if party:  # "Democratic Party", not "Democrats" or "United States Democratic Party"
            head = max(party, key=lambda m: (m.articles, -m.nid))
            name = head.name[:-len("party")] + "Party"
        iid = hashlib.sha1(head.nkey.encode()).hexdigest()[:12]
        aliases = tuple(sorted({m.name for m in members if m.name != name}))
        out.append(Identity(iid, name, lab, [m.nid for m in members], aliases))
    return out


def _group_forms(word: str) -> set[str]:
    """The forms a party's supporters are called by: "democratic" -> democrat(s), democratic."""
    forms = {word, word + "s"}
    if word.endswith("ic"):
        forms |= {word[:-2], word[:-2] + "s"}  # democratic -> democrat, democrats
    if word.endswith("an"):
        forms.add(word + "s")  # republican -> republicans
    return forms


def join_parties(names: list[NameStat], label: dict[int, str], core: dict[int, str],
                 uf: _Union, countries: Callable[[str], bool] | None = None) -> None:
    """6. "Democrats", "Democratic" and "United States Democratic Party" join "Democratic Party".

    A one-word group name (NORP) joins the one two-word party ("X party") whose first word it
    is a form of; a party name whose first words are a country's name joins the party named
    without them.
    """
    is_country = countries or _is_country
    parties: dict[str, set[int]] = defaultdict(set)
    for n in names:
        words = core[n.nid].split()
        if label[n.nid] == "ORG" and len(words) == 2 and words[1] == "party":
            parties[words[0]].add(n.nid)
    if not parties:
        return
    by_form: dict[str, set[str]] = defaultdict(set)
    for word in parties:
        for form in _group_forms(word):
            by_form[form].add(word)
    for n in names:
        words = core[n.nid].split()
        if label[n.nid] == "NORP" and len(words) == 1 and len(by_form.get(words[0], ())) == 1:
            word = next(iter(by_form[words[0]]))
        elif (label[n.nid] == "ORG" and len(words) >= 3 and words[-1] == "party"
              and words[-2] in parties and is_country(" ".join(words[:-2]))):
            word = words[-2]
        else:
            continue
        roots = {uf.find(p) for p in parties[word]}
        if len(roots) == 1:
            uf.union(roots.pop(), n.nid)


def _is_country(text: str) -> bool:
    from analysis.entities.gazetteer import load_gazetteer

    place = load_gazetteer().lookup(text)
    return place is not None and place.kind == "country"
