"""``copydesk speakers|entities|figures``: each format, options and exit codes, end to end."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tui.cli import main

STORIES = {
    "ru.txt": (
        "Strike on barracks in Makiivka\n\nMonday, January 2, 2023\n\n"
        "Russia's defence ministry said 63 servicemen were killed when rockets hit a building in "
        "Makiivka. \"The strike killed 63 of our men,\" ministry spokesman Igor Konashenkov said.\n"
    ),
    "ua.txt": (
        "Ukraine counts the dead in Makiivka\n\nTuesday, January 3, 2023\n\n"
        "Ukraine's military said nearly 400 Russian troops were killed in Makiivka. "
        "\"The building was full of soldiers,\" spokesman Serhiy Cherevatyi said. "
        "\"They had no warning,\" Cherevatyi added.\n"
    ),
}


@pytest.fixture
def corpus(tmp_path, nlp):
    for name, text in STORIES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_speakers_jsonl_text_and_csv(corpus, capsys):
    code, out, _ = run(capsys, "speakers", str(corpus), "--format", "jsonl")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["name"] == "Serhiy Cherevatyi" and lines[0]["quotes"] == 2
    for line in lines:
        assert set(line) == {"speaker_id", "name", "label", "aliases", "quotes", "claims",
                             "articles", "statements", "beliefs", "intentions", "items"}
        assert line["statements"] + line["beliefs"] + line["intentions"] == line["claims"]
        for item in line["items"]:
            text = (corpus / item["path"].rsplit("/", 1)[-1]).read_text(encoding="utf-8")
            assert text[item["start"]:item["end"]] == item["text"]
            assert item["kind"] in ("quote", "claim")
            assert (item.get("claim_kind") in ("speech", "belief", "intent")) == (
                item["kind"] == "claim")
            assert item["date"] in ("2023-01-02", "2023-01-03")
        kinds = [item["kind"] for item in line["items"]]
        assert (kinds.count("quote"), kinds.count("claim")) == (line["quotes"], line["claims"])
    # speech of no named speaker: one row, last, with a null id and name
    assert all(line["speaker_id"] and line["name"] and line["label"] for line in lines[:-1])
    assert lines[-1]["speaker_id"] is not None or lines[-1]["name"] is None
    code, out, _ = run(capsys, "speakers", str(corpus), "--sort", "name", "--limit", "1")
    assert code == 0 and out.splitlines()[0].split()[:5] == [
        "QUOTES", "STATEMENTS", "BELIEFS", "INTENTIONS", "ARTICLES"]
    assert f"of {len(lines)} speakers" in out.splitlines()[-1]
    code, out, _ = run(capsys, "speakers", str(corpus), "--format", "csv", "--filter", "konash")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["name"] for r in rows] == ["Igor Konashenkov"]


def test_entities_with_cooccurrence(corpus, capsys):
    code, out, _ = run(capsys, "entities", str(corpus), "--format", "jsonl", "--no-cache")
    assert code == 0
    rows = {r["name"]: r for r in map(json.loads, out.splitlines())}
    makiivka = rows["Makiivka"]
    assert (makiivka["label"], makiivka["articles"]) == ("GPE", 2)
    assert makiivka["cooccurring"] and set(makiivka["cooccurring"][0]) == {
        "entity_id", "name", "articles"}
    code, out, _ = run(capsys, "entities", str(corpus), "--filter", "makiivka")
    assert code == 0 and "Makiivka" in out and "MOST WITH" in out


def test_figures_flag_the_disagreement_first(corpus, capsys):
    code, out, _ = run(capsys, "figures", str(corpus), "--format", "jsonl")
    assert code == 0
    first = json.loads(out.splitlines()[0])
    assert first["disagree"] is True and first["group"].startswith("killed")
    values = {f["value"] for f in first["figures"]}
    assert {63, 400} <= values
    # SPEC §1's keys, plus value_from (SPEC §2), the figure's story (when, role, disputed) and
    # the story's copies.
    assert all(set(f) == {"value", "value_max", "value_from", "qualifier", "text", "counted",
                          "source", "when", "role", "disputed", "article_id", "path", "title",
                          "date", "start", "end", "copies"}
               for f in first["figures"])
    assert first["story"].startswith("killed") and any(f["disputed"] for f in first["figures"])
    assert all(f["copies"] == [] for f in first["figures"])  # no story here has a copy
    code, out, _ = run(capsys, "figures", str(corpus), "--limit", "1")
    assert code == 0 and out.startswith("! killed") and "figures disagree" in out
    assert "    story: killed" in out
    code, out, _ = run(capsys, "figures", str(corpus), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["disagree"] == "True"


def test_bad_input_is_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, "speakers", str(tmp_path / "missing"))
    assert code == 2 and "no such file" in err
    with pytest.raises(SystemExit) as exc:
        main(["entities", str(tmp_path), "--sort", "size"])
    assert exc.value.code == 2
