"""The count of marked facts, shown on every screen's status line."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Label


class MarksBadge(Label):
    """``● 3 marked``: follows the app's ``mark_count``."""

    DEFAULT_CSS = """
    MarksBadge { width: auto; padding: 0 0 0 2; color: $text-muted; }
    MarksBadge.-some { color: $text-accent; text-style: bold; }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "mark_count", self._show, init=True)

    def _show(self, count: int) -> None:
        self.set_class(count > 0, "-some")
        self.update(Content(f"● {count} marked"))
