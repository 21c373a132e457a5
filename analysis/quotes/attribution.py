"""Attribution of one quote: pick the cue in its frames and resolve the cue's speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from analysis.model import Mention
from analysis.quotes.cues import cue_text, is_cue, is_naming_use, speaker_token
from analysis.quotes.frames import Frame, governing_verb
from analysis.quotes.marks import QuoteSpan, inside
from analysis.quotes.speakers import EntityIndex, Resolution, resolve
from analysis.quotes.subject import agent, is_propn, left_noun, opens, right_noun, sentence_subject

TERMINAL = (".", "!", "?", "…")
# Speaker labels of transcripts: two or more capitals ("Q:" and "A:" are not names).
_LABEL_RE = re.compile(r"([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}):\s")
_DASH_RE = re.compile(r"[ \t\u00a0]*([–—―]|--?)[ \t\u00a0]*(?=\w)")


@dataclass(slots=True)
class Attribution:
    """Who said a quote (resolved), the cue word, and the quote's kind."""

    resolution: Resolution
    cue: str | None
    kind: str = "direct"
    labelled: bool = False  # named by a transcript label: never replaced by a chain's speaker


def _inside_quote(tok: Token, spans: list[QuoteSpan]) -> bool:
    return inside(tok.idx, spans)


def _cues(frame: Frame, spans: list[QuoteSpan]) -> list[Token]:
    return [
        t
        for t in frame.tokens
        if is_cue(t) and not is_naming_use(t) and not _inside_quote(t, spans)
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


def _speaker(cue: Token, frame: Frame, spans: list[QuoteSpan], index: EntityIndex) -> Resolution:
    """The resolved speaker of ``cue`` in ``frame``, the words beside the quote. Only a cue
    that opens the frame ("…,” said the mayor", "Added Smith: “…”") may have its speaker after
    it; elsewhere a noun after the cue is what is spoken of ("described his plan as “…”")."""
    inverted = opens(frame, cue)
    tok = agent(cue) or speaker_token(cue, inverted)
    if tok is None or _inside_quote(tok, spans):
        tok = (
            left_noun(cue, frame, index)
            or (right_noun(cue) if inverted else None)
            or sentence_subject(cue, spans)
        )
        if tok is None:
            return Resolution()
    stop = frame.tokens[0].i if frame.tokens else 0
    return resolve(index, tok, stop)


def _name_in(frame: Frame, index: EntityIndex, skip: int = 0) -> Resolution | None:
    """The named speaker of a verbless frame (colon and dash forms).

    A person wins over other names ("Harbour master Ruth Lindqvist:"); otherwise the first name.
    """
    tokens = frame.tokens[skip:]
    people = [t for t in tokens if (hit := index.entity_at(t)) and hit[0].label == "PERSON"]
    for t in people[:1] or tokens:
        if not t.text[:1].isupper():
            continue
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
    # Only the words up to the first comma name the speaker ("– the police, in a message ...").
    stops = [t.idx for t in after.tokens if t.idx >= m.end() and t.text in ",;("]
    if stops:
        words = [w for w in words if w.idx < stops[0]]
    if not words or len(words) > 12 or any(is_cue(w) for w in words):
        return None
    name_frame = Frame([t for t in after.tokens if t.idx >= m.end()], False)
    res = _described(words, index) or _name_in(name_frame, index)
    return Attribution(res, m.group(1)) if res is not None else None


MAX_DESCRIPTION_WORDS = 4
COLON_NAME_WORDS = 6  # at most this many words between a dash and a colon name a speaker


def _described(words: list[Token], index: EntityIndex) -> Resolution | None:
    """A short description after a dash, a common noun with its modifiers ("– Portmere
    police", "– a council spokesman"), resolved like any description. None for a name
    ("– Vitali Klitschko") or a name after the noun ("– a spokesman for Northline Energy")."""
    if not words or len(words) > MAX_DESCRIPTION_WORDS:
        return None
    ids = {w.i for w in words}
    heads = [w for w in words if w.head.i not in ids or w.head.i == w.i]
    if len(heads) != 1 or heads[0].pos_ != "NOUN":
        return None
    head = heads[0]
    if any(w.i > head.i and w.text[:1].isupper() for w in words):
        return None
    res = resolve(index, head, words[0].i)
    return res if res.name else None


def _colon_form(before: Frame, spans: list[QuoteSpan], index: EntityIndex) -> Attribution | None:
    dashes = [k for k, t in enumerate(before.tokens)
              if t.text in ("-", "–", "—") and (t.whitespace_ or t.text != "-")]
    if dashes:
        # "HEADLINE OF A DIGEST ITEM - Jane Roe: “…”": the name after the last dash
        tail = before.tokens[dashes[-1] + 1 :]
        words = [t for t in tail if not (t.is_punct or t.is_space)]
        if 0 < len(words) <= COLON_NAME_WORDS and not any(t.pos_ == "VERB" for t in words):
            res = _name_in(Frame(tail, False), index)
            if res is not None and res.name:
                return Attribution(res, ":")
    verbs = [
        t
        for t in before.tokens
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj",) for c in t.children)
    ]
    if verbs:
        # the main clause introduces the quote ("The court ruled, finding that the prorogation
        # was unlawful: “…”" is the court's), not a clause inside it
        named = [v for v in verbs if any(
            c.dep_ == "nsubj" and (is_propn(c) or c.pos_ == "PRON" or index.entity_at(c))
            for c in v.children)]
        v = min(reversed(named or verbs), key=_depth)
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
    label = _transcript_label(q, text, index)
    if label is not None:
        return Attribution(label, ":", "direct", labelled=True)
    before_cues = _cues(before, spans)
    if before.ends_with_colon:
        if before_cues:
            c = before_cues[-1]
            return Attribution(_speaker(c, before, spans, index), cue_text(c), kind)
        colon = _colon_form(before, spans, index)
        if colon is not None and colon.cue == ":":
            # a verbless label ("ANALYST'S TAKE: “…,” Jane Roe said") yields to a speech cue
            named = _after_cue(q, text, after, spans, index, kind)
            if named is not None and named.resolution.name:
                return named
        return colon
    dash = _dash_form(q, text, after, index)
    if dash is not None:
        return dash
    att = _after_cue(q, text, after, spans, index, kind)
    if att is not None:
        return att
    if before_cues:
        c = _outer_cue(before_cues, q, before)
        return Attribution(_speaker(c, before, spans, index), cue_text(c), kind)
    return None


def _after_cue(
    q: QuoteSpan, text: str, after: Frame, spans: list[QuoteSpan], index: EntityIndex, kind: str
) -> Attribution | None:
    """The attribution by a speech cue after the quote ("“…,” she said"), unless that cue
    begins a new statement of its own ("“…”. He said the plan ...")."""
    after_cues = _cues(after, spans)
    if not after_cues:
        return None
    c = after_cues[0]
    words = after.words
    if words and words[0].pos_ in ("CCONJ", "SCONJ") and words[0].i < c.i:
        # “…,” while Y noted / and Y said ...: a coordinated attribution of its own
        subj = speaker_token(c, False)
        if subj is not None and subj.i > words[0].i:
            return None
    ends_terminal = text[q.start : q.end].rstrip().endswith(TERMINAL)
    first = after.words[0].text if after.words else ""
    forward = after.to_quote and after.tokens[-1].text in (":", ",")
    # a cue with its own complement or object starts a statement of its own ("“…” Biden
    # praised the endorsement.")
    bare = not any(ch.dep_ in ("ccomp", "dobj") for ch in c.children)
    if (forward and ends_terminal) or (ends_terminal and not first[:1].islower() and not bare):
        return None
    return Attribution(_speaker(c, after, spans, index), cue_text(c), kind)


def _transcript_label(q: QuoteSpan, text: str, index: EntityIndex) -> Resolution | None:
    """An interview transcript line: “PENCE: Well, ...” is Pence's."""
    m = _LABEL_RE.match(text, q.start, q.end)
    if m is None:
        return None
    label = m.group(1)
    mention = Mention(m.start(1), m.end(1), label)
    last = label.split()[-1].lower()
    for ent in index.entities:
        if ent.label == "PERSON" and ent.name.split()[-1].lower() == last:
            return Resolution(ent.name, ent.id or None, mention, ent.label)
    return Resolution(label.title(), None, mention, "PERSON")


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _outer_cue(cues: list[Token], q: QuoteSpan, before: Frame) -> Token:
    """The cue a quote inside reported speech belongs to: the outermost one that governs it.

    "Smith mocked the claim, saying anybody who complains “is not ...”" is Smith's; a nested
    cue ("complains") only words what the outer speaker reports.
    """
    doc = cues[0].doc
    k = before.tokens[-1].i + 1 if before.tokens else cues[-1].i + 1
    while k < len(doc) and (doc[k].is_quote or doc[k].is_space):
        k += 1
    if k >= len(doc):
        return cues[-1]
    inner = doc[k]
    governing = [c for c in cues if c.left_edge.i <= inner.i <= c.right_edge.i and c.i < inner.i]
    if not governing:
        return cues[-1]
    best = min(governing, key=_depth)
    return best if speaker_token(best) is not None else cues[-1]


def loose_attribution(
    q: QuoteSpan,
    word: Token,
    text: str,
    frames: tuple[Frame, Frame],
    spans: list[QuoteSpan],
    index: EntityIndex,
) -> Attribution:
    """Attribute a quote through a reporting word of its sentence (see ``reporting_word``):
    the subject of a verb, the owner of a noun ("Smith's claim"), else the sentence subject."""
    tok: Token | None = None
    if word.pos_ in ("VERB", "AUX"):
        tok = speaker_token(word, inverted=opens(frames[1], word))
    else:
        tok = next((c for c in word.children if c.dep_ == "poss"), None)
        if tok is None:
            for c in word.children:
                if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                    tok = next((g for g in c.children if g.dep_ == "pobj"), None)
    sent = word.sent
    if tok is not None and inside(tok.idx, spans):
        tok = None
    if tok is None:
        root = sent.root
        tok = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if tok is not None and tok.dep_ == "nsubjpass":
            tok = None
    if tok is None:
        tok = sentence_subject(word, spans)
    kind = quote_kind(q, text, *frames)
    if tok is None or tok.pos_ not in ("PROPN", "NOUN", "PRON"):
        return Attribution(Resolution(), word.text, kind)
    return Attribution(resolve(index, tok, sent.start), word.text, kind)


def governing_attribution(
    q: QuoteSpan,
    text: str,
    frames: tuple[Frame, Frame],
    toks: list[Token],
    spans: list[QuoteSpan],
    index: EntityIndex,
) -> Attribution | None:
    """A quote with no speech cue whose own sentence has a named subject acting on it:
    "Kasich resisted: “…”", "He offered “my thoughts and prayers”" are the subject's words.

    The quote's governor is the verb outside the marks that its words hang from; the speaker
    is that verb's subject when it resolves to a name. Both stand in the quote's own sentence
    (its frames); ``toks`` are the quote's own tokens. None where no such verb or name is.
    """
    gov = governing_verb(toks)
    framed = {t.i for f in frames for t in f.tokens}
    if gov is None or gov.i not in framed:
        return None
    subj = speaker_token(gov, inverted=False)
    if subj is None or subj.i not in framed:
        return None
    res = resolve(index, subj, gov.sent.start)
    if not res.name or res.label not in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    return Attribution(res, gov.text, quote_kind(q, text, *frames))


def topic_speaker(q: QuoteSpan, doc_tokens: list[Token], index: EntityIndex) -> Attribution | None:
    """A quote standing on its own after a sentence about someone: that sentence's subject.

    "Sanders promised to stay in the race.\n\n“We are in till the last ballot is cast!”"
    ``doc_tokens`` are the tokens before the quote's opening mark, nearest last.
    """
    prev = next((t for t in reversed(doc_tokens) if not (t.is_space or t.is_quote)), None)
    if prev is None:
        return None
    root = prev.sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj" and not c.is_punct), None)
    if subj is None or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    if subj.pos_ == "PRON" and subj.lower_ not in ("he", "she"):
        return None
    res = resolve(index, subj, prev.sent.start)
    if res.label not in ("PERSON", None) or not res.name:
        return None
    return Attribution(res, None, "direct")
