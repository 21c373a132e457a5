"""The export dialogs: a file name for the marked facts, and "overwrite?" when it exists."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from analysis.marked import EXPORT_SUFFIXES, export_format

DIALOG_CSS = """
    {name} {{ align: center middle; }}
    {name} > Vertical {{
        width: 70; max-width: 100%; height: auto; border: round $accent;
        background: $surface; padding: 0 1;
    }}
    {name} Input, {name} Input:focus {{
        border: none; height: 1; margin: 1 0 0 0; padding: 0 1; background: $boost;
    }}
    {name} .hint {{ color: $text-muted; margin-top: 1; }}
    {name} .error {{ color: $text-error; margin-top: 1; }}
    {name} Horizontal {{ height: auto; margin-top: 1; align-horizontal: right; }}
    {name} Button {{ margin-left: 1; }}
"""


class ExportScreen(ModalScreen[str | None]):
    """Asks for a file name ending in .md or .csv; dismisses with it, or None on escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = DIALOG_CSS.format(name="ExportScreen")

    def __init__(self, count: int, folder: Path) -> None:
        super().__init__()
        self.count = count
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Export {self.count} marked fact{'s' if self.count != 1 else ''}"
            box.border_subtitle = "enter write · esc cancel"
            yield Input(placeholder="marked.md or marked.csv", id="export-name")
            hint = f"Markdown (.md) or CSV (.csv), by the extension; relative to {self.folder}"
            yield Label(Content(hint), id="export-hint", classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        label = self.query_one("#export-hint", Label)
        if not name:
            label.update(Content("Type a file name, e.g. marked.md"))
            label.set_classes("error")
            return
        if export_format(Path(name)) is None:
            allowed = " or ".join(EXPORT_SUFFIXES)
            label.update(Content(f"The name must end in {allowed} (Markdown or CSV)."))
            label.set_classes("error")
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; ``y`` or the Yes button answers True, ``n`` or escape False."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]
    DEFAULT_CSS = DIALOG_CSS.format(name="ConfirmScreen")

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Confirm"
            yield Label(Content(self.question), classes="hint")
            with Horizontal():
                yield Button("No (n)", id="no")
                yield Button("Yes, overwrite (y)", id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
