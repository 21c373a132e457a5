"""The ``L`` log screen: the inputs skipped or merged while loading, and why.

The terminal app does not print these to the terminal (they would only show after quitting):
it keeps them here, with whatever the app warns about while it runs (the cache).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from analysis.loader import LoadResult, merged_notes
from analysis.sanitize import strip_controls


@dataclass
class LoadLog:
    """What loading skipped (``skipped``), left out by the folder rules (``rules``) and merged
    as duplicates (``merged``); ``later``: warnings raised while the app runs."""

    skipped: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    later: list[str] = field(default_factory=list)

    @classmethod
    def from_result(cls, result: LoadResult) -> LoadLog:
        """The log of one :func:`analysis.loader.load` run."""
        return cls(list(result.warnings), list(result.notes), merged_notes(result.articles))

    def sections(self) -> list[tuple[str, list[str]]]:
        """(heading, lines) for each kind of entry, in the order the screen shows them."""
        return [
            ("Skipped: something is wrong with them", self.skipped),
            ("Left out by the folder rules (README, LICENSE, CHANGELOG)", self.rules),
            ("Duplicates: the same text as an earlier input", self.merged),
            ("While running", self.later),
        ]

    def summary(self) -> str | None:
        """One line for a notification at start, or None when there is nothing to report."""
        if not self.skipped:
            return None
        n = len(self.skipped)
        return f"{n} problem{'s' if n != 1 else ''} while loading: press L to see them"


def log_content(log: LoadLog) -> Content:
    """Every section with its count and its lines; a calm line when there is nothing."""
    parts: list[str | tuple[str, str]] = []
    for heading, lines in log.sections():
        if not lines:
            continue
        if parts:
            parts.append("\n\n")
        parts.append((f"{heading} ({len(lines)})", "bold $text-accent"))
        for line in lines:
            parts += ["\n", ("• ", "$text-muted"), strip_controls(line)]
    if not parts:
        return Content("Every input was read: nothing skipped, nothing merged.")
    return Content.assemble(*parts)


class LogScreen(ModalScreen[None]):
    """The load log; escape, q or L closes it."""

    BINDINGS = [Binding("escape,q,L", "dismiss", "Close log", key_display="esc")]
    DEFAULT_CSS = """
    LogScreen { align: center middle; }
    LogScreen > VerticalScroll {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; border-title-align: center; background: $surface;
        padding: 0 1;
    }
    LogScreen #log-text { margin: 1 0; }
    """

    def __init__(self, log: LoadLog) -> None:
        super().__init__()
        self.log_entries = log

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Log: inputs skipped and merged"
            scroll.border_subtitle = "escape to close"
            yield Static(log_content(self.log_entries), id="log-text", markup=False)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
