"""Telling quotes from scare quotes, titles and nicknames."""

from __future__ import annotations

import re

from spacy.tokens import Token

from analysis.quotes.cues import (
    NAMING_LEMMAS,
    REPORTING_WORDS,
    SPEECH_LEMMAS,
    is_cue,
    is_naming_use,
    words,
)
from analysis.quotes.frames import Frame, FrameFinder, governing_verb
from analysis.quotes.marks import QuoteSpan, inside

# Names of works and shows. Words that name what someone said or wrote ("the phrase",
# "called it", "a slogan") are not here: what follows them is a quote.
TITLE_WORDS = words(
    """
    film movie book song album show series novel play documentary article column essay
    poem podcast program programme headlined headline banner operation episode exhibition
    magazine newspaper opera musical single track video memoir memoirs biography
    autobiography ad
    """
)
_SKIP = frozenset({"the", "a", "an", "his", "her", "their", "its", "new", "latest", "as", "of"})
MIN_WORDS = 4  # this many words is a statement even without a verb
EVALUATIVE_POS = frozenset({"ADJ", "ADV", "VERB"})  # "a “rigged” vote" judges; a noun labels


_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_SMALL = words(
    """
    a an the of and or in on at to for with from by as is de la
    """
)


def is_title_case(quoted: str) -> bool:
    """ "Fox News Sunday", "The Art of the Deal": every content word capitalised, no full stop."""
    words = _WORD_RE.findall(quoted)
    if len(words) < 2 or quoted.rstrip(" ,.").endswith(("!", "?", ":", "…")):
        return False
    return all(w[0].isupper() for w in words if w.lower() not in _SMALL) and words[0][0].isupper()


SPEAKER_WORDS = 4  # "“In Fisher,” Dean Amar said": at most this many words before the cue


def said_after(before: Frame, after: Frame, quoted: str) -> bool:
    """The quote opens its sentence and a speaker and cue follow: "“Word is,” Trump said"."""
    if before.words or before.to_quote or not quoted.rstrip().endswith((",", "?", "!")):
        return False
    for t in after.words[: SPEAKER_WORDS + 1]:
        if is_cue(t):
            return True
        if t.pos_ not in ("PROPN", "PRON", "NOUN", "DET", "ADJ"):
            return False
    return False


def is_title(before: Frame, quoted: str, toks: list[Token], after: Frame) -> bool:
    """A quoted title, nickname or gloss: introduced by "film", "the book", "NBC's", "Latin
    for" ...

    A naming verb with its own subject ("Trump called her ...") cites words, so it is not
    a title trigger; a title-case stretch not introduced by a cue or colon (or a cue and a
    comma, "said of the vote, “…”"), and not what a verb names someone ("called him “X”",
    "hailed him as “X”"), is a title. A quote that opens its sentence before "X said" never is.
    """
    last = before.tokens[-1] if before.tokens else None
    comma_cue = _cue_before_comma(before)
    introduced = last is not None and (
        last.text == ":"
        # "told “Fox and Friends”" names whom the words went to, not the words
        or (is_cue(last) and not is_naming_use(last) and last.lemma_ != "tell")
        or (comma_cue and not _title_word(before.tokens[-2]))
    )
    named = _named_as(toks) or naming_verb(toks, before.tokens) is not None
    if said_after(before, after, quoted):
        return False
    title_case = is_title_case(quoted)
    if title_case and not introduced and not named:
        return True
    if _gloss(before.tokens):
        return True  # "Latin for “if you wish peace”" translates; nobody said it
    if _show_of(last) and quoted[:1].isupper() and (title_case or len(quoted.split()) == 1):
        return True  # "NBC's “Today”", "told CBS's “Face the Nation”"
    if not quoted[:1].isupper() and not quoted[:1].isdigit():
        return False  # titles are capitalised: "the videos “without delay”" cites words
    for t in reversed(before.tokens[-4:]):
        if t.text == ":" or (t.text == "," and comma_cue and not title_case):
            return False  # "the book's pitch: “...”" introduces what it says
        if _title_word(t):
            return True
        if t.lower_ not in _SKIP and not t.is_punct:
            return False
    return False


def _gloss(toks: list[Token]) -> bool:
    """The frame ends in a language and "for": "Spanish for “…”", "Latin for “…”"."""
    return (
        len(toks) >= 2
        and toks[-1].lower_ == "for"
        and toks[-2].ent_type_ in ("NORP", "LANGUAGE")
    )


