"""Who gives each figure: the speaker of the quote or claim a number stands in."""

from __future__ import annotations

from analysis.model import Claim, NumberFact, Quote


def assign_sources(
    numbers: list[NumberFact], quotes: list[Quote], claims: list[Claim]
) -> None:
    """Set ``source``/``source_entity`` of each number inside a quote or claim with a speaker.

    The innermost such stretch wins (a partial quote inside a claim, a claim inside a
    claim's content); numbers outside them keep both fields None.
    """
    stretches = [f for f in [*quotes, *claims] if f.speaker]
    for n in numbers:
        around = [f for f in stretches if f.start <= n.start and n.end <= f.end]
        if not around:
            n.source = n.source_entity = None
            continue
        best = min(around, key=lambda f: f.end - f.start)
        n.source, n.source_entity = best.speaker, best.speaker_entity
