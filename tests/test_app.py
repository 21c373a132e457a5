"""Pilot tests of the copydesk app: every key binding, on the seed article analysed for real.

Extractors change while the app is developed, so these tests assert UI behaviour (the highlight is
the fact's span, copies hold the fact verbatim and its speaker), not exact fact counts.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from analysis.loader import load
from analysis.model import Analysis, Article, Entity, Mention, Quote
from tui.app import CopydeskApp
from tui.screens.help import HelpScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import ArticleView
from tui.widgets.panes import FactList, FactPane, FilterInput

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "harbour_storm_sample.txt"
OKAFOR = "Every crew we have is on the road tonight"


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory) -> Path:
    """A cache directory holding the seed article's analysis and search index (built once)."""
    from analysis.cache import open_cache
    from analysis.runner import analyze_corpus

    directory = tmp_path_factory.mktemp("warm-cache")
    cache = open_cache(pytest.fail, directory)
    articles = load([str(SAMPLE)]).articles
    results = list(analyze_corpus(articles, cache))
    try:
        from analysis.search import SearchIndex
    except ImportError:
        pass
    else:
        index = SearchIndex(cache)
        for article, analysis, _ in results:
            index.add(article, analysis)
        index.close()
    cache.close()
    return directory


@pytest.fixture
def seed_articles(warm_cache, monkeypatch) -> list[Article]:
    """The seed corpus, with its analysis already cached (tests of a cold start load their own)."""
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(warm_cache))
    return load([str(SAMPLE)]).articles


@pytest.fixture
def cold_seed_articles() -> list[Article]:
    return load([str(SAMPLE)]).articles


async def wait_for(pilot, predicate, timeout: float = 30.0) -> None:
    """Let the app run until ``predicate()`` holds (analysis runs in a thread)."""
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


async def analysed(pilot, app: CopydeskApp) -> None:
    await wait_for(pilot, lambda: app._filled == app.current_index and app.store.complete)
    await pilot.pause()


def pane_list(app: CopydeskApp, kind: str) -> FactList:
    return app.pane(kind).list_widget


async def select_quote(pilot, app: CopydeskApp, needle: str) -> Quote:
    """Focus Quotes and move down until the quote containing ``needle`` is highlighted."""
    pane_list(app, "quote").focus()
    await pilot.pause()
    for _ in range(50):
        item = app.pane("quote").selected_item
        if item is not None and needle in item.fact.text:
            return item.fact
        await pilot.press("down")
    raise AssertionError(f"no quote containing {needle!r}")


def two_articles(tmp_path: Path) -> list[Article]:
    (tmp_path / "a.txt").write_text(
        "Alpha headline about a river\n\nThe river rose by 3 metres, the mayor said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Beta headline about a bridge\n\n\"It held,\" engineer Mara Quist said of the bridge.\n",
        encoding="utf-8",
    )
    return load([str(tmp_path)]).articles


# Start-up ------------------------------------------------------------------------------------


