"""The corpus desk's views (SPEC §3): a screen with a list read from :class:`CorpusDesk`, and for
Speakers and Entities a detail pane for the highlighted row.

Every query runs in a thread worker through ``app.desk_call`` (SQL aggregates, never every
analysis loaded into Python); the newest query supersedes the older ones. While the corpus is
still being analysed the app calls :meth:`DeskView.corpus_changed`, the view re-queries (at most
every ``REFRESH_S``) and its status line says how much is analysed. Text from articles is shown as
:class:`Content` built from plain strings, never parsed as markup.
"""

from __future__ import annotations

import time
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.screens.desk_rows import DeskOption, header, ident, note, table_row
from tui.widgets.marks import MarksBadge
from tui.widgets.panes import FilterInput, FilterPane, PaneList, one_line, with_mark

# The row helpers live in desk_rows; the views may import them from here too.
__all__ = ["DeskList", "DeskOption", "DeskPane", "DeskView", "ROW_LIMIT", "header", "ident",
           "note", "table_row"]

REFRESH_S = 1.0
# Rows built at most per list (an OptionList of thousands of rows takes a while to build); the
# main list says "500+" and how to find the rest (the filter, sent to SQL).
ROW_LIMIT = 500


class DeskList(PaneList):
    """The rows of a view pane."""


class DeskPane(FilterPane):
    """A bordered, filterable list of a view. The main list's filter goes to the SQL query
    (the view re-queries); a detail pane filters its rows here by their search keys."""

    def __init__(self, title: str, *, local: bool, id: str | None = None) -> None:
        super().__init__(title, id=id)
        self.local = local
        self.title = title
        self.rows: list[tuple[Option, str]] = []  # (option, lower-cased filter key)
        self.count: int | str | None = None

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="filter…")
        yield DeskList()

    @property
    def list_widget(self) -> DeskList:
        return self.query_one(DeskList)

    def set_rows(self, title: str, rows: list[tuple[Option, str]], count: int | str | None,
                 keep: Any = None) -> None:
        """Show these rows; the row whose payload equals ``keep`` stays highlighted."""
        self.title, self.rows, self.count = title, rows, count
        self._show(keep)

    def apply_filter(self, query: str) -> None:
        self.filter_text = query
        if self.local:
            self._show(None)
        else:
            screen = self.screen
            if isinstance(screen, DeskView):
                screen.reload()
            self.update_title()

    def _show(self, keep: Any) -> None:
        words = self.filter_text.lower().split() if self.local else []
        options = [self._signed(o) for o, key in self.rows if all(w in key for w in words)]
        if not options or all(o.disabled for o in options):
            options.append(note("no match" if self.filter_text else "nothing yet"))
        fact_list = self.list_widget
        fact_list.set_options(options)
        selectable = [i for i, o in enumerate(options) if not o.disabled]
        kept = [i for i in selectable if keep is not None
                and ident(getattr(options[i], "payload", None)) == ident(keep)]
        fact_list.highlighted = (kept or selectable or [None])[0]
        self.update_title()

    def _signed(self, option: Option) -> Option:
        """The row, with the mark before it when it is a marked fact (every view, every pane)."""
        payload = getattr(option, "payload", None)
        if payload is None or not self.marked(payload):
            return option
        return DeskOption(with_mark(Content(option.prompt) if isinstance(option.prompt, str)
                                    else option.prompt), payload)

    def update_title(self) -> None:
        count = "…" if self.count is None else (
            f"{self.count:,}" if isinstance(self.count, int) else self.count
        )
        self.border_title = Content(f"{self.title} ({count})")
        self.border_subtitle = Content(f"filter: {one_line(self.filter_text, 20)}") if (
            self.filter_text
        ) else None

    @property
    def selected(self) -> Any:
        """The payload of the highlighted row, if any."""
        fact_list = self.list_widget
        if fact_list.highlighted is None:
            return None
        option = fact_list.get_option_at_index(fact_list.highlighted)
        return getattr(option, "payload", None)


