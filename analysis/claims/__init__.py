"""Claims: reported speech without quote marks, each with its source, cue and content.

Per doc: every claim cue outside quote marks (``cues``) is read in the form its parse shows
(``content``: a clausal complement, a parenthetical cue, "according to", a passive); the source
is found and resolved with the quote machinery (``analysis.quotes.cues.speaker_token`` and
``analysis.quotes.speakers.resolve``, the same entity index), so "he" and "the ministry" become
names exactly as for quotes. A claim whose content is a direct quote is not emitted (the quote
says it verbatim); a partial quote inside a claim stays a quote and the claim covers it.
Numbers take the speaker of the quote or claim they stand in (``sources``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.claims.bounds import participle_owner
from analysis.claims.content import find_sites
from analysis.claims.cues import is_claim_cue
from analysis.claims.kinds import SPEECH_ONLY_FORMS, claim_kind
from analysis.claims.nouns import is_noun_cue, noun_sites
from analysis.claims.site import Site
from analysis.claims.sources import assign_sources
from analysis.doctext import doc_text
from analysis.model import Claim, Quote
from analysis.quotes.cues import NOT_SPEAKERS, cue_text, speaker_token
from analysis.quotes.speakers import EntityIndex, Resolution, resolve

__all__ = ["assign_sources", "extract_claims"]

BARE_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
# A claim this much inside quote marks repeats the quote (which says it verbatim).
QUOTED_SHARE = 0.5


def extract_claims(doc: Doc, index: EntityIndex, quotes: list[Quote]) -> list[Claim]:
    """Claims of ``doc`` in article order; ``quotes`` are its quotes (never repeated)."""
    try:
        return _extract(doc, index, quotes)
    except Exception:  # noqa: BLE001 - one odd article must never stop the pipeline
        return []


def _extract(doc: Doc, index: EntityIndex, quotes: list[Quote]) -> list[Claim]:
    text = doc_text(doc)
    marked = [(q.start - 1, q.end + 1, q.kind) for q in quotes]
    seen: set[tuple[int, int]] = set()
    found: list[tuple[Token, Claim]] = []
    for tok in doc:
        if _within(tok.idx, marked):
            continue
        if is_claim_cue(tok):
            sites = find_sites(tok)
        elif is_noun_cue(tok):
            sites = noun_sites(tok)
        else:
            continue
        for site in sites:
            start, end = doc[site.lo].idx, doc[site.hi].idx + len(doc[site.hi].text)
            if (start, end) in seen or _repeats(start, end, marked):
                continue
            seen.add((start, end))
            kind = claim_kind(site)
            if kind != "speech" and site.form in SPEECH_ONLY_FORMS:
                continue
            r = _source(site, index)
            name = r.name if r.name and r.name.lower() not in BARE_PRONOUNS else None
            claim = Claim(start, end, text[start:end], name, r.entity, r.mention, cue_text(tok),
                          kind)
            found.append((tok, claim))
    out = [c for tok, c in found if not _nested(tok, c, found)]
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _nested(cue: Token, claim: Claim, found: list[tuple[Token, Claim]]) -> bool:
    """The cue stands inside another claim's content ("X said he believes Y"): the inner
    attribution is part of what the outer source claims, not a claim of its own."""
    return any(other is not cue and c.start <= cue.idx < c.end for other, c in found)


def _within(pos: int, marked: list[tuple[int, int, str]]) -> bool:
    return any(s <= pos < e for s, e, _ in marked)


def _repeats(start: int, end: int, marked: list[tuple[int, int, str]]) -> bool:
    """The claim's content is mostly quoted words: the quote already gives it."""
    quoted = sum(max(0, min(e, end) - max(s, start)) for s, e, _ in marked)
    return quoted >= QUOTED_SHARE * max(1, end - start)


def _source(site: Site, index: EntityIndex) -> Resolution:
    """The resolved source of an attribution: the "by"/"according to" object or the cue's
    speaker as for a quote; never a word of the content itself, except in a relative clause
    that holds its own cue ("which officials believe will ...")."""
    cue = site.cue
    tok: Token | None = site.source
    if tok is None and not site.passive:
        owner = participle_owner(cue)
        tok = speaker_token(owner or cue, inverted=owner is None and site.hi < cue.i)
    if tok is None or tok.ent_type_ in NOT_SPEAKERS or _in_content(tok, site):
        return Resolution()
    stop = site.hi + 1 if site.hi < tok.i else tok.sent.start
    return resolve(index, tok, stop)


def _in_content(tok: Token, site: Site) -> bool:
    inside = site.lo <= tok.i <= site.hi
    return inside and not (tok.i < site.cue.i < site.hi)
