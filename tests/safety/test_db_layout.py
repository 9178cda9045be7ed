"""Issue 12 part 4: the database lifecycle has no import cycles (imports at
module and function level count), one leaf owns raw ``sqlite3`` connections,
and none of it imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import crmdesk.db

DB = Path(crmdesk.db.__file__).parent


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {f"crmdesk.db.{p.stem}": p for p in DB.glob("*.py") if p.stem != "__init__"}
    return {name: {m for m in _imports(path) if m in modules} for name, path in modules.items()}


def test_the_db_modules_import_each_other_without_a_cycle() -> None:
    graph = _graph()
    done: set[str] = set()

    def visit(node: str, trail: tuple[str, ...]) -> None:
        assert node not in trail, " -> ".join((*trail, node))
        if node in done:
            return
        for target in graph[node]:
            visit(target, (*trail, node))
        done.add(node)

    for module in graph:
        visit(module, ())


def test_raw_sqlite3_connections_are_opened_in_one_module() -> None:
    opening = sorted(
        p.name
        for p in Path(crmdesk.db.__file__).parents[0].parent.rglob("*.py")
        if "sqlite3.connect(" in p.read_text(encoding="utf-8")
    )
    assert opening == ["rawsqlite.py"]
    assert _graph()["crmdesk.db.rawsqlite"] <= {"crmdesk.db.errors"}  # a leaf


def test_no_qt_in_the_database_layer() -> None:
    for path in DB.rglob("*.py"):
        assert not any(m.startswith("PySide6") for m in _imports(path)), path
