"""The analysis cache: SQLite (WAL) in the user cache directory.

Keyed by a hash of the article text, its publication date (dates resolve against it), the model
name and ANALYSIS_VERSION, so a changed file, another model or a new copydesk re-analyses. Several
processes may read and write at once: WAL mode, a busy timeout and idempotent ``INSERT OR REPLACE``
of whole records keep it consistent. A file that is not a usable database is moved aside and
rebuilt, with a warning.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import platformdirs

from analysis.model import Analysis
from analysis.version import ANALYSIS_VERSION

CACHE_FILE = "cache.sqlite3"
SCHEMA_VERSION = 1
Warn = Callable[[str], None]


def cache_dir() -> Path:
    """Where copydesk keeps its cache (``COPYDESK_CACHE_DIR`` overrides the platform default)."""
    override = os.environ.get("COPYDESK_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("copydesk"))


def cache_key(text: str, model: str, date: str | None) -> str:
    """The cache key of one article's analysis."""
    h = hashlib.sha1()
    for part in (ANALYSIS_VERSION, model, date or "", text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def encode(record: dict) -> bytes:
    """One analysis record (``Analysis.to_dict()``) as the cache stores it: compressed JSON."""
    return zlib.compress(json.dumps(record, ensure_ascii=False).encode(), 3)


def decode(data: bytes) -> Analysis:
    """The analysis stored as ``data`` by :func:`encode`.

    Raises ``zlib.error``, ``ValueError``, ``KeyError`` or ``TypeError`` on a damaged record.
    """
    return Analysis.from_dict(json.loads(zlib.decompress(data)))


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30.0, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS analyses ("
        " key TEXT PRIMARY KEY, data BLOB NOT NULL, created REAL NOT NULL)"
    )
    conn.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
    conn.execute(
        "INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
    )
    conn.commit()
    row = conn.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
    if row is None or row[0] != str(SCHEMA_VERSION):
        raise sqlite3.DatabaseError(f"unknown cache schema {row[0] if row else None}")
    conn.execute("SELECT count(*) FROM analyses LIMIT 1").fetchone()
    return conn


def _connect_patiently(path: Path, attempts: int = 5) -> sqlite3.Connection:
    """Connect, retrying while another process holds a lock (switching to WAL, creating tables).

    A lock is not corruption: only errors that are not OperationalError mean a broken file.
    """
    for attempt in range(attempts):
        try:
            return _connect(path)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    raise AssertionError("unreachable")


class Cache:
    """Get and put analyses by key. Open with :func:`open_cache`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def present(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` have a cached analysis (without reading the analyses)."""
        return {key for (key,) in self._rows("key", keys)}

    def get_many(self, keys: Iterable[str]) -> dict[str, Analysis]:
        """The cached analyses among ``keys``; unreadable rows are treated as misses."""
        out: dict[str, Analysis] = {}
        for key, data in self._rows("key, data", keys):
            try:
                out[key] = decode(data)
            except (zlib.error, ValueError, KeyError, TypeError):
                continue
        return out

    def _rows(self, columns: str, keys: Iterable[str]) -> Iterator[tuple]:
        """``columns`` of the rows whose key is among ``keys``, 500 keys per query."""
        keys = list(keys)
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            yield from self.conn.execute(
                f"SELECT {columns} FROM analyses WHERE key IN ({marks})", chunk
            ).fetchall()

    def put_many(self, items: Iterable[tuple[str, Analysis]]) -> None:
        """Store analyses in one transaction; a concurrent writer of the same key is harmless."""
        self.put_encoded((key, encode(a.to_dict())) for key, a in items)

    def put_encoded(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Store records already made by :func:`encode` (by a Dask worker), in one transaction."""
        now = time.time()
        rows = [(key, data, now) for key, data in items]
        if not rows:
            return
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        self.conn.close()


def open_cache(warn: Warn, directory: Path | None = None) -> Cache | None:
    """Open (or create) the cache; a corrupt file is moved aside and rebuilt with a warning.

    Returns None, with a warning, when no cache can be used at all (e.g. a read-only directory):
    analysis then runs uncached.
    """
    directory = directory or cache_dir()
    path = directory / CACHE_FILE
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        warn(f"cache directory {directory} is not usable ({exc.strerror}); running without cache")
        return None
    try:
        return Cache(_connect_patiently(path), path)
    except sqlite3.OperationalError as exc:
        warn(f"cache {path} is not usable ({exc}); running without cache")
        return None
    except sqlite3.DatabaseError as exc:
        aside = path.with_name(f"{CACHE_FILE}.corrupt-{int(time.time())}")
        warn(f"cache {path} is corrupt ({exc}); moved it to {aside.name} and started a new one")
        _move_aside(path, aside)
    try:
        return Cache(_connect_patiently(path), path)
    except sqlite3.Error as exc:
        warn(f"cache {path} cannot be rebuilt ({exc}); running without cache")
        return None


def _move_aside(path: Path, aside: Path) -> None:
    """Move a database file and its WAL/shared-memory files out of the way."""
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            try:
                src.replace(Path(str(aside) + suffix))
            except OSError:
                src.unlink(missing_ok=True)
