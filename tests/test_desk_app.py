"""Pilot tests of the corpus desk in the app: the S/E/F views, marking across articles and views,
C, e (Markdown, CSV, overwrite confirmation) and the views while analysis is still running.

The three articles and their facts are written by hand (tests/desk_corpus.py) and analysed
without a cache, so the desk is an in-memory CorpusDesk fed by the app's worker.
"""

from __future__ import annotations

import csv
import threading

import pytest
from desk_corpus import desk_articles, fixed_analyze

from tui.app import CopydeskApp
from tui.screens.desk import DeskView
from tui.screens.desk_views import EntitiesView, FiguresView, SpeakersView
from tui.screens.export import ConfirmScreen, ExportScreen
from tui.widgets.marks import MarksBadge


async def wait_for(pilot, predicate, timeout: float = 20.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


def desk_app(gate=None, search: bool = False) -> CopydeskApp:
    app = CopydeskApp(desk_articles(), use_cache=False, analyze=fixed_analyze(gate))
    if not search:
        app._start_search_index = lambda cache: setattr(app, "search_error", "off in this test")
    return app


async def ready(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.store.complete and app.desk is not None
                   and app.desk.progress() == (3, 3) and app._filled == app.current_index)
    await pilot.pause()


async def open_view(pilot, key: str, cls: type[DeskView]) -> DeskView:
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, cls)
                   and pilot.app.screen.main.count is not None)
    await pilot.pause()
    return pilot.app.screen


def rows(pane) -> list:
    return [o.payload for o in pane.list_widget.options if hasattr(o, "payload")]


def badge(app) -> str:
    return str(app.screen.query_one(MarksBadge).render())


# Marks ----------------------------------------------------------------------------------------


async def test_marks_across_articles_copy_in_reading_order():
    app = desk_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert "0 marked" in badge(app)
        await pilot.press("n", "n")  # the third article: mark its quote
        await wait_for(pilot, lambda: app._filled == 2)
        app.pane("quote").list_widget.focus()
        await pilot.press("space")
        assert "1 marked" in badge(app)
        await pilot.press("p", "p")  # back to the first: mark its number
        await wait_for(pilot, lambda: app._filled == 0)
        app.pane("number").list_widget.focus()
        await pilot.press("space")
        assert "2 marked" in badge(app)
        await pilot.press("C")
        lines = app.clipboard.split("\n")
        assert len(lines) == 2
        assert lines[0].startswith("63 [63 people (count)], according to Northline Energy — "
                                   "“Storm closes Portmere harbour”")
        assert lines[1].startswith("“The storm cost us dearly,” — Daniel Okafor")
        await pilot.press("space")  # unmark
        assert len(app.marks) == 1 and "1 marked" in badge(app)


