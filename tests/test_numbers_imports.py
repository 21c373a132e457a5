"""``analysis/numbers``: imports run one way and never reach for another module's private name."""

from __future__ import annotations

import ast
from pathlib import Path

NUMBERS = Path(__file__).resolve().parent.parent / "analysis" / "numbers"


def _imports() -> dict[str, list[tuple[str, str]]]:
    """module -> [(imported module, imported name)] for imports from analysis.numbers."""
    out: dict[str, list[tuple[str, str]]] = {}
    for path in NUMBERS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        got = out.setdefault(path.stem, [])
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                got += [(node.module, a.name) for a in node.names]
    return out


def test_no_private_name_crosses_a_module():
    bad = [(m, mod, name) for m, names in _imports().items() for mod, name in names
           if name.startswith("_") and name != "__future__" and mod != "__future__"]
    assert bad == []


def test_number_modules_import_one_way():
    edges = {m: {mod.rsplit(".", 1)[-1] for mod, _ in names
                 if mod.startswith("analysis.numbers.")} for m, names in _imports().items()}

    def reaches(a: str, b: str, seen: set[str]) -> bool:
        return any(n == b or (n not in seen and reaches(n, b, seen | {n}))
                   for n in edges.get(a, ()))

    cycles = [m for m in edges if reaches(m, m, {m})]
    assert cycles == []
