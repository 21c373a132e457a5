"""Title-case headlines: where the NER reads every capitalised word as a name.

In "Clinton Plan for Taxes Is Expansive but Complex." the small model finds "Clinton Plan"
(a person) and "Complex" (a nationality). A name in such a headline is kept only when the
article's body uses it too; sentence-case headlines ("Storm cuts power in Portmere") are
left alone, their capitals mean what they say.
"""

from __future__ import annotations

import re

MIN_CAPITALISED_WORDS = 3
CAPITALISED_SHARE = 0.9  # "Sultan Qaboos of Oman dies" is a sentence-case headline full of names
# Longer function words that title case may leave in lower case ("Aid Arrives from Abroad").
LOWER_IN_TITLES = frozenset(
    "about above after against along amid among around before behind below between beyond down "
    "during from into near onto over past since than that then this through toward towards under "
    "until upon versus when while with within without".split()
)
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")  # words of four letters or more
_POSSESSIVE = re.compile(r"['’]s?$")


def title_case_headline(text: str) -> tuple[int, int] | None:
    """(start, end) of the article's first line when it is a title-case headline over a body."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not text[end:].strip():
        return None
    return (start, end) if is_title_case(text[start:end]) else None


def is_title_case(line: str) -> bool:
    """Whether a line is in title case: nearly all its longer words capitalised, three or more."""
    words = [w for w in _LONG_WORD.findall(line) if w not in LOWER_IN_TITLES]
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= MIN_CAPITALISED_WORDS and capitalised >= CAPITALISED_SHARE * len(words)


def used_in_body(name: str, text: str, body_start: int) -> bool:
    """Whether ``name`` (possessive dropped) occurs as whole words, same case, in the body."""
    name = _POSSESSIVE.sub("", name.strip())
    if not name:
        return False
    pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
    return re.search(pattern, text[body_start:]) is not None
