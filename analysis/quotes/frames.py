"""Attribution frames: the words of a quote's own sentence before and after its marks."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from analysis.quotes.cues import TERMINATORS
from analysis.quotes.marks import QuoteSpan


@dataclass(slots=True)
class Frame:
    """Tokens beside a quote, up to the sentence edge, another quote or the paragraph edge."""

    tokens: list[Token]
    to_quote: bool  # runs up to another quote (no sentence break in between)

    @property
    def text(self) -> str:
        return "".join(t.text_with_ws for t in self.tokens).strip()

    @property
    def ends_with_colon(self) -> bool:
        return bool(self.tokens) and self.tokens[-1].text == ":"

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if not (t.is_punct or t.is_space)]


GOVERNOR_STEPS = 3  # how far above a quote's own words its governing verb may be


def governing_verb(toks: list[Token]) -> Token | None:
    """The verb outside a quote's marks that the quoted words hang from ("offered “…”",
    "called “…”"), at most a few steps up the parse; None when there is none."""
    ids = {t.i for t in toks}
    head = next((t.head for t in toks if t.head.i not in ids and not t.head.is_punct), None)
    for _ in range(GOVERNOR_STEPS + 1):
        if head is None or head.pos_ in ("VERB", "AUX"):
            return head
        head = head.head if head.head.i != head.i else None
    return None


class FrameFinder:
    """Token lookups by character offset for one doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = doc.to_array(IDX).tolist()  # token starts, without Token objects

    def tokens(self, a: int, b: int) -> list[Token]:
        """Tokens starting in [a, b)."""
        i = bisect.bisect_left(self.starts, a)
        j = bisect.bisect_left(self.starts, b)
        return [self.doc[k] for k in range(i, j)]

    def after(self, q: QuoteSpan, limit: int, to_quote: bool) -> Frame:
        """From the closing mark to the first sentence break (or ``limit``)."""
        out: list[Token] = []
        for t in self.tokens(q.close_mark, limit):
            if t.is_space and "\n" in t.text:
                return Frame(out, False)
            if t.is_quote and not out:
                continue  # a closing mark glued to the token stream
            out.append(t)
            if t.text in TERMINATORS:
                return Frame(out, False)
        return Frame(out, to_quote)

    def before(self, q: QuoteSpan, limit: int, to_quote: bool) -> Frame:
        """From the last sentence break (or ``limit``) to the opening mark."""
        toks = self.tokens(limit, q.open_mark)
        cut = 0
        for k, t in enumerate(toks):
            if t.text in TERMINATORS or (t.is_space and "\n" in t.text):
                cut = k + 1
                to_quote = False
        toks = [t for t in toks[cut:] if not (t.is_quote and t.idx >= q.open_mark - 2)]
        return Frame(toks, to_quote)

    def lead_in(self, para: tuple[int, int]) -> Frame | None:
        """The last sentence of a paragraph that ends with a colon, as the frame before a quote
        that opens the next paragraph ("Mayor Ann Brill said:¶“…”"); None for other endings."""
        toks = [t for t in self.tokens(*para) if not t.is_space]
        if not toks or toks[-1].text != ":":
            return None
        cut = max((k + 1 for k, t in enumerate(toks) if t.text in TERMINATORS), default=0)
        return Frame(toks[cut:], False)
