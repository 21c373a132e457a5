"""Pilot tests: reported speech in the Quotes pane, number sources, and claims in the app's search.

The analysis is built by hand (no spaCy), so these tests pin the UI, not the extractor.
"""

from __future__ import annotations

import pytest

from analysis.model import Analysis, Article, Claim, Entity, Mention, NumberFact, Quote
from tui.app import CopydeskApp
from tui.widgets.panes import FactOption

TEXT = (
    "Ferry service halted\n\n"
    "The port authority said nearly 300 passengers were stranded overnight. "
    "According to officials, the ferry will sail again on Friday. "
    "The operator denied that the crew had ignored the [bold]warning[/bold]. "
    "\"We are doing what we can,\" said captain Ilse Marlow.\n\n"
    + "The harbour was quiet the next morning. " * 40
    + "\n\nMarlow said the \x1b[31mengines\x07 had been checked twice."
)


def at(s: str) -> tuple[int, int]:
    start = TEXT.index(s)
    return start, start + len(s)


def make() -> tuple[Article, Analysis]:
    article = Article(id="ferry", path="news/ferry.txt", text=TEXT, title="Ferry service halted",
                      date="2025-03-07")
    later = TEXT.index("Marlow said")
    marlow = [Mention(*at("Ilse Marlow"), "Ilse Marlow"), Mention(later, later + 6, "Marlow")]
    quote = Quote(*at("We are doing what we can,"), "We are doing what we can,", "direct",
                  "Ilse Marlow", "e1", marlow[0], "said")
    claims = [
        Claim(*at("nearly 300 passengers were stranded overnight"),
              "nearly 300 passengers were stranded overnight", "the port authority", None,
              Mention(*at("The port authority"), "The port authority"), "said"),
        Claim(*at("the ferry will sail again on Friday"), "the ferry will sail again on Friday",
              "officials", None, Mention(*at("officials"), "officials"), "according to"),
        Claim(*at("the crew had ignored the [bold]warning[/bold]"),
              "the crew had ignored the [bold]warning[/bold]", "The operator", None,
              Mention(*at("The operator"), "The operator"), "denied"),
        Claim(*at("the \x1b[31mengines\x07 had been checked twice"),
              "the \x1b[31mengines\x07 had been checked twice", "Ilse Marlow", "e1", marlow[1],
              "said"),
    ]
    numbers = [
        NumberFact(*at("nearly 300"), "nearly 300", 300, "approximately", None, "count", None,
                   "passengers", source="the port authority"),
        NumberFact(*at("Friday"), "Friday", None, "exact", None, "date"),
    ]
    analysis = Analysis(entities=[Entity("e1", "Ilse Marlow", "PERSON", marlow)], quotes=[quote],
                        numbers=numbers, claims=claims)
    return article, analysis


def app_for() -> tuple[CopydeskApp, Article, Analysis]:
    article, analysis = make()

    def analyze(articles, cache, options, on_cached=None):
        for a in articles:
            yield a, analysis, False

    return CopydeskApp([article], use_cache=False, analyze=analyze), article, analysis


async def ready(pilot, app: CopydeskApp) -> None:
    for _ in range(500):
        if app._filled == app.current_index and app.store.complete:
            break
        await pilot.pause(0.02)
    await pilot.pause()


def prompts(app: CopydeskApp, kind: str) -> list[str]:
    return [str(o.prompt) for o in app.pane(kind).list_widget.options]


def test_fixture_offsets_hold():
    _, analysis = make()
    for fact in [*analysis.quotes, *analysis.claims, *analysis.numbers]:
        assert TEXT[fact.start:fact.end] == fact.text


async def test_quotes_pane_lists_reported_speech_in_its_own_section_and_inline():
    app, _, analysis = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, app)
        pane = app.pane("quote")
        assert str(pane.border_title) == "Quotes (1) · Reported (4)"
        shown = prompts(app, "quote")
        assert shown[1] == "Reported speech · 4"
        assert [o.item.kind for o in pane.list_widget.options if isinstance(o, FactOption)] == [
            "quote", "claim", "claim", "claim", "claim"]
        assert "“We are doing what we can,”" in shown[0]
        for claim, prompt in zip(analysis.claims[:3], shown[2:5], strict=True):
            assert claim.speaker in prompt and f"({claim.cue})" in prompt
            assert claim.text in prompt and "“" not in prompt  # never in quote marks
        assert "\x1b" not in shown[5] and "the engines had been checked twice" in shown[5]
        # Numbers show who gives the figure.
        assert str(app.pane("number").border_title) == "Numbers (2)"
        numbers = prompts(app, "number")
        assert numbers[0].startswith("nearly 300") and numbers[0].endswith(
            " — the port authority")
        assert "—" not in numbers[1]

        await pilot.press("a")  # all facts inline: claims too, drawn first so what lies inside
        inline = app.article_view.inline  # them keeps its own colour
        assert {(s, e) for s, e, k in inline if k == "claim"} == {
            (c.start, c.end) for c in analysis.claims}
        assert inline[0][2] == "claim"


