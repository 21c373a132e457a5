"""Quotation-mark pairing: find the stretches of text inside quote marks, paragraph by paragraph.

Works on the raw text (offsets are article offsets). Double marks (curly, straight, guillemets,
„ “, NYT-style '') are paired first; single marks are paired only outside double-quoted
stretches and only where they cannot be apostrophes or primes. Unbalanced marks never raise:
an opening mark followed by another before any closing mark quotes up to that mark; a dangling
opening mark either continues into the next paragraph (which opens with a mark) or is closed
at the end of its paragraph when enough text follows, otherwise it is dropped.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# Two straight apostrophes or two backticks act as a double mark (NYT house style, LaTeX).
_DOUBLE_RE = re.compile(r"''|``|‘‘|’’|‘’|[\"“”„‟«»]")
_PAIRED_SINGLES = frozenset({"''", "‘‘", "’’", "‘’"})
_SINGLE_RE = re.compile(r"[‘’'‹›]")
# Primes: 5' 10", 12" screen, 3" x 5".
_INCH_RE = re.compile(r"\d['’′]\s?\d+(?:\.\d+)?[\"”″]|\d(?:\.\d+)?[\"”″](?=\s?(?:x|by|-)\s?\d)")
# Elisions that start with an apostrophe: '90s, 'n', 'em, 'til, 'cause.
_ELISION_RE = re.compile(r"['’‘](?:\d\d?s?\b|\d\d\b|n['’]|em\b|til\b|cause\b|tis\b|twas\b)", re.I)
_PARA_RE = re.compile(r"[^\n]+")
# An HTML/XML tag left in the text: <tweet author="@someone" id="1">.
_TAG_RE = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>\n]{0,500})?/?>")

OPEN_ONLY = {"“", "„", "‟", "«", "``", "‘‘"}
CLOSE_ONLY = {"”", "»", "’’"}
_OPEN_LEFT = set(" \t\u00a0([{—–―-/") | {"“", "‘", "«", '"', "'"}
_CLOSE_RIGHT = set(" \t\u00a0)]}.,;:!?—–―-/…") | {"”", "’", "»", '"', "'"}
MIN_DANGLING_WORDS = 4


@dataclass(slots=True)
class QuoteSpan:
    """One quoted stretch: ``start``/``end`` exclude the marks; ``chain`` links paragraph pieces."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just past the closing mark (== end when there is none)
    para: int  # paragraph index
    chain: int  # pieces of one multi-paragraph quote share a chain id
    piece: int = 0  # 0 for the first piece of a chain
    single: bool = False  # paired single marks


def _context(text: str, start: int, end: int) -> tuple[bool, bool]:
    """(can open, can close) for a mark at text[start:end], judged from its neighbours."""
    left = _visible(text[start - 1]) if start > 0 else "\n"
    right = _visible(text[end]) if end < len(text) else "\n"
    can_open = (left in _OPEN_LEFT or left == "\n") and not right.isspace()
    can_close = not left.isspace() and (right in _CLOSE_RIGHT or right == "\n")
    return can_open, can_close


def _visible(ch: str) -> str:
    """An invisible format character (a direction mark, a zero-width space) reads as a space."""
    return " " if unicodedata.category(ch) == "Cf" else ch


def _blank(s: str) -> bool:
    """Nothing but spaces and invisible format characters."""
    return all(_visible(ch).isspace() for ch in s)


