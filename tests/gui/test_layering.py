"""The window's modules call services only: no SQL, no ORM queries in gui/.

Every module under crmdesk/gui/ is found by walking the folder (the
generated forms aside), so a new module is checked without being listed."""

from __future__ import annotations

import ast
from pathlib import Path

import crmdesk.gui

GUI = Path(crmdesk.gui.__file__).parent
SQL_MODULES = ("sqlalchemy", "sqlite3")
# parsing a database URL is not SQL (the start-up guard tells a file from a server)
ALLOWED_IMPORTS = {("instance_lock.py", "sqlalchemy.engine")}
# calls that run SQL or ORM queries: the services' business, never the window's
SQL_CALLS = {"execute", "exec_driver_sql", "executescript", "scalars", "scalar", "query"}
MAX_LINES = 320
# known long modules, to be split (not to grow)
LONG_MODULES = {"plans/tab.py": 405, "import_wizard/dialog.py": 340}


def gui_modules() -> list[Path]:
    return sorted(p for p in GUI.rglob("*.py") if "forms" not in p.relative_to(GUI).parts)


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return []


def test_every_gui_module_is_found() -> None:
    names = {str(p.relative_to(GUI)) for p in gui_modules()}
    assert {"main_window.py", "common/jobs.py", "account/pane.py", "plans/tab.py"} <= names
    assert len(names) >= 40


def test_gui_modules_use_services_not_sql() -> None:
    offenders = []
    for path in gui_modules():
        name = str(path.relative_to(GUI))
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            for imported in _imported(node):
                sql = imported.split(".")[0] in SQL_MODULES
                if sql and (name, imported) not in ALLOWED_IMPORTS:
                    offenders.append((name, imported))
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_CALLS
            ):
                offenders.append((name, f".{node.func.attr}() at line {node.lineno}"))
    assert offenders == []


def test_gui_modules_stay_small() -> None:
    long = {}
    for path in gui_modules():
        name = path.relative_to(GUI).as_posix()
        lines = len(path.read_text("utf-8").splitlines())
        if lines > LONG_MODULES.get(name, MAX_LINES):
            long[name] = lines
    assert long == {}


FEATURE_PACKAGES = {
    "portfolio",
    "account",
    "activity",
    "import_wizard",
    "plans",
    "safety",
    "preferences",
    "help",
    "retention",
}
SHARED = {"common", "forms"}


def _gui_imports(path: Path) -> set[str]:
    """The crmdesk.gui sub-packages or shell modules ``path`` imports (any
    level, TYPE_CHECKING included: a feature should not even name another)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names = _imported(node)
        if isinstance(node, ast.ImportFrom) and node.module == "crmdesk.gui":
            names = [f"crmdesk.gui.{a.name}" for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[:2] == ["crmdesk", "gui"] and len(parts) > 2:
                found.add(parts[2])
    return found


def test_gui_packages_are_found() -> None:
    packages = {p.parent.name for p in GUI.glob("*/__init__.py")}
    assert packages == FEATURE_PACKAGES | SHARED


def test_feature_packages_import_only_common_and_forms() -> None:
    """A feature package never imports another feature package nor the
    shell (main_window, window_actions, features …): it reaches the window
    through common.window_api.WindowApi."""
    offenders = []
    for path in gui_modules():
        rel = path.relative_to(GUI)
        own = rel.parts[0] if len(rel.parts) > 1 else None
        if own is None or own == "forms":
            continue
        allowed = SHARED | {own} if own in FEATURE_PACKAGES else {"forms", "common"}
        offenders += [f"{rel.as_posix()} imports gui.{o}" for o in _gui_imports(path) - allowed]
    assert offenders == []
