"""The system clipboard tool, when one exists: wl-copy, xclip, xsel, pbcopy or clip.exe.

:class:`Clipboard` gives the App its ``copy_text``: it always copies through the terminal as well
(OSC 52, ``App.copy_to_clipboard``), which is what works over SSH and in tmux; the system tool
covers terminals that ignore OSC 52.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from textual import work

from analysis.sanitize import strip_controls


def clipboard_command() -> list[str] | None:
    """The command that reads text on stdin into the system clipboard here, or None."""
    candidates: list[list[str]] = []
    if sys.platform == "darwin":
        candidates.append(["pbcopy"])
    if os.environ.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    candidates.append(["clip.exe"])  # WSL and Windows
    for command in candidates:
        if shutil.which(command[0]):
            return command
    return None


def system_copy(text: str, command: list[str] | None = None, timeout: float = 2.0) -> str | None:
    """Copy ``text`` with the system clipboard tool; the tool's name on success, else None."""
    command = command if command is not None else clipboard_command()
    if not command:
        return None
    data = text.encode("utf-16-le" if command[0] == "clip.exe" else "utf-8")
    try:
        subprocess.run(
            command, input=data, timeout=timeout, check=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return command[0]


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class Clipboard:
    """Mixin for the App: ``copy_text`` through the terminal and the system clipboard tool."""

    _clipboard_tool: list[str] | None = None
    _clipboard_checked = False
    # Provided by textual.app.App.
    copy_to_clipboard: Callable[[str], None]
    notify: Callable[..., None]
    call_from_thread: Callable[..., Any]

    def copy_text(self, text: str, what: str) -> None:
        """Copy through the terminal (OSC 52) and the system clipboard tool; notify."""
        text = strip_controls(text)
        self.copy_to_clipboard(text)
        if not self._clipboard_checked:
            self._clipboard_tool = clipboard_command()
            self._clipboard_checked = True
        via = "terminal (OSC 52)"
        if self._clipboard_tool:
            via += f" and {self._clipboard_tool[0]}"
            self._system_copy(text, self._clipboard_tool)
        self.notify(_one_line(text, 200), title=f"Copied {what} via {via}", markup=False)

    @work(thread=True, group="clipboard", exit_on_error=False)
    def _system_copy(self, text: str, command: list[str]) -> None:
        if system_copy(text, command) is None:
            self.call_from_thread(
                self.notify, f"{command[0]} failed; the terminal copy (OSC 52) still applies",
                severity="warning", markup=False,
            )
