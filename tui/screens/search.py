"""The ``/`` overlay: corpus-wide fuzzy search over quotes, claims, entities, numbers, sentences.

Each keystroke runs the query in an exclusive thread worker, which supersedes the previous one;
results of a superseded query are dropped. While the corpus is still being indexed the app calls
:meth:`SearchScreen.refresh_results` as the index grows, so the hits catch up with it.
``enter`` dismisses with the chosen hit (the app opens its article with the span highlighted);
``c`` / ``y`` on a hit copy it with or without citation.
Hit text is untrusted: shown as :class:`Content` with the matched spans styled, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from analysis.sanitize import display_safe
from tui.cli_common import no_hits_message
from tui.widgets.panes import PaneList, one_line

HIT_CHARS = 150
LIMIT = 30
KIND_STYLES = {
    "quote": "bold $text-success",
    "claim": "bold $text-success",
    "entity": "bold $text-primary",
    "number": "bold $text-warning",
    "sentence": "bold $text-secondary",
    "article": "bold $text-accent",
}


def hit_prompt(hit: Any) -> Content:
    """Two lines: kind and text with the matched parts styled; then who/what and the article."""
    flat = display_safe(hit.text).replace("\n", " ").replace("\t", " ")  # same length as hit.text
    text = Content(flat)
    for start, end in getattr(hit, "matched", None) or ():
        if 0 <= start < end <= len(flat):
            text = text.stylize("underline $text-accent", start, end)
    if len(flat) > HIT_CHARS:
        text = text[: HIT_CHARS - 1] + Content("…")
    extra = hit.speaker or hit.label or (None if hit.value is None else str(hit.value))
    where = one_line(hit.title or hit.path, 60)
    detail = f"{one_line(str(extra), 40)} · {where}" if extra else where
    return Content.assemble(
        (f"{hit.kind:<8} ", KIND_STYLES.get(hit.kind, "bold")), text, "\n",
        (f"{' ' * 9}{detail}", "dim"),
    )


class HitOption(Option):
    def __init__(self, hit: Any) -> None:
        super().__init__(hit_prompt(hit))
        self.hit = hit


class HitList(PaneList):
    """Search results (stopping at the ends, like every list); ``c``/``y`` copy the highlighted
    hit."""

    BINDINGS = [
        Binding("c", "copy_hit(True)", "Copy+cite"),
        Binding("y", "copy_hit(False)", "Copy text"),
    ]

    def action_copy_hit(self, cited: bool) -> None:
        screen = self.screen
        if isinstance(screen, SearchScreen) and (hit := screen.highlighted_hit) is not None:
            screen.copy(hit, cited)


class SearchScreen(ModalScreen[Any]):
    """Search box and results; dismisses with a hit or None."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("down", "focus_results", "Results", show=False),
    ]
    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical {
        width: 110; max-width: 100%; height: auto; max-height: 90%; margin-top: 1;
        border: round $accent; background: $surface;
    }
    SearchScreen Input, SearchScreen Input:focus {
        border: none; height: 1; margin: 0 1 1 1; padding: 0 1; background: $boost;
    }
    SearchScreen HitList { height: auto; max-height: 30; border: none; }
    SearchScreen #search-status { color: $text-muted; margin: 0 1; }
    """

    def __init__(
        self,
        search: Callable[[str, int], list[Any]],
        copy: Callable[[Any, bool], None],
        status: str = "",
    ) -> None:
        """``search(query, limit)`` runs in a worker thread and returns hits, best first."""
        super().__init__()
        self.search = search
        self.copy = copy
        self.status = status
        self.query_text = ""
        self.hit_count: int | None = None  # of the query shown, None when there is none

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Search the corpus"
            box.border_subtitle = "enter open · c copy+cite · y copy · esc close"
            yield Input(placeholder="quotes, claims, people, places, numbers, sentences, titles…")
            yield HitList()
            yield Label(Content(self.status), id="search-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @property
    def highlighted_hit(self) -> Any:
        hits = self.query_one(HitList)
        if hits.highlighted is None:
            return None
        option = hits.get_option_at_index(hits.highlighted)
        return option.hit if isinstance(option, HitOption) else None

    @on(Input.Changed)
    def _query_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        worker = get_current_worker()
        hits = self.search(query, LIMIT) if query.strip() else []
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_hits, query, hits)

    def show_hits(self, query: str, hits: list[Any]) -> None:
        """Show the hits of ``query`` unless a newer query has been typed since."""
        if query != self.query_text:
            return
        hit_list = self.query_one(HitList)
        hit_list.set_options([HitOption(hit) for hit in hits])
        hit_list.highlighted = 0 if hits else None
        self.hit_count = len(hits) if query.strip() else None
        self._show_status()

    def set_status(self, status: str) -> None:
        """Replace the status line's description of the index ("12 of 40 articles indexed")."""
        self.status = status
        self._show_status()

    def _show_status(self) -> None:
        label = self.query_one("#search-status", Label)
        n = self.hit_count
        if n is None:
            label.update(Content(self.status))
        elif n == 0:
            label.update(Content(f"{no_hits_message(self.query_text)} · {self.status}"))
        else:
            label.update(Content(f"{n} hit{'s' if n != 1 else ''} · {self.status}"))

    def refresh_results(self) -> None:
        """Run the query again (the index has grown), unless the user is in the results."""
        if self.query_text.strip() and self.query_one(Input).has_focus:
            self.run_search(self.query_text)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        hit = self.highlighted_hit
        if hit is not None:
            self.dismiss(hit)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option, HitOption):
            self.dismiss(event.option.hit)

    def action_focus_results(self) -> None:
        hit_list = self.query_one(HitList)
        if hit_list.option_count:
            hit_list.focus()

    def action_close(self) -> None:
        self.dismiss(None)