async def test_starts_with_list_focused_first_article_open_and_facts(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test(size=(160, 45)) as pilot:
        assert isinstance(app.focused, ArticleList)
        assert app.current_index == 0
        assert app.article_view.article is seed_articles[0]
        await analysed(pilot, app)
        analysis = app.store.get(0)
        for kind, facts in (("entity", analysis.entities), ("quote", analysis.quotes),
                            ("number", analysis.numbers)):
            pane = app.pane(kind)
            assert f"({len(facts)})" in str(pane.border_title)
            if facts:  # the first fact is selected
                assert pane.selected_item is not None
        quotes = app.pane("quote").items
        assert [q.start for q in quotes] == sorted(q.start for q in quotes)


async def test_second_start_shows_facts_from_cache(cold_seed_articles):
    seed_articles = cold_seed_articles
    first = CopydeskApp(seed_articles)
    async with first.run_test() as pilot:
        await analysed(pilot, first)
        assert first.store.from_cache == 0
    second = CopydeskApp(seed_articles)
    async with second.run_test() as pilot:
        await analysed(pilot, second)
        assert second.store.from_cache == 1
        assert second.store.get(0).to_dict() == first.store.get(0).to_dict()


# Focus and movement --------------------------------------------------------------------------


async def test_tab_and_shift_tab_cycle_focus(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test(size=(160, 45)) as pilot:
        order = [ArticleList, ArticleView, "entity", "quote", "number"]

        def at(step) -> bool:
            if isinstance(step, str):
                return app.focused is pane_list(app, step)
            return isinstance(app.focused, step)

        for step in order[1:] + order[:1]:
            await pilot.press("tab")
            assert at(step), (step, app.focused)
        for _ in order:
            await pilot.press("shift+tab")
        assert at(order[0])
        await pilot.press("shift+tab")
        assert at("number")


async def test_up_down_and_j_k_move_within_a_pane(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot, app)
        facts = pane_list(app, "number")
        assert facts.option_count >= 3
        facts.focus()
        start = facts.highlighted
        await pilot.press("down")
        assert facts.highlighted == start + 1
        await pilot.press("j")
        assert facts.highlighted == start + 2
        await pilot.press("k")
        assert facts.highlighted == start + 1
        await pilot.press("up")
        assert facts.highlighted == start


async def test_up_down_j_k_in_article_list(tmp_path):
    app = CopydeskApp(two_articles(tmp_path))
    async with app.run_test() as pilot:
        await pilot.press("down")
        assert app.current_index == 1
        await pilot.press("k")
        assert app.current_index == 0
        await pilot.press("j")
        assert app.current_index == 1
        await pilot.press("up")
        assert app.current_index == 0


async def test_n_and_p_open_next_and_previous_article(tmp_path):
    articles = two_articles(tmp_path)
    app = CopydeskApp(articles)
    async with app.run_test() as pilot:
        await pilot.press("n")
        assert app.current_index == 1 and app.article_view.article is articles[1]
        await pilot.press("n")  # stays on the last
        assert app.current_index == 1
        await pilot.press("p")
        assert app.current_index == 0 and app.article_view.article is articles[0]
        await analysed(pilot, app)
        assert all(c is not None for c in app.store.counts)


# Enter: highlight ---------------------------------------------------------------------------


async def test_enter_highlights_quote_span_and_scrolls_it_into_view(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test(size=(80, 24)) as pilot:  # small: the quote starts off screen
        await analysed(pilot, app)
        quote = await select_quote(pilot, app, OKAFOR)
        view = app.article_view
        assert not view.is_offset_visible(quote.start)
        await pilot.press("enter")
        await pilot.pause()
        assert view.selection == [(quote.start, quote.end)]
        assert seed_articles[0].text[quote.start:quote.end] == quote.text
        assert view.is_offset_visible(quote.start)
        assert app.focused is pane_list(app, "quote")


async def test_enter_on_entity_highlights_all_mentions_brackets_step(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot, app)
        pane = app.pane("entity")
        pane.list_widget.focus()
        for _ in range(40):
            item = pane.selected_item
            if item is not None and len(item.spans) > 1:
                break
            await pilot.press("down")
        else:
            pytest.skip("no entity with two mentions in the seed article")
        await pilot.press("enter")
        view = app.article_view
        mentions = sorted((m.start, m.end) for m in item.fact.mentions)
        assert view.selection == mentions and view.selection_kind == "entity"
        assert view.current == 0
        await pilot.press("right_square_bracket")
        assert view.current == 1
        assert "mention 2/" in str(view.border_subtitle)
        await pilot.press("left_square_bracket")
        assert view.current == 0
        await pilot.press("left_square_bracket")  # wraps around
        assert view.current == len(mentions) - 1


async def test_a_shows_all_facts_inline(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test() as pilot:
        await analysed(pilot, app)
        assert app.article_view.inline == []
        await pilot.press("a")
        analysis = app.store.get(0)
        kinds = {k for _, _, k in app.article_view.inline}
        assert len(app.article_view.inline) == (
            sum(len(e.mentions) for e in analysis.entities) + len(analysis.quotes)
            + len(analysis.numbers)
        )
        assert kinds <= {"entity", "quote", "number"}
        await pilot.press("a")
        assert app.article_view.inline == []


# Copying ------------------------------------------------------------------------------------


async def test_c_copies_quote_with_citation(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test(notifications=True) as pilot:
        await analysed(pilot, app)
        quote = await select_quote(pilot, app, OKAFOR)
        await pilot.press("c")
        assert quote.text in app.clipboard
        assert "Okafor" in app.clipboard
        assert seed_articles[0].title in app.clipboard
        assert any("Copied" in (n.title or "") for n in app._notifications)


async def test_y_copies_bare_text(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test() as pilot:
        await analysed(pilot, app)
        quote = await select_quote(pilot, app, OKAFOR)
        await pilot.press("y")
        assert app.clipboard == quote.text
        number = app.pane("number").selected_item.fact
        pane_list(app, "number").focus()
        await pilot.press("y")
        assert app.clipboard == number.text


async def test_c_from_article_list_copies_the_highlighted_fact(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test() as pilot:
        await analysed(pilot, app)
        await pilot.press("c")  # nothing highlighted yet: a warning, no copy
        assert app.clipboard == ""
        quote = await select_quote(pilot, app, OKAFOR)
        await pilot.press("enter")
        app.article_list.focus()
        await pilot.press("c")
        assert quote.text in app.clipboard


# Filtering ----------------------------------------------------------------------------------


async def test_f_filters_focused_pane_and_escape_clears(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await analysed(pilot, app)
        pane: FactPane = app.pane("quote")
        total = len(pane.items)
        pane.list_widget.focus()
        await pilot.press("f")
        assert isinstance(app.focused, FilterInput)
        await pilot.press(*"okafor")
        assert 0 < pane.shown < total
        shown = [o.item for o in pane.list_widget.options if hasattr(o, "item")]
        assert len(shown) == pane.shown and all("okafor" in it.search_key for it in shown)
        assert f"{pane.shown}/{total}" in str(pane.border_title)
        await pilot.press("enter")  # back to the list, filter kept
        assert app.focused is pane.list_widget and pane.filter_text == "okafor"
        await pilot.press("escape")  # escape on the filtered list clears it too
        assert pane.filter_text == "" and pane.shown == total
        await pilot.press("f", "x", "escape")
        assert pane.filter_text == "" and pane.shown == total
        assert app.focused is pane.list_widget
        assert not pane.has_class("-filtering")


async def test_f_filters_article_list(tmp_path):
    app = CopydeskApp(two_articles(tmp_path))
    async with app.run_test() as pilot:
        await pilot.press("f", *"bridge")
        await pilot.pause()
        assert app.article_list.rows == [1]
        assert app.current_index == 1
        await pilot.press("escape")
        assert app.article_list.rows == [0, 1]
        assert app.current_index == 1


# Search ---------------------------------------------------------------------------------------


async def test_slash_searches_corpus_and_enter_opens_hit(seed_articles):
    pytest.importorskip("analysis.search")
    app = CopydeskApp(seed_articles)
    async with app.run_test(size=(120, 36)) as pilot:
        await analysed(pilot, app)
        await wait_for(pilot, lambda: indexed(app))
        await pilot.press("slash")
        from tui.screens.search import HitList, SearchScreen

        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"crew on the road")
        hits = app.screen.query_one(HitList)
        await wait_for(pilot, lambda: hits.option_count > 0)
        hit = app.screen.highlighted_hit
        assert "road" in hit.text.lower()
        await pilot.press("down", "c")  # c copies the highlighted hit with its citation
        assert hit.text in app.clipboard or app.screen.highlighted_hit.text in app.clipboard
        await pilot.press("up")
        hit = app.screen.highlighted_hit
        await pilot.press("enter")
        assert not isinstance(app.screen, SearchScreen)
        assert app.article_view.selection == [(hit.start, hit.end)]
        assert seed_articles[0].text[hit.start:hit.end] == hit.text


def indexed(app: CopydeskApp) -> bool:
    """Every article is searchable."""
    index = app.search_index
    return index is not None and len(index) == len(app.articles)


async def test_first_facts_show_before_the_search_index_is_built(seed_articles):
    pytest.importorskip("analysis.search")
    import threading

    events: list[tuple[str, bool]] = []

    class Spy(CopydeskApp):
        def _fill(self, index, analysis) -> None:
            events.append(("facts", threading.current_thread() is threading.main_thread()))
            super()._fill(index, analysis)

        def _start_search_index(self, cache) -> None:
            events.append(("index", threading.current_thread() is threading.main_thread()))
            super()._start_search_index(cache)

    app = Spy(seed_articles)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: indexed(app))
        kinds = [kind for kind, _ in events]
        assert kinds.index("facts") < kinds.index("index")
        assert ("index", False) in events  # built off the UI thread


async def test_slash_before_the_index_is_ready_waits_for_it(seed_articles):
    pytest.importorskip("analysis.search")
    import threading

    from tui.screens.search import HitList, SearchScreen

    release = threading.Event()

    class SlowStart(CopydeskApp):
        def _start_search_index(self, cache) -> None:
            release.wait(30)
            super()._start_search_index(cache)

    app = SlowStart(seed_articles)
    async with app.run_test(size=(120, 36)) as pilot:
        await analysed(pilot, app)
        assert app.search_index is None
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"crew on teh road", "backspace", "[", "\\")  # typed before any index
        await pilot.pause(0.2)
        hits = app.screen.query_one(HitList)
        assert hits.option_count == 0
        assert "starting" in str(app.screen.query_one("#search-status").render())
        await pilot.press("backspace", "backspace", "d")
        release.set()  # the index starts and fills: the open query's hits catch up
        await wait_for(pilot, lambda: hits.option_count > 0)
        assert "road" in app.screen.highlighted_hit.text.lower()
        await wait_for(pilot, lambda: indexed(app))


async def test_slash_escape_closes_search(seed_articles):
    pytest.importorskip("analysis.search")
    app = CopydeskApp(seed_articles)
    async with app.run_test() as pilot:
        await pilot.press("slash")  # at once: the index need not be ready
        await pilot.press("escape")
        from tui.screens.search import SearchScreen

        assert not isinstance(app.screen, SearchScreen)


# Help, palette, quit ------------------------------------------------------------------------


async def test_question_mark_opens_help_and_escape_closes_it(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test() as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [key for key, _ in app.screen.rows]
        for key in ("n", "c", "y", "f", "/", "?", "q", "]", "[", "a", "enter", "escape"):
            assert key in keys
        assert any(key.startswith("tab") for key in keys)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_every_action_is_in_the_command_palette(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test() as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for binding in app.BINDINGS:
            assert any(t.startswith(binding.description) for t in titles), binding.description
        await pilot.press("ctrl+p")
        from textual.command import CommandPalette

        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"next article", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)


async def test_footer_lists_the_main_bindings(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test(size=(160, 45)):
        shown = {b.key for b in app.BINDINGS if b.show}
        assert {"n", "p", "c", "y", "f", "slash", "question_mark", "q"} <= shown


async def test_q_quits(seed_articles):
    app = CopydeskApp(seed_articles)
    async with app.run_test() as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_q_during_analysis_leaves_a_usable_cache(shared_corpus):
    from analysis.cache import open_cache

    articles = load([str(p) for p in sorted(shared_corpus.glob("*.txt"))[:12]]).articles
    app = CopydeskApp(articles)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.store.done >= 1)
        await pilot.press("q")
    cache = open_cache(pytest.fail)
    assert cache.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = cache.conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
    assert 1 <= stored <= len(articles)
    cache.close()
    with pytest.raises(sqlite3.ProgrammingError):
        cache.conn.execute("SELECT 1")


# Untrusted text ---------------------------------------------------------------------------


def _fixed(analyses: dict[str, Analysis]):
    def analyze(articles, cache, options, on_cached=None):
        for article in articles:
            yield article, analyses[article.id], False

    return analyze


async def test_markup_and_escapes_are_shown_literally_and_never_copied():
    text = (
        "Markup [bold red]x[/] title\n\n"
        'She said "stay \x1b[31mred\x1b[0m [link=http://x]now[/link]\x07 please" at noon.\n'
    )
    quote_start = text.index("stay")
    quote_end = text.index('" at')
    quote = Quote(quote_start, quote_end, text[quote_start:quote_end], speaker="Mx [b]Who[/b]")
    mention = Mention(text.index("She"), text.index("She") + 3, "She")
    analysis = Analysis(entities=[Entity("e1", "Mx [b]Who[/b]", "PERSON", [mention])],
                        quotes=[quote])
    article = Article(id="a1", path="evil.txt", text=text, title="Markup [bold red]x[/] title")
    app = CopydeskApp([article], use_cache=False, analyze=_fixed({"a1": analysis}))
    async with app.run_test(size=(100, 30)) as pilot:
        await analysed(pilot, app)
        view = app.article_view
        lines = ["".join(seg.text for seg in view.render_line(y)) for y in range(6)]
        screen = "\n".join(lines)
        assert "[bold red]x[/]" in screen
        assert "[link=http://x]now[/link]" in screen
        assert "\x1b" not in screen and "\x07" not in screen
        row = "".join(seg.text for seg in app.article_list.render_line(0))
        assert "[bold red]x[/]" in row
        await select_quote(pilot, app, "stay")
        await pilot.press("c")
        copied = app.clipboard
        assert "\x1b" not in copied and "\x07" not in copied
        assert "[link=http://x]now[/link]" in copied and "Mx [b]Who[/b]" in copied
        await pilot.press("y")
        assert app.clipboard == "stay red [link=http://x]now[/link] please"


# Layout ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_layout_fits_small_and_wide_terminals(seed_articles, size):
    app = CopydeskApp(seed_articles)
    async with app.run_test(size=size) as pilot:
        await analysed(pilot, app)
        for widget in (app.article_list, app.article_view,
                       *(app.pane(k) for k in ("entity", "quote", "number"))):
            region = widget.region
            assert region.width >= 10 and region.height >= 3, (widget, region)
            assert region.right <= size[0] and region.bottom <= size[1]
        assert app.screen.has_class("-wide") == (size[0] >= 120)


async def test_ten_thousand_articles_open_instantly():
    articles = [
        Article(id=f"s{i}", path=f"s{i}.txt", text=f"Title {i}\n\nBody {i}.", title=f"Title {i}")
        for i in range(10_000)
    ]
    empty = {a.id: Analysis() for a in articles}

    class NoSearch(CopydeskApp):
        def _start_search_index(self, cache) -> None:  # indexing 10,000 articles is not tested here
            self.search_error = "off"

    app = NoSearch(articles, use_cache=False, analyze=_fixed(empty))
    async with app.run_test() as pilot:
        await pilot.press("end")
        assert app.current_index == 9_999
        await pilot.press("home")
        assert app.current_index == 0
        await wait_for(pilot, lambda: app.store.complete)
