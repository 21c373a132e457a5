"""Corpus loading: files, folders (recursive), globs and stdin in every SPEC §1 format.

Input files are only ever opened for reading. Problems with single inputs become warnings (the
input is skipped); the caller decides what no readable input at all means.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from analysis.articles import make_article
from analysis.model import Article

# spaCy's own limit on one document; longer articles are refused with a clear message.
MAX_ARTICLE_CHARS = 1_000_000
TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".text"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
STDIN = "-"

Warn = Callable[[str], None]


@dataclass
class LoadResult:
    """Articles loaded, in input order, and the warnings raised while loading them."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def expand_paths(specs: list[str], warn: Warn, missing: list[str]) -> Iterator[str]:
    """Files named by PATH arguments: files, folders (recursive, sorted), globs, and ``-``."""
    for spec in specs:
        if spec == STDIN:
            yield STDIN
            continue
        path = Path(spec)
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        found = True
                        yield os.path.join(root, name)
            if not found:
                warn(f"{spec}: folder has no files")
        elif path.exists():
            yield spec
        elif any(ch in spec for ch in "*?["):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                warn(f"{spec}: no file matches this pattern")
            yield from expand_paths(matches, warn, missing) if matches else ()
        else:
            missing.append(spec)
            warn(f"{spec}: no such file or folder")


def load(specs: list[str], stdin: BinaryIO | None = None) -> LoadResult:
    """Load every article named by ``specs``; never raises for bad input."""
    result = LoadResult()
    warn = result.warnings.append
    seen: set[str] = set()
    for path in expand_paths(specs, warn, result.missing):
        real = path if path == STDIN else os.path.abspath(path)
        if real in seen:
            continue
        seen.add(real)
        try:
            result.articles.extend(load_file(path, warn, stdin))
        except OSError as exc:
            warn(f"{path}: cannot read ({exc.strerror or exc})")
    return result


def load_file(path: str, warn: Warn, stdin: BinaryIO | None = None) -> list[Article]:
    """The articles in one file (or ``-`` for standard input)."""
    if path == STDIN:
        data = (stdin or sys.stdin.buffer).read()
        text = _decode(data, "<stdin>", warn)
        return _single_text_article(text, "<stdin>", warn) if text is not None else []
    with open(path, "rb") as handle:
        data = handle.read()
    ext = os.path.splitext(path)[1].lower()
    text = _decode(data, path, warn)
    if text is None:
        return []
    if not text.strip():
        warn(f"{path}: empty file, skipped")
        return []
    if ext in HTML_EXTENSIONS:
        return _html_article(text, path, warn)
    if ext == ".jsonl":
        return _jsonl_articles(text, path, warn)
    if ext == ".json":
        return _json_articles(text, path, warn)
    if ext == ".csv":
        return _csv_articles(text, path, warn)
    return _single_text_article(text, path, warn)


def _decode(data: bytes, name: str, warn: Warn) -> str | None:
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


def _fits(text: str, name: str, warn: Warn) -> bool:
    if len(text) > MAX_ARTICLE_CHARS:
        warn(
            f"{name}: {len(text):,} characters is more than one article can have "
            f"({MAX_ARTICLE_CHARS:,}); skipped. Split it into articles, e.g. one JSON object "
            "per line in a .jsonl file"
        )
        return False
    return True


def _single_text_article(text: str, path: str, warn: Warn) -> list[Article]:
    if not text.strip():
        warn(f"{path}: empty input, skipped")
        return []
    if not _fits(text, path, warn):
        return []
    return [make_article(text, path)]


def _html_article(html: str, path: str, warn: Warn) -> list[Article]:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    meta: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else {}
    body = (meta.get("text") or "").strip()
    if not body:
        warn(f"{path}: no article text found in this HTML page, skipped")
        return []
    title = (meta.get("title") or "").strip()
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text = "\n\n".join(([title] if title else []) + paragraphs)
    if not _fits(text, path, warn):
        return []
    return [make_article(text, path, title=title or None, date_value=meta.get("date"),
                         url=meta.get("url"), title_in_text=True)]


def _record_article(obj: Any, path: str, where: str, warn: Warn) -> Article | None:
    if not isinstance(obj, dict):
        warn(f"{where}: not a JSON object, skipped")
        return None
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        warn(f"{where}: no \"text\", skipped")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _fits(text, where, warn):
        return None
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    return make_article(
        text, path, source_id=obj.get("id"), title=title, date_value=obj.get("date"),
        url=obj.get("url"), title_in_text=title is None,
    )


def _jsonl_articles(text: str, path: str, warn: Warn) -> list[Article]:
    out = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            warn(f"{path}:{number}: not valid JSON ({exc.msg}), line skipped")
            continue
        article = _record_article(obj, path, f"{path}:{number}", warn)
        if article:
            out.append(article)
    return out


def _json_articles(text: str, path: str, warn: Warn) -> list[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        warn(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}), skipped")
        return []
    items = data if isinstance(data, list) else [data]
    out = []
    for index, obj in enumerate(items):
        where = f"{path}[{index}]" if isinstance(data, list) else path
        article = _record_article(obj, path, where, warn)
        if article:
            out.append(article)
    return out


def _csv_articles(text: str, path: str, warn: Warn) -> list[Article]:
    csv.field_size_limit(MAX_ARTICLE_CHARS * 4)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        if not reader.fieldnames or "text" not in reader.fieldnames:
            warn(f"{path}: CSV has no \"text\" column, skipped")
            return []
        out = []
        for row in reader:
            where = f"{path}:{reader.line_num}"
            article = _record_article(dict(row), path, where, warn)
            if article:
                out.append(article)
        return out
    except csv.Error as exc:
        warn(f"{path}: malformed CSV ({exc}), skipped")
        return []
