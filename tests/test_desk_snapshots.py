"""Snapshots of the corpus desk's views on the three hand-written articles (tests/desk_corpus.py):
every view and its detail at 80x24 (issue 26), marks, a filter in use and the help screen.

Update with ``pytest tests/test_desk_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from desk_corpus import desk_articles, fixed_analyze

from tui.app import CopydeskApp
from tui.screens.desk import DeskView


class DeskSnapshotApp(CopydeskApp):
    """The desk articles with fixed facts, no cache and no search index."""

    def __init__(self) -> None:
        super().__init__(desk_articles(), use_cache=False, analyze=fixed_analyze())

    def _start_search_index(self, cache) -> None:
        self.search_error = "off in snapshots"


def open_view(key: str, *then: str):
    async def run_before(pilot) -> None:
        app = pilot.app
        while not (app.store.complete and app.desk is not None
                   and app.desk.progress() == (3, 3)):
            await pilot.pause(0.02)
        await pilot.press(key)
        while not (isinstance(app.screen, DeskView) and app.screen.main.count is not None
                   and (app.screen.detail is None or app.screen.detail.count is not None)):
            await pilot.pause(0.02)
        await pilot.press(*then)
        await pilot.pause(0.2)
        app.clear_notifications()  # the "Marked" toast would cover the status line

    return run_before


def on_main(*keys: str, focus: str | None = None):
    """Wait for the desk, focus a fact pane (``entity``/``quote``/``number``), press keys."""
    async def run_before(pilot) -> None:
        app = pilot.app
        while not (app.store.complete and app.desk is not None
                   and app.desk.progress() == (3, 3) and app._filled == app.current_index):
            await pilot.pause(0.02)
        if focus:
            app.pane(focus).list_widget.focus()
        await pilot.press(*keys)
        await pilot.pause(0.2)
        app.clear_notifications()

    return run_before


def test_speakers_view(snap_compare):
    assert snap_compare(DeskSnapshotApp(), terminal_size=(130, 30),
                        run_before=open_view("S", "enter", "down", "space"))


def test_entities_view_80x24(snap_compare):
    assert snap_compare(DeskSnapshotApp(), terminal_size=(80, 24), run_before=open_view("E"))


def test_figures_view(snap_compare):
    assert snap_compare(DeskSnapshotApp(), terminal_size=(100, 30), run_before=open_view("F"))


def test_speakers_detail_80x24_with_a_mark(snap_compare):
    assert snap_compare(DeskSnapshotApp(), terminal_size=(80, 24),
                        run_before=open_view("S", "enter", "down", "space"))


def test_entities_detail_80x24(snap_compare):
    assert snap_compare(DeskSnapshotApp(), terminal_size=(80, 24),
                        run_before=open_view("E", "down", "enter", "down"))


def test_figures_view_80x24_with_a_mark(snap_compare):
    assert snap_compare(DeskSnapshotApp(), terminal_size=(80, 24),
                        run_before=open_view("F", "down", "space"))


def test_filter_in_a_view_keeps_its_text_80x24(snap_compare):
    assert snap_compare(DeskSnapshotApp(), terminal_size=(80, 24),
                        run_before=open_view("E", "f", "r", "down"))


def test_marked_quote_in_its_pane_80x24(snap_compare):
    assert snap_compare(DeskSnapshotApp(), terminal_size=(80, 24),
                        run_before=on_main("space", focus="quote"))


def test_help_80x24_lists_the_search_filters(snap_compare):
    async def run_before(pilot) -> None:
        await on_main("question_mark")(pilot)
        screen = pilot.app.screen
        scroll = screen.query_one("VerticalScroll")
        scroll.scroll_to_widget(screen.query_one("#help-filters-title"), top=True, animate=False)
        await pilot.pause(0.2)

    assert snap_compare(DeskSnapshotApp(), terminal_size=(80, 24), run_before=run_before)
