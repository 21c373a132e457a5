"""Titles: whether a text's first line is its headline, and a display title for untitled text.

Wire copy, pasted articles and exports often start with the first paragraph ("KYIV - Russia on
Monday admitted ..."), not a headline. A first line is the title only when it reads like one:
a Markdown heading, a title-case line, a line over a date line or a datelined paragraph, a
short line without a closing full stop. A sentence-case dateline opening, the only paragraph,
a long line and a sentence that ends in a full stop are the body's first paragraph.
"""

from __future__ import annotations

import re

from analysis.entities.headline import is_title_case

MAX_HEADLINE_WORDS = 30  # a ledes runs 20-40 words; headlines rarely pass 20
DISPLAY_TITLE_CHARS = 80
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*$")
# A sentence ends at . ! ? (and closing quotes) before a space and a capital or opening quote,
# unless the word before is a short abbreviation ("Feb. 24", "Mr. Smith", "U.S. forces").
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Za-z]\.)*[A-Za-z]|\bno|\bvs)\.$")


def reads_as_headline(
    line: str, following: str | None, *, opens_with_dateline: bool, is_date: bool,
    next_opens_with_dateline: bool = False, next_is_date: bool = False,
) -> bool:
    """Whether ``line``, a text's first non-empty line, is its title rather than its body.

    ``following`` is the next non-empty line (None when ``line`` is the only paragraph);
    the flags say whether either line opens with a place dateline or is only a date.
    """
    stripped = line.strip()
    if stripped.startswith("#"):
        return True
    if following is None or is_date:
        return False
    if is_title_case(stripped):
        return True  # before the dateline test: "EXCLUSIVE – Roger Stone: Don't Trust ..."
    if opens_with_dateline:
        return False
    if next_opens_with_dateline or next_is_date:
        return True
    if len(stripped.split()) > MAX_HEADLINE_WORDS:
        return False
    # Some publishers end headlines with a full stop; only title case (above) tells those.
    return not _SENTENCE_END.search(stripped)


def first_sentence(paragraph: str) -> str:
    """The first sentence of a paragraph (the whole paragraph when no boundary is found)."""
    for m in _BOUNDARY.finditer(paragraph):
        head = paragraph[: m.start()].rstrip("\"”’')]")
        if not _ABBREVIATION.search(head):
            return paragraph[: m.start()].strip()
    return paragraph.strip()


def display_title(paragraph: str, limit: int = DISPLAY_TITLE_CHARS) -> str:
    """A title for an untitled article: its first sentence, shortened at a word to ``limit``."""
    sentence = " ".join(first_sentence(paragraph).split())
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"
