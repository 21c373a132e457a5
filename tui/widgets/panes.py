"""Filterable panes: the article list and the Entities, Quotes and Numbers fact lists.

The Quotes pane lists direct quotes, then reported speech under a "Reported speech" header (never
in quote marks: it is not verbatim); its title counts both. Numbers show who gives the figure.

Each pane is a bordered container titled with its count; ``f`` reveals a filter input above the
list and typing narrows the list. While the filter keeps its text, ``up``/``down``/``pageup``/
``pagedown`` move in the list and ``enter`` acts on its row and moves to the list (as in fzf and
Harlequin); ``escape`` clears the filter. Lists stop at their ends (no wrap from last to first),
and a marked fact shows ``●`` before its row in every pane and view (:meth:`FilterPane.marked`).
Fact text is untrusted: prompts are built as :class:`textual.content.Content` from plain strings,
never parsed as markup.
"""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from analysis.model import Claim, Entity, NumberFact, Quote
from analysis.sanitize import strip_controls
from tui.facts import CLAIM_KIND_NAMES, FactItem, matches
from tui.widgets.article_list import ArticleList

PANE_TITLES = {"entity": "Entities", "quote": "Quotes", "number": "Numbers"}
QUOTE_CHARS = 160


def one_line(text: str, limit: int | None = None) -> str:
    """Control characters removed and whitespace collapsed; cut at ``limit`` with an ellipsis."""
    flat = " ".join(strip_controls(text).split())
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat


def plural(n: int, word: str) -> str:
    """``n`` with ``word``, plural unless one: "1 article", "2,500 quotes"."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def prompt_for(item: FactItem) -> Content:
    """The option text of one fact (plain text with styles; never markup)."""
    fact = item.fact
    if isinstance(fact, Entity):
        n = len(fact.mentions)
        return Content.assemble(
            (one_line(fact.name), "bold"), (f"  ×{n}", "dim"),
        )
    if isinstance(fact, Quote):
        speaker = one_line(fact.speaker) if fact.speaker else "unattributed"
        tag = "" if fact.kind == "direct" else f" ({fact.kind})"
        return Content.assemble(
            (speaker, "bold $text-success" if fact.speaker else "italic dim"),
            (tag, "dim"),
            "\n",
            one_line(f"“{fact.text}”", QUOTE_CHARS),
        )
    if isinstance(fact, Claim):
        speaker = one_line(fact.speaker) if fact.speaker else "source not identified"
        cue = f" ({one_line(fact.cue, 30)})" if fact.cue else ""
        return Content.assemble(
            (speaker, "bold $text-success" if fact.speaker else "italic dim"),
            (cue, "dim"),
            (f" · {CLAIM_KIND_NAMES.get(fact.kind, fact.kind)}", "italic $text-secondary"),
            "\n",
            (one_line(fact.text, QUOTE_CHARS), "italic"),
        )
    assert isinstance(fact, NumberFact)
    parts: list[str | tuple[str, str]] = [(one_line(fact.text, 60), "bold")]
    if fact.value is not None:
        value = _value(fact.value)
        if fact.value_max is not None:
            value += f"–{_value(fact.value_max)}"
        elif fact.value_from is not None:
            value = f"{_value(fact.value_from)} → {value}"
        unit = "" if not fact.unit else fact.unit if fact.unit == "%" else f" {fact.unit}"
        parts.append((f"  = {one_line(value + unit, 40)}", "$text-warning"))
    parts.append((f"  {fact.kind}", "italic dim"))
    if fact.counted:
        parts.append((f" · {one_line(fact.counted, 40)}", "dim"))
    if fact.source:
        parts.append((f" — {one_line(fact.source, 40)}", "$text-success"))
    return Content.assemble(*parts)


MARK = "● "  # before a marked fact's row
MARK_STYLE = "bold $text-accent"


def with_mark(prompt: Content) -> Content:
    """``prompt`` with the mark in front; the mark takes the place of a two-space indent."""
    if prompt.plain.startswith("  "):
        prompt = prompt[2:]
    return Content.assemble((MARK, MARK_STYLE), prompt)


class FactOption(Option):
    """An option carrying its :class:`FactItem`; ``●`` before it when it is marked."""

    def __init__(self, item: FactItem, marked: bool = False) -> None:
        prompt = prompt_for(item)
        super().__init__(with_mark(prompt) if marked else prompt)
        self.item = item


class PaneList(OptionList):
    """The list of a pane or view: ``j``/``k`` move too, and the cursor stops at the ends."""

    BINDINGS = [
        Binding("k", "cursor_up", "Up", show=False),
        Binding("j", "cursor_down", "Down", show=False),
    ]

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            if direction > 0:
                self.action_first()
            else:
                self.action_last()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    def action_cursor_down(self) -> None:
        """The next enabled row; stays on the last."""
        self._step(1)

    def action_cursor_up(self) -> None:
        """The previous enabled row; stays on the first."""
        self._step(-1)


class FilterInput(Input):
    """The filter box of a pane: typing narrows the list, the list takes ``up``/``down``/
    ``pageup``/``pagedown`` (the box keeps focus and text), ``enter`` acts on the list's row and
    focuses the list, ``escape`` clears the filter and returns to the list."""

    BINDINGS = [
        Binding("escape", "clear", "Clear filter"),
        Binding("down", "in_list('cursor_down')", "Down", show=False),
        Binding("up", "in_list('cursor_up')", "Up", show=False),
        Binding("pagedown", "in_list('page_down')", "Page down", show=False),
        Binding("pageup", "in_list('page_up')", "Page up", show=False),
    ]

    def action_clear(self) -> None:
        pane = self.parent
        if isinstance(pane, FilterPane):
            pane.clear_filter()

    def action_in_list(self, action: str) -> None:
        """Run a cursor action of the pane's list, the focus staying here."""
        pane = self.parent
        if isinstance(pane, FilterPane):
            getattr(pane.list_widget, f"action_{action}")()


