"""The Speakers (``S``), Entities (``E``) and Figures (``F``) views of the corpus desk (the
Quotes view, ``Q``, is in ``desk_quotes.py``). Facts whose article ran elsewhere too (syndicated
copies) say where ("also ran: ..."); a speaker's quote says in how many articles it ran."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from tui.facts import CLAIM_KIND_NAMES
from tui.screens.desk import ROW_LIMIT, DeskOption, DeskView, header, note, table_row
from tui.screens.desk_quotes import also_ran
from tui.widgets.panes import one_line, plural

QUOTE_CHARS = 150
INDENT = SEP = "  "
FIGURES_SHOWN = 50  # figures listed per group at most
NAME_CHARS = 40


def other_names(row: Any) -> list[str]:
    """A row's aliases other than its name (case aside), in order."""
    seen = {row.name.casefold()}
    out = []
    for alias in row.aliases:
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            out.append(alias)
    return out


def where(fact: Any) -> str:
    """The article of a desk fact: title (or path), then date."""
    title = one_line(fact.title or fact.path, 48)
    return f"{title} · {fact.date}" if fact.date else title


def _value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else one_line(str(value), 20)


def figure_value(figure: Any) -> str:
    """``400``, ``5–7``, ``2%``, ``3,500,000 USD``; the qualifier before it when not exact."""
    if figure.value is None:
        return one_line(figure.text, 30)
    value = _value(figure.value)
    if figure.value_max is not None:
        value += f"–{_value(figure.value_max)}"
    elif getattr(figure, "value_from", None) is not None:
        value = f"{_value(figure.value_from)} → {value}"
    if figure.unit == "%":
        value += "%"
    elif figure.unit:
        value += f" {one_line(figure.unit, 12)}"
    qualifier = figure.qualifier if figure.qualifier not in (None, "", "exact") else ""
    return f"{qualifier} {value}".strip()


class SortedView(DeskView):
    """A view sortable by count or by name (``s``); its rows are table rows that never wrap."""

    wrap_rows = False

    BINDINGS = [Binding("s", "sort", "Sort", tooltip="Sort by count or by name", id="sort")]

    def __init__(self) -> None:
        super().__init__()
        self.sort = "count"

    def action_sort(self) -> None:
        self.sort = "name" if self.sort == "count" else "count"
        self.notify(f"{self.view_name} sorted by {self.sort}", timeout=2)
        self.reload()

    @property
    def list_title(self) -> str:
        return f"{self.view_name} by {self.sort}"


class SpeakersView(SortedView):
    """Every speaker of a quote or claim, with counts; the detail lists what they said."""

    view_name = "Speakers"
    has_detail = True

    def fetch(self, desk: Any, filter_text: str, limit: int) -> list[Any]:
        return desk.speakers(filter=filter_text, sort=self.sort, limit=limit)

    def main_rows(self, items: list[Any]) -> list[tuple[Option, str]]:
        width = self.row_width
        # statements ("said") apart from beliefs and intentions (SPEC §2 claims[].kind)
        columns = [("quotes", 7), ("said", 6), ("belief", 7), ("intent", 7), ("articles", 9)]
        rows: list[tuple[Option, str]] = [
            (Option(table_row("speaker", columns, width, "bold $text-accent"), disabled=True), "")
        ]
        for s in items:
            name = s.name or "unattributed"
            counts = [(f"{n:,}" if n else "·", size) for n, (_, size) in zip(
                (s.quotes, s.statements, s.beliefs, s.intentions, s.articles), columns,
                strict=True)]
            prompt = table_row(Content.styled(one_line(name), "bold $text-success"), counts,
                               width)
            rows.append((DeskOption(prompt, s), name.lower()))
        return rows

    def fetch_detail(self, desk: Any, item: Any) -> Any:
        facts = desk.speaker_facts(item.speaker_id)
        return facts, desk.versions([f.article_key for f in facts])

    def detail_rows(self, item: Any, found: Any) -> tuple[str, list[tuple[Option, str]], int]:
        found, versions = found
        rows = []
        for fact in found[:ROW_LIMIT]:
            kind = CLAIM_KIND_NAMES.get(fact.claim_kind or "", "claim")
            tag = "" if fact.kind == "quote" else f"{kind}: "
            text = f"“{fact.text}”" if fact.kind == "quote" else fact.text
            parts: list[str | tuple[str, str]] = [
                (tag, "italic $text-secondary"), one_line(text, QUOTE_CHARS),
                "\n", (where(fact), "dim"),
            ]
            if fact.repeated > 1:  # the same quote in other stories (the Quotes view, Q)
                parts.append((f" · quoted in {plural(fact.repeated, 'article')}",
                              "$text-warning"))
            if versions.get(fact.article_key):
                parts += ["\n", INDENT, (also_ran(versions[fact.article_key]), "dim italic")]
            prompt = Content.assemble(*parts)
            key = f"{fact.text} {fact.title or ''} {fact.date or ''} {fact.path}".lower()
            rows.append((DeskOption(prompt, fact), key))
        aliases = other_names(item)
        title = one_line(item.name, NAME_CHARS)
        if aliases:
            title += f" (also {one_line(', '.join(aliases), NAME_CHARS)})"
        if len(found) > ROW_LIMIT:
            rows.append((note(f"the first {ROW_LIMIT:,} of {len(found):,}: press f to filter"), ""))
        return title, rows, len(found)


