"""``--format parquet -o DIR``: six tables with fixed schemas, one row per fact, offsets intact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

pa = pytest.importorskip("pyarrow", reason="the cluster extra is not installed")
pq = pytest.importorskip("pyarrow.parquet")

STORIES = [
    "Council approves new bridge\n\n"
    "RIVERTON - The city council voted 7 to 2 on Tuesday to build a new bridge, Mayor Ada Park "
    "said. \"This bridge will carry 40,000 cars a day,\" Park told reporters. Engineer Tomas "
    "Reyes said the work would take 18 months and cost about $12 million.\n",
    "Ferry service resumes\n\n"
    "PORT ALDEN - Ferries returned to the harbour on Friday after a three-day strike. \"We are "
    "glad to be back,\" said captain Mira Osei. \"Nearly 900 passengers crossed today,\" Osei "
    "added. The union said 60% of its members had voted for the deal.\n",
    "Library opens late\n\n"
    "The new library opened on Monday. \"Reading matters,\" said librarian Jon Bell.\n",
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for i, text in enumerate(STORIES):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    return folder


def read(directory: Path, table: str):
    return pq.read_table(directory / table).to_pylist()


def test_tables_hold_every_fact_with_offsets_and_fixed_schemas(corpus, tmp_path, capsys):
    from analysis.parquet import TABLES, table_schemas

    code, out, _ = run(capsys, "analyze", str(corpus))
    records = [json.loads(line) for line in out.splitlines()]
    target = tmp_path / "facts"
    code, out, err = run(capsys, "analyze", str(corpus), "--format", "parquet", "-o", str(target))
    assert code == 0 and out == "", err
    for table in TABLES:
        parts = sorted(p.name for p in (target / table).iterdir())
        assert parts == ["part-00000.parquet"]
        assert pq.read_schema(target / table / parts[0]) == table_schemas()[table]
    articles = read(target, "articles")
    assert [a["article_id"] for a in articles] == [r["id"] for r in records]
    text = {a["article_id"]: a["text"] for a in articles}
    mentions, quotes, numbers = (read(target, t) for t in ("mentions", "quotes", "numbers"))
    assert len(mentions) == sum(len(e["mentions"]) for r in records for e in r["entities"])
    assert len(read(target, "entities")) == sum(len(r["entities"]) for r in records)
    assert len(quotes) == sum(len(r["quotes"]) for r in records)
    assert len(numbers) == sum(len(r["numbers"]) for r in records)
    claims = read(target, "claims")
    assert len(claims) == sum(len(r["claims"]) for r in records)
    assert [c["kind"] for c in claims] == [c["kind"] for r in records for c in r["claims"]]
    for row in mentions + quotes + numbers:
        assert text[row["article_id"]][row["start"]:row["end"]] == row["text"]
    for row in quotes:
        if row["speaker_mention_text"] is not None:
            span = text[row["article_id"]][row["speaker_mention_start"]:row["speaker_mention_end"]]
            assert span == row["speaker_mention_text"]
    expected = [n for r in records for n in r["numbers"]]
    for row, fact in zip(numbers, expected, strict=True):
        for field in ("qualifier", "kind", "unit", "counted", "source", "source_entity"):
            assert row[field] == fact[field]
        value = fact["value"]
        if isinstance(value, str):
            assert (row["value"], row["value_iso"]) == (None, value)
        else:
            assert row["value"] == value and row["value_iso"] is None
    manifest = json.loads((target / "_copydesk.json").read_text())
    assert manifest["rows"]["quotes"] == len(quotes) and manifest["format"] == "copydesk-parquet"


def test_top_speakers_query_over_the_quotes_table(corpus, tmp_path, capsys):
    target = tmp_path / "facts"
    assert run(capsys, "analyze", str(corpus), "--format", "parquet", "-o", str(target))[0] == 0
    import pyarrow.compute as pc

    table = pq.read_table(target / "quotes")
    quotes = table.filter(pc.is_valid(table["speaker"]))
    top = quotes.group_by("speaker").aggregate([("text", "count")]).sort_by(
        [("text_count", "descending"), ("speaker", "ascending")]).to_pylist()
    assert top[0] == {"speaker": "Mira Osei", "text_count": 2}
    assert {"speaker": "Jon Bell", "text_count": 1} in top


def test_parts_split_by_articles_and_rerun_replaces_own_output(corpus, tmp_path):
    from analysis.articles import make_article
    from analysis.model import Analysis
    from analysis.parquet import write_parquet

    articles = [make_article(t, f"{i}.txt") for i, t in enumerate(STORIES)]
    target = tmp_path / "out"
    rows = write_parquet(((a, Analysis()) for a in articles), target, per_part=2)
    assert rows["articles"] == 3 and rows["quotes"] == 0
    assert sorted(p.name for p in (target / "quotes").iterdir()) == [
        "part-00000.parquet", "part-00001.parquet"]
    assert pq.read_table(target / "quotes").schema.field("speaker").type == pa.string()
    write_parquet(((a, Analysis()) for a in articles[:1]), target)
    assert sorted(p.name for p in (target / "articles").iterdir()) == ["part-00000.parquet"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_foreign_or_file_targets_are_refused_untouched(corpus, tmp_path, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(corpus), "--format", "parquet", "-o", str(mine))
    assert code == 2 and "refusing to write into it" in err
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    a_file = tmp_path / "file.parquet"
    a_file.write_bytes(b"x")
    code, _, err = run(capsys, "analyze", str(corpus), "--format", "parquet", "-o", str(a_file))
    assert code == 2 and "not a directory" in err and a_file.read_bytes() == b"x"
    code, _, err = run(capsys, "analyze", str(corpus), "--format", "parquet")
    assert code == 2 and "needs -o DIR" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "analyze", str(corpus), "--format", "parquet", "-o", str(empty))
    assert code == 0, err
    assert (empty / "articles" / "part-00000.parquet").exists()
