"""The story a figure belongs to: its place, its time and its role (read at ingest, text only).

* **Place**: the places (GPE, LOC, FAC entities) named in the figure's clause, else its sentence
  ("five died in Lviv, three in Odesa": Lviv, Odesa), within what is said when the figure is in
  a quote or claim; "worldwide", "globally", "nationwide" are
  places too (a total of a larger area). A place written as an actor ("Ukraine's military") or
  inside who is speaking is no location. A figure with no place of its own *inherits* the
  article's: its dateline and the places of its opening lines.
* **Time**: the date nearest the figure in its clause, else its sentence (the extractor's date
  facts: "on Monday" is already a day), else the article's date (inherited).
* **Role**: what the figure is in its story. ``part`` ("six of the 31 dead", "2 of them",
  "five new cases", "six deaths were of children", "two cases were aged above 60"),
  ``forecast`` ("could kill 32,000", "dozens feared dead"), ``earlier`` ("up from 14",
  "than 20"), ``update`` ("rose to 58", a change "from 14 to 31"), else ``""``: the story's
  count as given at that time. Parts, forecasts and earlier values are never compared; an
  update is not compared with other figures of its own article (it
  supersedes them: a timeline, not a dispute).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from analysis.corpus.measure import clause_bounds, sentence_bounds
from analysis.model import Analysis, Article, NumberFact

# How many days after an event a report of it is still of that time.
EVENT_DAYS = 3
PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
# Pseudo-places for totals of a larger area (negative so they never clash with a name id).
WIDE_PLACES = {"world": -1, "nation": -2}
_WIDE = re.compile(
    r"\b(?:(?P<world>worldwide|globally|(?-i:world)(?:'s|’s)?|around the globe|"
    r"across the globe|(?-i:internationally))|(?P<nation>nationwide|nationally|across the country|"
    r"country-wide|countrywide))\b", re.IGNORECASE)
# How far into the article its opening lines reach (their places are the article's).
LEAD_CHARS = 400
# A bare year is a figure's time after these words ("in 2018 there were ...").
_YEAR_TIME = re.compile(r"\b(?:in|during|since|by|for|throughout|until|through|as of)\s+$",
                        re.IGNORECASE)
_POSSESSIVE = re.compile(r"^['’]s?\b")
_PART_AFTER = re.compile(
    r"^\s+(?:of|among)\s+(?:the|them|those|these|whom|which|us|you)\b"
    r"|^(?:\s+[a-z][\w-]*)?\s+(?:were|was|are|is)\s+(?:of|among)\b"
    r"|^(?:\s+[a-z][\w-]*)?(?:\s+(?:were|was|are|is|who|of))*\s+(?:aged|age[sd]?\b|"
    r"over the age|under the age|between the ages)"
    r"|^\s+(?:new|more|additional|further|active|recovered|suspected|probable|daily|other|"
    r"remaining|critically|seriously|severely)\b", re.IGNORECASE)
_PART_BEFORE = re.compile(
    r"\b(?:including|includ\w+ (?:at least )?|of whom|of which|among them|among whom|"
    r"among those|another|an additional|a further)\s*$", re.IGNORECASE)
_EARLIER_BEFORE = re.compile(
    r"\b(?:up|down|from|than|compared (?:with|to)|previous(?:ly)?|earlier|versus|vs\.?|"
    r"last (?:year|week|month)(?:'s|’s)?)\s*$", re.IGNORECASE)
_FORECAST = re.compile(
    r"\b(?:would|could|might|(?-i:may|will)|fear\w*|forecast\w*|project\w*|predict\w*|expect\w*|"
    r"model(?:s|ed|led|ing)?|scenario\w*|potential(?:ly)?|possibl[ey]|if|unless|estimat\w+ "
    r"(?:that )?\w+ (?:could|would|will|might))\b", re.IGNORECASE)
_UPDATE_BEFORE = re.compile(
    r"\b(?:r[io]sen?|rising|climb\w*|increas\w*|jump\w*|reach\w*|gr[eo]wn?|swell\w*|"
    r"swollen|revis\w*|rais\w*|bring\w*|brought|now|updated)\b[^.;:]{0,40}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Story:
    """Where and when a figure is, and its role (see the module docstring)."""

    places: tuple[int, ...]  # name ids of its places, first named first (``WIDE_PLACES``: areas)
    own_place: bool  # False: inherited from the article
    when: str | None  # ISO date (or year, or month) of its time
    own_when: bool  # False: the article's date
    role: str  # "", "part", "forecast", "earlier", "update"


class ArticleContext:
    """What every figure of one article needs: its place mentions, date facts and lead places."""

    def __init__(self, article: Article, analysis: Analysis, nid_of) -> None:
        text = article.text
        spoken = [(f.speaker_mention.start, f.speaker_mention.end)
                  for f in (*analysis.quotes, *analysis.claims) if f.speaker_mention]
        # What is said: a figure inside a quote or claim takes its place from what is said,
        # not from who says it ("a spokesman for the Lagos hospital said at least 20 ...").
        self.said = [(f.start, f.end) for f in (*analysis.quotes, *analysis.claims)]
        self.places: list[tuple[int, int]] = []  # (start, nid), in text order
        for ent in analysis.entities:
            if ent.label not in PLACE_LABELS:
                continue
            nid = nid_of(ent.name)
            if nid is None:
                continue
            for m in ent.mentions:
                if _POSSESSIVE.match(text[m.end:m.end + 3]):
                    continue  # "Ukraine's military": an actor, not where it happened
                if any(a <= m.start < b for a, b in spoken):
                    continue
                self.places.append((m.start, nid))
        self.places.sort()
        self.dates: list[tuple[int, str]] = []
        for n in analysis.numbers:
            if n.kind != "date" or not isinstance(n.value, str) or not n.value:
                continue
            iso = _resolve(n.value, article.date)
            if len(iso) == 4 and not _YEAR_TIME.search(text, max(0, n.start - 12), n.start):
                continue  # "the 1973 building" is no time of a figure; "in 2018" is
            self.dates.append((n.start, iso))
        lead = {nid for start, nid in self.places if start < LEAD_CHARS}
        if article.dateline and (dl := nid_of(article.dateline)) is not None:
            lead.add(dl)
        self.lead = tuple(sorted(lead))
        self.article = article

    def story(self, n: NumberFact) -> Story:
        """The story of the number fact ``n`` of this article."""
        text = self.article.text
        cs, ce = clause_bounds(text, n.start, n.end)
        ss, se = sentence_bounds(text, n.start, n.end)
        said = next(((a, b) for a, b in self.said if a <= n.start and n.end <= b), None)
        if said is not None:
            cs, ce, ss, se = max(cs, said[0]), min(ce, said[1]), max(ss, said[0]), min(se, said[1])
        places = self._places_in(cs, ce) or self._places_in(ss, se)
        own = bool(places)
        when = self._date_near(n, cs, ce) or self._date_near(n, ss, se)
        return Story(tuple(places) if own else self.lead, own,
                     when or self.article.date, bool(when), role_of(text, n, cs, ce, ss))

    def _places_in(self, start: int, end: int) -> list[int]:
        """The places named in ``text[start:end]``, in the order they are named."""
        found = [(at, nid) for at, nid in self.places if start <= at < end]
        found += [(m.start(), WIDE_PLACES[m.lastgroup or "world"])
                  for m in _WIDE.finditer(self.article.text, start, end)]
        return list(dict.fromkeys(nid for _, nid in sorted(found)))

    def _date_near(self, n: NumberFact, start: int, end: int) -> str | None:
        best: tuple[int, str] | None = None
        for at, iso in self.dates:
            if start <= at < end and at != n.start:
                gap = abs(at - n.start)
                if best is None or gap < best[0]:
                    best = (gap, iso)
        return best[1] if best else None


def _resolve(iso: str, article_date: str | None) -> str:
    """ "--02-24" takes the article's year."""
    if iso.startswith("--") and article_date and len(article_date) >= 4:
        return article_date[:4] + iso[1:]
    return iso