def _show_of(last: Token | None) -> bool:
    """The frame ends in an organisation's possessive: "NBC's “…”", "CBS' “…”"."""
    if last is None or last.tag_ != "POS" or last.i == 0:
        return False
    owner = last.head if last.head.i < last.i else last.doc[last.i - 1]
    return owner.ent_type_ == "ORG"


CUE_STEPS = 4  # "said of the episode, “…”": how far up the parse the cue may be


def _cue_before_comma(before: Frame) -> bool:
    """The frame ends in a comma after a speech cue or its modifiers: "interjecting, “…”",
    "said of the episode, “…”", "According to the paper, “…”"."""
    toks = before.tokens
    if len(toks) < 2 or toks[-1].text != ",":
        return False
    framed = {t.i for t in toks}
    tok = toks[-2]
    for _ in range(CUE_STEPS + 1):
        if tok.i not in framed:
            return False
        if is_cue(tok):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# "“Museum to close in May,” by the Herald's Ann Roe": an article's headline and its byline
_BYLINE_RE = re.compile(r"\s*by\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*['’]s?\s+[A-Z]")


def is_cited_headline(text: str, q: QuoteSpan) -> bool:
    """A headline cited with its byline: "“Museum to close in May,” by the Herald's Ann Roe"."""
    return text[q.start : q.end].rstrip().endswith(",") and bool(
        _BYLINE_RE.match(text, q.close_mark)
    )


def _quote_root(toks: list[Token]) -> Token | None:
    """The first word of a quote that the parse hangs outside the quote."""
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids and not t.is_punct), None)


def _named_as(toks: list[Token]) -> bool:
    """The quote is the predicate of a naming: “X” in "called him “X”", "rated it as “X”"."""
    root = _quote_root(toks)
    if root is None:
        return False
    if root.dep_ == "oprd":
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "as"


# Verbs that give a name or a term: what they govern in quote marks is someone's words.
NAMING_VERBS = NAMING_LEMMAS | {"know", "refer"}


def naming_verb(toks: list[Token], near: list[Token]) -> Token | None:
    """The naming verb whose term the quote is: "a treatment now called “regenerative
    medicine”", "she refers to the plan as “the Ask”".

    A name given without a namer ("a show called “Morning Kyiv”", "nicknamed “the Iron Man”")
    is a title or a nickname, not anyone's words: without a namer only lower-case terms count.
    The verb must be among ``near``, the words of the quote's own sentence.
    """
    verb = governing_verb(toks)
    if verb is None or verb.lemma_.lower() not in NAMING_VERBS or verb not in near:
        return None
    namer = any(c.dep_ == "nsubj" for c in verb.children)
    return verb if namer or not any(t.text[:1].isupper() for t in toks) else None


