"""Import hygiene: ``analysis/`` is the UI-free core (it never imports textual or rich); no import
circle among the project's modules; no module imports another's underscored (private) name; no
module of the product over ~400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANALYSIS = ROOT / "analysis"
FORBIDDEN = {"textual", "rich", "tui"}
PACKAGES = ("analysis", "tui", "bench")  # the product: circles, private names and size
MAX_LINES = 400

def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def sources(*folders: str) -> dict[str, Path]:
    """Module name -> file, for every ``.py`` below the given top-level folders."""
    found = {}
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "__snapshots__" not in path.parts:
                found[module_name(path)] = path
    return found


def imports(name: str, path: Path) -> list[tuple[str, str | None, int]]:
    """(module imported, name taken from it or None, line) of each of a module's imports, relative
    ones resolved. Imports under ``if TYPE_CHECKING:`` count: a circle of types is a tangle too."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: list[tuple[str, str | None, int]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                out.extend((a.name, None, child.lineno) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                module = child.module or ""
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - child.level + 1]
                    module = ".".join([*base, module] if module else base)
                out.extend((module, a.name, child.lineno) for a in child.names)
            visit(child)

    visit(tree)
    return out


def private_imports(modules: dict[str, Path]) -> set[tuple[str, str, str]]:
    """(importer, module, name) for every ``from M import _name`` of another module's private
    name (``__dunder__`` names are not private)."""
    found = set()
    for name, path in modules.items():
        for module, taken, _line in imports(name, path):
            if (taken and taken.startswith("_") and not taken.startswith("__")
                    and module != name):
                found.add((name, module, taken))
    return found


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the project modules it imports, at module level or inside a function (a deferred
    import hides a circle at import time, but the tangle is the same)."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for module, taken, _line in imports(name, path):
            for target in (f"{module}.{taken}" if taken else None, module):
                if target in modules and target != name:
                    graph[name].add(target)
                    break
    return graph


def find_circles(graph: dict[str, set[str]]) -> set[tuple[str, ...]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: set[tuple[str, ...]] = set()
    counter = [0]

    def connect(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.add(tuple(sorted(component)))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return circles


def test_analysis_never_imports_ui_packages():
    offenders = []
    for path in ANALYSIS.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_no_import_circle():
    assert find_circles(import_graph(sources(*PACKAGES))) == set()


def test_no_module_imports_another_modules_private_name():
    assert private_imports(sources(*PACKAGES, "tests")) == set()


def test_no_module_over_400_lines():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines())
             for name, path in sources(*PACKAGES).items()}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_the_checks_find_what_they_look_for(tmp_path):
    """The checks themselves: a circle, a private import and a relative one are found."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_circles(graph) == {("a", "b", "c")}
    assert find_circles({"a": {"b"}, "b": set()}) == set()
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "one.py").write_text("from .two import _hidden, shown\nimport pkg.two\n")
    got = imports("pkg.one", pkg / "one.py")
    assert ("pkg.two", "_hidden", 1) in got and ("pkg.two", None, 2) in got
    assert private_imports({"pkg.one": pkg / "one.py"}) == {("pkg.one", "pkg.two", "_hidden")}
