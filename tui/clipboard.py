"""The system clipboard tool, when one exists: wl-copy, xclip, xsel, pbcopy or clip.exe.

The app always copies through the terminal as well (OSC 52, ``App.copy_to_clipboard``), which is
what works over SSH and in tmux; this module covers terminals that ignore OSC 52.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


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
