"""The ``?`` help screen: every key (generated from the app's bindings), every search filter with an
example, and how things work. Keys and filters are two-column grids whose descriptions wrap under
themselves, so the help reads at 80 columns."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown, Static

NAVIGATION = [
    ("tab / shift+tab", "Move focus: article list, article text, Entities, Quotes, Numbers"),
    ("up down / j k", "Move within the focused list (or scroll the article)"),
    ("pgup pgdn home end", "Move by a page, to the first or to the last"),
    ("enter", "Show the selected fact in the article: highlight its span and scroll to it"),
    ("escape", "Clear the filter; close this screen; back from a view to the article"),
    ("in a filter box", "Type to narrow the list; up, down, page keys and enter act on the list "
                        "while the filter keeps its text"),
    ("s", "In the Speakers and Entities views: sort by count or by name"),
    ("ctrl+p", "Command palette: every action by name"),
]

# Every filter of the ``/`` search (analysis.search.query.FILTERS), each with an example.
SEARCH_FILTERS = [
    ("speaker:NAME", "speaker:zelenskyy grain",
     "quotes and reported speech by that speaker (part of the name is enough)"),
    ("kind:KIND", "kind:quote himars",
     "one kind of hit: quote, claim, entity, number, sentence or article"),
    ("kind:speech|belief|intent", "kind:intent ceasefire",
     "reported speech of that kind: a statement, a belief or finding, a plan or demand"),
    ("label:LABEL", "label:gpe kyiv",
     "entities with that label: person, org, gpe, loc, norp, event …"),
    ('field:"two words"', 'speaker:"vitali klitschko"', "a value with spaces, in double quotes"),
]

ABOUT = """\
**Panes.** Entities are grouped by label with their number of mentions; Quotes show who said
them; Numbers show the value, its kind and what is counted. Each pane has its own colour, and
the article highlights a fact in that colour. An entity highlights every mention: `]` and `[` step
through them.

**Copying.** `c` copies the fact with its citation (speaker or label, article title, date or path),
`y` only its words. Copies go through the terminal (OSC 52: works over SSH and in tmux with
`set-clipboard on`) and the system clipboard tool when there is one. If your terminal ignores
OSC 52, select text with shift+drag (option+drag on macOS).

**Corpus desk.** `S`, `E` and `F` open views across every article: speakers with their quote,
claim and article counts; entities with their articles and the entities most often beside them;
figures grouped by what they measure, groups whose figures disagree first (marked ⚠). `enter` on
a speaker or entity lists its facts, `enter` on a fact opens its article with the fact
highlighted; `f`, `/`, `c` and `y` work as in the panes. While analysis runs a view shows what is
analysed so far and says so. `Q` lists every quotation across the pile, quoted in most articles
first (letter case, punctuation and partial quotes aside), with every appearance by date: the
first is where it first appeared. A story run again elsewhere (a syndicated copy) counts once;
its facts say where else it ran.

**Marks.** `space` marks (or unmarks) the selected fact in any pane or view, across articles;
a marked fact shows ● wherever it is listed, and the count stays on the status line. `C` copies
every marked fact with its citation in reading order; `e` writes them to a Markdown (`.md`) or
CSV (`.csv`) file you name, asking before it replaces an existing file.

**Start-up.** Articles already in the cache show their facts at once; the others are analysed in
the background (see the progress bar) and the app stays usable meanwhile.
"""


def _key(binding: Binding) -> str:
    return binding.key_display or binding.key.replace(",", " / ")


def help_rows(bindings: list[Binding]) -> list[tuple[str, str]]:
    """(key, what it does): navigation keys, then every action binding of the app."""
    rows = list(NAVIGATION)
    rows += [(_key(b), b.tooltip or b.description) for b in bindings if b.description]
    return rows


def filter_rows() -> list[tuple[str, Content]]:
    """(filter, example and what it keeps) for every search filter."""
    return [(name, Content.assemble((example, "italic $text-success"), f"\n{text}"))
            for name, example, text in SEARCH_FILTERS]


class TwoColumns(Grid):
    """Rows of (key, text): the keys in a column as wide as the widest, the texts wrapping
    under themselves."""

    DEFAULT_CSS = """
    TwoColumns { grid-size: 2; grid-columns: auto 1fr; grid-gutter: 0 2; height: auto; }
    TwoColumns > Label { width: auto; height: auto; }
    TwoColumns > .-key { color: $text-accent; text-style: bold; }
    TwoColumns > .-text { width: 1fr; }
    """

    def __init__(self, rows: list[tuple[str, str | Content]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows

    def compose(self) -> ComposeResult:
        for key, text in self.rows:
            yield Label(Content(key), classes="-key")
            yield Label(text if isinstance(text, Content) else Content(text), classes="-text")


class HelpScreen(ModalScreen[None]):
    """Keys and how to use the app; escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", key_display="esc"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; border-title-align: center; background: $surface;
        padding: 0 1;
    }
    HelpScreen Markdown { margin: 1 0 0 0; padding: 0; }
    HelpScreen #help-keys { margin-top: 1; }
    HelpScreen .-heading { margin-top: 1; text-style: bold; color: $text-primary; }
    """

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.rows = help_rows(bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Help"
            scroll.border_subtitle = "escape to close"
            yield TwoColumns(self.rows, id="help-keys")
            yield Static(Content("Search filters (/ and copydesk search): combine them with words"),
                         classes="-heading", id="help-filters-title")
            yield TwoColumns(filter_rows(), id="help-filters")
            yield Markdown(ABOUT)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
