"""Snapshot of the ``L`` log screen at 80x24, with long paths and every kind of entry."""

from __future__ import annotations

from analysis.articles import make_article
from analysis.model import Analysis
from tui.app import CopydeskApp
from tui.screens.log import LoadLog

STORY = "Flood closes bridge\n\nRIVERTON - The old bridge closed on Tuesday, officials said.\n"
PILE = "/data/newsroom/piles/2026-12-04/wire"


class LogApp(CopydeskApp):
    def __init__(self) -> None:
        def analyze(articles, cache, options, on_cached=None):
            for article in articles:
                yield article, Analysis(), False

        log = LoadLog(
            skipped=[f'{PILE}/manifest.jsonl: 264 records without "text", skipped '
                     "(lines 1, 2, 3, …)",
                     f"{PILE}/feed.jsonl:17: not valid JSON (Unterminated string starting "
                     "at: line 17 column 9), line skipped",
                     f"{PILE}/crawl.warc.gz record 41 (https://news.example/a/very/long/"
                     "address/of/a/page.html): the page is cut short (truncated file), skipped"],
            rules=[f"{PILE}/README.md: describes the folder, not an article; skipped"],
            merged=[f"{PILE}/copy.txt: same text as {PILE}/bridge.txt; merged into it"],
        )
        super().__init__([make_article(STORY, f"{PILE}/bridge.txt")], use_cache=False,
                         analyze=analyze, load_log=log)

    def _start_search_index(self, cache) -> None:
        self.search_error = "off in the snapshot"


def test_log_screen_80x24(snap_compare):
    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.press("L")
        await pilot.pause()

    assert snap_compare(LogApp(), terminal_size=(80, 24), run_before=run_before)
