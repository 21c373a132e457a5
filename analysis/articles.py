"""Turn raw article text into an Article: id, title, dateline and publication date."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from analysis.model import Article
from analysis.months import MONTHS
from analysis.titles import display_title, reads_as_headline

# Longest first, so "January" is matched whole rather than as "Jan".
_MONTHS = "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+"
# A paragraph that is only a date: "Friday, January 4, 2019" or "4 January 2019".
_DATE_LINE = re.compile(
    rf"^\s*(?:{_WEEKDAY})?(?:(?P<m1>{_MONTHS})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS})\.?,?\s+(?P<y2>\d{{4}}))\s*$"
)
# "KYIV -", "LONDON (Reuters) -", "WASHINGTON, D.C. —": an upper-case place, an optional
# agency in brackets, then a dash, at the start of the first body paragraph.
_PLACE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?:[ ][A-Z][A-Z'’.\-]+){0,3}"
    r"(?:,[ ][A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+)?)?)"
    r"[ ]*(?:\([^()\n]{1,40}\)[ ]*)?[-–—]{1,2}[ ]+"
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def text_id(text: str) -> str:
    """The id of an article that has none of its own: the start of the SHA-1 of its text."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def parse_date_line(line: str) -> str | None:
    """ISO date of a paragraph that is only a date ("Friday, January 4, 2019"), else None."""
    m = _DATE_LINE.match(line)
    if not m:
        return None
    month = m.group("m1") or m.group("m2")
    day = int(m.group("d1") or m.group("d2"))
    year = int(m.group("y1") or m.group("y2"))
    try:
        return date(year, MONTHS[month.lower()], day).isoformat()
    except (KeyError, ValueError):
        return None


def normalise_date(value: object) -> str | None:
    """An ISO date from a metadata value ("2019-01-04T10:00:00Z", "January 4, 2019"), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO_DATE.match(value.strip())
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    return parse_date_line(value)


def _paragraphs(text: str, limit: int = 3) -> list[tuple[int, str]]:
    """The first ``limit`` non-empty lines of text with their start offsets."""
    out: list[tuple[int, str]] = []
    pos = 0
    length = len(text)
    while pos <= length and len(out) < limit:
        end = text.find("\n", pos)
        end = length if end < 0 else end
        line = text[pos:end]
        if line.strip():
            out.append((pos, line))
        pos = end + 1
    return out


def make_article(
    text: str,
    path: str,
    *,
    source_id: object = None,
    title: object = None,
    date_value: object = None,
    url: object = None,
    title_in_text: bool = True,
) -> Article:
    """Build an Article: its title, dateline and publication date.

    With ``title_in_text`` and no ``title`` given, the first non-empty line is the title when
    it reads as a headline (:func:`analysis.titles.reads_as_headline`); otherwise the whole
    text is body and the title shown is derived from the first sentence. A given ``title``
    that the text repeats as its first line is not read as body.
    """
    paragraphs = _paragraphs(text)
    body = paragraphs
    given = title.strip() if isinstance(title, str) and title.strip() else None
    if given and paragraphs and paragraphs[0][1].strip().lstrip("#").strip() == given:
        body = paragraphs[1:]
    elif title_in_text and paragraphs and not given and _headline_first(paragraphs):
        given = paragraphs[0][1].strip().lstrip("#").strip() or None
        body = paragraphs[1:]
    iso_date = normalise_date(date_value)
    dateline = None
    dateline_span = None
    for offset, line in body[:2]:
        line_date = parse_date_line(line)
        if line_date:
            iso_date = iso_date or line_date
            continue
        m = _PLACE_DATELINE.match(line)
        if m and len(m.group("place").replace(" ", "")) >= 2:
            dateline = m.group("place")
            dateline_span = (offset + m.start("place"), offset + m.end("place"))
            line = line[m.end() :]
        if not given:
            given = display_title(line) or None
        break
    article_id = str(source_id) if source_id not in (None, "") else text_id(text)
    return Article(
        id=article_id,
        path=path,
        text=text,
        title=given,
        dateline=dateline,
        date=iso_date,
        url=url if isinstance(url, str) and url else None,
        dateline_span=dateline_span,
    )


def _opens_with_dateline(line: str) -> bool:
    m = _PLACE_DATELINE.match(line)
    return bool(m and len(m.group("place").replace(" ", "")) >= 2)


def _headline_first(paragraphs: list[tuple[int, str]]) -> bool:
    """Whether the first of a text's opening paragraphs is its headline."""
    first = paragraphs[0][1]
    following = paragraphs[1][1] if len(paragraphs) > 1 else None
    return reads_as_headline(
        first,
        following,
        opens_with_dateline=_opens_with_dateline(first),
        is_date=parse_date_line(first) is not None,
        next_opens_with_dateline=following is not None and _opens_with_dateline(following),
        next_is_date=following is not None and parse_date_line(following) is not None,
    )
