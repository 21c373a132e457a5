"""What loading skipped, in the app's log screen (``L``) and on the command line's stderr."""

from __future__ import annotations

import json

import pytest

from analysis.loader import load
from analysis.model import Analysis
from tui.app import CopydeskApp
from tui.cli import main
from tui.screens.help import HelpScreen
from tui.screens.log import LoadLog, LogScreen, log_content

STORY = "Flood closes bridge\n\nRIVERTON - The old bridge closed on Tuesday, officials said.\n"


@pytest.fixture
def pile(tmp_path):
    """A folder as it comes: a story, its copy, a README, a manifest without text, a bad line."""
    folder = tmp_path / "pile"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text(STORY, encoding="utf-8")
    (folder / "README.md").write_text("# About\n\nThis folder holds stories.\n", encoding="utf-8")
    (folder / "manifest.jsonl").write_text(
        "".join(json.dumps({"file": f"{i}.txt"}) + "\n" for i in range(3)) + "{broken\n",
        encoding="utf-8")
    return folder


def empty_analyze(articles, cache, options, on_cached=None):
    for article in articles:
        yield article, Analysis(), False


def log_app(folder) -> CopydeskApp:
    result = load([str(folder)])
    app = CopydeskApp(result.articles, use_cache=False, analyze=empty_analyze,
                      load_log=LoadLog.from_result(result))
    app._start_search_index = lambda cache: setattr(app, "search_error", "off in this test")
    return app


async def test_L_shows_what_loading_skipped_and_merged_and_escape_closes_it(pile):
    app = log_app(pile)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.article_list.rows == [0]  # a.txt and its copy b.txt: one entry
        [note] = [n for n in app._notifications if n.title == "Log"]
        assert note.message == "2 problems while loading: press L to see them"
        await pilot.press("L")
        assert isinstance(app.screen, LogScreen)
        shown = str(app.screen.query_one("#log-text").render())
        assert f"{pile / 'manifest.jsonl'}:4: not valid JSON" in shown
        assert f'{pile / "manifest.jsonl"}: 3 records without "text", skipped' in shown
        assert f"{pile / 'README.md'}: describes the folder, not an article; skipped" in shown
        assert f"{pile / 'b.txt'}: same text as {pile / 'a.txt'}; merged into it" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, LogScreen)


async def test_L_is_in_help_and_in_the_command_palette(pile):
    app = log_app(pile)
    async with app.run_test() as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert ("L", "Log: inputs skipped while loading and why, and duplicates merged") in (
            app.screen.rows)
        await pilot.press("escape")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Log (L)" in titles


def test_an_empty_log_says_so_and_raises_no_notification():
    log = LoadLog()
    assert log.summary() is None
    assert "nothing skipped" in str(log_content(log))


def test_the_app_prints_no_load_warnings_to_the_terminal(pile, capsys, monkeypatch):
    seen = {}

    def run(self):
        seen["log"] = self.load_log

    monkeypatch.setattr(CopydeskApp, "run", run)
    assert main([str(pile), "--no-cache"]) == 0
    assert capsys.readouterr().err == ""
    assert len(seen["log"].skipped) == 2 and len(seen["log"].rules) == 1


def test_the_command_line_prints_one_warning_per_file_and_merges_copies(pile, capsys):
    assert main(["analyze", str(pile), "--no-cache"]) == 0
    out, err = capsys.readouterr()
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["path"] == str(pile / "a.txt")
    assert record["also_paths"] == [str(pile / "b.txt")]
    assert err.splitlines() == [
        f"copydesk: warning: {pile / 'manifest.jsonl'}:4: not valid JSON (Expecting property "
        "name enclosed in double quotes: line 4 column 2), line skipped",
        f'copydesk: warning: {pile / "manifest.jsonl"}: 3 records without "text", skipped '
        "(lines 1, 2, 3)",
    ]


def test_nothing_readable_still_says_why_before_the_error(tmp_path, capsys):
    bad = tmp_path / "only.jsonl"
    bad.write_text(json.dumps({"file": "x"}) + "\n", encoding="utf-8")
    assert main([str(bad)]) == 2
    err = capsys.readouterr().err
    assert 'records without "text"' in err or 'record without "text"' in err
    assert "no readable article" in err
