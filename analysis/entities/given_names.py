"""Given names, for the shape of a person's name ("Patrice Talon", "Carlotta Weibl").

The list is gender-guesser's name dictionary (about 48,000 given names from many countries),
read once. Names that are also English dictionary words ("Will", "Hope", "Grace") are left out
by the caller through :func:`analysis.entities.chains.is_common`, so only the name reading counts.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

_DATA = ("gender_guesser", "data/nam_dict.txt")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names of the dictionary, as written ("Patrice"); empty if it is missing."""
    try:
        ref = resources.files(_DATA[0]).joinpath(_DATA[1])
        text = ref.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    names: set[str] = set()
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split(maxsplit=2)
        if len(parts) < 2:
            continue
        name = parts[1]
        if "+" in name:  # "Jean+Pierre": written joined, spaced or hyphenated
            names.update(name.replace("+", sep) for sep in ("", " ", "-"))
        else:
            names.add(name)
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """Whether a capitalised word is a known given name."""
    return len(word) >= 2 and word[:1].isupper() and word in given_names()
