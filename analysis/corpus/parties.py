"""Rule 6 of the desk's identities (``identity.resolve``): a party and its supporters' name
are one identity ("Democrats", "Democratic" and "United States Democratic Party" join
"Democratic Party")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Protocol

from analysis.corpus.unionfind import UnionFind


class Named(Protocol):
    """A distinct name of the desk (``identity.NameStat``)."""

    nid: int


def _group_forms(word: str) -> set[str]:
    """The forms a party's supporters are called by: "democratic" -> democrat(s), democratic."""
    forms = {word, word + "s"}
    if word.endswith("ic"):
        forms |= {word[:-2], word[:-2] + "s"}  # democratic -> democrat, democrats
    if word.endswith("an"):
        forms.add(word + "s")  # republican -> republicans
    return forms


def join_parties(names: list[Named], label: dict[int, str], core: dict[int, str],
                 uf: UnionFind, countries: Callable[[str], bool] | None = None) -> None:
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
