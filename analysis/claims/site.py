"""An attribution site: the cue, the token range of its content and how the parse shows it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

# Words that open a complement without being part of what is claimed.
LEAD_WORDS = frozenset({"that", "whether", "if"})
MIN_CONTENT_TOKENS = 2


@dataclass(slots=True)
class Site:
    """One attribution: the cue token, the content's token range ``[lo, hi]`` and, where the
    form names it outside the cue's subject ("by X", "according to X"), the source's head."""

    cue: Token
    lo: int
    hi: int
    source: Token | None = None
    passive: bool = False
    shown: bool = True  # False: only the place of a piece that holds no claim ("Overall, ...")
    # The form the parse shows: complement, infinitive, parenthetical, root, according,
    # object, passive (the kind of attribution depends on it: "agreed that" / "agreed to").
    form: str = "complement"


def trim_span(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Shrink ``[lo, hi]`` past edge punctuation, spaces and a leading "that"; None when too
    little is left."""
    while lo <= hi and (
        doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ in LEAD_WORDS
        or doc[lo].dep_ == "cc"
    ):
        if doc[lo].is_quote:
            break  # an opening mark stays with the quote it opens
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space) and not doc[hi].is_quote:
        hi -= 1
    if hi - lo + 1 < MIN_CONTENT_TOKENS:
        return None
    return lo, hi


def words_in(doc: Doc, lo: int, hi: int) -> int:
    """The words (not punctuation or space) of ``doc[lo : hi + 1]``."""
    return sum(1 for t in doc[lo : hi + 1] if not (t.is_punct or t.is_space))


def denied(cue: Token) -> bool:
    """The cue is negated ("did not say", "nobody knows")."""
    return any(
        c.dep_ == "neg" or (c.dep_ == "nsubj" and c.lower_ in ("nobody", "no one", "none"))
        for c in cue.children
    )
