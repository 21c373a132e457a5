"""The article list: a virtual list (line API) so 10,000 articles cost nothing to show.

Each article takes two lines: its title, then its date or dateline and its fact counts. Only the
visible lines are rendered (the Toolong approach); there is no widget per article. Moving the
cursor posts :class:`ArticleList.Opened`.
"""

from __future__ import annotations

import os

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from analysis.model import Article
from analysis.sanitize import strip_controls

ITEM_HEIGHT = 2


def article_title(article: Article) -> str:
    """The title shown for an article: one line, control characters removed."""
    title = article.title or os.path.basename(article.path) or article.id
    return " ".join(strip_controls(title).split()) or article.id


def article_when(article: Article) -> str:
    """Date, dateline, or both, for the list and the article header."""
    parts = [p for p in (article.date, article.dateline) if p]
    return " · ".join(" ".join(strip_controls(p).split()) for p in parts)


class ArticleList(ScrollView, can_focus=True):
    """Every article, two lines each; ``cursor`` is the open article's row."""

    BINDING_GROUP_TITLE = "Articles"
    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "read", "Read", tooltip="Move to the article text"),
    ]
    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--meta",
        "article-list--counts",
        "article-list--pending",
    }
    DEFAULT_CSS = """
    ArticleList { overflow-x: hidden; }
    ArticleList > .article-list--cursor { background: $block-cursor-blurred-background; }
    ArticleList:focus > .article-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    ArticleList > .article-list--meta { color: $text-muted; }
    ArticleList > .article-list--counts { color: $text-secondary; }
    ArticleList > .article-list--pending { color: $text-disabled; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Opened(Message):
        """The cursor moved to article ``index`` (an index into the app's article list)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Read(Message):
        """Enter was pressed on the open article."""

    def __init__(
        self,
        articles: list[Article],
        counts: list[tuple[int, int, int] | None],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.articles = articles
        self.counts = counts  # shared with the app's FactStore; refreshed as analyses arrive
        self.rows: list[int] = list(range(len(articles)))
        self.filter_text = ""

    def on_mount(self) -> None:
        self._update_size()

    def _update_size(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) * ITEM_HEIGHT)

    @property
    def current(self) -> int | None:
        """Index (into ``articles``) of the article under the cursor, if any is visible."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def select_article(self, index: int) -> None:
        """Move the cursor to article ``index``, clearing a filter that hides it."""
        if index not in self._visible_set():
            self.apply_filter("")
        self.cursor = self.rows.index(index)

    def _visible_set(self) -> set[int] | range:
        return range(len(self.articles)) if len(self.rows) == len(self.articles) else set(
            self.rows
        )

    def apply_filter(self, query: str) -> None:
        """Show only articles whose title, date, dateline or path contain all words of ``query``."""
        current = self.current
        self.filter_text = query
        words = query.lower().split()
        if not words:
            self.rows = list(range(len(self.articles)))
        else:
            self.rows = [
                i for i, a in enumerate(self.articles)
                if all(w in f"{article_title(a)} {article_when(a)} {a.path}".lower() for w in words)
            ]
        self._update_size()
        position = self.rows.index(current) if current in self._visible_set() else 0
        self.set_reactive(ArticleList.cursor, min(position, max(0, len(self.rows) - 1)))
        self.scroll_to_cursor()
        self.refresh()
        if self.current is not None and self.current != current:
            # Posted from this widget's own context: a message created while the parent pane
            # handles Input.Changed would have the pane as sender and stop bubbling there.
            self.call_later(self._post_opened)

    def watch_cursor(self, old: int, new: int) -> None:
        clamped = max(0, min(new, len(self.rows) - 1))
        if clamped != new:
            self.set_reactive(ArticleList.cursor, clamped)
        self.scroll_to_cursor()
        self.refresh()
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def _post_opened(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def scroll_to_cursor(self) -> None:
        region = Region(0, self.cursor * ITEM_HEIGHT, 1, ITEM_HEIGHT)
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def refresh_article(self, index: int) -> None:
        """Redraw one article's rows (its counts changed)."""
        self.refresh()

    # Keys ------------------------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor -= 1

    def action_cursor_down(self) -> None:
        if self.cursor < len(self.rows) - 1:
            self.cursor += 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.rows) - 1)

    def action_page_up(self) -> None:
        self.cursor = max(0, self.cursor - max(1, self.size.height // ITEM_HEIGHT))

    def action_page_down(self) -> None:
        page = max(1, self.size.height // ITEM_HEIGHT)
        self.cursor = min(len(self.rows) - 1, self.cursor + page)

    def action_read(self) -> None:
        self.post_message(self.Read())

    def on_click(self, event: events.Click) -> None:
        row = (event.y + self.scroll_offset.y) // ITEM_HEIGHT
        if 0 <= row < len(self.rows):
            self.cursor = row

    def on_resize(self) -> None:
        self._update_size()

    # Rendering -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        row = self.scroll_offset.y + y
        item, sub = divmod(row, ITEM_HEIGHT)
        if item >= len(self.rows) or width <= 0:
            return Strip.blank(width, base)
        index = self.rows[item]
        style = base
        if item == self.cursor:
            style = base + self.get_component_rich_style("article-list--cursor")
        text = self._title_line(index) if sub == 0 else self._meta_line(index, width)
        text.truncate(width - 1, overflow="ellipsis")
        segments = [Segment(" ", style), *text.render(self.app.console)]
        strip = Strip(segments).apply_style(style)
        return strip.crop_extend(0, width, style)

    def _title_line(self, index: int) -> Text:
        return Text(article_title(self.articles[index]), no_wrap=True, end="")

    def _meta_line(self, index: int, width: int) -> Text:
        meta_style = self.get_component_rich_style("article-list--meta", partial=True)
        when = article_when(self.articles[index]) or os.path.basename(self.articles[index].path)
        counts = self.counts[index]
        if counts is None:
            pending = self.get_component_rich_style("article-list--pending", partial=True)
            right = Text("analysing…", style=pending)
        else:
            style = self.get_component_rich_style("article-list--counts", partial=True)
            right = Text(f"{counts[0]}E {counts[1]}Q {counts[2]}N", style=style)
        room = width - 2 - right.cell_len - 1
        left = Text(when, style=meta_style, no_wrap=True, end="")
        if room < 4:
            return right
        left.truncate(room, overflow="ellipsis")
        gap = max(1, width - 2 - cell_len(left.plain) - right.cell_len)
        return Text.assemble(left, " " * gap, right, no_wrap=True, end="")
