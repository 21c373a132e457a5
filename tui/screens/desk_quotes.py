"""The Quotes view (``Q``): every distinct quotation across the pile, most repeated first; the
detail lists every appearance by date (the first one first), copies of a story marked with the
outlets they ran in. ``enter`` on an appearance opens its article with the quote highlighted.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets.option_list import Option

from tui.screens.desk import ROW_LIMIT, DeskOption, DeskView, header, ident, note
from tui.widgets.panes import one_line, plural

QUOTE_CHARS = 150
NAME_CHARS = 40
SEP = "  "


def place(fact: Any) -> str:
    """An appearance's article: date, then title (or path)."""
    title = one_line(fact.title or fact.path, 48)
    return f"{fact.date} · {title}" if fact.date else title


def also_ran(versions: list[Any]) -> str:
    """"also ran: bayherald.example (2026-02-03), ..." for an article's other versions."""
    shown = [f"{one_line(v.outlet, 30)} ({v.date})" if v.date else one_line(v.outlet, 30)
             for v in versions[:4]]
    more = f" and {len(versions) - 4} more" if len(versions) > 4 else ""
    return "also ran: " + ", ".join(shown) + more


class QuotesView(DeskView):
    """Quotations across the pile: in most stories first, with where each first appeared."""

    view_name = "Quotations"
    has_detail = True

    def fetch(self, desk: Any, filter_text: str, limit: int) -> list[Any]:
        return desk.quotes(filter=filter_text, limit=limit)

    def main_rows(self, items: list[Any]) -> list[tuple[Option, str]]:
        rows = []
        for q in items:
            counts = [plural(q.articles, "article")]
            if len(q.appearances) > q.articles:
                counts.append(plural(len(q.appearances) - q.articles, "copy"))
            first = q.first
            prompt = Content.assemble(
                (f"“{one_line(q.text, QUOTE_CHARS)}”", "bold"), "\n", SEP,
                (one_line(q.speaker or "unattributed", NAME_CHARS), "$text-success"), SEP,
                (" · ".join(counts), "dim"), SEP,
                (f"first {place(first)}", "dim italic"),
            )
            rows.append((DeskOption(prompt, q), f"{q.text} {q.speaker or ''}".lower()))
        return rows

    def fetch_detail(self, desk: Any, item: Any) -> Any:
        return desk.versions([f.article_key for f in item.appearances])

    def detail_rows(self, item: Any, found: Any) -> tuple[str, list[tuple[Option, str]], int]:
        rows: list[tuple[Option, str]] = [
            (header(f"In {plural(item.articles, 'article')}, first on "
                    f"{item.first.date or 'an undated article'}"), ""),
        ]
        for n, fact in enumerate(item.appearances[:ROW_LIMIT]):
            tag = "first · " if n == 0 else ("copy · " if fact.copy_of else "")
            parts: list[str | tuple[str, str]] = [
                (tag, "italic $text-secondary"), (place(fact), "bold"),
            ]
            if fact.speaker:
                parts += [SEP, (one_line(fact.speaker, NAME_CHARS), "$text-success")]
            parts += ["\n", SEP, (f"“{one_line(fact.text, QUOTE_CHARS)}”", "dim")]
            versions = (found or {}).get(fact.article_key)
            if versions:
                parts += ["\n", SEP, (also_ran(versions), "dim italic")]
            key = f"{fact.text} {fact.title or ''} {fact.date or ''} {fact.path}".lower()
            rows.append((DeskOption(Content.assemble(*parts), fact), key))
        if len(item.appearances) > ROW_LIMIT:
            rows.append((note(f"the first {ROW_LIMIT:,} of {len(item.appearances):,}"), ""))
        title = f"“{one_line(item.text, NAME_CHARS)}”"
        return title, rows, len(item.appearances)

    def fact_of(self, payload: Any) -> Any:
        """A quotation stands for its first appearance (``c``, ``y`` and ``space`` act on it)."""
        if hasattr(payload, "quote_id"):
            return payload.first
        return super().fact_of(payload)

    def open(self, payload: Any, in_detail: bool) -> None:
        """``enter`` on a quotation lists its appearances; on an appearance opens the article."""
        if hasattr(payload, "quote_id"):
            detail = self.detail
            if detail is not None:
                if ident(payload) != ident(self.detail_of):
                    self.show_detail(payload)
                detail.list_widget.focus()
            return
        super().open(payload, in_detail)