def role_of(text: str, n: NumberFact, clause_start: int, clause_end: int,
            sentence_start: int) -> str:
    """The figure's role in its story: "", "part", "forecast", "earlier" or "update"."""
    after = text[n.end:min(clause_end, n.end + 40)]
    before = text[max(clause_start, n.start - 40):n.start]
    if _FORECAST.search(text, clause_start, clause_end):
        return "forecast"
    if _PART_AFTER.match(after) or _PART_BEFORE.search(before):
        return "part"
    lead = text[sentence_start:n.start]
    # "Of the 31 dead, six were firefighters": a part when it is not the whole itself.
    if (re.match(r"\s*of\b", lead, re.IGNORECASE)
            and not re.match(r"\s*of\s+(?:the\s+)?$", lead, re.IGNORECASE)):
        return "part"
    if _EARLIER_BEFORE.search(before):
        return "earlier"
    if n.value_from is not None or _UPDATE_BEFORE.search(before):
        return "update"
    return ""


def same_when(a: str | None, b: str | None) -> bool:
    """Two times agree when one is as precise as the other or a prefix of it ("2019-01")."""
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def same_time(a_when: str | None, a_own: bool, b_when: str | None, b_own: bool) -> bool:
    """Two figures' times agree: both the article's, or agreeing dates. A figure with a time of
    its own agrees with one dated by its article only when the article's date is known and
    agrees with it, or is at most ``EVENT_DAYS`` after it (an event "on Sunday" reported on
    Tuesday); "in 2018 there were ..." is another time than an undated article's now."""
    if not a_own and not b_own:
        return True
    if a_own and b_own:
        return same_when(a_when, b_when)
    own, report = (a_when, b_when) if a_own else (b_when, a_when)
    if own is None or report is None:
        return False
    if same_when(own, report):
        return True
    try:
        gap = (date.fromisoformat(report[:10]) - date.fromisoformat(own[:10])).days
    except ValueError:
        return False
    return len(own) >= 10 and 0 <= gap <= EVENT_DAYS
