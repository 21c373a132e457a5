"""Corpus loading: files, folders (recursive), globs and stdin in every SPEC §1 format.

Input files are only ever opened for reading. Problems with single inputs become warnings (the
input is skipped); the caller decides what no readable input at all means. A folder skips hidden
files and the files that describe it (``README*``, ``LICENSE*``, ``CHANGELOG*``), noted in
:attr:`LoadResult.notes`. Inputs with the same text (whitespace aside) are one article: the first
keeps its place and path, the others' paths are listed in its ``also_paths``.
"""

from __future__ import annotations

import glob
import hashlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from analysis.formats import (
    MAX_ARTICLE_CHARS,
    csv_articles,
    decode,
    html_article,
    json_articles,
    jsonl_articles,
    text_article,
)
from analysis.model import Article
from analysis.warc import is_warc, warc_articles

__all__ = [
    "MAX_ARTICLE_CHARS", "LoadResult", "expand_paths", "load", "load_file", "merged_notes",
]

TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".text"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
STDIN = "-"
# Files that describe a folder rather than hold an article: a folder skips them (SPEC §1).
FOLDER_DOCS = ("README", "LICENSE", "LICENCE", "CHANGELOG")

Warn = Callable[[str], None]


@dataclass
class LoadResult:
    """Articles loaded, in input order, and what was skipped while loading them.

    ``warnings``: inputs or records skipped because something is wrong with them; ``notes``:
    files a folder skips by rule (its README, LICENSE, …), nothing wrong; ``duplicates``: inputs
    dropped because an earlier one has the same text (listed in its ``also_paths``).
    """

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    duplicates: int = 0


def describes_folder(name: str) -> bool:
    """Whether a file name is a folder's README, LICENSE or CHANGELOG (any case, any extension)."""
    return name.upper().startswith(FOLDER_DOCS)


def expand_paths(specs: list[str], warn: Warn, missing: list[str],
                 note: Warn | None = None) -> Iterator[str]:
    """Files named by PATH arguments: files, folders (recursive, sorted), globs, and ``-``.

    In a folder, hidden files and folders are skipped, and so are the files that describe the
    folder (:func:`describes_folder`), each told to ``note``.
    """
    for spec in specs:
        if spec == STDIN:
            yield STDIN
            continue
        path = Path(spec)
        if path.is_dir():
            found = described = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    if describes_folder(name):
                        described = True
                        if note:
                            note(f"{os.path.join(root, name)}: describes the folder, "
                                 "not an article; skipped")
                        continue
                    found = True
                    yield os.path.join(root, name)
            if not found:
                warn(f"{spec}: folder has no files" if not described else
                     f"{spec}: folder has only files that describe it (README, LICENSE, "
                     "CHANGELOG), no article")
        elif path.exists():
            yield spec
        elif any(ch in spec for ch in "*?["):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                warn(f"{spec}: no file matches this pattern")
            yield from expand_paths(matches, warn, missing, note) if matches else ()
        else:
            missing.append(spec)
            warn(f"{spec}: no such file or folder")


def text_key(text: str) -> bytes:
    """What makes two texts the same article: their words, whitespace aside (a digest)."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8", "surrogatepass")).digest()


def text_signature(text: str) -> str:
    """A cheap stand-in for :func:`text_key` that reads only the ends of a text: its first and
    last eight words. Equal for texts equal whitespace aside; rarely equal otherwise."""
    head = text[:512].split(None, 8)  # with a ninth piece, the first eight are whole words
    if len(head) <= 8:
        head = text.split(None, 8)
    tail = text[-512:].rsplit(None, 8)  # likewise the last eight
    if len(tail) <= 8:
        tail = text.rsplit(None, 8)
    return " ".join(head[:8]) + "\n" + " ".join(tail[1:] if len(tail) > 8 else tail)


def merge_duplicates(articles: list[Article]) -> tuple[list[Article], int]:
    """Articles with the same text as an earlier one dropped, their paths in its ``also_paths``.

    Returns the articles kept, in input order, and how many were dropped. A path is listed once
    and never beside itself (a file holding the same page twice is one article from one path).
    Texts are compared by :func:`text_signature` first; only texts that share one are hashed
    whole, so the cost of distinct texts does not grow with their length.
    """
    by_signature: dict[str, list[Article]] = {}
    keys: dict[int, bytes] = {}  # id(article) -> text_key, computed when signatures meet
    kept: list[Article] = []
    dropped = 0
    for article in articles:
        group = by_signature.setdefault(text_signature(article.text), [])
        original = None
        if group:
            key = text_key(article.text)
            for candidate in group:
                if keys.setdefault(id(candidate), text_key(candidate.text)) == key:
                    original = candidate
                    break
        if original is None:
            group.append(article)
            kept.append(article)
            continue
        dropped += 1
        if article.path != original.path and article.path not in original.also_paths:
            original.also_paths.append(article.path)
    return kept, dropped


def load(specs: list[str], stdin: BinaryIO | None = None) -> LoadResult:
    """Load every article named by ``specs``, duplicates merged; never raises for bad input."""
    result = LoadResult()
    warn = result.warnings.append
    seen: set[str] = set()
    loaded: list[Article] = []
    for path in expand_paths(specs, warn, result.missing, result.notes.append):
        real = path if path == STDIN else os.path.abspath(path)
        if real in seen:
            continue
        seen.add(real)
        try:
            loaded.extend(load_file(path, warn, stdin))
        except OSError as exc:
            warn(f"{path}: cannot read ({exc.strerror or exc})")
    result.articles, result.duplicates = merge_duplicates(loaded)
    return result


def load_file(path: str, warn: Warn, stdin: BinaryIO | None = None) -> list[Article]:
    """The articles in one file (or ``-`` for standard input)."""
    if path == STDIN:
        data = (stdin or sys.stdin.buffer).read()
        text = decode(data, "<stdin>", warn)
        return text_article(text, "<stdin>", warn) if text is not None else []
    if is_warc(path):
        return warc_articles(path, warn)  # streamed: an archive can be larger than memory
    with open(path, "rb") as handle:
        data = handle.read()
    ext = os.path.splitext(path)[1].lower()
    text = decode(data, path, warn)
    if text is None:
        return []
    if not text.strip():
        warn(f"{path}: empty file, skipped")
        return []
    if ext in HTML_EXTENSIONS:
        return html_article(text, path, warn)
    if ext == ".jsonl":
        return jsonl_articles(text, path, warn)
    if ext == ".json":
        return json_articles(text, path, warn)
    if ext == ".csv":
        return csv_articles(text, path, warn)
    return text_article(text, path, warn)


def merged_notes(articles: list[Article]) -> list[str]:
    """One line per input merged into an earlier one with the same text, for the app's log."""
    return [f"{other}: same text as {article.path}; merged into it"
            for article in articles for other in article.also_paths]
