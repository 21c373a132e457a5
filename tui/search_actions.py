"""Corpus-wide search in the app: ``/`` opens the overlay, a hit opens in its article.

The index itself is built by the search-index worker (:mod:`tui.workers`); this mixin asks it
(from the overlay's worker thread), reports its progress to the overlay and opens or copies hits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from analysis.citation import cite
from analysis.model import Article
from tui.facts import fact_for_hit
from tui.screens.search import SearchScreen
from tui.workers import Indexed

HIT_KINDS = {"quote": "quote", "claim": "claim", "entity": "entity", "number": "number"}


class SearchActions:
    """Mixin for the App: ``/`` and what a search hit does."""

    articles: list[Article]
    by_id: dict[str, int]
    search_index: Any
    search_error: str | None
    # Provided by the App, CorpusWorkers, Clipboard and DeskActions.
    screen_stack: list[Screen[Any]]
    notify: Callable[..., None]
    push_screen: Callable[..., Any]
    copy_text: Callable[[str, str], None]
    show_span: Callable[[int, int, int, str], None]
    close_views: Callable[[], None]
    start_indexing: Callable[[], None]
    _use_resources: Callable[[], bool]
    _release_resources: Callable[[], None]

    def on_indexed(self, message: Indexed) -> None:
        stack = self.screen_stack  # empty while the app shuts down
        if stack and isinstance(stack[-1], SearchScreen):
            stack[-1].set_status(self._search_status())
            stack[-1].refresh_results()

    def _search_status(self) -> str:
        index = self.search_index
        if index is not None:
            return f"{len(index):,} of {len(self.articles):,} articles indexed"
        if self.search_error:
            return f"search is not available: {self.search_error}"
        return "starting the search index…"

    def copy_hit(self, hit: Any, cited: bool) -> None:
        """Copy a search hit, with its citation or bare."""
        index = self._hit_index(hit)
        if not cited or index is None:
            self.copy_text(hit.text, f"{hit.kind} text")
            return
        fact = fact_for_hit(hit)
        self.copy_text(cite(self.articles[index], fact), f"{hit.kind} with citation")

    def _hit_index(self, hit: Any) -> int | None:
        index = self.by_id.get(hit.article_id)
        if index is None:
            index = next((i for i, a in enumerate(self.articles) if a.path == hit.path), None)
        return index

    def action_search(self) -> None:
        if self.search_index is None and self.search_error:
            self.notify(f"Search is not available: {self.search_error}", severity="warning",
                        markup=False)
            return
        self.start_indexing()
        screen = SearchScreen(self.search_hits, self.copy_hit, self._search_status())
        self.push_screen(screen, self._open_hit)

    def search_hits(self, query: str, limit: int) -> list[Any]:
        """Corpus search (called from the search screen's worker thread)."""
        if not self._use_resources():
            return []
        try:
            index = self.search_index
            return index.search(query, limit=limit) if index is not None else []
        finally:
            self._release_resources()

    def _open_hit(self, hit: Any) -> None:
        if hit is None:
            return
        index = self._hit_index(hit)
        if index is None:
            self.notify("That article is not in this corpus.", severity="warning")
            return
        self.close_views()
        self.show_span(index, hit.start, hit.end, HIT_KINDS.get(hit.kind, "search"))
