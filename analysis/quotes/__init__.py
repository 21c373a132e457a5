"""Quotes: quoted stretches of an article with their speaker, cue and kind.

Pipeline per doc: pair quote marks (``marks``), take each quote's attribution frames
(``frames``), find the speech cue and its grammatical speaker over the dependency parse
(``cues``), resolve the speaker to a named entity (``speakers``), drop scare quotes and titles
(``filters``), and let unattributed quotes continue the previous speaker's.
"""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.model import Entity, Quote
from analysis.quotes.attribution import Attribution, attribute, quote_kind
from analysis.quotes.filters import is_sentence_like, is_title
from analysis.quotes.frames import FrameFinder
from analysis.quotes.marks import QuoteSpan, find_quote_spans, paragraphs
from analysis.quotes.speakers import EntityIndex

__all__ = ["extract_quotes"]

BARE_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
CONTINUATION_PARAS = 2  # a continuation may follow its speaker's quote by this many paragraphs


def extract_quotes(doc: Doc, entities: list[Entity]) -> list[Quote]:
    """Quotes of ``doc`` in article order (``doc.text`` is the article text)."""
    try:
        return _extract(doc, entities)
    except Exception:  # noqa: BLE001 - one odd article must never stop the pipeline
        return []


def _extract(doc: Doc, entities: list[Entity]) -> list[Quote]:
    text = doc.text
    spans = find_quote_spans(text)
    if not spans:
        return []
    paras = paragraphs(text)
    finder = FrameFinder(doc)
    index = EntityIndex.build(doc, entities, [(q.open_mark, q.close_mark) for q in spans])
    attrs: list[Attribution | None] = []
    keep: list[bool] = []
    for k, q in enumerate(spans):
        prev_q = spans[k - 1] if k and spans[k - 1].para == q.para else None
        next_q = spans[k + 1] if k + 1 < len(spans) and spans[k + 1].para == q.para else None
        ps, pe = paras[q.para]
        before = finder.before(q, prev_q.close_mark if prev_q else ps, prev_q is not None)
        after = finder.after(q, next_q.open_mark if next_q else pe, next_q is not None)
        att = attribute(q, text, before, after, spans, index)
        if att is None and before.to_quote and attrs and attrs[-1] is not None:
            # "called him “X,” a “Y” and a “Z”": later quotes of one sentence share the cue
            att = Attribution(attrs[-1].resolution, attrs[-1].cue, quote_kind(q, text, before, after))
        attrs.append(att)
        if is_title(before, text[q.start : q.end]):
            keep.append(False)
            continue
        keep.append(att is not None or is_sentence_like(finder, q, text, before, after))
    _share_chains(spans, attrs)
    return _assemble(text, spans, attrs, keep)


def _share_chains(spans: list[QuoteSpan], attrs: list[Attribution | None]) -> None:
    """Pieces of one multi-paragraph quote share the attribution any piece has."""
    by_chain: dict[int, Attribution] = {}
    for q, a in zip(spans, attrs, strict=True):
        if a is not None and q.chain not in by_chain:
            by_chain[q.chain] = a
    for k, q in enumerate(spans):
        a = by_chain.get(q.chain)
        if a is not None and (attrs[k] is None or q.piece > 0):
            attrs[k] = Attribution(a.resolution, a.cue, "continuation" if q.piece else a.kind)


def _assemble(
    text: str, spans: list[QuoteSpan], attrs: list[Attribution | None], keep: list[bool]
) -> list[Quote]:
    out: list[Quote] = []
    last: tuple[QuoteSpan, Attribution] | None = None
    for q, a, ok in zip(spans, attrs, keep, strict=True):
        if not ok:
            continue
        if a is None and last is not None and q.para - last[0].para <= CONTINUATION_PARAS:
            a = Attribution(last[1].resolution, last[1].cue, "continuation")
        if a is None:
            out.append(Quote(q.start, q.end, text[q.start : q.end], "direct"))
            last = None
            continue
        r = a.resolution
        name = r.name if r.name and r.name.lower() not in BARE_PRONOUNS else None
        out.append(
            Quote(q.start, q.end, text[q.start : q.end], a.kind, name, r.entity, r.mention, a.cue)
        )
        if r.name or r.mention:
            last = (q, a)
    return out
