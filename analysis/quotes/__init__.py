"""Quotes: quoted stretches of an article with their speaker, cue and kind.

Pipeline per doc: pair quote marks (``marks``), take each quote's attribution frames
(``frames``), find the speech cue and its grammatical speaker over the dependency parse
(``cues``, ``attribution``; transcript labels "PENCE: ..." name their speaker), resolve the
speaker to a named entity (``speakers``), drop scare quotes, titles and headline quotes
(``filters``; captions, teaser links and headlines cited with a byline too). A paragraph
ending in a colon introduces the quote that opens the next one ("Mayor Brill said:¶“…”").

A short quote with no cue of its own is kept when its sentence has a reporting word and a
name ("Smith's claim that ... “...”"), when a person is the subject of a clause it stands in
("She talks about “…”"), or when it is the term a naming verb gives ("refers to the levy as
“the harbour tax”"). A quote with no cue takes the named subject of the verb it hangs from
("Brand offered “…”"); the rest continue the previous speaker's, or else belong to the
subject of the sentence they follow.
"""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.doctext import doc_text
from analysis.model import Entity, Quote
from analysis.quotes.attribution import (
    Attribution,
    attribute,
    governing_attribution,
    loose_attribution,
    quote_kind,
    topic_speaker,
)
from analysis.quotes.filters import (
    is_cited_headline,
    is_heading,
    is_scare,
    is_sentence_like,
    is_title,
    naming_verb,
    person_verb,
    reporting_word,
)
from analysis.quotes.frames import FrameFinder
from analysis.quotes.marks import QuoteSpan, find_quote_spans, paragraphs
from analysis.quotes.speakers import EntityIndex, Resolution

__all__ = ["extract_quotes", "speaker_index"]

BARE_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
CONTINUATION_PARAS = 2  # a continuation may follow its speaker's quote by this many paragraphs
# A single quoted word in a reporting sentence is a label more often than a quote.
LOOSE_MIN_WORDS = 2
TOPIC_CHARS = 400  # how far back to look for the sentence an unattributed quote follows


def speaker_index(doc: Doc, entities: list[Entity]) -> EntityIndex:
    """The speaker-resolution index of ``doc`` (names inside quote marks are not antecedents),
    built once and shared by quotes and reported speech."""
    marks = [(q.open_mark, q.close_mark) for q in find_quote_spans(doc_text(doc))]
    return EntityIndex.build(doc, entities, marks)


def extract_quotes(
    doc: Doc, entities: list[Entity], index: EntityIndex | None = None
) -> list[Quote]:
    """Quotes of ``doc`` in article order (``doc.text`` is the article text); ``index`` is
    :func:`speaker_index` of the doc when the caller already has it."""
    try:
        return _extract(doc, entities, index)
    except Exception:  # noqa: BLE001 - one odd article must never stop the pipeline
        return []


