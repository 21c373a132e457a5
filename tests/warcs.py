"""Small web archives written for the tests with warcio, the reader copydesk uses."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def page_html(title: str, paragraphs: list[str]) -> str:
    """A news page with navigation and a footer around the article."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><nav>Home | Sport | Weather</nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            "<footer>Copyright Example Media</footer></body></html>")


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]], *, gzip: bool = True,
               date: str = "2024-03-05T10:00:00Z") -> Path:
    """A WARC of ``(kind, url, payload, content_type)`` records: kind "response" (HTTP 200),
    "redirect" (HTTP 301), "request" or "metadata"; a warcinfo record first."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for kind, url, payload, content_type in records:
            warc_headers = {"WARC-Date": date}
            if kind in ("response", "redirect"):
                status = "200 OK" if kind == "response" else "301 Moved Permanently"
                http = StatusAndHeaders(status, [("Content-Type", content_type)],
                                        protocol="HTTP/1.1")
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                   http_headers=http,
                                                   warc_headers_dict=warc_headers)
            else:
                record = writer.create_warc_record(url, kind, payload=io.BytesIO(payload),
                                                   warc_content_type=content_type,
                                                   warc_headers_dict=warc_headers)
            writer.write_record(record)
    return path


def html_response(url: str, html: str) -> tuple[str, str, bytes, str]:
    """One HTML page as a WARC response record."""
    return ("response", url, html.encode("utf-8"), "text/html; charset=utf-8")