class DeskView(Screen[None]):
    """Base of the Speakers, Entities and Figures views.

    A view whose ``wrap_rows`` is False never wraps a row of its main list: rows are cut with
    "…" (rows built with :func:`table_row` to :attr:`row_width` keep their columns whole).
    """

    BINDINGS = [Binding("escape", "back", "Back", tooltip="Back to the list, then the article")]
    DEFAULT_CSS = """
    DeskView #desk-body { height: 1fr; }
    DeskView.-narrow #desk-body { layout: vertical; }
    DeskView DeskPane { height: 1fr; width: 1fr; border: round $foreground 30%; }
    DeskView DeskPane:focus-within { border: round $accent; }
    DeskView #desk-detail { width: 1.3fr; }
    DeskView.-narrow #desk-detail { width: 1fr; }
    DeskView DeskList {
        border: none; height: 1fr; padding: 0; background: transparent;
        scrollbar-size-vertical: 1;
    }
    DeskView DeskList:focus { border: none; }
    DeskView DeskList.-nowrap { text-wrap: nowrap; text-overflow: ellipsis; }
    DeskView #desk-status { height: 1; padding: 0 1; background: $panel; }
    DeskView #desk-progress { width: 1fr; color: $text-muted; }
    """
    view_name = "View"
    has_detail = False
    wrap_rows = True  # False: the main list's rows are cut with "…", never wrapped
    row_limit = ROW_LIMIT  # items of the main list shown at most

    def __init__(self) -> None:
        super().__init__()
        self._last_load = 0.0
        self._pending = False
        self.detail_of: Any = None  # the row the detail pane shows
        self._items: list[Any] | None = None  # the main list's last answer
        self._found: Any = None  # the detail pane's last answer
        self._row_width = 0  # the main list's width when its rows were built

    def compose(self) -> ComposeResult:
        with Horizontal(id="desk-body"):
            yield DeskPane(self.view_name, local=False, id="desk-list")
            if self.has_detail:
                yield DeskPane("Details", local=True, id="desk-detail")
        with Horizontal(id="desk-status"):
            yield Label(Content("reading the corpus desk…"), id="desk-progress")
            yield MarksBadge()
        yield Footer()

    @property
    def main(self) -> DeskPane:
        return self.query_one("#desk-list", DeskPane)

    @property
    def detail(self) -> DeskPane | None:
        found = self.query("#desk-detail")
        return found.first(DeskPane) if found else None

    @property
    def list_title(self) -> str:
        return self.view_name

    @property
    def row_width(self) -> int:
        """The width a row of the main list may take (its rows are rebuilt when it changes)."""
        rows = self.main.list_widget
        width = rows.content_region.width - rows.styles.scrollbar_size_vertical
        return width if width > 0 else 76

    def on_resize(self) -> None:
        self.call_after_refresh(self._resized)

    def _resized(self) -> None:
        if self._items is not None and self.row_width != self._row_width:
            self.redraw()

    def on_mount(self) -> None:
        self.main.list_widget.set_class(not self.wrap_rows, "-nowrap")
        self.main.title = self.list_title
        self.main.update_title()
        if self.detail is not None:
            self.detail.update_title()
        self.main.list_widget.focus()
        self.reload()

    # Queries ---------------------------------------------------------------------------------

    def fetch(self, desk: Any, filter_text: str, limit: int) -> list[Any]:
        """The main list's first ``limit`` items (worker thread)."""
        raise NotImplementedError

    def main_rows(self, items: list[Any]) -> list[tuple[Option, str]]:
        raise NotImplementedError

    def fetch_detail(self, desk: Any, item: Any) -> Any:
        """What the detail pane shows for ``item`` (worker thread)."""
        return None

    def detail_rows(self, item: Any, found: Any) -> tuple[str, list[tuple[Option, str]], int]:
        raise NotImplementedError

    def count_of(self, items: list[Any]) -> int:
        return len(items)

    def reload(self) -> None:
        """Query the main list again (its filter, sort or the corpus changed)."""
        self._last_load = time.monotonic()
        self._pending = False
        self._load(self.main.filter_text)

    def corpus_changed(self) -> None:
        """More articles are in the desk: re-query, at most every REFRESH_S seconds."""
        wait = self._last_load + REFRESH_S - time.monotonic()
        if wait <= 0:
            self.reload()
        elif not self._pending:
            self._pending = True
            self.set_timer(wait, self.reload)

    @work(thread=True, exclusive=True, group="desk-list", exit_on_error=False)
    def _load(self, filter_text: str) -> None:
        app: Any = self.app
        got = app.desk_call(
            lambda desk: (self.fetch(desk, filter_text, self.row_limit + 1), desk.progress())
        )
        if not get_current_worker().is_cancelled:
            app.call_from_thread(self._loaded, filter_text, got)

    def _loaded(self, filter_text: str, got: tuple[list[Any], tuple[int, int]] | str) -> None:
        if filter_text != self.main.filter_text or not self.is_attached:
            return
        if isinstance(got, str):  # the desk is not available (yet): say why
            self.set_progress(got)
            return
        items, (done, total) = got
        self._items = items
        keep = self.main.selected
        self.main.set_rows(self.list_title, *self._main_rows(items), keep)
        if done < total:
            self.set_progress(f"analysed {done:,} of {total:,} articles: showing those so far")
        else:
            self.set_progress(f"all {total:,} article{'s' if total != 1 else ''} analysed")
        self._follow_highlight(refresh=True)

    def set_progress(self, text: str) -> None:
        self.query_one("#desk-progress", Label).update(Content(text))

    # Detail ----------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self.main.list_widget:
            self._follow_highlight()

    def _follow_highlight(self, refresh: bool = False) -> None:
        item = self.main.selected
        if self.detail is None or item is None:
            return
        if refresh or ident(item) != ident(self.detail_of):
            self.show_detail(item)

    def show_detail(self, item: Any) -> None:
        self.detail_of = item
        self._load_detail(item)

    @work(thread=True, exclusive=True, group="desk-detail", exit_on_error=False)
    def _load_detail(self, item: Any) -> None:
        app: Any = self.app
        found = app.desk_call(lambda desk: self.fetch_detail(desk, item))
        if not get_current_worker().is_cancelled and not isinstance(found, str):
            app.call_from_thread(self._detail_loaded, item, found)

    def _detail_loaded(self, item: Any, found: Any) -> None:
        detail = self.detail
        if detail is None or ident(item) != ident(self.detail_of):
            return
        self._found = found
        title, rows, count = self.detail_rows(item, found)
        detail.set_rows(title, rows, count, keep=detail.selected)

    def _main_rows(self, items: list[Any]) -> tuple[list[tuple[Option, str]], int | str]:
        """The rows of at most ``row_limit`` items, and the count to show ("500+" when cut)."""
        limit = self.row_limit
        self._row_width = self.row_width
        if len(items) <= limit:
            return self.main_rows(items), self.count_of(items)
        rows = self.main_rows(items[:limit])
        rows.append((note(f"only the first {limit:,} are listed: press f to filter"), ""))
        return rows, f"{self.count_of(items[:limit]):,}+"

    def redraw(self) -> None:
        """Build the rows again from the last answers (the marks changed)."""
        if self._items is not None:
            self.main.set_rows(self.main.title, *self._main_rows(self._items),
                               keep=self.main.selected)
        detail = self.detail
        if detail is not None and self._found is not None and self.detail_of is not None:
            title, rows, count = self.detail_rows(self.detail_of, self._found)
            detail.set_rows(title, rows, count, keep=detail.selected)

    # Keys ------------------------------------------------------------------------------------

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        payload = getattr(event.option, "payload", None)
        if payload is None:
            return
        event.stop()
        self.open(payload, in_detail=event.option_list is not self.main.list_widget)

    def open(self, payload: Any, in_detail: bool) -> None:
        """``enter`` on a row: a fact opens in its article; other rows open their details."""
        app: Any = self.app
        fact = self.fact_of(payload)
        if fact is not None:
            app.open_desk_fact(fact)
            return
        detail = self.detail
        if detail is not None:
            if ident(payload) != ident(self.detail_of):
                self.show_detail(payload)
            detail.list_widget.focus()

    def fact_of(self, payload: Any) -> Any:
        """The ``DeskFact`` a row stands for, if it is a fact."""
        fact = getattr(payload, "fact", None)
        return fact if fact is not None else (payload if hasattr(payload, "article_key") else None)

    def focused_pane(self) -> DeskPane | None:
        widget = self.focused
        while widget is not None and not isinstance(widget, DeskPane):
            widget = widget.parent
        return widget

    def action_back(self) -> None:
        pane = self.focused_pane()
        if pane is not None and pane is self.detail:
            self.main.list_widget.focus()
        else:
            self.dismiss(None)
