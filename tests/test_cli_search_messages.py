"""``copydesk search`` with no hits says so on stderr and exits 0 (issue 26); the app's search
overlay says the same (tests/test_app_lists.py)."""

from __future__ import annotations

from tui.cli import main
from tui.cli_common import no_hits_message

ARTICLE = (
    "Storm closes the port of Tellhaven\n\n"
    "TELLHAVEN - The harbour master said on Tuesday that the port would stay closed.\n"
)


def test_no_hits_message():
    assert no_hits_message("himars") == 'no hits for "himars"'
    assert no_hits_message("himars", "claim") == 'no hits for "himars" among claims'
    assert no_hits_message("a\x1b[31m  b\n") == 'no hits for "a b"'  # escapes removed


def test_search_with_no_hits_says_so_on_stderr_and_exits_0(tmp_path, capsys, nlp):
    path = tmp_path / "storm.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code = main(["search", "himars", str(path), "--kind", "claim", "--no-cache"])
    out, err = capsys.readouterr()
    assert (code, out) == (0, "")
    assert err.strip() == 'copydesk: no hits for "himars" among claims'
    code = main(["search", "himars", str(path), "--format", "jsonl", "--no-cache"])
    out, err = capsys.readouterr()
    assert (code, out) == (0, "")
    assert err.strip() == 'copydesk: no hits for "himars"'
    # with hits, nothing on stderr
    assert main(["search", "harbour", str(path), "--no-cache"]) == 0
    out, err = capsys.readouterr()
    assert "harbour" in out.lower() and "no hits" not in err
