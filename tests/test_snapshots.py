"""Snapshot tests (pytest-textual-snapshot) of the main screen, the help screen and a quote.

The facts are hand-written here for the seed article, fed through the app's ``analyze`` hook, so
the snapshots do not change when the extractors improve; real analysis is covered by test_app.py.
Update with ``pytest tests/test_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from analysis.loader import load
from analysis.model import Analysis, Entity, Mention, NumberFact, Quote
from tui.app import CopydeskApp

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_634e7bab463b1986.txt"


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _mention(text: str, needle: str, nth: int = 0) -> Mention:
    start, end = _span(text, needle, nth)
    return Mention(start, end, needle)


def fixed_analysis(text: str) -> Analysis:
    """The seed article's facts, written by hand (offsets computed from the text)."""
    entities = [
        Entity("e1", "Kyiv", "GPE", [_mention(text, "KYIV"), _mention(text, "Kyiv"),
                                     _mention(text, "Kyiv", 1), _mention(text, "Kyiv", 2)]),
        Entity("e2", "Russian defence ministry", "ORG",
               [_mention(text, "Russian defence ministry"),
                _mention(text, "Russian defence ministry", 1)]),
        Entity("e3", "Makiivka", "GPE", [_mention(text, "Makiivka")]),
        Entity("e4", "Vladimir Putin", "PERSON", [_mention(text, "Vladimir Putin")]),
        Entity("e5", "Vitali Klitschko", "PERSON", [_mention(text, "Vitali Klitschko")]),
        Entity("e6", "Ukrenergo", "ORG", [_mention(text, "Ukrenergo")]),
        Entity("e7", "Volodymyr Zelensky", "PERSON", [_mention(text, "Volodymyr Zelensky")]),
        Entity("e8", "Mykhailo Podolyak", "PERSON", [_mention(text, "Mykhailo Podolyak")]),
    ]

    def quote(needle: str, speaker: str, entity: str, cue: str, kind: str = "direct") -> Quote:
        start, end = _span(text, needle)
        return Quote(start, end, needle, kind, speaker, entity, None, cue)

    quotes = [
        quote("as a result of a strike by four missiles", "Russian defence ministry", "e2",
              "said", "partial"),
        quote("An injured 19-year-old man was hospitalised in the Desnyanskyi district of the "
              "capital,", "Vitali Klitschko", "e5", "said"),
        quote("more complicated", "Ukrenergo", "e6", "said", "partial"),
        quote("That is why emergency shutdowns are now in effect,", "Ukrenergo", "e6", "said"),
        quote("Russia no longer has any military goals and is trying to kill as many civilians "
              "as possible and destroy more civilian facilities,", "Mykhailo Podolyak", "e8",
              "tweeted"),
        quote("A war to kill.", "Mykhailo Podolyak", "e8", "tweeted", "continuation"),
    ]

    def number(needle: str, value, kind: str, **kw) -> NumberFact:
        start, end = _span(text, needle)
        return NumberFact(start, end, needle, value, kind=kind, **kw)

    numbers = [
        number("dozens", None, "count", qualifier="dozens", counted="soldiers"),
        number("63", 63, "count", counted="servicemen"),
        number("four", 4, "count", counted="missiles"),
        number("Feb 24 last year", "--02-24", "date"),
        number("nearly 400", 400, "count", qualifier="approximately", counted="troops"),
        number("at least five", 5, "count", qualifier="at least", counted="people"),
        number("19-year-old", 19, "age", unit="years", counted="man"),
    ]
    return Analysis(entities, quotes, numbers)


class SnapshotApp(CopydeskApp):
    """The seed article with fixed facts, no cache and no search index."""

    def __init__(self) -> None:
        article = load([str(ROOT / SEED)]).articles[0]
        article = replace(article, path=SEED)  # a path that is the same on every machine
        analysis = fixed_analysis(article.text)

        def analyze(articles, cache, options, on_cached=None):
            for a in articles:
                yield a, analysis, False

        super().__init__([article], use_cache=False, analyze=analyze)

    def _start_search_index(self, cache) -> None:
        self.search_error = "off in snapshots"


async def _ready(pilot) -> None:
    app = pilot.app
    while not (app.store.complete and app._filled == app.current_index):
        await pilot.pause(0.02)
    await pilot.pause()


def test_main_screen(snap_compare):
    assert snap_compare(SnapshotApp(), terminal_size=(160, 45), run_before=_ready)


def test_main_screen_80x24(snap_compare):
    assert snap_compare(SnapshotApp(), terminal_size=(80, 24), run_before=_ready)


def test_help_screen(snap_compare):
    async def run_before(pilot) -> None:
        await _ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(SnapshotApp(), terminal_size=(120, 40), run_before=run_before)


def test_highlighted_quote(snap_compare):
    async def run_before(pilot) -> None:
        await _ready(pilot)
        await pilot.press("tab", "tab", "tab")  # article list -> text -> Entities -> Quotes
        await pilot.press("down", "enter")  # Klitschko's quote
        await pilot.pause()

    assert snap_compare(SnapshotApp(), terminal_size=(120, 30), run_before=run_before)
