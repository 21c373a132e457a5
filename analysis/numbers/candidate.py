"""A number fact while it is being read from the text (``spans``, ``plain``, ``surroundings``),
before the parse-based checks (``filters``, ``counted``) turn it into a ``NumberFact``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Candidate:
    """A number fact before parse-based checks: ``core`` is the number itself inside the span."""

    start: int
    end: int
    core_start: int
    core_end: int
    source: str  # which CORE alternative found it
    value: object = None
    value_max: object = None
    qualifier: str = "exact"
    kind: str = "count"
    unit: str | None = None
    counted: str | None = None
    needs_head: bool = False  # "an hour": keep only when qualified or an object
    hyphen_noun: bool = False
    value_from: object = None  # a change's earlier value ("rose from 14 to 31": 14)
