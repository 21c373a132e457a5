"""Untrusted article text made safe for a terminal and a clipboard."""

from __future__ import annotations

import re

# CSI/OSC/DCS and other escape sequences, then any remaining C0/C1 control character except
# newline and tab.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC ... ST
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters (newline and tab are kept)."""
    if not text:
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def display_safe(text: str) -> str:
    """Like :func:`strip_controls`, but replacing each removed character with a space.

    Keeps the string's length, so article offsets still index the displayed text.
    """
    if not text:
        return text
    blank = _ESCAPES.sub(lambda m: " " * len(m.group()), text)
    return _CONTROLS.sub(" ", blank)