async def test_space_and_C_with_nothing_selected_warn():
    app = desk_app()
    async with app.run_test(notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("C", "e")
        assert app.clipboard == "" and not isinstance(app.screen, ExportScreen)
        messages = [n.message for n in app._notifications]
        assert any("No marked facts" in m for m in messages)


async def test_export_markdown_csv_and_overwrite_confirmation(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = desk_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.pane("quote").list_widget.focus()
        await pilot.press("space")
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press(*"marks.txt", "enter")  # not allowed: the dialog stays and says why
        assert isinstance(app.screen, ExportScreen)
        assert ".md or .csv" in str(app.screen.query_one("#export-hint").render())
        await pilot.press(*(["backspace"] * 3), *"md", "enter")
        await pilot.pause()
        md = (tmp_path / "marks.md").read_text(encoding="utf-8")
        assert md.startswith("# Marked facts (1)")
        assert "“No ship leaves tonight,” — Elena Varga" in md

        app.pane("number").list_widget.focus()
        await pilot.press("space", "e", *"marks.md", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep the file
        assert not isinstance(app.screen, ConfirmScreen)
        assert (tmp_path / "marks.md").read_text(encoding="utf-8") == md
        await pilot.press("e", *"marks.md", "enter", "y")
        await pilot.pause()
        assert (tmp_path / "marks.md").read_text(encoding="utf-8").startswith(
            "# Marked facts (2)")

        await pilot.press("e", *"marks.csv", "enter")
        await pilot.pause()
        with open(tmp_path / "marks.csv", encoding="utf-8", newline="") as f:
            table = list(csv.DictReader(f))
        assert [r["fact"] for r in table] == ["quote", "number"]
        assert table[0]["speaker"] == "Elena Varga" and table[1]["value"] == "63"


# Views ----------------------------------------------------------------------------------------


async def test_speakers_view_sort_filter_detail_copy_and_open():
    app = desk_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        view = await open_view(pilot, "S", SpeakersView)
        speakers = rows(view.main)
        assert [s.name for s in speakers] == ["Elena Varga", "Daniel Okafor"]
        assert (speakers[0].quotes, speakers[0].articles) == (2, 2)
        assert "all 3 articles analysed" in str(view.query_one("#desk-progress").render())
        await pilot.press("s")  # by name
        await wait_for(pilot, lambda: [s.name for s in rows(view.main)][0] == "Daniel Okafor")
        await pilot.press("f", *"varg")
        await wait_for(pilot, lambda: [s.name for s in rows(view.main)] == ["Elena Varga"])
        await pilot.press("enter")  # the list takes enter: the speaker's quotes; filter kept
        await wait_for(pilot, lambda: len(rows(view.detail)) == 2)
        assert app.focused is view.detail.list_widget and view.main.filter_text == "varg"
        await pilot.press("escape", "y")  # back to the list
        assert app.clipboard == "Elena Varga"
        await pilot.press("enter")  # the speaker's quotes, with title and date
        assert app.focused is view.detail.list_widget
        first = rows(view.detail)[0]
        assert (first.title, first.date) == ("Storm closes Portmere harbour", "2026-01-05")
        await pilot.press("down", "c")
        assert app.clipboard.startswith("“We lost two cranes and a pier,” — Elena Varga, "
                                        "“Portmere counts the cost”, 2026-01-06")
        await pilot.press("enter")  # opens the article with the quote highlighted
        await wait_for(pilot, lambda: not isinstance(app.screen, DeskView))
        quote = rows_after = app.article_view.selection
        assert app.current_index == 1
        start, end = rows_after[0]
        assert app.articles[1].text[start:end] == "We lost two cranes and a pier,"
        assert quote == [(start, end)]


async def test_entities_view_articles_cooccurring_mark_and_escape():
    app = desk_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        view = await open_view(pilot, "E", EntitiesView)
        entities = rows(view.main)
        assert entities[0].name == "Portmere" and entities[0].articles == 3
        await wait_for(pilot, lambda: len(rows(view.detail)) >= 3)
        mentions = [r for r in rows(view.detail) if hasattr(r, "article_key")]
        assert [m.article_id for m in mentions] == ["d1", "d2", "d3"]
        others = [r for r in rows(view.detail) if not hasattr(r, "article_key")]
        assert {o.name for o in others} >= {"Elena Varga", "Northline Energy"}
        await pilot.press("enter")  # into the detail: its first article
        await pilot.press("space")
        (mark,) = app.marks.in_order()
        assert mark.kind == "entity" and mark.fact.name == "Portmere"
        assert mark.citation().startswith("Portmere (GPE) — “Storm closes Portmere harbour”")
        while not hasattr(view.detail.selected, "articles"):
            await pilot.press("down")
        other = view.detail.selected.name
        await pilot.press("enter")  # a co-occurring entity: its own details
        await wait_for(pilot, lambda: view.detail_of.name == other
                       and other in str(view.detail.border_title))
        await pilot.press("escape")  # detail -> list
        assert app.focused is view.main.list_widget
        await pilot.press("escape")  # list -> the article
        assert not isinstance(app.screen, DeskView)
        assert "1 marked" in badge(app)


async def test_figures_view_flags_disagreement_first_and_opens_the_figure():
    app = desk_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        view = await open_view(pilot, "F", FiguresView)
        options = view.main.list_widget.options
        assert "disagree" in str(options[0].prompt)
        figures = rows(view.main)
        assert [f.text for f in figures[:2]] == ["63", "nearly 400"]
        await pilot.press("down", "space")
        (mark,) = app.marks.in_order()
        assert mark.kind == "number" and mark.fact.qualifier == "approximately"
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, DeskView))
        assert app.current_index == 1
        (start, end), = app.article_view.selection
        assert app.articles[1].text[start:end] == "nearly 400"


async def test_views_show_what_is_analysed_so_far_and_catch_up():
    release = threading.Event()

    def gate(article) -> None:
        if article.id != "d1":
            release.wait(20)

    app = desk_app(gate)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.desk is not None and app.desk.progress()[0] == 1)
        view = await open_view(pilot, "S", SpeakersView)
        assert "analysed 1 of 3 articles" in str(view.query_one("#desk-progress").render())
        assert [(s.name, s.quotes) for s in rows(view.main)] == [("Elena Varga", 1)]
        await pilot.press("down", "up")  # responsive meanwhile
        release.set()
        await wait_for(pilot, lambda: len(rows(view.main)) == 2
                       and rows(view.main)[0].quotes == 2)
        await wait_for(pilot, lambda: "all 3 articles" in str(
            view.query_one("#desk-progress").render()))


