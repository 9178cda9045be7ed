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
