"""The corpus desk in the app: the ``S``/``E``/``F``/``Q`` views, their facts opened in the article,
marked and copied.

The :class:`analysis.corpus.CorpusDesk` is opened by the analysis worker (on the cache's
connection, or in memory without a cache), scoped to this corpus's articles and fed each batch
it analyses or finds in the cache (:mod:`tui.workers`). Views query it in their own worker
threads through :meth:`DeskActions.desk_call` (the desk serialises calls on its connection).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import ModalScreen, Screen

from analysis.marked import MarkedFact, Marks, desk_record
from analysis.model import Article
from tui.screens.desk import DeskPane, DeskView
from tui.screens.desk_quotes import QuotesView
from tui.screens.desk_views import EntitiesView, FiguresView, SpeakersView
from tui.widgets.panes import one_line

VIEWS: dict[str, type[DeskView]] = {
    "speakers": SpeakersView, "entities": EntitiesView, "figures": FiguresView,
    "quotes": QuotesView,
}


class DeskActions:
    """Mixin for the App: the views, and what ``enter``, ``c``/``y`` and ``space`` do in them."""

    articles: list[Article]
    by_id: dict[str, int]
    desk: Any
    desk_error: str | None
    marks: Marks
    # Provided by the App and CorpusWorkers.
    screen_stack: list[Screen[Any]]
    notify: Callable[..., None]
    push_screen: Callable[..., Any]
    pop_screen: Callable[[], Any]
    copy_text: Callable[[str, str], None]
    show_span: Callable[[int, int, int, str], None]
    _use_resources: Callable[[], bool]
    _release_resources: Callable[[], None]

    # Views -----------------------------------------------------------------------------------

    def action_view(self, name: str) -> None:
        """Open a view (replacing any other view), over the main screen."""
        self.close_views()
        self.push_screen(VIEWS[name]())

    def close_views(self) -> None:
        """Back to the main screen from any view or dialog above it."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def top_view(self) -> DeskView | None:
        stack = self.screen_stack
        views = [s for s in stack if isinstance(s, DeskView)]
        return views[-1] if views else None

    def desk_changed(self) -> None:
        """More articles are in the desk: the open view re-queries."""
        view = self.top_view()
        if view is not None:
            view.corpus_changed()

    def desk_call(self, query: Callable[[Any], Any]) -> Any:
        """Run ``query(desk)`` (in a worker thread); a string says why the desk is unavailable."""
        if not self._use_resources():
            return "closing"
        try:
            desk = self.desk
            if desk is None:
                return self.desk_error or "starting the corpus desk…"
            return query(desk)  # the desk serialises its calls
        finally:
            self._release_resources()

    # Facts of the desk -----------------------------------------------------------------------

    def desk_article(self, fact: Any) -> tuple[int, Article]:
        """(position in the corpus, article) of a desk fact; a placeholder when not opened here."""
        index = self.by_id.get(fact.article_id)
        if index is None or self.articles[index].path != fact.path:
            index = next((i for i, a in enumerate(self.articles) if a.path == fact.path), None)
        if index is None:
            return len(self.articles), Article(fact.article_id, fact.path, "", fact.title,
                                               date=fact.date)
        return index, self.articles[index]

    def open_desk_fact(self, fact: Any) -> None:
        """Back to the main screen with the fact's article open and its span highlighted."""
        index, _ = self.desk_article(fact)
        if index >= len(self.articles):
            self.notify("That article is not in this corpus.", severity="warning")
            return
        self.close_views()
        kind = {"mention": "entity", "claim": "quote"}.get(fact.kind, fact.kind)
        self.show_span(index, fact.start, fact.end, kind)

    def desk_mark(self, pane: DeskPane) -> MarkedFact | None:
        """The highlighted row of a view pane as a mark, when it is a fact."""
        screen = pane.screen
        if not isinstance(screen, DeskView):
            return None
        return self.mark_of(screen, pane.selected)

    def is_marked(self, view: DeskView, payload: Any) -> bool:
        """Is this row of a view a marked fact?"""
        mark = self.mark_of(view, payload) if self.marks else None
        return mark is not None and mark in self.marks

    def marks_changed(self) -> None:
        view = self.top_view()
        if view is not None:
            view.redraw()

    def mark_of(self, screen: DeskView, payload: Any) -> MarkedFact | None:
        """A view's row as a mark, when it is a fact."""
        if payload is None:
            return None
        fact = screen.fact_of(payload)
        if fact is None:
            return None
        figure = payload if fact is not payload else None
        entity = None
        if fact.kind == "mention" and isinstance(screen, EntitiesView):
            entity = screen.entity_of()
        order, article = self.desk_article(fact)
        return MarkedFact(order, article, desk_record(fact, figure, entity))

    def desk_copy(self, pane: DeskPane, cited: bool) -> None:
        """``c``/``y`` on a view's row: a fact with its citation or bare; a name with counts."""
        mark = self.desk_mark(pane)
        if mark is not None:
            text = mark.citation() if cited else mark.text
            self.copy_text(text, f"{mark.kind} with citation" if cited else f"{mark.kind} text")
            return
        row = pane.selected
        if row is None:
            self.notify("Nothing to copy: select a row.", severity="warning")
            return
        name = one_line(row.name)
        if not cited:
            self.copy_text(name, "name")
        elif hasattr(row, "quotes"):
            self.copy_text(f"{name}: {row.quotes} quotes, {row.claims} claims in "
                           f"{row.articles} articles", "speaker with counts")
        elif hasattr(row, "mentions"):
            self.copy_text(f"{name} ({row.label}): {row.mentions} mentions in {row.articles} "
                           "articles", "entity with counts")
        else:
            self.copy_text(f"{name} ({row.label}): in {row.articles} articles together",
                           "entity with counts")

    def top_focus(self) -> Any:
        """The focused widget of the top screen that is not a dialog or the palette."""
        for screen in reversed(self.screen_stack):
            if not isinstance(screen, ModalScreen):
                return screen.focused
        return None