class FilterPane(Vertical):
    """A bordered pane with a hidden filter input above its list widget."""

    BINDINGS = [Binding("escape", "clear_filter", "Clear filter")]

    DEFAULT_CSS = """
    FilterPane > FilterInput, FilterPane > FilterInput:focus {
        display: none; height: 1; border: none; padding: 0 1; background: $boost;
    }
    FilterPane.-filtering > FilterInput, FilterPane.-filtering > FilterInput:focus {
        display: block;
    }
    """

    def __init__(self, name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pane_name = name
        self.filter_text = ""

    @property
    def list_widget(self) -> Widget:
        raise NotImplementedError

    @property
    def filter_input(self) -> FilterInput:
        return self.query_one(FilterInput)

    def open_filter(self) -> None:
        """Show the filter box and focus it."""
        self.add_class("-filtering")
        self.filter_input.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return bool(self.filter_text) or self.has_class("-filtering")
        return True

    def action_clear_filter(self) -> None:
        self.clear_filter()

    def clear_filter(self) -> None:
        """Empty the filter, hide it and return to the list."""
        with self.filter_input.prevent(Input.Changed):
            self.filter_input.value = ""
        self.remove_class("-filtering")
        self.apply_filter("")
        self.list_widget.focus()

    def apply_filter(self, query: str) -> None:
        raise NotImplementedError

    def list_enter(self) -> None:
        """``enter`` in the filter box: the list's ``enter`` on its highlighted row."""
        widget = self.list_widget
        widget.focus()
        if isinstance(widget, OptionList):
            # Run by the list itself: a message a widget posts while its parent (this pane) is
            # the active pump counts as sent by the parent and stops bubbling there.
            widget.call_later(widget.action_select)

    def marked(self, payload: object) -> bool:
        """Is this row (a fact item, a view's row) a marked fact? The app keeps the marks."""
        check = getattr(self.app, "row_marked", None)
        return bool(check is not None and check(self, payload))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.apply_filter(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            self.remove_class("-filtering")
        self.list_enter()


class ArticlePane(FilterPane):
    """The article list with its filter."""

    def __init__(self, article_list: ArticleList, *, id: str | None = None) -> None:
        super().__init__("Articles", id=id)
        self._list = article_list

    def compose(self):
        yield FilterInput(placeholder="filter articles…", id="article-filter")
        yield self._list

    @property
    def list_widget(self) -> ArticleList:
        return self._list

    def list_enter(self) -> None:
        """``enter`` in the filter: read the highlighted article (as ``enter`` in the list)."""
        self._list.focus()
        self._list.call_later(self._list.action_read)  # posted by the list (see list_enter)

    def apply_filter(self, query: str) -> None:
        self.filter_text = query
        self._list.apply_filter(query)
        self.update_title()

    def update_title(self) -> None:
        total = len(self._list.articles)
        shown = len(self._list.rows)
        position = f"{self._list.cursor + 1}/{shown}" if shown else "0"
        title = f"Articles {position}" + (f" of {total}" if shown != total else "")
        self.border_title = Content(title)
        self.border_subtitle = Content(f"filter: {one_line(self.filter_text, 20)}") if (
            self.filter_text
        ) else None


class FactList(PaneList):
    """The options of one fact pane."""


class FactPane(FilterPane):
    """Entities, Quotes or Numbers: the facts of the open article, filterable."""

    def __init__(self, kind: str, *, id: str | None = None) -> None:
        super().__init__(PANE_TITLES[kind], id=id)
        self.kind = kind
        self.items: list[FactItem] | None = None
        self.shown = 0  # items the filter lets through
        self.shown_claims = 0  # of which reported speech (Quotes pane)

    def compose(self):
        yield FilterInput(placeholder=f"filter {self.pane_name.lower()}…")
        yield FactList(id=f"{self.id}-list" if self.id else None)

    def on_mount(self) -> None:
        self.set_items(None)

    @property
    def list_widget(self) -> FactList:
        return self.query_one(FactList)

    def set_items(self, items: list[FactItem] | None, status: str = "analysing…") -> None:
        """Show these facts (None: not analysed yet, ``status`` says why); first one selected."""
        self.items = items
        self.apply_filter(self.filter_text, status=status)

    def redraw(self) -> None:
        """Build the rows again (the marks changed), the same row staying highlighted."""
        if self.items is None:
            return
        fact_list = self.list_widget
        highlighted = fact_list.highlighted
        self.apply_filter(self.filter_text)
        if highlighted is not None and highlighted < fact_list.option_count:
            fact_list.highlighted = highlighted

    def apply_filter(self, query: str, status: str = "analysing…") -> None:
        self.filter_text = query
        options: list[Option] = []
        items = self.items or []
        if self.items is None:
            options.append(Option(Content.styled(status, "italic dim"), disabled=True))
        else:
            shown = [it for it in items if not query or matches(it, query)]
            claims = sum(1 for it in shown if it.kind == "claim")
            group = None
            for item in shown:
                if self.kind == "entity" and item.fact.label != group:
                    group = item.fact.label
                    n = sum(1 for it in shown if it.fact.label == group)
                    header = Content.styled(f"{one_line(group)} · {n}", "bold $text-accent")
                    options.append(Option(header, disabled=True))
                elif item.kind == "claim" and group != "claim":
                    group = "claim"
                    header = Content.styled(f"Reported speech · {claims}", "bold $text-accent")
                    options.append(Option(header, disabled=True))
                options.append(FactOption(item, self.marked(item)))
            if not shown:
                empty = "no match" if query else f"no {self.pane_name.lower()} found"
                options.append(Option(Content.styled(empty, "italic dim"), disabled=True))
            self.shown = len(shown)
            self.shown_claims = claims
        fact_list = self.list_widget
        fact_list.set_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        fact_list.highlighted = first
        self.update_title()

    def update_title(self) -> None:
        items = self.items or []
        claims = sum(1 for it in items if it.kind == "claim")
        quotes = self._count(self.shown - self.shown_claims, len(items) - claims)
        title = f"{self.pane_name} ({quotes})"
        if self.kind == "quote":
            title += f" · Reported ({self._count(self.shown_claims, claims)})"
        self.border_title = Content(title)
        self.border_subtitle = Content(f"filter: {one_line(self.filter_text, 20)}") if (
            self.filter_text
        ) else None

    def _count(self, shown: int, total: int) -> str:
        if self.items is None:
            return "…"
        return f"{shown}/{total}" if self.filter_text else str(total)

    @property
    def selected_item(self) -> FactItem | None:
        """The highlighted fact, if any."""
        fact_list = self.list_widget
        if fact_list.highlighted is None:
            return None
        option = fact_list.get_option_at_index(fact_list.highlighted)
        return option.item if isinstance(option, FactOption) else None
