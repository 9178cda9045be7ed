"""Nothing below crmdesk/gui imports Qt: the core, storage, importer, reports
and the command line's non-GUI commands run on machines without a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import crmdesk

PACKAGE = Path(crmdesk.__file__).parent
QT_ALLOWED = {"gui", "app.py"}


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [n for n in names if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")]
    return found


def test_no_module_outside_gui_imports_qt():
    offenders = {
        str(path.relative_to(PACKAGE)): qt
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in QT_ALLOWED and (qt := _qt_imports(path))
    }
    assert offenders == {}


def test_importing_everything_below_gui_loads_no_qt(tmp_path):
    script = f"""
import importlib, pkgutil, sys
import crmdesk
for info in pkgutil.walk_packages(crmdesk.__path__, "crmdesk."):
    top = info.name.split(".")[1]
    if top in ("gui", "app", "__main__"):
        continue
    importlib.import_module(info.name)
from crmdesk.cli import main
assert main(["--db", {str(tmp_path / "x.sqlite3")!r}, "demo", "--accounts", "3"]) == 0
assert main(["--db", {str(tmp_path / "x.sqlite3")!r}, "stats", "--json"]) == 0
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
assert not loaded, loaded
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


# --- which way imports point -------------------------------------------------


def _module_name(path: Path) -> str:
    parts = ["crmdesk", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _nodes_outside_type_checking(tree: ast.AST) -> list[ast.AST]:
    """Every node, ``if TYPE_CHECKING:`` bodies left out (their imports are
    for the type checker only and never run)."""
    found: list[ast.AST] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        found.append(node)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                stack.extend(child.orelse)
                continue
            stack.append(child)
    return found


def imports_of(module: str) -> set[str]:
    """The crmdesk modules ``module`` imports, at module or function level.
    ``from crmdesk.x import y`` is an edge to crmdesk.x.y when y is a
    module, else to crmdesk.x."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _nodes_outside_type_checking(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in MODULES}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from ..db import y
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                name = f"{base}.{alias.name}"
                if name in MODULES:
                    found.add(name)
                elif base in MODULES:
                    found.add(base)
    found.discard(module)
    return found


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


# layer -> layers it must never import
FORBIDDEN = {
    "db": {"core", "importing", "reports", "gui", "commands", "cli", "app"},
    "core": {"importing", "reports", "gui", "commands", "cli", "app"},
    "reports": {"db", "gui", "commands", "cli", "app"},
    "importing": {"reports", "gui", "commands", "cli", "app"},
}


def test_layers_import_downwards_only() -> None:
    """db imports nothing above it; core not the importer, reports, window or
    command line; reports get frozen data from core, never the database."""
    offenders = sorted(
        f"{module} imports {target}"
        for module in MODULES
        for target in imports_of(module)
        if _layer(target) in FORBIDDEN.get(_layer(module), set())
    )
    assert offenders == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
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
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_import_graph_has_no_cycles() -> None:
    """Imports at module and function level count (a function-level import
    hides a cycle, it does not break it); TYPE_CHECKING imports do not."""
    graph = {module: imports_of(module) for module in MODULES}
    assert sum(len(v) for v in graph.values()) > 300  # the walk sees the imports
    assert _cycles(graph) == []
