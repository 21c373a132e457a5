"""The ``?`` help screen: every key, generated from the app's bindings, plus how things work."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

NAVIGATION = [
    ("tab / shift+tab", "Move focus: article list, article text, Entities, Quotes, Numbers"),
    ("up down / j k", "Move within the focused list (or scroll the article)"),
    ("pgup pgdn home end", "Move by a page, to the first or to the last"),
    ("enter", "Show the selected fact in the article: highlight its span and scroll to it"),
    ("escape", "Clear the filter; close this screen; back from a view to the article"),
    ("s", "In the Speakers and Entities views: sort by count or by name"),
    ("ctrl+p", "Command palette: every action by name"),
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
the count stays on the status line. `C` copies every marked fact with its citation in reading
order; `e` writes them to a Markdown (`.md`) or CSV (`.csv`) file you name, asking before it
replaces an existing file.

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


def keys_content(rows: list[tuple[str, str]]) -> Content:
    """The key table as two aligned columns."""
    width = max(len(k) for k, _ in rows) + 2
    parts: list[str | tuple[str, str]] = []
    for key, text in rows:
        parts += [(key.ljust(width), "bold $text-accent"), text, "\n"]
    return Content.assemble(*parts[:-1])


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
    """

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.rows = help_rows(bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Help"
            scroll.border_subtitle = "escape to close"
            yield Static(keys_content(self.rows), id="help-keys")
            yield Markdown(ABOUT)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
