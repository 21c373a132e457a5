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
4. **Middle names and surnames**: "Donald J. Trump" is "Donald Trump" (and "Hillary Rodham
   Clinton" "Hillary Clinton") when the corpus has one set of middle names for that first
   and last name; a person name that is another's with words in front ("Crooked Hillary
   Clinton") joins it when that one is three times as common. A one-word person name joins the
   full name ending with it when the corpus has exactly one such full name ("Klitschko" ->
   "Vitali Klitschko"), or when one of them dominates (3 to 1) the articles the surname appears
   in, else the corpus ("Trump" -> "Donald Trump", not "Ivanka Trump"); with two named as
   often ("Vitali Klitschko", "Wladimir Klitschko") it stays apart, as its own ambiguous
   identity. A word some full name starts with ("John") is not taken for a surname; a family
   member's suffix ("Donald Trump Jr.") is a different last word, so never joined.
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
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from analysis.corpus.parties import join_parties
from analysis.corpus.unionfind import UnionFind
from analysis.names import name_key

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
# A surname joins the full name it appears with this many times as often as with any other.
DOMINANCE = 3
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


_POSSESSIVE_END = re.compile(r"\w['’‘`]s$")


def _base_key(n: NameStat) -> str:
    """A name's key without a possessive the tagger left on it ("Donald Trump‘s")."""
    if _POSSESSIVE_END.search(n.name):
        return name_key(n.name[:-2])
    return n.nkey


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
            written_as: Callable[[int, str], bool] = lambda nid, text: False,
            together: Callable[[int, list[int]], dict[int, int]] = lambda nid, others: {}
            ) -> list[Identity]:
    """Group names into identities. ``apart(nid, nid)`` says whether one article names both as
    different entities (which vetoes a spelling merge); ``written_as(nid, text)`` whether some
    article wrote name ``nid`` as ``text`` (the evidence an acronym needs); ``together(nid,
    nids)`` in how many articles ``nid`` appears with each of ``nids`` (which full name a
    surname stands for)."""
    label = {n.nid: majority_label(n.labels, n.evidence) for n in names}
    by_nid = {n.nid: n for n in names}
    core = {n.nid: core_key(_base_key(n), label[n.nid]) for n in names}
    uf = UnionFind()
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
    minor = _join_short_forms(names, label, core, uf, written_as, together)
    join_parties(names, label, core, uf)  # 6.
    return _identities(names, label, core, uf, minor)


def _join_short_forms(names: list[NameStat], label: dict[int, str], core: dict[int, str],
                      uf: UnionFind, written_as: Callable[[int, str], bool],
                      together: Callable[[int, list[int]], dict[int, int]]) -> set[int]:
    """4. middle names, surnames and 5. acronyms join the one full name they can stand
    for; returns the names joined as epithets or with a middle name (never an identity's
    name)."""
    minor = _join_middle_names(names, label, core, uf)
    minor |= _join_epithets(names, label, core, uf)
    full_by_last: dict[str, set[int]] = defaultdict(set)
    starts: dict[str, int] = defaultdict(int)  # articles of person names starting with a word
    ends: dict[str, int] = defaultdict(int)
    org_by_initials: dict[str, set[int]] = defaultdict(set)
    for n in names:
        words = core[n.nid].split()
        if label[n.nid] == PERSON and len(words) >= 2:
            full_by_last[words[-1]].add(n.nid)
            starts[words[0]] += n.articles
            ends[words[-1]] += n.articles
        elif label[n.nid] == "ORG" and len(words) >= 2:
            org_by_initials[initials(core[n.nid])].add(n.nid)
    articles = {n.nid: n.articles for n in names}
    for n in names:
        c = core[n.nid]
        if " " in c:
            continue
        if label[n.nid] == PERSON and starts.get(c, 0) <= ends.get(c, 0):
            # "John" (a first name more often than a surname) is no one's surname
            root = _dominant(n.nid, full_by_last.get(c, set()), uf, articles, together)
        elif label[n.nid] == "ORG" and n.name.isupper() and 2 <= len(c) <= 6:
            # Only where some article wrote the organisation so ("World Health Organization
            # (WHO)"): initials alone match too many names.
            roots = {uf.find(o) for o in org_by_initials.get(c, set())
                     if written_as(o, n.name)}
            root = roots.pop() if len(roots) == 1 else None
        else:
            continue
        if root is not None:
            uf.union(root, n.nid)
    return minor


