"""Further mentions: occurrences of a known name (or its surname/acronym) that the NER missed."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from analysis.entities.bounds import CURRENCY_WORDS
from analysis.entities.candidates import NUMERIC_LABELS, Candidate
from analysis.entities.gazetteer import name_key
from analysis.entities.patterns import GENERIC, INITIALS_SKIP

_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z&]{1,11})\s*\)")
_STOP = {"the", "a", "an", "i", "it", "we", "he", "she", "they", "in", "on", "at", "to", "of"}


def _forms(text: str, group: list[Candidate], label: str) -> set[str]:
    forms = {c.text for c in group}
    if label == "PERSON":
        longest = max(group, key=lambda c: len(c.text))
        words = longest.text.split()
        if len(words) >= 2 and len(words[-1]) >= 3 and words[-1][:1].isupper():
            forms.add(words[-1])
    for c in group:
        m = _PAREN_ACRONYM.match(text, c.end_char)
        if m and len(c.text) > len(m.group(1)):
            forms.add(m.group(1))
    if label == "ORG":  # "WHO" for "World Health Organization", written as a word of its own
        longest = max(group, key=lambda c: len(c.text)).text
        words = [w for w in longest.replace("-", " ").split() if w.lower() not in INITIALS_SKIP]
        if len(words) >= 3 and all(w[:1].isupper() for w in words):
            forms.add("".join(w[0] for w in words))
    return {
        f for f in forms
        if len(f) >= 2 and any(ch.isupper() for ch in f) and f.lower() not in GENERIC
        and f.lower() not in _STOP
    }


def propagate(doc: Doc, text: str, groups: list[list[Candidate]], labels: list[str]
              ) -> list[list[Candidate]]:
    """Add unannotated occurrences of each group's forms (case-sensitive, whole words)."""
    owner: dict[str, int] = {}
    ambiguous: set[str] = set()
    for gi, group in enumerate(groups):
        for f in _forms(text, group, labels[gi]):
            if f in owner and owner[f] != gi:
                ambiguous.add(f)
            owner[f] = gi
    # a form that normalises like another group's form is ambiguous too
    by_key: dict[str, set[int]] = {}
    for f, gi in owner.items():
        by_key.setdefault(name_key(f), set()).add(gi)
    forms = [f for f, gi in owner.items() if f not in ambiguous and len(by_key[name_key(f)]) == 1]
    if not forms:
        return groups
    forms.sort(key=len, reverse=True)
    pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w\-])")
    where: dict[tuple[int, int], int] = {}
    for gi, g in enumerate(groups):
        for c in g:
            where[(c.start_char, c.end_char)] = gi
    taken = sorted(list(where) + [(e.start_char, e.end_char) for e in doc.ents
                                  if e.label_ in NUMERIC_LABELS])
    for m in pattern.finditer(text):
        s, e = m.span()
        k = bisect.bisect_left(taken, (e, e))
        over = [t for t in taken[max(0, k - 8):k] if t[0] < e and s < t[1]]
        gi = owner[m.group(0)]
        if (s, e) in where:
            continue
        if over and not all(s <= ts and te <= e and where.get((ts, te)) == gi for ts, te in over):
            continue  # overlaps another name: the existing one stays
        span = doc.char_span(s, e)
        if span is None or not _looks_like_name(span):
            continue
        if span.end < len(doc) and doc[span.end].lower_ in CURRENCY_WORDS:
            continue  # "US dollars" (guidelines)
        if over:  # a fuller form of the same name: "Sadiq Khan" around a found "Khan"
            groups[gi] = [c for c in groups[gi] if (c.start_char, c.end_char) not in over]
            taken = [t for t in taken if t not in over]
        groups[gi].append(Candidate(span.start, span.end, s, e, m.group(0), labels[gi],
                                    "propagated"))
        where[(s, e)] = gi
        bisect.insort(taken, (s, e))
    return groups


def _looks_like_name(span) -> bool:  # noqa: ANN001 - spaCy Span
    if len(span) > 1:
        return True
    tok = span[0]
    return tok.pos_ == "PROPN" or tok.is_upper or bool(tok.ent_type_)
