"""``copydesk search`` end to end on a small corpus, with the real spaCy pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_634e7bab463b1986.txt"
ARTICLE = (
    "Storm closes the port of Tellhaven\n\n"
    "TELLHAVEN - The harbour master Agnieszka Brzozowska said on Tuesday that the port would stay "
    "closed. \"We cannot risk a single ship in this weather,\" Brzozowska told reporters.\n\n"
    "About 40 vessels are waiting outside the breakwater, the port authority said.\n"
)


def test_cli_search_jsonl(tmp_path, capsys, nlp):
    path = tmp_path / "storm.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code = main(["search", "singel ship weather", str(path), "--format", "jsonl"])
    out = capsys.readouterr().out
    assert code == 0
    hits = [json.loads(line) for line in out.splitlines()]
    assert hits, out
    for hit in hits:
        assert {"kind", "text", "score", "article_id", "path", "title", "start", "end"} <= set(hit)
        assert hit["path"] == str(path)
        assert hit["title"] == "Storm closes the port of Tellhaven"
        if hit["kind"] != "article":
            assert ARTICLE[hit["start"]:hit["end"]] == hit["text"]
    assert "single ship" in hits[0]["text"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    quotes = [h for h in hits if h["kind"] == "quote"]
    if quotes:  # quote extraction is another package's job; check the format when it finds one
        assert "speaker" in quotes[0]


def test_cli_search_kind_and_empty_query(tmp_path, capsys, nlp):
    path = tmp_path / "storm.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["search", "", str(path), "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["search", "vessels", str(path), "--kind", "sentence", "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines and all(h["kind"] == "sentence" for h in lines)
    assert main(["search", "[bold] \x1b[31m %", str(path)]) == 0


def test_cli_search_finds_a_quote_by_its_speakers_name(capsys, nlp):
    """The issue's example: the quote says "he said", the query names Klitschko (with typos)."""
    seed = SEED
    assert main(["search", "klitchko hospitl", str(seed), "--format", "jsonl"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    quotes = [h for h in hits if h["kind"] == "quote" and "hospitalised" in h["text"]]
    assert quotes and quotes[0]["speaker"] == "Vitali Klitschko"
    assert hits.index(quotes[0]) < 5
    assert main(["search", "klitchko hospitl", str(seed), "--kind", "quote",
                 "--format", "jsonl"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert "hospitalised" in first["text"]


def test_cli_search_kind_claim(tmp_path, capsys, nlp):
    text = SEED.read_text(encoding="utf-8")
    assert main(["search", "himars rockit", str(SEED), "--kind", "claim", "--format",
                 "jsonl"]) == 0
    hits = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert hits and all(h["kind"] == "claim" and "speaker" in h for h in hits)
    assert "Himars rocket systems had been used" in hits[0]["text"]
    assert text[hits[0]["start"]:hits[0]["end"]] == hits[0]["text"]
    with pytest.raises(SystemExit) as exc:
        main(["search", "port", str(SEED), "--kind", "claims"])
    assert exc.value.code == 2
