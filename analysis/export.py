"""Writers for ``copydesk analyze --format jsonl|json|csv|md`` (SPEC §2)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from analysis.citation import cite, shown_value
from analysis.model import Analysis, Article, record

FORMATS = ("jsonl", "json", "csv", "md")
CSV_COLUMNS = [
    "article_id", "title", "path", "date", "fact", "text", "start", "end",
    "speaker", "label", "value", "value_max", "value_from", "kind", "qualifier", "unit", "counted",
    "entity", "cue", "source",
]


def write(fmt: str, results: Iterable[tuple[Article, Analysis]], out: TextIO) -> int:
    """Write every result in ``fmt`` to ``out``; returns the number of articles written."""
    writer = {"jsonl": _jsonl, "json": _json, "csv": _csv, "md": _markdown}[fmt]
    return writer(results, out)


def _jsonl(results: Iterable[tuple[Article, Analysis]], out: TextIO) -> int:
    n = 0
    for article, analysis in results:
        out.write(json.dumps(record(article, analysis), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def _json(results: Iterable[tuple[Article, Analysis]], out: TextIO) -> int:
    n = 0
    out.write("[")
    for article, analysis in results:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(record(article, analysis), ensure_ascii=False, indent=2))
        n += 1
    out.write("\n]\n")
    return n


def fact_rows(article: Article, analysis: Analysis) -> Iterable[dict[str, Any]]:
    """One flat row per fact: each entity mention, quote, claim and number."""
    base = {"article_id": article.id, "title": article.title, "path": article.path,
            "date": article.date}
    for entity in analysis.entities:
        for m in entity.mentions:
            yield {**base, "fact": "entity", "text": m.text, "start": m.start, "end": m.end,
                   "label": entity.label, "entity": entity.name}
    for q in analysis.quotes:
        yield {**base, "fact": "quote", "text": q.text, "start": q.start, "end": q.end,
               "speaker": q.speaker, "kind": q.kind, "cue": q.cue}
    for c in analysis.claims:
        yield {**base, "fact": "claim", "text": c.text, "start": c.start, "end": c.end,
               "speaker": c.speaker, "cue": c.cue}
    for f in analysis.numbers:
        yield {**base, "fact": "number", "text": f.text, "start": f.start, "end": f.end,
               "value": f.value, "value_max": f.value_max,
               "value_from": f.value_from, "kind": f.kind,
               "qualifier": f.qualifier, "unit": f.unit, "counted": f.counted,
               "source": f.source}


def _csv(results: Iterable[tuple[Article, Analysis]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for article, analysis in results:
        for row in fact_rows(article, analysis):
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
        n += 1
    return n


def _md_text(text: str) -> str:
    """Article text made safe inside one Markdown line."""
    return " ".join(text.split()).replace("|", "\\|")


def _markdown(results: Iterable[tuple[Article, Analysis]], out: TextIO) -> int:
    n = 0
    out.write("# copydesk report\n")
    for article, analysis in results:
        n += 1
        out.write(f"\n## {_md_text(article.title or article.path)}\n\n")
        meta = [f"`{article.path}`", f"id `{article.id}`"]
        if article.also_paths:
            meta.append("also " + ", ".join(f"`{p}`" for p in article.also_paths))
        if article.date:
            meta.append(f"date {article.date}")
        if article.dateline:
            meta.append(f"dateline {article.dateline}")
        out.write(" · ".join(meta) + "\n")
        if analysis.quotes:
            out.write(f"\n### Quotes ({len(analysis.quotes)})\n\n")
            for q in analysis.quotes:
                out.write(f"- {_md_text(cite(article, q))} [{q.kind}; chars {q.start}–{q.end}]\n")
        if analysis.claims:
            out.write(f"\n### Reported speech ({len(analysis.claims)})\n\n")
            for c in analysis.claims:
                cue = f"{_md_text(c.cue)}; " if c.cue else ""
                out.write(f"- {_md_text(cite(article, c))} [{cue}chars {c.start}–{c.end}]\n")
        if analysis.numbers:
            out.write(f"\n### Numbers ({len(analysis.numbers)})\n\n")
            out.write("| text | value | qualifier | kind | unit | counted | source | chars |\n")
            out.write("|---|---|---|---|---|---|---|---|\n")
            for f in analysis.numbers:
                value = shown_value(f)
                cells = [f.text, value, f.qualifier, f.kind, f.unit, f.counted, f.source,
                         f"{f.start}–{f.end}"]
                out.write("| " + " | ".join(_md_text(str(c or "")) for c in cells) + " |\n")
        if analysis.entities:
            out.write(f"\n### Entities ({len(analysis.entities)})\n\n")
            for e in analysis.entities:
                out.write(f"- **{_md_text(e.name)}** ({e.label}) × {len(e.mentions)}\n")
    return n
