"""Three short articles written for the corpus-desk app tests, with their facts by hand.

The facts are fixed (offsets computed from the text), so the views' tests and snapshots depend on
the desk's aggregates, not on the extractors. The people, places and figures are invented.
"""

from __future__ import annotations

from analysis.model import Analysis, Article, Entity, Mention, NumberFact, Quote

TEXTS = {
    "d1": (
        "Storm closes Portmere harbour",
        "2026-01-05",
        "PORTMERE - Harbour master Elena Varga closed the port on Monday. \"No ship leaves "
        "tonight,\" Varga said. Northline Energy said 63 people were evacuated in Portmere.",
    ),
    "d2": (
        "Portmere counts the cost",
        "2026-01-06",
        "Elena Varga said the damage in Portmere was wide. \"We lost two cranes and a pier,\" "
        "Varga told reporters. Officials said nearly 400 residents were evacuated in Portmere.",
    ),
    "d3": (
        "Northline raises prices",
        "2026-01-07",
        "Northline Energy raised prices by 2%. \"The storm cost us dearly,\" chief executive "
        "Daniel Okafor said in Portmere.",
    ),
}


def _mention(text: str, needle: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Mention(start, start + len(needle), needle)


def _quote(text: str, needle: str, speaker: str, entity: str) -> Quote:
    m = _mention(text, needle)
    return Quote(m.start, m.end, needle, "direct", speaker, entity, None, "said")


def _number(text: str, needle: str, value, kind: str = "count", **kw) -> NumberFact:
    m = _mention(text, needle)
    return NumberFact(m.start, m.end, needle, value, kind=kind, **kw)


def analyses(articles: list[Article]) -> dict[str, Analysis]:
    """The hand-written facts of each article, by article id."""
    out = {}
    for article in articles:
        t = article.text
        if article.id == "d1":
            out["d1"] = Analysis(
                entities=[
                    Entity("e1", "Elena Varga", "PERSON",
                           [_mention(t, "Elena Varga"), _mention(t, "Varga", 1)]),
                    Entity("e2", "Portmere", "GPE",
                           [_mention(t, "PORTMERE"), _mention(t, "Portmere")]),
                    Entity("e3", "Northline Energy", "ORG", [_mention(t, "Northline Energy")]),
                ],
                quotes=[_quote(t, "No ship leaves tonight,", "Elena Varga", "e1")],
                # Who gives each figure, as the pipeline reads it from "X said ...": two voices
                # on consecutive days make 63 and nearly 400 a disagreement, not a rising count.
                numbers=[_number(t, "63", 63, counted="people", source="Northline Energy")],
            )
        elif article.id == "d2":
            out["d2"] = Analysis(
                entities=[
                    Entity("e1", "Elena Varga", "PERSON",
                           [_mention(t, "Elena Varga"), _mention(t, "Varga", 1)]),
                    Entity("e2", "Portmere", "GPE",
                           [_mention(t, "Portmere"), _mention(t, "Portmere", 1)]),
                ],
                quotes=[_quote(t, "We lost two cranes and a pier,", "Elena Varga", "e1")],
                numbers=[_number(t, "nearly 400", 400, qualifier="approximately",
                                 counted="residents", source="Officials")],
            )
        else:
            out["d3"] = Analysis(
                entities=[
                    Entity("e1", "Northline Energy", "ORG", [_mention(t, "Northline Energy")]),
                    Entity("e2", "Daniel Okafor", "PERSON", [_mention(t, "Daniel Okafor")]),
                    Entity("e3", "Portmere", "GPE", [_mention(t, "Portmere")]),
                ],
                quotes=[_quote(t, "The storm cost us dearly,", "Daniel Okafor", "e2")],
                numbers=[_number(t, "2%", 2, "percent", unit="%")],
            )
    return out


def desk_articles() -> list[Article]:
    """The three articles, in reading order (d1, d2, d3)."""
    return [
        Article(id=key, path=f"desk/{key}.txt", text=text, title=title, date=date)
        for key, (title, date, text) in TEXTS.items()
    ]


def fixed_analyze(gate=None):
    """An ``analyze`` hook for the app that yields the fixed facts; ``gate(article)`` may block
    (to hold analysis part-way through)."""

    def analyze(articles, cache, options, on_cached=None):
        facts = analyses(articles)
        for article in articles:
            if gate is not None:
                gate(article)
            yield article, facts[article.id], False

    return analyze