def _role(text: str, start: int, end: int) -> str:
    """'open', 'close' or 'either' for a double mark."""
    mark = text[start:end]
    can_open, can_close = _context(text, start, end)
    if mark in OPEN_ONLY:
        return "close" if can_close and not can_open and mark == "“" else "open"
    if mark in CLOSE_ONLY:
        return "open" if can_open and not can_close else "close"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _masked(text: str) -> set[int]:
    """Offsets of marks that are primes (inch marks) or markup attribute quotes, never quotes."""
    out: set[int] = set()
    for m in _INCH_RE.finditer(text):
        out.update(i for i in range(m.start(), m.end()) if text[i] in "'’′\"”″")
    if "<" in text:
        for m in _TAG_RE.finditer(text):
            out.update(i for i in range(m.start(), m.end()) if text[i] in "'\"“”‘’")
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of ``text`` as (start, end) offsets: the paragraphs quotes live in."""
    return [(m.start(), m.end()) for m in _PARA_RE.finditer(text) if m.group().strip()]


def _starts_with_open(text: str, para: tuple[int, int]) -> bool:
    s, e = _strip(text, *para)
    m = _DOUBLE_RE.match(text, s, e)
    return bool(m) and _role(text, m.start(), m.end()) in ("open", "either")


def _unclosed_lead(text: str, pending: tuple[int, int], nested: int) -> tuple[int, int] | None:
    """(start, end) of the text an opening mark quotes up to the next opening mark, when it
    never closed before it: ``tweeted: “Crowds wearing “Vote Lind” hats``, ``"PENCE: ... an
    episode of “Shark Tank.” ...``. A missing closing mark is likelier than a nested quote
    in the same marks; too few words for a statement give None."""
    s, e = _strip(text, pending[1], nested)
    return (s, e) if len(text[s:e].split()) >= MIN_DANGLING_WORDS else None


def find_double(text: str) -> list[QuoteSpan]:
    """Pair double quote marks paragraph by paragraph (multi-paragraph quotes become chains)."""
    masked = _masked(text)
    paras = paragraphs(text)
    spans: list[QuoteSpan] = []
    chain = -1
    carry: tuple[int, int] | None = None  # (chain id, piece number) of an open multi-para quote
    for pi, (ps, pe) in enumerate(paras):
        pending: tuple[int, int] | None = None  # (mark start, mark end)
        for m in _DOUBLE_RE.finditer(text, ps, pe):
            if m.start() in masked:
                continue
            role = _role(text, m.start(), m.end())
            if pending is None:
                # Nothing can close at a paragraph's start: a mark there opens (” … he said).
                if role != "close" or _blank(text[ps : m.start()]):
                    pending = (m.start(), m.end())
                continue
            if role == "open":
                outer = _unclosed_lead(text, pending, m.start())
                if outer is not None:
                    if carry is not None:
                        cid, piece = carry
                    else:
                        chain += 1
                        cid, piece = chain, 0
                    spans.append(QuoteSpan(*outer, pending[0], outer[1], pi, cid, piece))
                    carry = None
                pending = (m.start(), m.end())  # previous mark was unbalanced
                continue
            s, e = _strip(text, pending[1], m.start())
            if e > s:
                if carry is not None:
                    cid, piece = carry
                else:
                    chain += 1
                    cid, piece = chain, 0
                spans.append(QuoteSpan(s, e, pending[0], m.end(), pi, cid, piece))
            carry = None
            pending = None
        if carry is not None and pending is None:
            carry = None  # the continued quote never reopened here
        if pending is None:
            continue
        s, e = _strip(text, pending[1], pe)
        if e <= s:
            carry = None
            continue
        nxt = paras[pi + 1] if pi + 1 < len(paras) else None
        continues = nxt is not None and _starts_with_open(text, nxt)
        if not continues and len(text[s:e].split()) < MIN_DANGLING_WORDS:
            carry = None
            continue
        if carry is not None:
            cid, piece = carry
        else:
            chain += 1
            cid, piece = chain, 0
        spans.append(QuoteSpan(s, e, pending[0], e, pi, cid, piece))
        carry = (cid, piece + 1) if continues else None
    return spans


def _single_open(text: str, i: int) -> bool:
    if _ELISION_RE.match(text, i):
        return False
    can_open, _ = _context(text, i, i + 1)
    right = text[i + 1] if i + 1 < len(text) else ""
    return can_open and text[i] != "’" and (right.isalnum() or right in '“"…')


def _single_close(text: str, i: int) -> bool:
    _, can_close = _context(text, i, i + 1)
    left = text[i - 1] if i > 0 else ""
    return can_close and text[i] != "‘" and not left.isdigit()


def find_single(text: str, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    """Pair single marks in text outside the double-quoted spans (within one paragraph)."""
    inside = [(q.open_mark, q.close_mark) for q in taken]
    masked = _masked(text)
    out: list[QuoteSpan] = []
    for pi, (ps, pe) in enumerate(paragraphs(text)):
        opener: int | None = None
        for m in _SINGLE_RE.finditer(text, ps, pe):
            i = m.start()
            if i in masked or any(a <= i < b for a, b in inside):
                continue
            if text[i : i + 2] in _PAIRED_SINGLES or (
                i > 0 and text[i - 1 : i + 1] in _PAIRED_SINGLES
            ):
                continue
            if opener is None:
                if _single_open(text, i):
                    opener = i
                continue
            if _single_close(text, i):
                s, e = _strip(text, opener + 1, i)
                if e - s >= 2:
                    out.append(QuoteSpan(s, e, opener, i + 1, pi, -1, 0, single=True))
                opener = None
    return out


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quoted stretches of ``text`` in order; chains number multi-paragraph quotes."""
    doubles = find_double(text)
    singles = find_single(text, doubles)
    spans = sorted(doubles + singles, key=lambda q: q.start)
    # Renumber chains in text order; single-mark spans get their own chains.
    remap: dict[int, int] = {}
    for q in spans:
        key = q.chain if not q.single else -(q.start + 2)
        if key not in remap:
            remap[key] = len(remap)
        q.chain = remap[key]
    return spans


def inside(pos: int, spans: list[QuoteSpan]) -> bool:
    """True when offset ``pos`` lies within a span's marks (``spans`` sorted, not nested)."""
    k = bisect.bisect_right(spans, pos, key=lambda q: q.open_mark) - 1
    return k >= 0 and pos < spans[k].close_mark
