"""The article text with facts highlighted by their offsets.

Why neither ``TextArea(read_only=True)`` nor ``Static`` + ``Content`` (STYLE §6):

- TextArea shows exactly one selection. copydesk needs several highlights at once, each in its
  pane's colour (all mentions of an entity, the current one stronger, and "all facts inline"), and
  moving TextArea's cursor clears its selection.
- Static + Content renders the whole document on every change and can only estimate which screen
  line holds an offset once the text wraps, so "scroll the span into view" would be approximate.

So this is a line-API ``ScrollView`` (the Toolong approach): :func:`tui.wrapping.wrap_offsets` wraps
the text into ``(start, end)`` slices, ``render_line`` draws only the visible slices and styles the
parts of each slice that fall inside a highlight. The analysis offsets are the only source of
highlights (nothing is re-found by searching strings) and the screen line of any offset is exact.
Article text is never parsed as markup (it becomes ``rich.text.Text`` verbatim) and escape
sequences and control characters are blanked by :func:`analysis.sanitize.display_safe`, which keeps
the length so offsets still index what is shown.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from analysis.model import Article
from analysis.sanitize import display_safe
from tui.wrapping import line_of, wrap_offsets

Span = tuple[int, int]
HIGHLIGHT_KINDS = ("entity", "quote", "claim", "number", "search")
INLINE_KINDS = ("entity", "quote", "claim", "number")


class ArticleView(ScrollView, can_focus=True):
    """One article's text; ``show_selection`` highlights a fact, ``show_inline`` all facts."""

    BINDING_GROUP_TITLE = "Article"
    BINDINGS = [
        Binding("up,k", "scroll_up", "Scroll up", show=False),
        Binding("down,j", "scroll_down", "Scroll down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
    ]
    COMPONENT_CLASSES = {
        "article-view--title",
        *(f"article-view--{kind}" for kind in HIGHLIGHT_KINDS),
        *(f"article-view--inline-{kind}" for kind in INLINE_KINDS),
        "article-view--current",
    }
    DEFAULT_CSS = """
    ArticleView { overflow-x: hidden; scrollbar-gutter: stable; padding: 0 1; }
    ArticleView > .article-view--title { text-style: bold; color: $text-primary; }
    ArticleView > .article-view--entity { background: $primary 35%; }
    ArticleView > .article-view--quote { background: $success 35%; }
    ArticleView > .article-view--claim { background: $success 20%; text-style: italic; }
    ArticleView > .article-view--number { background: $warning 35%; }
    ArticleView > .article-view--search { background: $accent 45%; }
    ArticleView > .article-view--current { text-style: bold reverse; }
    ArticleView > .article-view--inline-entity { color: $text-primary; text-style: underline; }
    ArticleView > .article-view--inline-quote { color: $text-success; }
    ArticleView > .article-view--inline-claim { color: $text-success; text-style: italic; }
    ArticleView > .article-view--inline-number { color: $text-warning; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self._display = ""
        self._title_end = 0
        self._lines: list[Span] = []
        self._wrapped_width = -1
        self.selection: list[Span] = []
        self.selection_kind = "quote"
        self.current = 0
        self.inline: list[tuple[int, int, str]] = []

    # Content ---------------------------------------------------------------------------------

    def show_article(self, article: Article) -> None:
        """Show ``article`` from its top, with no highlight."""
        self.article = article
        self._display = display_safe(article.text).replace("\t", " ")
        first_line = self._display.split("\n", 1)[0]
        title = (article.title or "").strip()
        self._title_end = len(first_line) if title and first_line.strip() == title else 0
        self.selection, self.current, self.inline = [], 0, []
        self._wrapped_width = -1
        self._rewrap()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def show_selection(self, spans: list[Span], kind: str, current: int = 0) -> None:
        """Highlight ``spans`` in the colour of ``kind`` and scroll span ``current`` into view."""
        self.selection = sorted(spans)
        self.selection_kind = kind
        self.current = max(0, min(current, len(self.selection) - 1))
        self.refresh()
        self.call_after_refresh(self.scroll_to_current)
        self.scroll_to_current()

    def clear_selection(self) -> None:
        self.selection = []
        self.refresh()

    def show_inline(self, spans: list[tuple[int, int, str]]) -> None:
        """Mark every fact in its pane's colour (an empty list turns this off).

        Reported speech is marked first, so the quotes, names and numbers inside it keep theirs.
        """
        self.inline = sorted(spans, key=lambda s: (s[2] != "claim", s))
        self.refresh()

    def step(self, delta: int) -> Span | None:
        """Move the current highlight to the next/previous span; the new span, if any."""
        if not self.selection:
            return None
        self.current = (self.current + delta) % len(self.selection)
        self.refresh()
        self.scroll_to_current()
        return self.selection[self.current]

    @property
    def current_span(self) -> Span | None:
        return self.selection[self.current] if self.selection else None

    # Geometry --------------------------------------------------------------------------------

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0 or width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._lines = wrap_offsets(self._display, width)
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self) -> None:
        self._rewrap()
        self.refresh()

    def line_of_offset(self, offset: int) -> int:
        """The wrapped line showing character ``offset``."""
        self._rewrap()
        return line_of(self._lines, offset)

    def scroll_to_current(self) -> None:
        """Scroll so the current highlighted span is visible (its start a third down the view)."""
        span = self.current_span
        if span is None or not self._lines:
            return
        top = self.line_of_offset(span[0])
        bottom = self.line_of_offset(max(span[0], span[1] - 1))
        height = max(1, self.scrollable_content_region.height)
        first = round(self.scroll_offset.y)
        if first <= top and bottom < first + height:
            return
        self.scroll_to(y=max(0, top - height // 3), animate=False, immediate=True)

    def is_offset_visible(self, offset: int) -> bool:
        """Is character ``offset`` on screen?"""
        row = self.line_of_offset(offset)
        first = round(self.scroll_offset.y)
        return first <= row < first + self.scrollable_content_region.height

    # Rendering -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        row = round(self.scroll_offset.y) + y
        if row >= len(self._lines) or width <= 0:
            return Strip.blank(width, base)
        start, end = self._lines[row]
        text = Text(self._display[start:end], no_wrap=True, end="")
        if start < self._title_end:
            text.stylize(self.get_component_rich_style("article-view--title", partial=True))
        for a, b, kind in self.inline:
            if a < end and b > start:
                style = self.get_component_rich_style(f"article-view--inline-{kind}", partial=True)
                text.stylize(style, max(a, start) - start, min(b, end) - start)
        if self.selection:
            style = self.get_component_rich_style(
                f"article-view--{self.selection_kind}", partial=True
            )
            current = self.get_component_rich_style("article-view--current", partial=True)
            for i, (a, b) in enumerate(self.selection):
                if a < end and b > start:
                    lo, hi = max(a, start) - start, min(b, end) - start
                    text.stylize(style, lo, hi)
                    if i == self.current and len(self.selection) > 1:
                        text.stylize(current, lo, hi)
        segments: list[Segment] = list(text.render(self.app.console))
        return Strip(segments).apply_style(base).crop_extend(0, width, base)
