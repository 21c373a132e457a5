"""The shared look and behaviour of every pane and view (issue 26): lists stop at their ends; the
filter box keeps its text while the list takes up/down/enter; a marked fact shows ● wherever it
is listed; Speakers and Entities rows are table rows that never wrap; the search overlay says when
a query has no hits. On the hand-written desk articles (tests/desk_corpus.py), no spaCy."""

from __future__ import annotations

from dataclasses import replace

import pytest
from desk_corpus import desk_articles, fixed_analyze
from test_desk_app import desk_app, open_view, ready, rows, wait_for

from tui.app import CopydeskApp
from tui.screens.desk_views import EntitiesView, FiguresView, SpeakersView
from tui.widgets.article_view import ArticleView
from tui.widgets.panes import MARK, FilterInput

LONG = "Maximiliana Evangelista Montgomery-Ravensworth of the Harbour Authority"


def prompts(pane) -> list[str]:
    """The plain text of every row of a pane's list."""
    widget = pane.list_widget
    return [widget.get_option_at_index(i).prompt.plain for i in range(widget.option_count)]


async def focused(pilot, kind: str):
    """Once the desk articles are analysed, the ``kind`` fact pane with its list focused."""
    await ready(pilot)
    pane = pilot.app.pane(kind)
    pane.list_widget.focus()
    await pilot.pause()
    return pane


def selectable(pane) -> list[int]:
    widget = pane.list_widget
    return [i for i in range(widget.option_count) if not widget.get_option_at_index(i).disabled]


async def test_pane_and_view_lists_stop_at_their_ends():
    app = desk_app()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await focused(pilot, "entity")
        first, *_, last = selectable(pane)
        await pilot.press("up")
        assert pane.list_widget.highlighted == first  # no wrap to the last
        await pilot.press(*["down"] * 8)
        assert pane.list_widget.highlighted == last
        await pilot.press("down", "j")
        assert pane.list_widget.highlighted == last  # no wrap to the first
        view = await open_view(pilot, "S", SpeakersView)
        await pilot.press("k", "up")
        assert view.main.selected.name == "Elena Varga"
        await pilot.press("down", "down", "down")
        assert view.main.selected.name == "Daniel Okafor"


async def test_filter_keeps_its_text_while_the_list_takes_up_down_enter():
    app = desk_app()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await focused(pilot, "entity")
        await pilot.press("f", "r")  # Elena Varga, Portmere, Northline Energy
        box = pane.query_one(FilterInput)
        assert app.focused is box and pane.shown == 3
        first = pane.list_widget.highlighted
        await pilot.press("down")
        assert app.focused is box and box.value == "r"
        assert pane.list_widget.highlighted > first
        chosen = pane.selected_item
        await pilot.press("up", "down", "enter")  # enter: the list's enter, on its row
        assert app.focused is pane.list_widget and pane.selected_item == chosen
        assert app.shown == chosen  # shown in the article
        assert pane.filter_text == "r" and pane.has_class("-filtering")  # the filter stays
        # The article list: down opens the next article it shows; enter reads it.
        app.article_list.focus()
        await pilot.press("f", *"portmere")
        assert app.current_index == 0
        await pilot.press("down")
        await wait_for(pilot, lambda: app.current_index == 1)
        assert isinstance(app.focused, FilterInput) and app.focused.value == "portmere"
        await pilot.press("enter")
        assert isinstance(app.focused, ArticleView)
        # A view: down moves the speakers, the filter (sent to the desk) keeps its text.
        view = await open_view(pilot, "S", SpeakersView)
        await pilot.press("f", "a")
        await wait_for(pilot, lambda: len(rows(view.main)) == 2)
        await pilot.press("down")
        assert view.main.selected.name == "Daniel Okafor"
        assert isinstance(app.focused, FilterInput) and view.main.filter_text == "a"


