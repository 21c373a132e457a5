"""Attribution of one quote: pick the cue in its frames and resolve the cue's speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from analysis.quotes.cues import cue_text, is_cue, is_naming_use, speaker_token
from analysis.quotes.frames import Frame
from analysis.quotes.marks import QuoteSpan
from analysis.quotes.speakers import EntityIndex, Resolution, resolve

TERMINAL = (".", "!", "?", "…")
_DASH_RE = re.compile(r"[ \t\u00a0]*([–—―]|--?)[ \t\u00a0]*(?=\w)")


@dataclass(slots=True)
class Attribution:
    """Who said a quote (resolved), the cue word, and the quote's kind."""

    resolution: Resolution
    cue: str
    kind: str = "direct"


def _inside_quote(tok: Token, spans: list[QuoteSpan]) -> bool:
    return any(q.open_mark <= tok.idx < q.close_mark for q in spans)


def _cues(frame: Frame, spans: list[QuoteSpan]) -> list[Token]:
    return [
        t for t in frame.tokens if is_cue(t) and not is_naming_use(t) and not _inside_quote(t, spans)
    ]


def quote_kind(q: QuoteSpan, text: str, before: Frame, after: Frame) -> str:
    """partial when the quote sits inside a clause, direct when it stands as a statement."""
    quoted = text[q.start : q.end]
    prev = before.tokens[-1].text if before.tokens else ""
    nxt = after.tokens[0] if after.tokens else None
    embedded_left = bool(prev) and prev[-1:].isalnum() and not quoted[:1].isupper()
    embedded_right = nxt is not None and nxt.text[:1].isalnum() and not quoted.endswith(",")
    if embedded_left or (embedded_right and not quoted.endswith(TERMINAL) and bool(prev)):
        return "partial"
    if bool(prev) and prev[-1:].isalnum() and len(quoted.split()) < 4:
        return "partial"
    return "direct"


def _speaker(
    cue: Token, frame: Frame, spans: list[QuoteSpan], index: EntityIndex
) -> Resolution:
    tok = speaker_token(cue)
    if tok is None or _inside_quote(tok, spans):
        return Resolution()
    stop = frame.tokens[0].i if frame.tokens else 0
    return resolve(index, tok, stop)


def _name_in(frame: Frame, index: EntityIndex, skip: int = 0) -> Resolution | None:
    """The first named thing in a verbless frame (colon and dash forms)."""
    for t in frame.tokens[skip:]:
        if index.entity_at(t) is not None or t.pos_ == "PROPN":
            head = t
            while head.i + 1 < len(t.doc) and head.nbor(1).pos_ == "PROPN":
                head = head.nbor(1)
            return resolve(index, head, frame.tokens[0].i)
    return None


def _dash_form(q: QuoteSpan, text: str, after: Frame, index: EntityIndex) -> Attribution | None:
    """ "...” – Klitschko": a dash right after the closing mark, then a name."""
    m = _DASH_RE.match(text, q.close_mark)
    if m is None:
        return None
    words = [w for w in after.words if w.idx >= m.end()]
    if not words or len(words) > 12 or any(is_cue(w) for w in words):
        return None
    name_frame = Frame([t for t in after.tokens if t.idx >= m.end()], False)
    res = _name_in(name_frame, index)
    return Attribution(res, m.group(1)) if res is not None else None


def _colon_form(before: Frame, spans: list[QuoteSpan], index: EntityIndex) -> Attribution | None:
    verbs = [
        t
        for t in before.tokens
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj",) for c in t.children)
    ]
    if verbs:
        v = verbs[-1]
        return Attribution(_speaker(v, before, spans, index), v.text)
    if len(before.words) > 8:
        return None
    res = _name_in(before, index)
    return Attribution(res, ":") if res is not None else None


def attribute(
    q: QuoteSpan,
    text: str,
    before: Frame,
    after: Frame,
    spans: list[QuoteSpan],
    index: EntityIndex,
) -> Attribution | None:
    """The attribution of quote ``q`` from its own sentence, or None when it has none."""
    kind = quote_kind(q, text, before, after)
    quoted = text[q.start : q.end].rstrip()
    ends_terminal = quoted.endswith(TERMINAL)
    before_cues = _cues(before, spans)
    if before.ends_with_colon:
        if before_cues:
            c = before_cues[-1]
            return Attribution(_speaker(c, before, spans, index), cue_text(c), kind)
        return _colon_form(before, spans, index)
    dash = _dash_form(q, text, after, index)
    if dash is not None:
        return dash
    after_cues = _cues(after, spans)
    if after_cues:
        c = after_cues[0]
        first = after.words[0].text if after.words else ""
        forward = after.to_quote and after.ends_with_colon
        bare = not any(ch.dep_ == "ccomp" for ch in c.children)
        if not (forward and ends_terminal) and (
            not ends_terminal or first[:1].islower() or bare
        ):
            return Attribution(_speaker(c, after, spans, index), cue_text(c), kind)
    if before_cues:
        c = before_cues[-1]
        return Attribution(_speaker(c, before, spans, index), cue_text(c), kind)
    return None