async def test_a_claims_kind_is_shown_and_filterable():
    app, _, analysis = app_for()
    analysis.claims[1].kind = "intent"  # hand-set: the pane shows what the record says
    analysis.claims[3].kind = "belief"
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, app)
        shown = prompts(app, "quote")
        assert [p.split("\n")[0].rsplit(" · ", 1)[-1] for p in shown[2:6]] == [
            "statement", "intention", "statement", "belief"]
        app.pane("quote").list_widget.focus()
        await pilot.press("f", *"belief")
        pane = app.pane("quote")
        assert str(pane.border_title) == "Quotes (0/1) · Reported (1/4)"
        assert analysis.claims[3].text.split()[0] in prompts(app, "quote")[-1]
        await pilot.press("escape")
        await pilot.press("f", *"statement")
        assert str(pane.border_title) == "Quotes (0/1) · Reported (2/4)"


async def test_selecting_copying_and_filtering_a_claim():
    app, article, analysis = app_for()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot, app)
        fact_list = app.pane("quote").list_widget
        fact_list.focus()
        await pilot.press("down", "down")  # past the quote and the section header
        item = app.pane("quote").selected_item
        claim = analysis.claims[1]
        assert item.fact is claim and item.kind == "claim"
        await pilot.press("enter")
        await pilot.pause()
        view = app.article_view
        assert view.selection == [(claim.start, claim.end)] and view.selection_kind == "claim"
        assert TEXT[claim.start:claim.end] == claim.text
        await pilot.press("c")
        assert app.clipboard == ("According to officials, the ferry will sail again on Friday"
                                 " — “Ferry service halted”, 2025-03-07")
        assert any(n.title.startswith("Copied reported speech with citation")
                   for n in app._notifications)
        await pilot.press("y")
        assert app.clipboard == claim.text
        await pilot.press("down")  # the denial: worded as one, markup left literal
        await pilot.press("c")
        assert app.clipboard.startswith(
            "The operator denied that the crew had ignored the [bold]warning[/bold] — ")
        await pilot.press("down", "c")  # escapes and control characters never reach the clipboard
        assert app.clipboard.startswith("According to Ilse Marlow, the engines had been checked")
        await pilot.press("y")
        assert app.clipboard == "the engines had been checked twice"

        # The far claim is scrolled into view when selected.
        await pilot.press("enter")
        await pilot.pause()
        assert view.is_offset_visible(analysis.claims[3].start)

        await pilot.press("f", *"ferry")
        pane = app.pane("quote")
        assert str(pane.border_title) == "Quotes (0/1) · Reported (1/4)"
        assert "Reported speech · 1" in prompts(app, "quote")
        await pilot.press("escape")
        assert str(pane.border_title) == "Quotes (1) · Reported (4)"

        number = app.pane("number")
        number.list_widget.focus()
        await pilot.press("c")
        assert app.clipboard.startswith("nearly 300 [approximately 300 passengers (count)], "
                                        "according to the port authority — ")


async def test_search_finds_claims_and_copies_them_as_reported_speech():
    pytest.importorskip("analysis.search")
    from tui.screens.search import HitList, SearchScreen

    app, _, analysis = app_for()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot, app)
        for _ in range(500):
            if app.search_index is not None and len(app.search_index) == 1:
                break
            await pilot.pause(0.02)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"kind:claim ferry sail")
        hits = app.screen.query_one(HitList)
        for _ in range(500):
            if hits.option_count:
                break
            await pilot.pause(0.02)
        hit = app.screen.highlighted_hit
        assert (hit.kind, hit.text, hit.speaker) == ("claim", analysis.claims[1].text, "officials")
        await pilot.press("down", "c")
        assert app.clipboard.startswith("According to officials, the ferry will sail again")
        await pilot.press("enter")
        assert not isinstance(app.screen, SearchScreen)
        view = app.article_view
        assert view.selection == [(hit.start, hit.end)] and view.selection_kind == "claim"
