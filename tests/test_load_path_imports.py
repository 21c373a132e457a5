"""The load path shares only public names: no module imports an underscored name from the
loader's modules, and they import none from elsewhere (issue 26, item 11)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOAD_PATH = {"analysis.loader", "analysis.formats", "analysis.warc", "analysis.articles",
             "tui.cli", "tui.screens.log"}


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def private_imports() -> list[str]:
    found = []
    for folder in ("analysis", "tui", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            importer = module_name(path)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.ImportFrom) or not node.module or node.level:
                    continue
                touches = node.module in LOAD_PATH or importer in LOAD_PATH
                found += [f"{importer}: from {node.module} import {a.name}"
                          for a in node.names if touches and a.name.startswith("_")
                          and not a.name.startswith("__")]
    return found


def test_no_underscored_name_crosses_into_or_out_of_the_load_path():
    assert private_imports() == []
