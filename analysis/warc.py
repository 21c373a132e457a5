"""Web archives (``.warc``, ``.warc.gz``, as in Common Crawl's CC-NEWS): one article per HTML page.

Every ``response`` record whose HTTP payload is an HTML page (status 200) becomes an article, its
main text extracted exactly as for a ``.html`` file (:func:`analysis.formats.html_article`); its
``url`` and ``date`` are the record's (``WARC-Target-URI``, ``WARC-Date``: where and when the page
was fetched; for a news crawl such as CC-NEWS, within hours of publication). Other records
(requests, metadata, images, redirects) are skipped silently; a record that cannot be read is
skipped with a warning, and a broken or truncated file keeps the pages read before the break,
with a warning.

The reader is warcio, streaming: the file is never read into memory whole.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass

from analysis.formats import Warn, html_article
from analysis.model import Article

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def is_warc(path: str) -> bool:
    """Whether ``path`` names a web archive by its extension."""
    return path.lower().endswith(WARC_SUFFIXES)


@dataclass(frozen=True)
class Page:
    """One HTML response of an archive: where it came from and its decoded HTML."""

    number: int  # the record's position in the file, from 1
    url: str | None
    date: str | None
    html: str


def _decode(payload: bytes, content_type: str) -> str:
    """The page's text: in the charset its HTTP headers state, else UTF-8, else the charset its
    ``<meta>`` states, else Windows-1252 (what browsers assume); never raises."""
    declared = _CHARSET.search(content_type)
    text = _decode_as(payload, declared.group(1)) if declared else None
    if text is not None:
        return text
    try:
        return payload.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(payload[:4096])
    text = _decode_as(payload, meta.group(1).decode("ascii")) if meta else None
    return text if text is not None else payload.decode("cp1252", errors="replace")


def _decode_as(payload: bytes, charset: str) -> str | None:
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know
        return None


def html_pages(path: str, warn: Warn) -> Iterator[Page]:
    """The HTML responses of the archive at ``path``, in file order; never raises on bad data."""
    from warcio.archiveiterator import ArchiveIterator  # only archives need it

    number = 0  # records read, good or not
    last = None
    # warcio decompresses (record by record, as CC-NEWS compresses them) and stops quietly where
    # the file ends: a page cut short is found by its unread length (see _page).
    with open(path, "rb") as stream:
        records = iter(ArchiveIterator(stream))
        while True:
            try:
                with _stderr_as_warnings(path, warn):
                    record = next(records, None)
                    if record is None:
                        _check_end(last, number, path, warn)
                        return
                    last = record
                    if record.format != "warc":
                        warn(f"{path}: not a WARC web archive, skipped")
                        return
                    page = _page(record, number + 1, path, warn)
                    number += 1
            except Exception as exc:  # noqa: BLE001 - any damage: keep what was read, say where
                warn(f"{path}: broken or truncated web archive at record {number + 1} "
                     f"({_reason(exc)}); the pages before it are read, the rest skipped")
                return
            if page is not None:
                yield page


def _check_end(last, number: int, path: str, warn: Warn) -> None:
    """Warn when the file ends inside its last record (a page cut short is already reported)."""
    if last is None or getattr(last.raw_stream, "limit", 0) <= 0 or _is_html(last):
        return
    warn(f"{path}: the file ends inside record {number} (truncated); the records before it "
         "are read")


def _is_html(record) -> bool:
    """Whether a record is an HTTP response carrying an HTML page."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


@contextmanager
def _stderr_as_warnings(path: str, warn: Warn) -> Iterator[None]:
    """warcio prints some problems ("Record not followed by newline") to stderr: warn instead."""
    captured = io.StringIO()
    try:
        with redirect_stderr(captured):
            yield
    finally:
        for line in captured.getvalue().splitlines():
            if line.strip():
                warn(f"{path}: {line.strip()}")


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def _page(record, number: int, path: str, warn: Warn) -> Page | None:
    """The record as a Page when it is an HTML response, else None (a warning if it is broken)."""
    if not _is_html(record):
        return None  # requests, metadata, images, non-HTTP responses (dns:)
    url = record.rec_headers.get_header("WARC-Target-URI")
    headers = record.http_headers
    content_type = headers.get_header("Content-Type") or ""
    if headers.get_statuscode() != "200":
        return None  # redirects, errors: no article
    try:
        payload = record.content_stream().read()
    except Exception as exc:  # noqa: BLE001 - a damaged record: skip it, read the next
        warn(f"{path} record {number} ({url}): cannot read this page ({_reason(exc)}), skipped")
        return None
    if getattr(record.raw_stream, "limit", 0) > 0:  # the file ends inside this record
        warn(f"{path} record {number} ({url}): the page is cut short (truncated file), skipped")
        return None
    return Page(number, url, record.rec_headers.get_header("WARC-Date"),
                _decode(payload, content_type))


def warc_articles(path: str, warn: Warn) -> list[Article]:
    """Every HTML page of a web archive as an article, its main text extracted as for .html."""
    out: list[Article] = []
    pages = 0
    warned: list[str] = []

    def note(message: str) -> None:
        warned.append(message)
        warn(message)

    for page in html_pages(path, note):
        pages += 1
        where = f"{path} record {page.number} ({page.url})"
        if not page.html.strip():
            warn(f"{where}: empty page, skipped")
            continue
        out += html_article(page.html, path, warn, where=where, url=page.url, date=page.date)
    if not pages and not warned:
        warn(f"{path}: no HTML page in this web archive, skipped")
    return out
