"""Marked facts (analysis/marked.py): identity, reading order, copy text and export files."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest

from analysis.marked import (
    MarkedFact,
    Marks,
    as_csv,
    as_markdown,
    as_text,
    desk_record,
    write_marks,
)
from analysis.model import Article, Entity, Mention, NumberFact, Quote

FIRST = Article("a1", "news/a1.txt", "Mayor Ana Roe said \"we | will\x1b[31m rebuild\".",
                title="Bridge falls", date="2026-02-01")
SECOND = Article("a2", "news/a2.txt", "About 40 homes flooded.", title=None)


def quote_mark() -> MarkedFact:
    text = FIRST.text
    start = text.index("we")
    end = text.index("\".")
    return MarkedFact(0, FIRST, Quote(start, end, text[start:end], speaker="Ana Roe"))


def number_mark() -> MarkedFact:
    return MarkedFact(1, SECOND, NumberFact(0, 8, "About 40", 40, "approximately",
                                            counted="homes"))


def entity_mark() -> MarkedFact:
    return MarkedFact(0, FIRST, Entity("e1", "Ana Roe", "PERSON", [Mention(6, 13, "Ana Roe")]))


def test_marks_toggle_and_keep_reading_order():
    marks = Marks()
    assert marks.toggle(number_mark()) and marks.toggle(quote_mark())
    assert marks.toggle(entity_mark())
    assert len(marks) == 3
    assert [m.kind for m in marks.in_order()] == ["entity", "quote", "number"]
    # The same fact built again (e.g. from a view rather than the pane) is the same mark.
    assert not marks.toggle(quote_mark())
    assert [m.kind for m in marks.in_order()] == ["entity", "number"]


def test_copy_text_is_one_citation_per_line_without_controls():
    text = as_text([quote_mark(), number_mark()])
    lines = text.split("\n")
    assert len(lines) == 2
    assert lines[0].startswith("“we | will rebuild” — Ana Roe, “Bridge falls”, 2026-02-01")
    assert "\x1b" not in text
    assert lines[1].startswith("About 40 [approximately 40 homes (count)]")
    assert "news/a2.txt" in lines[1]  # no title or date: the path cites it


def test_markdown_groups_by_article_and_cites_each_fact():
    md = as_markdown([entity_mark(), quote_mark(), number_mark()])
    assert md.startswith("# Marked facts (3)\n")
    assert md.count("\n## ") == 2
    assert "## Bridge falls\n\n`news/a1.txt` · 2026-02-01" in md
    assert "- **quote** “we | will rebuild” — Ana Roe" in md
    assert "(chars 20–42)" in md
    assert "\x1b" not in md


def test_csv_has_one_row_per_fact_with_fields_and_citation():
    rows = list(csv.DictReader(io.StringIO(as_csv([quote_mark(), number_mark()]))))
    assert [r["fact"] for r in rows] == ["quote", "number"]
    q, n = rows
    assert q["speaker"] == "Ana Roe" and q["title"] == "Bridge falls"
    assert q["text"] == "we | will rebuild"  # the escape sequence is removed
    assert n["value"] == "40" and n["qualifier"] == "approximately" and n["counted"] == "homes"
    assert n["citation"].startswith("About 40 [")


def test_write_marks_by_extension_and_never_overwrites_unasked(tmp_path):
    marks = [quote_mark(), number_mark()]
    md = tmp_path / "out.MD"
    assert write_marks(md, marks) == 2
    assert md.read_text(encoding="utf-8").startswith("# Marked facts (2)")
    with pytest.raises(FileExistsError):
        write_marks(md, marks[:1])
    assert "(2)" in md.read_text(encoding="utf-8")
    write_marks(md, marks[:1], overwrite=True)
    assert "(1)" in md.read_text(encoding="utf-8")
    out = tmp_path / "out.csv"
    write_marks(out, marks)
    assert out.read_text(encoding="utf-8").startswith("article_id,title,path")
    with pytest.raises(ValueError, match=r"\.md or \.csv"):
        write_marks(tmp_path / "out.txt", marks)
    assert not (tmp_path / "out.txt").exists()


def test_desk_record_turns_desk_facts_into_citable_records():
    fact = SimpleNamespace(kind="quote", start=1, end=5, text="abcd", speaker="Roe")
    assert desk_record(fact) == Quote(1, 5, "abcd", speaker="Roe")
    number = SimpleNamespace(kind="number", start=0, end=8, text="About 40", speaker=None)
    figure = SimpleNamespace(value=40, value_max=None, qualifier="approximately", kind="count",
                             unit=None, counted="homes", source="Ana Roe")
    record = desk_record(number, figure)
    assert isinstance(record, NumberFact) and record.counted == "homes"
    assert record.source == "Ana Roe" and record.qualifier == "approximately"
    mention = SimpleNamespace(kind="mention", start=6, end=9, text="Roe", speaker=None)
    entity = desk_record(mention, entity=("p1", "Ana Roe", "PERSON"))
    assert isinstance(entity, Entity) and entity.name == "Ana Roe"
    assert entity.mentions == [Mention(6, 9, "Roe")]
