"""Snapshot tests (pytest-textual-snapshot) of the main screen, the help screen, a quote, a claim.

The facts are hand-written here for the seed article, fed through the app's ``analyze`` hook, so
the snapshots do not change when the extractors improve; real analysis is covered by test_app.py.
Update with ``pytest tests/test_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from analysis.loader import load
from analysis.model import Analysis, Claim, Entity, Mention, NumberFact, Quote
from tui.app import CopydeskApp

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/001_harbour_storm_sample.txt"


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
        Entity("e1", "Elena Varga", "PERSON",
               [_mention(text, "Elena Varga"), _mention(text, "Varga", 1)]),
        Entity("e2", "Daniel Okafor", "PERSON",
               [_mention(text, "Daniel Okafor"), _mention(text, "Okafor", 1)]),
        Entity("e3", "Ruth Lindqvist", "PERSON", [_mention(text, "Ruth Lindqvist")]),
        Entity("e4", "Northline Energy", "ORG", [_mention(text, "Northline Energy")]),
        Entity("e5", "Portmere", "GPE",
               [_mention(text, "PORTMERE"), _mention(text, "Portmere"),
                _mention(text, "Portmere", 1)]),
    ]

    def quote(needle: str, speaker: str, entity: str, cue: str, kind: str = "direct") -> Quote:
        start, end = _span(text, needle)
        return Quote(start, end, needle, kind, speaker, entity, None, cue)

    quotes = [
        quote("A 19-year-old man was pulled from the water and taken to hospital,",
              "Elena Varga", "e1", "told"),
        quote("Every crew we have is on the road tonight. Nobody will be left in the cold.",
              "Daniel Okafor", "e2", "wrote"),
        quote("The breakwater held. Without it we would be counting far more losses.",
              "Ruth Lindqvist", "e3", ":"),
    ]

    def number(needle: str, value, kind: str, **kw) -> NumberFact:
        start, end = _span(text, needle)
        return NumberFact(start, end, needle, value, kind=kind, **kw)

    varga = {"source": "Elena Varga", "source_entity": "e1"}
    service = {"source": "the national weather service"}
    office = {"source": "the finance office"}
    numbers = [
        number("at least five", 5, "count", qualifier="at least", counted="people", **varga),
        number("nearly 400", 400, "count", qualifier="approximately", counted="households",
               **varga),
        number("140 km/h", 140, "measurement", unit="km/h", **service),
        number("63", 63, "count", counted="firefighters"),
        number("$3.5 million", 3_500_000, "money", qualifier="approximately", unit="USD",
               **office),
        number("2%", 2, "percent", unit="%", **office),
    ]

    def claim(needle: str, speaker: str, entity: str | None, by: str, cue: str) -> Claim:
        start, end = _span(text, needle)
        return Claim(start, end, needle, speaker, entity, _mention(text, by), cue)

    claims = [
        claim("A winter storm tore through the port city of Portmere on Monday, killing at least "
              "five people and leaving nearly 400 households without electricity",
              "Elena Varga", "e1", "Elena Varga", "said"),
        claim("gusts reached 140 km/h, the strongest since Feb 24 last year",
              "the national weather service", None, "national weather service", "said"),
        claim("Repairs will cost about $3.5 million, or roughly 2% of the city's annual budget",
              "the finance office", None, "the finance office", "according to"),
    ]
    return Analysis(entities, quotes, numbers, claims)


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
        await pilot.press("down", "enter")  # the Okafor quote
        await pilot.pause()

    assert snap_compare(SnapshotApp(), terminal_size=(120, 30), run_before=run_before)


def test_highlighted_claim(snap_compare):
    async def run_before(pilot) -> None:
        await _ready(pilot)
        await pilot.press("tab", "tab", "tab")  # to Quotes
        await pilot.press(*["down"] * 5, "enter")  # past the quotes: the finance office's claim
        await pilot.pause()

    assert snap_compare(SnapshotApp(), terminal_size=(120, 30), run_before=run_before)
