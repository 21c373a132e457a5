"""End to end: the installed ``copydesk seeds/`` in a real terminal (tmux): copy Mykhailo
Podolyak's quote from the seed article with ``c``.

tmux with ``set-clipboard on`` turns the app's OSC 52 copy into a tmux paste buffer, so
``tmux show-buffer`` shows exactly what reached the clipboard.
"""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPYDESK = ROOT / ".venv" / "bin" / "copydesk"
QUOTE = "Russia no longer has any military goals"

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None,
                       reason="tmux is not installed (CI installs it: apt-get install tmux)"),
    pytest.mark.skipif(not COPYDESK.exists(), reason=f"{COPYDESK} is not installed (make test)"),
]


class Tmux:
    """A private tmux server (its own socket) running one window."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def __call__(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                                text=True, check=check, timeout=20)
        return result.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "app", check=False)

    def wait_for(self, predicate, what: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self("send-keys", "-t", "app", *keys)


@pytest.fixture
def tmux(tmp_path):
    server = Tmux(f"copydesk-test-{uuid.uuid4().hex[:8]}")
    yield server
    server("kill-server", check=False)


def test_copy_quote_with_c_reaches_tmux_buffer(tmux, tmp_path):
    command = (
        f"cd {ROOT} && COPYDESK_CACHE_DIR={tmp_path / 'cache'} TERM=xterm-256color "
        f"{COPYDESK} seeds/"
    )
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "160", "-y", "45", command)
    tmux("set-option", "-g", "set-clipboard", "on")
    tmux.wait_for(lambda s: "Quotes (" in s and "Quotes (…)" not in s, "the analysed quotes")
    # Focus Quotes: article list -> article text -> Entities -> Quotes.
    tmux.keys("Tab", "Tab", "Tab")
    for _ in range(30):
        buffer_before = tmux("show-buffer", check=False)
        tmux.keys("c")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            copied = tmux("show-buffer", check=False)
            if copied and copied != buffer_before:
                break
            time.sleep(0.05)
        if QUOTE in copied:
            break
        tmux.keys("Down")
    else:
        raise AssertionError(f"never copied Podolyak's quote; last buffer: {copied!r}")
    assert "destroy more civilian facilities," in copied
    assert "Mykhailo Podolyak" in copied
    tmux.keys("q")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and "app" in tmux("list-sessions", check=False):
        time.sleep(0.1)
    assert "app" not in tmux("list-sessions", check=False), "q did not quit"