async def test_a_marked_fact_shows_a_mark_in_every_pane_and_view():
    app = desk_app()
    async with app.run_test(size=(120, 36)) as pilot:
        quotes = await focused(pilot, "quote")
        await pilot.press("space")  # "No ship leaves tonight," in the Quotes pane
        assert [p for p in prompts(quotes) if p.startswith(MARK)] == [
            f"{MARK}Elena Varga\n“No ship leaves tonight,”"]
        view = await open_view(pilot, "S", SpeakersView)
        await pilot.press("enter")  # Elena Varga's quotes
        await wait_for(pilot, lambda: len(rows(view.detail)) == 2)
        marked = [p for p in prompts(view.detail) if p.startswith(MARK)]
        assert len(marked) == 1 and "No ship leaves tonight" in marked[0]
        await pilot.press("down", "space")  # mark the second in the view
        assert sum(p.startswith(MARK) for p in prompts(view.detail)) == 2
        await pilot.press("escape", "escape", "n")  # the second article: its pane shows it
        await wait_for(pilot, lambda: app._filled == 1)
        assert prompts(app.pane("quote"))[0].startswith(f"{MARK}Elena Varga")
        app.pane("number").list_widget.focus()
        await pilot.press("space")  # "nearly 400" from the Numbers pane: marked in Figures
        view = await open_view(pilot, "F", FiguresView)
        marked = [p for p in prompts(view.main) if p.startswith(MARK)]
        assert len(marked) == 1 and "nearly 400" in marked[0]
        await pilot.press("escape")
        app.pane("quote").list_widget.focus()
        await pilot.press("space")  # unmark: the mark goes
        assert not any(p.startswith(MARK) for p in prompts(app.pane("quote")))


def long_speaker_analyze():
    """The desk facts, with Daniel Okafor renamed to a very long name."""
    base = fixed_analyze()

    def analyze(articles, cache, options, on_cached=None):
        for article, analysis, cached in base(articles, cache, options, on_cached):
            if article.id == "d3":
                analysis = replace(
                    analysis,
                    entities=[replace(e, name=LONG) if e.name == "Daniel Okafor" else e
                              for e in analysis.entities],
                    quotes=[replace(q, speaker=LONG) for q in analysis.quotes],
                )
            yield article, analysis, cached

    return analyze


def long_speaker_app() -> CopydeskApp:
    app = CopydeskApp(desk_articles(), use_cache=False, analyze=long_speaker_analyze())
    app._start_search_index = lambda cache: setattr(app, "search_error", "off in this test")
    return app


@pytest.mark.parametrize("width", [80, 120, 160])
async def test_speaker_and_entity_rows_never_wrap(width):
    app = long_speaker_app()
    async with app.run_test(size=(width, 36)) as pilot:
        await ready(pilot)
        for key, cls in (("S", SpeakersView), ("E", EntitiesView)):
            view = await open_view(pilot, key, cls)
            widget = view.main.list_widget
            assert widget.has_class("-nowrap")
            for i in range(widget.option_count):
                for line in widget.get_option_at_index(i).prompt.plain.split("\n"):
                    assert len(line) <= view.row_width, line
            long_row = next(p for p in prompts(view.main) if p.startswith("Maximiliana"))
            assert "…" in long_row.split("\n")[0] and LONG not in long_row
            if key == "S":  # the counts keep their columns: quotes, said, belief, intent, articles
                assert long_row.split()[-5:] == ["1", "·", "·", "·", "1"]
            await pilot.press("escape")


async def test_the_search_overlay_says_when_there_are_no_hits(monkeypatch):
    pytest.importorskip("analysis.search")
    from tui.screens.search import SearchScreen

    app = desk_app(search=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: app.search_index is not None)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press(*"zzqxv")
        status = app.screen.query_one("#search-status")
        await wait_for(pilot, lambda: "no hits for" in str(status.render()))
        assert 'no hits for "zzqxv"' in str(status.render())


async def test_help_lists_every_search_filter_with_an_example():
    from analysis.search.query import FILTERS, parse_query
    from tui.screens.help import SEARCH_FILTERS, HelpScreen

    for name in FILTERS:
        rows = [(f, example) for f, example, _ in SEARCH_FILTERS if f.startswith(f"{name}:")]
        assert rows, name
        for _, example in rows:  # each example is a query the search reads as that filter
            assert example.startswith(f"{name}:") and f"{name}:" not in parse_query(example).text
    assert any("belief" in f and "intent" in f for f, _, _ in SEARCH_FILTERS)
    app = desk_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = [str(label.render()) for label in app.screen.query("#help-filters Label")]
        for name, example, _ in SEARCH_FILTERS:
            assert name in shown and any(s.startswith(example) for s in shown)
