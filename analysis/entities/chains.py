"""Names the NER never tagged: runs of capitalised proper nouns ("Jasim Uddin", "Facebook").

A run of PROPN tokens that no other candidate covers becomes a low-weight candidate when at least
one of its words is not an English dictionary word (runs of dictionary words are mostly
capitalised phrases: "Member State", "Civil War"), so it reads as a coined or foreign name. Its
label comes from its shape; the article-level vote in :mod:`.merge` lets any NER or gazetteer
mention of the same name, or a describing noun next to it, win.
"""

from __future__ import annotations

from spacy.attrs import POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Token

from analysis.entities.patterns import GENERIC, NOT_NAMES, ORG_HEADS, TITLES

# Function words that may sit inside a run ("Bank of England", "Hamza bin Laden").
_INNER = {"of", "bin", "al", "de", "da", "van", "von", "der", "du", "la", "le", "&"}
PARTICLES = {"bin", "al", "de", "da", "van", "von", "der", "du", "la", "le"}
CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
}
_QUOTES_OPEN = {"\"", "“", "'", "‘", "(", "["}

_common: frozenset[str] = frozenset()


def set_common_words(words: frozenset[str]) -> None:
    """Register the English word list (lowercase) that tells coined names from phrases."""
    global _common
    if words:
        _common = words


def is_common(word: str) -> bool:
    """Whether a word (any case, or its plural) is an English dictionary word."""
    low = word.lower()
    return low in _common or (low.endswith("s") and low[:-1] in _common)


def _initial(tok: Token) -> bool:
    text = tok.text
    return len(text) == 2 and text[1] == "." and text[0].isupper()


def _chain_token(tok: Token) -> bool:
    text = tok.text
    return (
        tok.pos_ == "PROPN" and text[:1].isupper() and not tok.ent_type_
        and any(ch.isalpha() for ch in text) and "\n" not in text
        and tok.lower_ not in NOT_NAMES and tok.lower_ not in CALENDAR
        and not any(ch in text for ch in "[]()/") and not (len(text) <= 2 and text[-1] == ".")
        and not (len(text) > 2 and text.endswith("s") and text[:-1].isupper())  # "NGOs"
    )


def proper_runs(doc: Doc, taken: list[bool], body_start: int) -> list[tuple[int, int]]:
    """Token ranges of capitalised PROPN runs outside ``taken`` tokens that may be names."""
    runs: list[tuple[int, int]] = []
    n = len(doc)
    # Parts of speech as one array: a run starts at a proper noun, so only those are looked at.
    propn = [p == PROPN for p in doc.to_array(POS).tolist()]
    i = 0
    while i < n:
        if taken[i] or not propn[i] or not _chain_token(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n and not taken[j]:
            nxt = doc[j]
            if _chain_token(nxt):
                j += 1
            elif _initial(nxt) and j + 1 < n and not taken[j + 1] and _chain_token(doc[j + 1]):
                j += 2  # a middle initial: "Pedro R. Pierluisi"
            elif (nxt.lower_ in _INNER and nxt.whitespace_ and j + 1 < n and not taken[j + 1]
                  and _chain_token(doc[j + 1])):
                j += 2
            else:
                break
        s, e = _strip_trailing_titles(doc, i, j)
        if e > s and _keep(doc, s, e, body_start):
            runs.append((s, e))
        i = j
    return runs


def _strip_trailing_titles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """ "Labour MP" -> "Labour"; a longer run before a title is a job title: dropped."""
    e = end
    while e > start and doc[e - 1].lower_ in TITLES:
        e -= 1
    if e < end and e - start > 1:
        return start, start
    return start, e


def _glued(doc: Doc, start: int, end: int) -> bool:
    """Part of a hyphenated or otherwise glued token group ("SARS-CoV-2", "ABS-CBN")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and not before.whitespace_ and not before.is_space and (
            before.text not in _QUOTES_OPEN):
        return True
    if after is None or doc[end - 1].whitespace_ or after.text not in {"-", "–", "/"}:
        return False
    # "Facebook-integrated" is the name in a compound; "SARS-CoV-2" is a piece of a name
    return end + 1 >= len(doc) or not doc[end + 1].is_lower


def _keep(doc: Doc, start: int, end: int, body_start: int) -> bool:
    if start < body_start or _glued(doc, start, end):
        return False  # title-case headline: every word is capitalised
    words = [t for t in doc[start:end] if t.lower_ not in PARTICLES and t.lower_ != "of"]
    if not words or all(is_common(t.text) or t.lower_ in GENERIC for t in words):
        return False
    if end - start == 1:
        tok = doc[start]
        prev = doc[start - 1] if start > 0 else None
        if len(tok.text) < 2 or (prev is not None and prev.text in _QUOTES_OPEN):
            return False
    return True


def chain_label(doc: Doc, start: int, end: int) -> str:
    """A label from the run's shape: PERSON for two or three title-case words, else ORG."""
    words = doc[start:end]
    core = [t for t in words if t.lower_ not in PARTICLES]
    if (2 <= len(core) <= 3 and all(t.is_title or t.lower_ in PARTICLES for t in words)
            and core[-1].text not in ORG_HEADS):
        return "PERSON"
    return "ORG"
