"""A candidate name span: the record the entity extractor's steps pass along (its own module, so
the steps that only need the type, e.g. :mod:`analysis.entities.bounds`, import it without an
import circle)."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.entities.gazetteer import Place


@dataclass(slots=True)
class Candidate:
    """A name span in token and char offsets, its label and where it came from."""

    start: int  # token index
    end: int
    start_char: int
    end_char: int
    text: str
    label: str
    source: str  # "ner" | "place" | "pattern" | "propagated" | "dateline"
    place: Place | None = None