class EntitiesView(SortedView):
    """Every entity with label, aliases and counts; the detail lists its articles and the
    entities found most often in the same articles."""

    view_name = "Entities"
    has_detail = True

    def fetch(self, desk: Any, filter_text: str, limit: int) -> list[Any]:
        return desk.entities(filter=filter_text, sort=self.sort, limit=limit)

    def main_rows(self, items: list[Any]) -> list[tuple[Option, str]]:
        width = self.row_width
        columns = [("label", 13), ("articles", 10), ("mentions", 10)]
        rows: list[tuple[Option, str]] = [
            (Option(table_row("entity", columns, width, "bold $text-accent"), disabled=True), "")
        ]
        for e in items:
            cells = [(e.label, 13), (f"{e.articles:,}", 10), (f"{e.mentions:,}", 10)]
            prompt = table_row(Content.styled(one_line(e.name), "bold $text-primary"), cells,
                               width)
            aliases = other_names(e)
            if aliases:
                also = Content.styled(f"{INDENT}also {one_line(', '.join(aliases))}", "dim italic")
                prompt = Content.assemble(prompt, "\n", table_row(also, [], width))
            rows.append((DeskOption(prompt, e), e.name.lower()))
        return rows

    def fetch_detail(self, desk: Any, item: Any) -> Any:
        mentions = desk.entity_articles(item.entity_id)
        return (mentions, desk.cooccurring(item.entity_id),
                desk.versions([f.article_key for f in mentions]))

    def detail_rows(self, item: Any, found: Any) -> tuple[str, list[tuple[Option, str]], int]:
        mentions, others, versions = found
        rows: list[tuple[Option, str]] = [(header(f"In {plural(len(mentions), 'article')}"), "")]
        for fact in mentions[:ROW_LIMIT]:
            parts: list[str | tuple[str, str]] = [
                (where(fact), "bold"), "\n", INDENT,
                (f"as “{one_line(fact.text, 60)}”", "dim"),
            ]
            if versions.get(fact.article_key):
                parts += ["\n", INDENT, (also_ran(versions[fact.article_key]), "dim italic")]
            prompt = Content.assemble(*parts)
            key = f"{fact.title or ''} {fact.date or ''} {fact.path} {fact.text}".lower()
            rows.append((DeskOption(prompt, fact), key))
        if len(mentions) > ROW_LIMIT:
            rows.append((note(f"the first {ROW_LIMIT:,} of {len(mentions):,} articles"), ""))
        if others:
            rows.append((header("Most often in the same articles"), ""))
            for other in others:
                prompt = Content.assemble(
                    (one_line(other.name, NAME_CHARS), "bold $text-primary"), SEP,
                    (other.label, "$text-accent"), SEP,
                    (f"in {plural(other.articles, 'article')} together", "dim"),
                )
                rows.append((DeskOption(prompt, other), other.name.lower()))
        title = f"{one_line(item.name, NAME_CHARS)} · {item.label}"
        return title, rows, len(mentions)

    def open(self, payload: Any, in_detail: bool) -> None:
        if hasattr(payload, "entity_id") and in_detail:  # a co-occurring entity: its details
            self.show_detail(payload)
            return
        super().open(payload, in_detail)

    def entity_of(self) -> tuple[str, str, str] | None:
        """(id, name, label) of the entity the detail pane shows (its mentions are cited as it)."""
        item = self.detail_of
        if item is None:
            return None
        return (item.entity_id, item.name, item.label)


class FiguresView(DeskView):
    """Number facts grouped by what they measure; groups whose figures disagree come first."""

    view_name = "Figure groups"
    row_limit = 200  # groups (each has several rows)

    def fetch(self, desk: Any, filter_text: str, limit: int) -> list[Any]:
        return desk.figures(filter=filter_text, limit=limit)

    def count_of(self, items: list[Any]) -> int:
        return len(items)

    def main_rows(self, items: list[Any]) -> list[tuple[Option, str]]:
        rows: list[tuple[Option, str]] = []
        for group in items:
            what = one_line(group.group, 70)
            extra = " · ".join(x for x in (group.kind, group.unit) if x and x not in what)
            text = f"{what} ({extra})" if extra else what
            if group.disagree:
                story = f" · {one_line(group.story, 70)}" if group.story else ""
                rows.append((header(f"⚠ disagree · {text}{story}", "bold $text-error"), ""))
            else:
                rows.append((header(text), ""))
            for figure in group.figures[:FIGURES_SHOWN]:
                value = figure_value(figure)
                parts: list[str | tuple[str, str]] = [
                    INDENT, (value, "bold $text-warning"),
                ]
                if one_line(figure.text) != value:
                    parts += [SEP, f"“{one_line(figure.text, 50)}”"]
                if figure.counted:
                    parts += [SEP, (one_line(figure.counted, 30), "italic")]
                if figure.source:
                    parts += [SEP, (f"said {one_line(figure.source, 30)}", "$text-success")]
                parts += ["\n", INDENT, (where(figure.fact), "dim")]
                prompt = Content.assemble(*parts)
                rows.append((DeskOption(prompt, figure), ""))
            if len(group.figures) > FIGURES_SHOWN:
                more = len(group.figures) - FIGURES_SHOWN
                rows.append((note(f"  and {more:,} more: press f to narrow the groups"), ""))
        return rows