def _title_word(t: Token) -> bool:
    """A noun naming a work ("the film", "his book"); the verbs "shows", "playing" are not."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return t.lower_ == "headlined"
    return t.lower_ in TITLE_WORDS or t.lemma_.lower() in TITLE_WORDS


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


_TERMINAL_END = re.compile(r"[.!?…:;][\"'“”‘’«»)\]\s]*$")
# Web-page furniture around an article's text: teaser links and captions ending in a credit.
_TEASER_RE = re.compile(
    r"[\"“‘']?(?:READ MORE|READ ALSO|ALSO READ|SEE ALSO|RELATED|WATCH|LISTEN)\b[^:\n]{0,20}:", re.I
)
_CREDIT_END_RE = re.compile(r"\([^()\n]{0,80}/[^()\n]{0,80}\)$")
HEADING_WORDS = 20
HEADLINE_WORDS = 25
MAX_HEADING_CHARS = 400
SPEAKER_LINE_WORDS = 3
SUBHEAD_WORDS = 8  # a line of single-quoted words no longer than this is a subhead


def _headline_like(line: str, single_marks: bool) -> bool:
    """A short line in headline style: single quote marks or mostly capitalised words."""
    words = _WORD_RE.findall(line)
    if not words or len(words) > HEADLINE_WORDS:
        return False
    capitalised = sum(w[0].isupper() for w in words if w.lower() not in _SMALL)
    return single_marks or capitalised >= 0.6 * len(words)


def is_heading(text: str, q: QuoteSpan, para: tuple[int, int]) -> bool:
    """A quote in the headline, a subhead, a teaser line ("READ MORE: ...") or a photo
    caption ("... says: ‘…’ (Jane Roe/CBC)")."""
    if para[1] - para[0] > MAX_HEADING_CHARS:
        return False  # far too long for a heading (and keeps huge paragraphs cheap)
    line = text[para[0] : para[1]].strip()
    if _TEASER_RE.match(line) or _CREDIT_END_RE.search(line):
        return True
    if _speaker_line(text, q, para):
        return False
    if q.para == 0 and len(text) > para[1] + 1 and _headline_like(line, q.single):
        return True  # an article's first line is its headline
    if q.single and _whole_line(text, q, para) and len(line.split()) <= SUBHEAD_WORDS:
        return True  # a subhead set in single marks: "‘A fight from start to finish.’"
    if _TERMINAL_END.search(line) or len(line.split()) > HEADING_WORDS:
        return False
    whole = text[para[0] : q.open_mark].strip() == ""
    return (q.single and whole) or len(text[q.start : q.end].split()) <= 5


def _whole_line(text: str, q: QuoteSpan, para: tuple[int, int]) -> bool:
    """The quote and its marks are all there is on its line, but for dashes and stops
    ("– ‘Who cares?’ –.")."""
    outside = text[para[0] : q.open_mark] + text[q.close_mark : para[1]]
    return not any(ch.isalnum() for ch in outside)


def _speaker_line(text: str, q: QuoteSpan, para: tuple[int, int]) -> bool:
    """ "Senator Doe: “We will not back down.”": a statement closing a "Name:" line."""
    lead = text[para[0] : q.open_mark].rstrip()
    tail = text[q.close_mark : para[1]]
    quoted = text[q.start : q.end]
    return (
        lead.endswith(":")
        and not any(ch.isalnum() for ch in tail)
        and len(quoted.split()) >= SPEAKER_LINE_WORDS
    )


def is_scare(
    q: QuoteSpan, text: str, frames: tuple[Frame, Frame], toks: list[Token], attributed: bool
) -> bool:
    """A short quoted word used as a label: "the “sextortion” scam", "a “renoviction” is".

    An attributed quote that judges ("a “rigged” process") cites its speaker's words.
    """
    quoted = text[q.start : q.end]
    if len(quoted.split()) > 3 or not quoted[-1:].isalnum():
        return False
    if attributed and any(t.pos_ in EVALUATIVE_POS for t in toks):
        return False
    before, after = frames
    prev = before.tokens[-1] if before.tokens else None
    nxt = after.tokens[0] if after.tokens else None
    if prev is None or prev.pos_ != "DET":
        return False
    if nxt is not None and nxt.pos_ == "NOUN" and not nxt.ent_type_:
        return True
    return not attributed and not before.to_quote and len(before.tokens) == 1


NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PERSONAL = frozenset({"he", "she", "they", "i", "we"})


def person_verb(toks: list[Token]) -> Token | None:
    """The nearest verb above a quote whose subject is a person: "He talks about “spoiling
    the party”", "Ivanka Trump portrayed him as “the people's champion”"."""
    root = _quote_root(toks)
    if root is None:
        return None
    for verb in root.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for c in verb.children:
            if c.dep_ == "nsubj" and (c.lower_ in PERSONAL or c.ent_type_ == "PERSON"):
                return verb
    return None


def reporting_word(finder: FrameFinder, q: QuoteSpan, spans: list[QuoteSpan]) -> Token | None:
    """The reporting word of a short quote's sentence when that sentence also names someone.

    "Smith's claim that there were “thousands”", "Doe bemoaned a climate where people “hate
    each other”": quotes, though no speech verb governs them. The word nearest before the
    quote wins (else the first after it); None when the sentence lacks a word or a name.
    """
    toks = finder.tokens(q.start, q.end)
    if not toks:
        return None
    sent = toks[0].sent
    best: Token | None = None
    named = False
    for t in sent:
        if inside(t.idx, spans):
            continue
        named = named or t.ent_type_ in NAMED
        lemma = t.lemma_.lower()
        if (lemma in SPEECH_LEMMAS or lemma in REPORTING_WORDS) and (
            best is None or t.idx < q.start
        ):
            best = t
    return best if named else None
