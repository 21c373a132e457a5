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

from analysis.claims.content import Site, find_site
from analysis.claims.cues import is_claim_cue
from analysis.claims.sources import assign_sources
from analysis.model import Claim, Quote
from analysis.quotes.cues import NOT_SPEAKERS, cue_text, speaker_token
from analysis.quotes.speakers import EntityIndex, Resolution, resolve

__all__ = ["assign_sources", "extract_claims"]

BARE_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
# A claim this much inside direct quotes repeats them; this much inside any quote is one.
DIRECT_SHARE = 0.5
QUOTED_SHARE = 0.9


def extract_claims(doc: Doc, index: EntityIndex, quotes: list[Quote]) -> list[Claim]:
    """Claims of ``doc`` in article order; ``quotes`` are its quotes (never repeated)."""
    try:
        return _extract(doc, index, quotes)
    except Exception:  # noqa: BLE001 - one odd article must never stop the pipeline
        return []


def _extract(doc: Doc, index: EntityIndex, quotes: list[Quote]) -> list[Claim]:
    marked = [(q.start - 1, q.end + 1, q.kind) for q in quotes]
    seen: set[tuple[int, int]] = set()
    out: list[Claim] = []
    for tok in doc:
        if not is_claim_cue(tok) or _within(tok.idx, marked):
            continue
        site = find_site(tok)
        if site is None:
            continue
        start, end = doc[site.lo].idx, doc[site.hi].idx + len(doc[site.hi].text)
        if (start, end) in seen or _repeats(start, end, marked):
            continue
        seen.add((start, end))
        r = _source(site, index)
        name = r.name if r.name and r.name.lower() not in BARE_PRONOUNS else None
        out.append(
            Claim(start, end, doc.text[start:end], name, r.entity, r.mention, cue_text(tok))
        )
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _within(pos: int, marked: list[tuple[int, int, str]]) -> bool:
    return any(s <= pos < e for s, e, _ in marked)


def _repeats(start: int, end: int, marked: list[tuple[int, int, str]]) -> bool:
    """The claim's content is (mostly) a direct quote, or wholly quoted words."""
    length = max(1, end - start)
    direct = quoted = 0
    for s, e, kind in marked:
        inter = min(e, end) - max(s, start)
        if inter > 0:
            quoted += inter
            if kind != "partial":
                direct += inter
    return direct >= DIRECT_SHARE * length or quoted >= QUOTED_SHARE * length


def _source(site: Site, index: EntityIndex) -> Resolution:
    """The resolved source of an attribution: the "by"/"according to" object or the cue's
    speaker as for a quote; never a word of the content itself."""
    cue = site.cue
    tok: Token | None = site.source
    if tok is None and not site.passive:
        tok = speaker_token(cue, inverted=site.hi < cue.i)
    if tok is None or site.lo <= tok.i <= site.hi or tok.ent_type_ in NOT_SPEAKERS:
        return Resolution()
    stop = site.hi + 1 if site.hi < tok.i else tok.sent.start
    return resolve(index, tok, stop)
