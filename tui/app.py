"""The copydesk terminal app: browse articles, see their facts beside the text, copy them.

The App is put together from mixins, one job each: :mod:`tui.workers` (background analysis and
search indexing; only the UI thread touches widgets), :mod:`tui.clipboard` (copying),
:mod:`tui.search_actions` (``/``), :mod:`tui.desk` (the corpus desk's views) and
:mod:`tui.marking` (marked facts). This module holds the layout, opening articles and facts, the
status line, the key bindings and the command palette.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, ProgressBar
from textual.worker import Worker, WorkerState

from analysis.marked import MarkedFact, Marks
from analysis.model import Analysis, Article
from analysis.runner import analyze_corpus
from analysis.version import DEFAULT_MODEL
from tui.bindings import APP_BINDINGS
from tui.clipboard import Clipboard
from tui.desk import DeskActions
from tui.facts import KINDS, FactItem, items_for
from tui.marking import Marking
from tui.screens.desk import DeskPane
from tui.screens.help import HelpScreen
from tui.screens.log import LoadLog, LogScreen
from tui.search_actions import SearchActions
from tui.store import DEFAULT_CAPACITY, FactStore
from tui.widgets.article_list import ArticleList, article_title, article_when
from tui.widgets.article_view import ArticleView
from tui.widgets.marks import MarksBadge
from tui.widgets.panes import PANE_TITLES, ArticlePane, FactList, FactPane, FilterPane, one_line
from tui.workers import Analysed, Analyze, CorpusWorkers, DeskGrew, Status

PANE_IDS = {"entity": "entities", "quote": "quotes", "number": "numbers"}
ARTICLE_ACTIONS = {"next_article", "prev_article", "toggle_inline", "step"}


class CopydeskApp(CorpusWorkers, Clipboard, SearchActions, DeskActions, Marking, App[None]):
    """Articles on the left, the open article in the middle, its facts on the right."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "copydesk"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    mark_count: reactive[int] = reactive(0)  # shown by every MarksBadge
    BINDINGS = APP_BINDINGS

    def __init__(
        self,
        articles: list[Article],
        model: str = DEFAULT_MODEL,
        use_cache: bool = True,
        *,
        analyze: Analyze | None = None,
        capacity: int = DEFAULT_CAPACITY,
        load_log: LoadLog | None = None,
    ) -> None:
        """``analyze`` replaces :func:`analysis.runner.analyze_corpus` (tests feed fixed facts);
        ``load_log``: what loading skipped and merged, shown by ``L``."""
        super().__init__()
        self.articles = articles
        self.load_log = load_log or LoadLog()
        self.model = model
        self.use_cache = use_cache
        self._analyze: Analyze = analyze or analyze_corpus
        self.store = FactStore(len(articles), capacity if use_cache else None)
        self.by_id = {a.id: i for i, a in enumerate(articles)}
        self.current_index = -1
        self.shown: FactItem | None = None  # the fact highlighted in the article
        self.inline_all = False
        self._init_workers()
        self.marks = Marks()
        self._filled = -1  # index of the article whose facts the panes show
        self._status = ""

    # Layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Horizontal(id="left"):
                yield ArticlePane(
                    ArticleList(self.articles, self.store.counts, id="article-list"),
                    id="articles",
                )
                yield ArticleView(id="article")
            with Vertical(id="facts"):
                for kind in KINDS:
                    yield FactPane(kind, id=PANE_IDS[kind])
        with Horizontal(id="status"):
            yield Label(id="status-text")
            yield ProgressBar(total=max(1, len(self.articles)), show_eta=False, id="progress")
            yield MarksBadge()
        yield Footer()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#article-list", ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    def pane(self, kind: str) -> FactPane:
        return self.query_one(f"#{PANE_IDS[kind]}", FactPane)

    @property
    def current_article(self) -> Article | None:
        return self.articles[self.current_index] if self.current_index >= 0 else None

    def on_mount(self) -> None:
        self.article_view.border_title = "Article"
        self.article_list.focus()
        if self.articles:
            self.open_article(0)
        self._set_status("starting…")
        summary = self.load_log.summary()
        if summary:
            self.notify(summary, title="Log", severity="warning", markup=False)
        # After the first frame: the worker's cache decoding would compete with it for the GIL.
        self.call_after_refresh(self.analyse_corpus)

    # Opening articles and facts --------------------------------------------------------------

    def open_article(self, index: int) -> None:
        """Show article ``index`` and its facts (or queue its analysis first)."""
        if index == self.current_index:
            return
        self.current_index = index
        article = self.articles[index]
        view = self.article_view
        view.show_article(article)
        view.border_title = Content(article_title(article))
        meta = [article_when(article), one_line(article.path)]
        view.border_subtitle = Content(" · ".join(m for m in meta if m))
        self.shown = None
        self._filled = -1
        self.query_one("#articles", ArticlePane).update_title()
        analysis = self.store.get(index)
        if analysis is not None:
            self._fill(index, analysis)
            return
        for kind in KINDS:
            self.pane(kind).set_items(None)
        if self.store.analysed(index):
            self.fetch_analysis(index)
        else:
            with self._lock:
                self._priority.append(index)

    def _fill(self, index: int, analysis: Analysis) -> None:
        self._filled = index
        for kind in KINDS:
            self.pane(kind).set_items(items_for(kind, analysis))
        self._update_inline(analysis)

    def _update_inline(self, analysis: Analysis | None) -> None:
        if not self.inline_all or analysis is None:
            self.article_view.show_inline([])
            return
        spans = [(m.start, m.end, "entity") for e in analysis.entities for m in e.mentions]
        spans += [(q.start, q.end, "quote") for q in analysis.quotes]
        spans += [(c.start, c.end, "claim") for c in analysis.claims]
        spans += [(n.start, n.end, "number") for n in analysis.numbers]
        self.article_view.show_inline(spans)

    def show_fact(self, item: FactItem) -> None:
        """Highlight a fact's span(s) in the article and scroll it into view."""
        self.shown = item
        self.article_view.show_selection(list(item.spans), item.kind)
        self._describe_selection()

    def _describe_selection(self) -> None:
        view = self.article_view
        article = self.current_article
        if article is None:
            return
        meta = [article_when(article), one_line(article.path)]
        if self.shown is not None and len(view.selection) > 1:
            meta.insert(0, f"mention {view.current + 1}/{len(view.selection)} ([ ] to step)")
        view.border_subtitle = Content(" · ".join(m for m in meta if m))

    @on(ArticleList.Opened)
    def _article_opened(self, event: ArticleList.Opened) -> None:
        self.open_article(event.index)

    @on(ArticleList.Read)
    def _read(self) -> None:
        self.article_view.focus()

    @on(OptionList.OptionSelected)
    def _fact_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, FactList):
            item = getattr(event.option, "item", None)
            if item is not None:
                self.show_fact(item)

    @on(Analysed)
    def _analysed(self, message: Analysed) -> None:
        if self._closing or not self.screen_stack:  # a last batch while the app shuts down
            return
        for index, analysis, cached in message.results:
            self.store.put(index, analysis, cached)
            if index == self.current_index and self._filled != index:
                self._fill(index, analysis)
        if not self._indexing and self._filled >= 0:
            self.call_after_refresh(self.start_indexing)  # after the first facts are drawn
        self.article_list.refresh()
        self._update_progress()

    @on(Status)
    def _status_message(self, message: Status) -> None:
        self._set_status(message.text)

    def _update_progress(self) -> None:
        store = self.store
        total = len(self.articles)
        self.query_one("#progress", ProgressBar).update(progress=store.done)
        if store.complete:
            self._done()
            return
        cached = f" ({store.from_cache:,} from cache)" if store.from_cache else ""
        self._set_status(f"analysing {store.done:,}/{total:,}{cached}")

    def _done(self) -> None:
        self.query_one("#status").add_class("-done")
        total = len(self.articles)
        self._set_status(f"all {total:,} article{'s' if total != 1 else ''} analysed")

    @on(DeskGrew)
    def _desk_grew(self) -> None:
        self.desk_changed()

    def _set_status(self, text: str) -> None:
        self._status = text
        self.query_one("#status-text", Label).update(Content(text))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "analysis" and event.state == WorkerState.ERROR:
            error = worker.error
            message = f"analysis failed: {type(error).__name__}: {error}"
            self._set_status(message)
            self.notify(message, title="Analysis stopped", severity="error", markup=False,
                        timeout=10)
            for kind in KINDS:
                pane = self.pane(kind)
                if pane.items is None:
                    pane.set_items(None, status="analysis failed")
        elif (worker.group == "analysis" and event.state == WorkerState.SUCCESS
              and self.store.complete):
            self._done()
        if worker.group == "analysis" and event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self.start_indexing()  # if no facts ever showed (an empty corpus)

    def on_unmount(self) -> None:
        self._stop_workers()

    def _warn(self, message: str) -> None:
        self.load_log.later.append(f"cache: {message}")
        self.notify(message, title="Cache", severity="warning", markup=False)

    # Actions ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In a corpus-desk view the keys that act on the open article are hidden (and off)."""
        return not (action in ARTICLE_ACTIONS and self.top_view() is not None)

    def action_next_article(self) -> None:
        self.article_list.action_cursor_down()

    def action_prev_article(self) -> None:
        self.article_list.action_cursor_up()

    def _focused_pane(self) -> FilterPane | None:
        """The pane focused on the main screen or the open view (not in a dialog)."""
        widget = self.top_focus()
        while widget is not None and not isinstance(widget, FilterPane):
            widget = widget.parent
        return widget

    def selected_item(self) -> FactItem | None:
        """The fact ``c``/``y`` act on: the focused pane's selection, else the highlighted fact."""
        pane = self._focused_pane()
        if isinstance(pane, FactPane):
            return pane.selected_item
        return self.shown

    def selected_mark(self) -> MarkedFact | None:
        """What ``space`` marks: the focused pane's or view's fact, else the highlighted fact."""
        pane = self._focused_pane()
        if isinstance(pane, DeskPane):
            return self.desk_mark(pane)
        item = self.selected_item()
        article = self.current_article
        if item is None or article is None:
            return None
        return MarkedFact(self.current_index, article, item.fact)

    def action_copy(self, cited: bool) -> None:
        pane = self._focused_pane()
        if isinstance(pane, DeskPane):
            self.desk_copy(pane, cited)
            return
        article = self.current_article
        item = self.selected_item()
        if article is None or item is None:
            self.notify("Nothing to copy: select a fact in Entities, Quotes or Numbers.",
                        severity="warning")
            return
        text = item.cited(article) if cited else item.bare_text()
        what = item.noun
        self.copy_text(text, f"{what} with citation" if cited else f"{what} text")

    def action_filter(self) -> None:
        pane = self._focused_pane()
        if pane is None:
            self.notify("Focus the article list or a fact pane to filter it (tab).",
                        severity="warning")
            return
        pane.open_filter()

    def show_span(self, index: int, start: int, end: int, kind: str) -> None:
        """Open article ``index`` with one span highlighted and scrolled into view."""
        self.article_list.select_article(index)
        self.open_article(index)
        self.shown = None
        self.article_view.show_selection([(start, end)], kind)
        self.article_view.focus()

    def action_toggle_inline(self) -> None:
        self.inline_all = not self.inline_all
        analysis = self.store.get(self.current_index) if self.current_index >= 0 else None
        self._update_inline(analysis)
        state = "on" if self.inline_all else "off"
        self.notify(f"All facts inline: {state}", timeout=2)

    def action_step(self, delta: int) -> None:
        if self.article_view.step(delta) is None:
            self.notify("Nothing highlighted: press enter on a fact first.", severity="warning")
            return
        self._describe_selection()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(list(self.BINDINGS)))

    def action_log(self) -> None:
        if not isinstance(self.screen, LogScreen):
            self.push_screen(LogScreen(self.load_log))

    async def action_quit(self) -> None:
        self.workers.cancel_group(self, "analysis")
        self.workers.cancel_group(self, "search-index")
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        in_view = self.top_view() is not None
        for binding in self.BINDINGS:
            name = binding.action.split("(")[0]
            if name == "quit" or (in_view and name in ARTICLE_ACTIONS):
                continue
            key = binding.key_display or binding.key
            yield SystemCommand(
                f"{binding.description} ({key})", binding.tooltip or binding.description,
                lambda action=binding.action: self.run_action(action),
            )
        for kind in ("articles", "article", *KINDS):
            title = {"articles": "article list", "article": "article text"}.get(
                kind, PANE_TITLES.get(kind, kind)
            )
            yield SystemCommand(f"Focus {title}", f"Move the focus to the {title}",
                                lambda k=kind: self._focus(k))

    def _focus(self, target: str) -> None:
        self.close_views()
        if target == "articles":
            self.article_list.focus()
        elif target == "article":
            self.article_view.focus()
        else:
            self.pane(target).list_widget.focus()
