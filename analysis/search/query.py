"""Query parsing (free text and ``field:value`` filters) and the word tokenizer of the index."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from analysis.model import CLAIM_KINDS
from analysis.search.items import KINDS, SPOKEN

# Longest query text that is scored; the rest of a pasted essay adds nothing but time.
MAX_QUERY_CHARS = 2000
# The ``field:value`` filters a query may hold (the app's ``?`` help lists each with an example).
FILTERS = ("speaker", "kind", "label")
_FILTER = re.compile(rf'(?<!\S)({"|".join(FILTERS)}):(?:"([^"]*)"|(\S+))', re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Query:
    """A parsed query: free text plus filters (all lower-cased except ``text``)."""

    text: str
    kind: str | None = None  # the one kind searched, when only one can match
    kinds: tuple[str, ...] | None = None  # the kinds searched, when not all (kind: or speaker:)
    speaker: str | None = None
    label: str | None = None
    impossible: bool = False  # contradictory filters (kind:quote with --kind entity, kind:foo)
    words: list[str] = field(default_factory=list)

    @property
    def has_filters(self) -> bool:
        return bool(self.kinds or self.speaker or self.label)


def parse_query(raw: str, kind: str | None = None) -> Query:
    """Split ``raw`` into free text and ``speaker:``/``kind:``/``label:`` filters.

    A filter with an unknown kind makes the query impossible (no hits) rather than ignored;
    ``speaker:`` keeps quotes and claims, ``label:`` entities; ``kind:speech``, ``kind:belief``
    and ``kind:intent`` keep the claims of that kind (SPEC §2 ``claims[].kind``).
    """
    raw = raw or ""
    filters: dict[str, str] = {}
    for m in _FILTER.finditer(raw):
        filters[m.group(1).lower()] = (m.group(2) if m.group(2) is not None else m.group(3))
    text = _FILTER.sub(" ", raw).strip()[:MAX_QUERY_CHARS]
    q = Query(text=text, words=words(text))
    q.speaker = filters.get("speaker", "").strip().lower() or None
    q.label = filters.get("label", "").strip().lower() or None
    wanted = filters.get("kind", "").strip().lower() or None
    claim_kind = wanted if wanted in CLAIM_KINDS else None
    if claim_kind:  # "kind:belief": the claims of that kind (their label, see items)
        wanted = "claim"
    asked = {k for k in (kind, wanted) if k}
    allowed = set(asked) if asked else set(KINDS)
    if q.speaker:  # quotes and claims have speakers
        allowed &= set(SPOKEN)
    if q.label:
        allowed &= {"entity"}
    if claim_kind:
        q.label = claim_kind
    if len(asked) > 1 or not allowed or not asked <= set(KINDS):
        q.impossible = True
    if allowed != set(KINDS):
        q.kinds = tuple(k for k in KINDS if k in allowed)
        q.kind = q.kinds[0] if len(q.kinds) == 1 else None
    return q


def fold(text: str) -> str:
    """Lower-case and strip diacritics, as the index's unicode61 tokenizer does."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The index's words of ``text``: folded runs of letters and digits."""
    return _WORD.findall(fold(text))