def _join_epithets(names: list[NameStat], label: dict[int, str], core: dict[int, str],
                   uf: UnionFind) -> set[int]:
    """ "Crooked Hillary Clinton", "front-runner Donald Trump": a person name that is another
    person's full name with words in front joins it when that name is far more common
    (``DOMINANCE`` to one); the longer form is then never the identity's name."""
    people = {core[n.nid]: n for n in names if label[n.nid] == PERSON}
    minor: set[int] = set()
    for n in names:
        words = core[n.nid].split()
        if label[n.nid] != PERSON or len(words) < 3:
            continue
        for k in range(1, len(words) - 1):
            other = people.get(" ".join(words[k:]))
            if (other is not None and len(words[k]) > 1
                    and other.articles >= DOMINANCE * max(n.articles, 1)):
                uf.union(other.nid, n.nid)
                minor.add(n.nid)
                break
    return minor


def _join_middle_names(names: list[NameStat], label: dict[int, str], core: dict[int, str],
                       uf: UnionFind) -> set[int]:
    """ "Donald J. Trump" and "Hillary Rodham Clinton" are "Donald Trump" and "Hillary
    Clinton" when the corpus writes that first and last name with one set of middle names or
    initials only ("George W. Bush" and "George H. W. Bush" stay apart from "George Bush" and
    from each other). Returns the names joined with a whole middle name (never an identity's
    name: the shorter form is the usual one)."""
    plain: dict[str, int] = {}
    middled: dict[str, dict[tuple[str, ...], list[int]]] = defaultdict(dict)
    for n in names:
        if label[n.nid] != PERSON:
            continue
        words = core[n.nid].split()
        if len(words) == 2:
            plain.setdefault(core[n.nid], n.nid)
        elif len(words) >= 3:
            key = f"{words[0]} {words[-1]}"
            middled[key].setdefault(tuple(words[1:-1]), []).append(n.nid)
    minor: set[int] = set()
    for key, variants in middled.items():
        if key in plain and len(variants) == 1 and len(key.split()[0]) > 1:
            middle, nids = next(iter(variants.items()))
            for nid in nids:
                uf.union(plain[key], nid)
                if any(len(w) > 1 for w in middle):
                    minor.add(nid)
    return minor


def _dominant(nid: int, candidates: set[int], uf: UnionFind, articles: dict[int, int],
              together: Callable[[int, list[int]], dict[int, int]]) -> int | None:
    """The root of the full name a surname stands for: the only one, or the one that dominates
    the articles the surname appears in (else the corpus) by ``DOMINANCE`` to one; None when
    no full name dominates ("Klitschko" beside two brothers named as often)."""
    members: dict[int, list[int]] = defaultdict(list)
    for o in candidates:
        members[uf.find(o)].append(o)
    if len(members) <= 1:
        return next(iter(members), None)
    shared = together(nid, [o for group in members.values() for o in group])
    score = {root: sum(shared.get(o, 0) for o in group) for root, group in members.items()}
    top = _winner(score)
    if top is None:
        # as often with each (one article names them all, or none): the corpus decides
        most = max(score.values())
        top = _winner({root: sum(articles.get(o, 0) for o in members[root])
                       for root, n in score.items() if n == most})
    return top


def _winner(score: dict[int, int]) -> int | None:
    """The key whose score is ``DOMINANCE`` times every other's, if any."""
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1:
        return ranked[0][0]
    if ranked[0][1] > 0 and ranked[0][1] >= DOMINANCE * ranked[1][1]:
        return ranked[0][0]
    return None


def _identities(names: list[NameStat], label: dict[int, str], core: dict[int, str],
                uf: UnionFind, minor: set[int] = frozenset()) -> list[Identity]:
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
        # initials do not make a name fuller ("Donald Trump", not "Donald J. Trump")
        head = max(members, key=lambda m: (m.nid not in minor, core[m.nid] == m.nkey,
                                           sum(len(w) > 1 for w in core[m.nid].split()),
                                           -len(core[m.nid].split()), m.articles, -m.nid))
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
