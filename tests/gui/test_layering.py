"""The window's modules call services only: no SQL, no ORM queries in gui/."""

from __future__ import annotations

import ast
from pathlib import Path

import crmdesk.gui

GUI = Path(crmdesk.gui.__file__).parent
# the window and its panes (feature modules are checked by their owners)
WINDOW_MODULES = [
    "account_form",
    "account_pane",
    "account_table",
    "activity_dialog",
    "activity_models",
    "activity_pane",
    "contact_dialog",
    "customer_pane",
    "features",
    "fmt",
    "follow_ups_view",
    "icons",
    "jobs",
    "main_window",
    "people",
    "rows_model",
    "style",
    "tier_dialog",
    "undo",
    "welcome",
    "window_actions",
]


def test_window_modules_use_services_not_sql() -> None:
    checked = 0
    for name in WINDOW_MODULES:
        path = GUI / f"{name}.py"
        if not path.exists():
            continue
        checked += 1
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                names += [a.name for a in node.names]
                for imported in names:
                    assert not imported.startswith(("sqlalchemy", "sqlite3")), (name, imported)
    assert checked >= 20


def test_window_modules_stay_small() -> None:
    for name in WINDOW_MODULES:
        path = GUI / f"{name}.py"
        if path.exists():
            assert len(path.read_text("utf-8").splitlines()) <= 320, name