def _extract(doc: Doc, entities: list[Entity], index: EntityIndex | None) -> list[Quote]:
    text = doc_text(doc)
    spans = find_quote_spans(text)
    if not spans:
        return []
    paras = paragraphs(text)
    finder = FrameFinder(doc)
    if index is None:
        marks = [(q.open_mark, q.close_mark) for q in spans]
        index = EntityIndex.build(doc, entities, marks)
    attrs: list[Attribution | None] = []
    keep: list[bool] = []
    for k, q in enumerate(spans):
        prev_q = spans[k - 1] if k and spans[k - 1].para == q.para else None
        next_q = spans[k + 1] if k + 1 < len(spans) and spans[k + 1].para == q.para else None
        ps, pe = paras[q.para]
        before = finder.before(q, prev_q.close_mark if prev_q else ps, prev_q is not None)
        after = finder.after(q, next_q.open_mark if next_q else pe, next_q is not None)
        att = attribute(q, text, before, after, spans, index)
        if att is None and not before.tokens and q.piece == 0 and q.para > 0:
            lead = finder.lead_in(paras[q.para - 1])
            if lead is not None:  # "Mayor Ann Brill said:¶“…”"
                att = attribute(q, text, lead, after, spans, index)
        if att is None and before.to_quote and attrs and attrs[-1] is not None:
            # "called him “X,” a “Y” and a “Z”": later quotes of one sentence share the cue
            kind = quote_kind(q, text, before, after)
            att = Attribution(attrs[-1].resolution, attrs[-1].cue, kind)
        attrs.append(att)
        toks = finder.tokens(q.start, q.end)
        if (
            is_title(before, text[q.start : q.end], toks, after)
            or is_heading(text, q, paras[q.para])
            or is_cited_headline(text, q)
            or is_scare(q, text, (before, after), toks, att is not None)
        ):
            keep.append(False)
            continue
        naming = naming_verb(toks, before.tokens + after.tokens) if att is None else None
        if (
            att is None
            and not is_sentence_like(finder, q, text, before, after)
            and naming is None
        ):
            loose = len(text[q.start : q.end].split()) >= LOOSE_MIN_WORDS
            word = (reporting_word(finder, q, spans) or person_verb(toks)) if loose else None
            if word is None:
                keep.append(False)
                continue
            att = attrs[-1] = loose_attribution(q, word, text, (before, after), spans, index)
        if att is None:
            att = attrs[-1] = governing_attribution(q, text, (before, after), toks, spans, index)
        if att is None and naming is not None:
            # a term with no named namer ("now called “…”"): nobody the article names said it
            attrs[-1] = Attribution(Resolution(), naming.text, quote_kind(q, text, before, after))
        keep.append(True)
    _share_chains(spans, attrs)
    topics = [
        topic_speaker(q, finder.tokens(max(0, q.open_mark - TOPIC_CHARS), q.open_mark), index)
        if ok and a is None
        else None
        for q, a, ok in zip(spans, attrs, keep, strict=True)
    ]
    later = _later_in_paragraph(spans, attrs, keep, index, [
        not text[paras[q.para][0] : q.open_mark].strip() for q in spans])
    return _assemble(text, spans, attrs, keep, topics, later)


def _share_chains(spans: list[QuoteSpan], attrs: list[Attribution | None]) -> None:
    """Pieces of one multi-paragraph quote share the attribution any piece has.

    A piece opened by a transcript label ("PENCE: ...") changes the speaker for the pieces
    after it.
    """
    by_chain: dict[int, Attribution] = {}
    for q, a in zip(spans, attrs, strict=True):
        if a is not None and q.chain not in by_chain:
            by_chain[q.chain] = a
    for k, q in enumerate(spans):
        a = attrs[k]
        if a is not None and a.labelled:
            by_chain[q.chain] = a
            continue
        a = by_chain.get(q.chain)
        if a is not None and (attrs[k] is None or q.piece > 0):
            attrs[k] = Attribution(a.resolution, a.cue, "continuation" if q.piece else a.kind)


def _later_in_paragraph(
    spans: list[QuoteSpan], attrs: list[Attribution | None], keep: list[bool],
    index: EntityIndex, opens: list[bool],
) -> list[Attribution | None]:
    """For a quote that opens its paragraph, the attribution of the paragraph's next quote
    when that one has its own and no one is named between the two (“Q1.” ... “Q2,” said X)."""
    out: list[Attribution | None] = [None] * len(spans)
    for k in range(len(spans) - 1):
        q, nxt = spans[k], spans[k + 1]
        if not opens[k]:
            continue
        a = attrs[k + 1]
        if (a is None or not keep[k + 1] or nxt.para != q.para or nxt.chain == q.chain
                or a.kind == "continuation"):
            continue
        if not index.named_between(q.close_mark, nxt.open_mark):
            out[k] = a
    return out


def _assemble(
    text: str,
    spans: list[QuoteSpan],
    attrs: list[Attribution | None],
    keep: list[bool],
    topics: list[Attribution | None],
    later: list[Attribution | None],
) -> list[Quote]:
    out: list[Quote] = []
    last: tuple[QuoteSpan, Attribution] | None = None
    for q, a, ok, topic, own in zip(spans, attrs, keep, topics, later, strict=True):
        if not ok:
            continue
        if a is None and own is not None:
            # “Q1.” ... “Q2,” said X: the paragraph's own attribution, not the last speaker's
            a = Attribution(own.resolution, own.cue, "continuation")
        if a is None and last is not None and q.para - last[0].para <= CONTINUATION_PARAS:
            a = Attribution(last[1].resolution, last[1].cue, "continuation")
        if a is None:
            a = topic
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
