"""Readers for the input formats of SPEC §1: text, HTML, and files of records (JSON, JSONL, CSV).

Each reader turns decoded text into articles and reports what it skips through ``warn``. A file of
records reports its skipped records once per reason, with their count and where the first ones
are, so a file of 264 records without text is one warning, not 264.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from analysis.articles import make_article
from analysis.model import Article

# spaCy's own limit on one document; longer articles are refused with a clear message.
MAX_ARTICLE_CHARS = 1_000_000
# Lines of a .jsonl file reported one by one as not valid JSON; the rest are counted.
MAX_BAD_LINES_SHOWN = 5

Warn = Callable[[str], None]


def decode(data: bytes, name: str, warn: Warn) -> str | None:
    """Bytes to text as Python's text mode reads them; None (with a warning) for binary data."""
    if b"\x00" in data[:8192]:
        warn(f"{name}: binary file, skipped")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warn(f"{name}: not valid UTF-8; undecodable bytes were replaced with U+FFFD")
        text = data.decode("utf-8-sig", errors="replace")
    # Universal newlines, as open(path, encoding="utf-8").read() gives: offsets then agree.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fits(text: str, name: str, warn: Warn) -> bool:
    """Whether ``text`` is short enough to be one article; warns when it is not."""
    if len(text) > MAX_ARTICLE_CHARS:
        warn(
            f"{name}: {len(text):,} characters is more than one article can have "
            f"({MAX_ARTICLE_CHARS:,}); skipped. Split it into articles, e.g. one JSON object "
            "per line in a .jsonl file"
        )
        return False
    return True


def text_article(text: str, path: str, warn: Warn) -> list[Article]:
    """A plain-text or Markdown input: one article, its title read from the first line."""
    if not text.strip():
        warn(f"{path}: empty input, skipped")
        return []
    if not fits(text, path, warn):
        return []
    return [make_article(text, path)]


def html_article(html: str, path: str, warn: Warn, *, where: str | None = None,
                 url: str | None = None, date: str | None = None) -> list[Article]:
    """The main text of an HTML page as one article (boilerplate dropped), or none.

    ``url`` and ``date`` (a web archive's record: where and when it was fetched) take the place
    of the page's own; ``where`` names the page in warnings (default ``path``).
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    where = where or path
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    meta: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else {}
    body = (meta.get("text") or "").strip()
    if not body:
        warn(f"{where}: no article text found in this HTML page, skipped")
        return []
    title = (meta.get("title") or "").strip()
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text = "\n\n".join(([title] if title else []) + paragraphs)
    if not fits(text, where, warn):
        return []
    return [make_article(text, path, title=title or None,
                         date_value=date or meta.get("date"),
                         url=url or meta.get("url"), title_in_text=True)]


class SkippedRecords:
    """Records of one file skipped for a reason, reported once per reason with their count."""

    def __init__(self, path: str, unit: str) -> None:
        self.path = path
        self.unit = unit  # "line" (from 1) or "index" (in a JSON list, from 0)
        self.places: dict[str, list[int]] = {}

    def add(self, reason: str, place: int) -> None:
        """Note that the record at ``place`` (a line or item number) is skipped for ``reason``."""
        self.places.setdefault(reason, []).append(place)

    def report(self, warn: Warn) -> None:
        """One warning per reason: how many records, and where the first few are."""
        for reason, places in self.places.items():
            n = len(places)
            shown = ", ".join(str(p) for p in places[:3]) + (", …" if n > 3 else "")
            unit = self.unit if n == 1 else {"index": "indices"}.get(self.unit, self.unit + "s")
            noun = "record" if n == 1 else "records"
            warn(f"{self.path}: {n} {noun} {reason}, skipped ({unit} {shown})")


def _record_article(obj: Any, path: str, where: str, place: int,
                    skipped: SkippedRecords, warn: Warn) -> Article | None:
    if not isinstance(obj, dict):
        skipped.add("not a JSON object", place)
        return None
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        skipped.add('without "text"', place)
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not fits(text, where, warn):
        return None
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    return make_article(
        text, path, source_id=obj.get("id"), title=title, date_value=obj.get("date"),
        url=obj.get("url"), title_in_text=title is None,
    )


def json_error(exc: json.JSONDecodeError, line: int | None = None) -> str:
    """The whole reason a JSON text does not parse, with its line and column."""
    return f"{exc.msg}: line {line if line is not None else exc.lineno} column {exc.colno}"


def jsonl_articles(text: str, path: str, warn: Warn) -> list[Article]:
    """One article per line of a JSON Lines file; bad lines and records are reported."""
    out = []
    skipped = SkippedRecords(path, "line")
    bad = 0
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            bad += 1
            if bad <= MAX_BAD_LINES_SHOWN:
                warn(f"{path}:{number}: not valid JSON ({json_error(exc, number)}), line skipped")
            continue
        article = _record_article(obj, path, f"{path}:{number}", number, skipped, warn)
        if article:
            out.append(article)
    if bad > MAX_BAD_LINES_SHOWN:
        more = bad - MAX_BAD_LINES_SHOWN
        warn(f"{path}: {more} more line{'s' if more != 1 else ''} not valid JSON, skipped")
    skipped.report(warn)
    return out


def json_articles(text: str, path: str, warn: Warn) -> list[Article]:
    """A JSON file holding one record or a list of records."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        warn(f"{path}: not valid JSON ({json_error(exc)}), skipped")
        return []
    items = data if isinstance(data, list) else [data]
    skipped = SkippedRecords(path, "index")
    out = []
    for index, obj in enumerate(items):
        where = f"{path}[{index}]" if isinstance(data, list) else path
        article = _record_article(obj, path, where, index, skipped, warn)
        if article:
            out.append(article)
    skipped.report(warn)
    return out


def csv_articles(text: str, path: str, warn: Warn) -> list[Article]:
    """One article per row of a CSV file with a ``text`` column."""
    csv.field_size_limit(MAX_ARTICLE_CHARS * 4)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    skipped = SkippedRecords(path, "line")
    try:
        if not reader.fieldnames or "text" not in reader.fieldnames:
            warn(f"{path}: CSV has no \"text\" column, skipped")
            return []
        out = []
        for row in reader:
            where = f"{path}:{reader.line_num}"
            article = _record_article(dict(row), path, where, reader.line_num, skipped, warn)
            if article:
                out.append(article)
    except csv.Error as exc:
        warn(f"{path}: malformed CSV ({exc}), skipped")
        return []
    skipped.report(warn)
    return out
