"""Marked facts in the app: ``space`` marks, ``C`` copies them all, ``e`` exports them.

The marks and their formats live in :mod:`analysis.marked`; this mixin turns what is selected (a
fact pane's item or a corpus-desk view's fact) into a :class:`MarkedFact`, keeps the count on
screen (``mark_count``, which every :class:`tui.widgets.marks.MarksBadge` watches) and runs the
export dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from analysis.marked import MarkedFact, Marks, as_text, write_marks
from analysis.model import Article
from tui.facts import KINDS, FactItem
from tui.screens.desk import DeskPane, DeskView
from tui.screens.export import ConfirmScreen, ExportScreen
from tui.widgets.panes import FactPane


class Marking:
    """Mixin for the App: the marks, and the ``space``, ``C`` and ``e`` actions."""

    marks: Marks
    # Provided by the App.
    notify: Callable[..., None]
    push_screen: Callable[..., Any]
    copy_text: Callable[[str, str], None]
    selected_mark: Callable[[], MarkedFact | None]
    mark_count: int
    marks_changed: Callable[[], None]  # DeskActions: the open view redraws its mark signs
    is_marked: Callable[[DeskView, Any], bool]  # DeskActions: a view's row
    pane: Callable[[str], FactPane]
    current_index: int
    current_article: Article | None

    def row_marked(self, pane: object, payload: Any) -> bool:
        """Is this row of a pane or a view a marked fact? (:meth:`FilterPane.marked` asks.)"""
        if not self.marks:
            return False
        if isinstance(pane, DeskPane):
            screen = pane.screen
            return isinstance(screen, DeskView) and self.is_marked(screen, payload)
        article = self.current_article
        if isinstance(payload, FactItem) and article is not None:
            return MarkedFact(self.current_index, article, payload.fact) in self.marks
        return False

    def redraw_marks(self) -> None:
        """Every pane and the open view draw their marks again."""
        for kind in KINDS:
            self.pane(kind).redraw()
        self.marks_changed()

    def action_mark(self) -> None:
        mark = self.selected_mark()
        if mark is None:
            self.notify("Nothing to mark: select a fact in a pane or a view.", severity="warning")
            return
        marked = self.marks.toggle(mark)
        self.mark_count = len(self.marks)
        verb = "Marked" if marked else "Unmarked"
        self.notify(f"{verb} {mark.kind}: {len(self.marks)} marked", timeout=2, markup=False)
        self.redraw_marks()

    def action_copy_marked(self) -> None:
        if not self.marks:
            self.notify("No marked facts: mark some with space first.", severity="warning")
            return
        n = len(self.marks)
        self.copy_text(as_text(self.marks.in_order()),
                       f"{n} marked fact{'s' if n != 1 else ''} with citations")

    def action_export(self) -> None:
        if not self.marks:
            self.notify("No marked facts to export: mark some with space first.",
                        severity="warning")
            return
        self.push_screen(ExportScreen(len(self.marks), Path.cwd()), self._export_to)

    def _export_to(self, name: str | None) -> None:
        if not name:
            return
        path = Path(name).expanduser()
        if path.is_dir():
            self.notify(f"{name} is a folder: give a file name.", severity="error", markup=False)
            return
        if path.exists():
            question = f"{path.name} already exists. Overwrite it?"
            self.push_screen(ConfirmScreen(question),
                             lambda yes: self._write_export(path, True) if yes else None)
            return
        self._write_export(path, False)

    def _write_export(self, path: Path, overwrite: bool) -> None:
        try:
            n = write_marks(path, self.marks.in_order(), overwrite=overwrite)
        except FileExistsError:  # created meanwhile: ask again
            self._export_to(str(path))
            return
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.notify(f"Could not write {path}: {reason}", title="Export failed",
                        severity="error", markup=False)
            return
        self.notify(f"{n} marked fact{'s' if n != 1 else ''} written to {path}",
                    title="Exported", markup=False)
