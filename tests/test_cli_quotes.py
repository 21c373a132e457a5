"""``copydesk quotes`` and copies in the desk commands, end to end on articles written here."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.test_cli_desk import run
from tui.cli import main

FIRST = (
    "Mayor warns of flood risk\n\nMonday, March 2, 2026\n\n"
    "RIVERTON - The mayor of Riverton, Anna Holm, warned residents on Monday that the river "
    "could burst its banks by Wednesday. \"We have never seen water this high in March, and we "
    "are not taking any chances with people's lives,\" Holm said at a press conference in the "
    "town hall.\n\n"
    "Emergency crews filled sandbags along the east bank through the night. The regional water "
    "authority said the level had risen by two metres since Friday. Schools in the low-lying "
    "districts will close on Tuesday, officials said.\n\n"
    "\"Every family on the east bank should have a bag packed,\" said fire chief Tomas Berg. He "
    "added that shelters had been opened in two schools on the hill.\n"
)
STORIES = {
    "a.txt": FIRST,
    "b.txt": (
        "Riverton braces for record flood\n\nTuesday, March 3, 2026\n\n"
        "Farmers upstream of Riverton moved cattle to higher ground as forecasters predicted "
        "more rain. The mayor, Anna Holm, repeated her warning: \"We have never seen water this "
        "high in March,\" she told the regional broadcaster.\n\n"
        "Insurance companies said claims could reach record levels. A spokesman for the "
        "national weather office said two more storms were expected before the weekend.\n"
    ),
    "c.txt": (
        "River peaks in Riverton as residents return\n\nThursday, March 5, 2026\n\n"
        "The river in Riverton peaked on Wednesday night just below the top of the new flood "
        "wall. Holm thanked volunteers. Last week she had said: \"we are not taking any chances "
        "with people's lives\". Engineers will inspect the wall next month, the council said.\n"
    ),
}


def wire_copy(text: str) -> str:
    """A syndicated copy: a new headline, the last paragraph cut, a sentence reworded."""
    paragraphs = text.split("\n\n")
    body = "\n\n".join(paragraphs[1:-1]).replace(
        "Emergency crews filled sandbags along the east bank through the night.",
        "Crews worked through the night filling sandbags on the east bank.")
    return "Riverton on alert as river rises\n\n" + body + "\n"


@pytest.fixture
def pile(tmp_path, nlp):
    for name, text in STORIES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_quotes_jsonl_one_row_per_quotation_earliest_first(pile, capsys):
    code, out, _ = run(capsys, "quotes", str(pile), "--format", "jsonl", "--no-cache")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    top = rows[0]
    assert set(top) == {"quote_id", "text", "speaker", "speaker_id", "articles", "first",
                        "appearances"}
    assert top["articles"] == 3 and top["speaker"] == "Anna Holm"
    assert [a["path"].rsplit("/", 1)[-1] for a in top["appearances"]] == ["a.txt", "b.txt",
                                                                          "c.txt"]
    assert top["first"] == {k: top["appearances"][0][k]
                            for k in ("article_id", "path", "title", "date", "start", "end")}
    assert top["first"]["date"] == "2026-03-02"
    for a in top["appearances"]:
        text = (pile / a["path"].rsplit("/", 1)[-1]).read_text(encoding="utf-8")
        assert text[a["start"]:a["end"]] == a["text"] and a["copy_of"] is None
    assert all(r["articles"] <= top["articles"] for r in rows)
    code, out, _ = run(capsys, "quotes", str(pile), "--filter", "bag packed", "--no-cache")
    assert code == 0 and "Tomas Berg" in out and "Anna Holm" not in out
    assert out.splitlines()[0].split()[:3] == ["ARTICLES", "FIRST", "SPEAKER"]
    code, out, _ = run(capsys, "quotes", str(pile), "--format", "csv", "--limit", "1",
                       "--no-cache")
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and row["articles"] == "3" and row["first_date"] == "2026-03-02"


def test_a_wire_copy_counts_once_and_lists_its_outlet(pile, capsys):
    code, before, _ = run(capsys, "speakers", str(pile), "--format", "jsonl", "--no-cache")
    (pile / "d.txt").write_text(wire_copy(FIRST), encoding="utf-8")
    code, after, _ = run(capsys, "speakers", str(pile), "--format", "jsonl", "--no-cache")
    assert code == 0
    counts = [{k: r[k] for k in ("name", "quotes", "claims", "articles")}
              for r in map(json.loads, before.splitlines())]
    rows = [json.loads(line) for line in after.splitlines()]
    assert [{k: r[k] for k in ("name", "quotes", "claims", "articles")} for r in rows] == counts
    holm = rows[0]
    first = next(i for i in holm["items"] if i["path"].endswith("a.txt"))
    assert [(c["outlet"], c["copy_of"]) for c in first["copies"]] == [
        ("d.txt", first["article_id"])]
    code, out, _ = run(capsys, "quotes", str(pile), "--format", "jsonl", "--no-cache")
    top = json.loads(out.splitlines()[0])
    assert top["articles"] == 3  # stories: the copy is one more appearance, not one more story
    copies = [a for a in top["appearances"] if a["copy_of"]]
    assert copies and all(a["path"].endswith("d.txt") for a in copies)
    assert all(a["copy_of"] == top["first"]["article_id"] for a in copies)


def test_quotes_bad_input_is_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, "quotes", str(tmp_path / "missing"))
    assert code == 2 and "no such file" in err
    with pytest.raises(SystemExit) as exc:
        main(["quotes", str(tmp_path), "--limit", "0"])
    assert exc.value.code == 2