async def test_desk_keys_in_footer_help_and_palette():
    app = desk_app()
    async with app.run_test(size=(120, 36)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for name in ("Speakers", "Entities", "Figures", "Mark", "Copy marked", "Export"):
            assert any(t.startswith(name) for t in titles), name
        shown = {b.key for b in app.BINDINGS if b.show}
        assert {"S", "E", "F", "space", "C", "e"} <= shown
        await pilot.press("question_mark")
        keys = [key for key, _ in app.screen.rows]
        assert {"S", "E", "F", "space", "C", "e"} <= set(keys)


async def test_slash_search_works_over_a_view():
    pytest.importorskip("analysis.search")
    from tui.screens.search import HitList, SearchScreen

    app = desk_app(search=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: app.search_index is not None and len(app.search_index) == 3)
        await open_view(pilot, "E", EntitiesView)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, EntitiesView)
        await pilot.press("slash", *"cranes")
        hits = app.screen.query_one(HitList)
        await wait_for(pilot, lambda: hits.option_count > 0)
        hit = app.screen.highlighted_hit
        await pilot.press("enter")  # the hit opens in its article, on the main screen
        await wait_for(pilot, lambda: not isinstance(app.screen, (SearchScreen, DeskView)))
        assert app.article_view.selection == [(hit.start, hit.end)]


async def test_a_long_list_is_cut_and_says_so(monkeypatch):
    monkeypatch.setattr(EntitiesView, "row_limit", 2)
    app = desk_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        view = await open_view(pilot, "E", EntitiesView)
        assert len(rows(view.main)) == 2
        assert "(2+)" in str(view.main.border_title)
        assert "press f to filter" in str(view.main.list_widget.options[-1].prompt)
        await pilot.press("f", *"okafor")  # the filter reaches the ones not listed
        await wait_for(pilot, lambda: [e.name for e in rows(view.main)] == ["Daniel Okafor"])


async def test_views_read_the_desk_kept_in_the_cache_database():
    from analysis.cache import cache_dir

    app = CopydeskApp(desk_articles(), use_cache=True, analyze=fixed_analyze())
    app._start_search_index = lambda cache: setattr(app, "search_error", "off in this test")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert app._cache is not None
        view = await open_view(pilot, "S", SpeakersView)
        assert [(s.name, s.quotes) for s in rows(view.main)] == [
            ("Elena Varga", 2), ("Daniel Okafor", 1)]
    import sqlite3

    conn = sqlite3.connect(cache_dir() / "cache.sqlite3")
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert any(name.startswith("desk_") for name in tables)
