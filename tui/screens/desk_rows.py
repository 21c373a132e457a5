"""The rows of the corpus desk's views: an option carrying what it shows, headings, notes and
table rows that never wrap. Text from articles is :class:`Content` from plain strings, never
markup."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets.option_list import Option

from tui.widgets.panes import one_line


class DeskOption(Option):
    """A row of a view carrying what it shows (a speaker, an entity, a fact, a figure...)."""

    def __init__(self, prompt: Content, payload: Any) -> None:
        super().__init__(prompt)
        self.payload = payload


def ident(payload: Any) -> Any:
    """What identifies a row across re-queries (counts change while analysis runs)."""
    for name in ("quote_id", "speaker_id", "entity_id"):
        value = getattr(payload, name, None)
        if value is not None:
            return (type(payload).__name__, value)
    return payload


def header(text: str, style: str = "bold $text-accent") -> Option:
    """A group heading: shown, never selected."""
    return Option(Content.styled(text, style), disabled=True)


def note(text: str) -> Option:
    return Option(Content.styled(text, "italic dim"), disabled=True)


def table_row(name: str | Content, cells: list[tuple[str, int]], width: int,
              cell_style: str = "dim") -> Content:
    """One line of a view's table: ``name`` cut with "…" to what the columns leave of ``width``,
    then each ``(text, column width)`` right-aligned. Never wider than ``width`` (never wraps).
    """
    tail = "".join(one_line(text, size - 1).rjust(size) for text, size in cells)
    room = max(4, width - len(tail))
    name = name if isinstance(name, Content) else Content(name)
    return Content.assemble(name.truncate(room, ellipsis=True, pad=True), (tail, cell_style))
