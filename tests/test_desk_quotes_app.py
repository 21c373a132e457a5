"""Pilot tests of the Quotes view (``Q``) and of copies in the desk views: facts written by hand."""

from __future__ import annotations

import pytest

from analysis.model import Analysis, Article, Entity, Mention, Quote
from tests.test_desk_app import wait_for
from tui.app import CopydeskApp
from tui.screens.desk_quotes import QuotesView
from tui.screens.desk_views import SpeakersView

SAID = "the dam will hold through the spring floods"
BODY = (
    "Engineers inspected the Vell dam on Monday after a week of heavy rain in the valley. "
    "Chief engineer Rosa Lind said the concrete showed no new cracks. \"{q},\" Lind said. "
    "Farmers downstream were not convinced and asked for the reservoir to be lowered."
)
ARTICLES = {
    "v1": ("Dam inspected after rain", "2026-04-02", BODY.format(q=SAID.capitalize())),
    "v2": ("Valley waits for the flood", "2026-04-01",
           "Residents of the valley filled sandbags. \"The dam will hold through the spring "
           "floods!\" Rosa Lind told the radio. Schools stayed open."),
    "v3": ("Dam: a fragment", "2026-04-05",
           "Lind insisted the dam \"will hold through the spring floods\" despite the rain."),
    "v4": ("Engineers check Vell dam", "2026-04-03",  # a wire copy of v1: a new headline
           BODY.format(q=SAID.capitalize())),
}


def articles() -> list[Article]:
    return [Article(id=k, path=f"pile/{k}.txt", text=t, title=title, date=d)
            for k, (title, d, t) in ARTICLES.items()]


def analyze(arts, cache, options, on_cached=None):
    for a in arts:
        q = next(s for s in (SAID.capitalize(), "The dam will hold through the spring floods!",
                             "will hold through the spring floods") if s in a.text)
        start = a.text.index(q)
        name = a.text.index("Lind")
        yield a, Analysis([Entity("e1", "Rosa Lind", "PERSON", [Mention(name, name + 4, "Lind")])],
                          [Quote(start, start + len(q), q, speaker="Rosa Lind")], []), False


def rows(pane) -> list:
    return [o.payload for o in pane.list_widget.options if hasattr(o, "payload")]


@pytest.fixture
def app():
    app = CopydeskApp(articles(), use_cache=False, analyze=analyze)
    app._start_search_index = lambda cache: setattr(app, "search_error", "off in this test")
    return app


async def test_q_opens_quotes_enter_opens_the_appearance_highlighted(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.store.complete and app.desk is not None
                       and app.desk.progress() == (4, 4))
        await pilot.press("Q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotesView)
                       and app.screen.main.count is not None)
        view = app.screen
        [row] = rows(view.main)
        assert row.articles == 3 and len(row.appearances) == 4  # v4 is a copy of v1
        await pilot.press("enter")  # the quotation: its appearances, first first
        await wait_for(pilot, lambda: view.detail.count == 4)
        facts = rows(view.detail)
        assert [f.article_id for f in facts] == ["v2", "v1", "v4", "v3"]
        assert [f.copy_of for f in facts] == [None, None, "v1", None]
        assert view.focused is view.detail.list_widget
        await pilot.press("down", "enter")  # v1: the article opens, the quote highlighted
        await wait_for(pilot, lambda: app.top_view() is None)
        await pilot.pause()
        a = app.current_article
        assert a.id == "v1"
        assert [(s, e) for s, e in app.article_view.selection] == [
            (a.text.index(SAID.capitalize()), a.text.index(SAID.capitalize()) + len(SAID))]


async def test_speaker_detail_says_how_often_a_quote_ran_and_where_copies_ran(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.store.complete and app.desk is not None
                       and app.desk.progress() == (4, 4))
        await pilot.press("S")
        await wait_for(pilot, lambda: isinstance(app.screen, SpeakersView)
                       and app.screen.detail.count is not None)
        view = app.screen
        [lind] = rows(view.main)
        assert (lind.quotes, lind.articles) == (3, 3)  # the copy counts once
        text = "\n".join(str(o.prompt) for o in view.detail.list_widget.options)
        assert text.count("quoted in 3 articles") == 3
        assert "also ran: v4.txt (2026-04-03)" in text
