"""Telling quotes from scare quotes, titles and nicknames."""

from __future__ import annotations

import re

from analysis.quotes.cues import is_cue, is_naming_use

from analysis.quotes.frames import Frame, FrameFinder
from analysis.quotes.marks import QuoteSpan

TITLE_WORDS = frozenset(
    """
    film movie book song album show series novel play documentary article column essay poem
    podcast program programme titled entitled headlined called dubbed named nicknamed so-called
    term word phrase slogan hashtag label motto tagline headline banner operation episode
    exhibition campaign initiative magazine newspaper opera musical single track video
    """.split()
)
_SKIP = frozenset({"the", "a", "an", "his", "her", "their", "its", "new", "latest", "as", "of"})
MIN_WORDS = 6  # this many words is a statement even without a verb


_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_SMALL = frozenset("a an the of and or in on at to for with from by as is de la".split())


def is_title_case(quoted: str) -> bool:
    """ "Fox News Sunday", "The Art of the Deal": every content word capitalised, no full stop."""
    words = _WORD_RE.findall(quoted)
    if len(words) < 2 or quoted.rstrip(" ,").endswith((".", "!", "?", ":", "…")):
        return False
    return all(w[0].isupper() for w in words if w.lower() not in _SMALL) and words[0][0].isupper()


def is_title(before: Frame, quoted: str) -> bool:
    """A quoted title or nickname: introduced by "film", "called", "dubbed", "the term" ...

    A naming verb with its own subject ("Trump called her ...") cites words, so it is not
    a title trigger; a title-case stretch not introduced by a cue or colon is a title.
    """
    last = before.tokens[-1] if before.tokens else None
    introduced = last is not None and (last.text == ":" or (is_cue(last) and not
                                                            is_naming_use(last)))
    if is_title_case(quoted) and not introduced:
        return True
    for t in reversed(before.tokens[-4:]):
        low = t.lower_
        if low in TITLE_WORDS or t.lemma_.lower() in TITLE_WORDS:
            return not (t.pos_ == "VERB" and is_cue(t) and not is_naming_use(t))
        if low not in _SKIP and not t.is_punct:
            return False
    return False


def is_sentence_like(
    finder: FrameFinder, q: QuoteSpan, text: str, before: Frame, after: Frame
) -> bool:
    """True when an unattributed quote reads as a statement rather than a scare quote."""
    quoted = text[q.start : q.end]
    n = len(quoted.split())
    if n >= MIN_WORDS:
        return True
    toks = finder.tokens(q.start, q.end)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in toks)
    if n >= 3 and has_verb and quoted[:1].isupper():
        return True
    standalone = not before.words and not [w for w in after.words if w.text[:1].isalnum()]
    return standalone and quoted[:1].isupper() and (has_verb or n >= 2 or q.piece > 0)
