"""Word wrapping by offsets: each screen line is a ``(start, end)`` slice of the article text.

The article view renders ``text[start:end]`` for every line, so highlight offsets from the analysis
map onto screen lines exactly, without re-finding any string. Widths are terminal cells.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` at ``width`` cells, as (start, end) offsets per line.

    Paragraph breaks (``\\n``) always start a new line; a word wider than the line is split.
    Trailing spaces stay on the line they follow (they are cropped when drawn).
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if cell_len(raw) <= width:
            lines.append((start, end))
            continue
        line_start = start
        for match in _WORD.finditer(raw):
            w_start, w_end = start + match.start(), start + match.end()
            if cell_len(text[line_start:w_end]) <= width:
                continue
            if w_start > line_start and text[line_start:w_start].strip():
                lines.append((line_start, w_start))
                line_start = w_start
            # A word longer than a whole line: cut it into line-sized pieces.
            while cell_len(text[line_start:w_end]) > width:
                cut = _fit(text, line_start, w_end, width)
                lines.append((line_start, cut))
                line_start = cut
        lines.append((line_start, end))
    return lines


def _fit(text: str, start: int, end: int, width: int) -> int:
    """The largest ``cut`` in (start, end) with ``text[start:cut]`` at most ``width`` cells."""
    used = 0
    for i in range(start, end):
        used += cell_len(text[i])
        if used > width:
            return max(i, start + 1)
    return end


def line_of(lines: list[tuple[int, int]], offset: int) -> int:
    """Index of the wrapped line that shows character ``offset``."""
    from bisect import bisect_right

    starts = [s for s, _ in lines]
    return max(0, bisect_right(starts, offset) - 1)
