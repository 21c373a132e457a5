"""``--format parquet -o DIR``: the facts as Parquet tables, one row per fact (SPEC §1, §2).

``DIR/{articles,entities,mentions,quotes,claims,numbers}/part-NNNNN.parquet``, with explicit
pyarrow schemas so every part of a table has the same columns and types, whatever it holds. Each
part covers the same run of articles in every table. A number's ``value`` is numeric (float64,
exact for whole numbers below 2**53); dates and times, whose SPEC value is an ISO string, put it in
``value_iso`` instead.

The output is built in a hidden sibling directory and moved into place at the end, so an
interrupted run leaves no half-written tables. ``DIR`` may be new, empty, or an earlier copydesk
Parquet output (recognised by its ``_copydesk.json`` manifest, and then replaced); anything else is
refused, so a user's files are never overwritten.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analysis.model import Analysis, Article

MANIFEST = "_copydesk.json"
FORMAT_NAME = "copydesk-parquet"
TABLES = ("articles", "entities", "mentions", "quotes", "claims", "numbers")
ARTICLES_PER_PART = 2000


class ParquetTargetError(Exception):
    """The output directory cannot be used (not ours and not empty, or not a directory)."""


def table_schemas() -> dict[str, Any]:
    """The pyarrow schema of each table (fixed, so every part file of a table has the same)."""
    import pyarrow as pa

    s, i64, i32, f64 = pa.string(), pa.int64(), pa.int32(), pa.float64()
    art = [("article_index", i64), ("article_id", s)]
    span = [("start", i64), ("end", i64), ("text", s)]
    speaker = [("speaker", s), ("speaker_entity", s), ("speaker_mention_start", i64),
               ("speaker_mention_end", i64), ("speaker_mention_text", s), ("cue", s)]
    fields = {
        "articles": [*art, ("path", s), ("also_paths", pa.list_(s)), ("title", s),
                     ("dateline", s), ("date", s), ("url", s),
                     ("text", pa.large_string()), ("entities", i32), ("quotes", i32),
                     ("claims", i32), ("numbers", i32)],
        "entities": [*art, ("entity_id", s), ("name", s), ("label", s), ("mentions", i32)],
        "mentions": [*art, ("entity_id", s), ("name", s), ("label", s), *span],
        "quotes": [*art, *span, ("kind", s), *speaker],
        "claims": [*art, *span, ("kind", s), *speaker],
        "numbers": [*art, *span, ("value", f64), ("value_iso", s), ("value_max", f64),
                    ("value_max_iso", s), ("value_from", f64), ("qualifier", s), ("kind", s),
                    ("unit", s), ("counted", s), ("source", s), ("source_entity", s)],
    }
    return {name: pa.schema([pa.field(n, t) for n, t in cols]) for name, cols in fields.items()}


def _speaker_fields(fact: Any) -> dict[str, Any]:
    sm = fact.speaker_mention
    return {"speaker": fact.speaker, "speaker_entity": fact.speaker_entity,
            "speaker_mention_start": sm.start if sm else None,
            "speaker_mention_end": sm.end if sm else None,
            "speaker_mention_text": sm.text if sm else None, "cue": fact.cue}


def _split_value(value: Any) -> tuple[float | None, str | None]:
    """A SPEC value as (number, ISO string): exactly one of them set, or neither for null."""
    if value is None:
        return None, None
    if isinstance(value, str):
        return None, value
    return float(value), None


def fact_rows(index: int, article: Article, analysis: Analysis) -> dict[str, list[dict]]:
    """The rows one article adds to each table."""
    art = {"article_index": index, "article_id": article.id}
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    rows["articles"].append({
        **art, "path": article.path, "also_paths": list(article.also_paths),
        "title": article.title, "dateline": article.dateline,
        "date": article.date, "url": article.url, "text": article.text,
        "entities": len(analysis.entities), "quotes": len(analysis.quotes),
        "claims": len(analysis.claims), "numbers": len(analysis.numbers),
    })
    for e in analysis.entities:
        rows["entities"].append({**art, "entity_id": e.id, "name": e.name, "label": e.label,
                                 "mentions": len(e.mentions)})
        rows["mentions"] += [{**art, "entity_id": e.id, "name": e.name, "label": e.label,
                              "start": m.start, "end": m.end, "text": m.text}
                             for m in e.mentions]
    for q in analysis.quotes:
        rows["quotes"].append({**art, "start": q.start, "end": q.end, "text": q.text,
                               "kind": q.kind, **_speaker_fields(q)})
    for c in analysis.claims:
        rows["claims"].append({**art, "start": c.start, "end": c.end, "text": c.text,
                               "kind": c.kind, **_speaker_fields(c)})
    for f in analysis.numbers:
        value, value_iso = _split_value(f.value)
        value_max, value_max_iso = _split_value(f.value_max)
        rows["numbers"].append({
            **art, "start": f.start, "end": f.end, "text": f.text, "value": value,
            "value_iso": value_iso, "value_max": value_max, "value_max_iso": value_max_iso,
            "value_from": _split_value(f.value_from)[0],
            "qualifier": f.qualifier, "kind": f.kind, "unit": f.unit, "counted": f.counted,
            "source": f.source, "source_entity": f.source_entity,
        })
    return rows


def check_target(directory: Path) -> None:
    """Raise :class:`ParquetTargetError` unless ``directory`` may receive the output."""
    if not directory.exists():
        return
    if not directory.is_dir():
        raise ParquetTargetError(f"{directory} exists and is not a directory")
    if any(directory.iterdir()) and not is_copydesk_output(directory):
        raise ParquetTargetError(
            f"{directory} is not empty and is not an earlier copydesk Parquet output; "
            "refusing to write into it (name a new or empty directory)"
        )


def is_copydesk_output(directory: Path) -> bool:
    """True when ``directory`` holds only a copydesk Parquet output (manifest and table parts)."""
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
            return False
        for entry in directory.iterdir():
            if entry.name == MANIFEST:
                continue
            if entry.name not in TABLES or not entry.is_dir():
                return False
            if any(not (p.name.startswith("part-") and p.suffix == ".parquet")
                   for p in entry.iterdir()):
                return False
    except (OSError, ValueError):
        return False
    return True


class _PartWriter:
    """Buffers rows and writes one ``part-NNNNN.parquet`` per table every ``per_part`` articles."""

    def __init__(self, root: Path, per_part: int) -> None:
        self.root = root
        self.per_part = per_part
        self.schemas = table_schemas()
        self.rows: dict[str, list[dict]] = {name: [] for name in TABLES}
        self.totals = dict.fromkeys(TABLES, 0)
        self.articles_in_part = 0
        self.parts = 0
        for name in TABLES:
            (root / name).mkdir(parents=True)

    def add(self, index: int, article: Article, analysis: Analysis) -> None:
        for name, rows in fact_rows(index, article, analysis).items():
            self.rows[name] += rows
        self.articles_in_part += 1
        if self.articles_in_part >= self.per_part:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        for name in TABLES:
            table = pa.Table.from_pylist(self.rows[name], schema=self.schemas[name])
            pq.write_table(table, self.root / name / f"part-{self.parts:05d}.parquet")
            self.totals[name] += table.num_rows
            self.rows[name].clear()
        self.parts += 1
        self.articles_in_part = 0

    def finish(self) -> None:
        if self.articles_in_part or not self.parts:
            self.flush()  # the last articles, or empty tables that still carry the schema


def write_parquet(
    results: Iterable[tuple[Article, Analysis]],
    directory: Path,
    meta: dict[str, Any] | None = None,
    per_part: int = ARTICLES_PER_PART,
) -> dict[str, int]:
    """Write the results as Parquet tables under ``directory``; returns rows per table.

    Raises :class:`ParquetTargetError` (checked before anything is written) or ``OSError``.
    """
    from analysis.extras import require

    require("parquet")
    check_target(directory)
    directory = directory.absolute()
    tmp = directory.parent / f".{directory.name}.copydesk-tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        writer = _PartWriter(tmp, per_part)
        for index, (article, analysis) in enumerate(results):
            writer.add(index, article, analysis)
        writer.finish()
        manifest = {"format": FORMAT_NAME, **(meta or {}), "parts": writer.parts,
                    "rows": writer.totals}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _move_into_place(tmp, directory)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return writer.totals


def _move_into_place(tmp: Path, directory: Path) -> None:
    """Replace ``directory`` (absent, empty, or an earlier output: see check_target) by ``tmp``."""
    check_target(directory)  # it may have changed while the analysis ran
    old = None
    if directory.exists():
        old = directory.parent / f".{directory.name}.copydesk-old-{os.getpid()}"
        directory.rename(old)
    tmp.rename(directory)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
