"""The window contract (crmdesk.gui.common.window_api.WindowApi) that
features plug into, and the Changes that drive what the window refreshes."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

import crmdesk.gui
from crmdesk.app import create_window
from crmdesk.core import accounts, contacts
from crmdesk.core.changes import Changes, Kind
from crmdesk.gui.common.jobs import Jobs
from crmdesk.gui.common.settings import Settings
from crmdesk.gui.common.undo import perform
from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.features import FEATURES
from crmdesk.gui.import_wizard.feature import ImportFeature
from crmdesk.gui.plans.feature import PlanExports
from crmdesk.gui.portfolio.account_table import ID_ROLE
from crmdesk.gui.safety.feature import SafetyFeature

GUI = Path(crmdesk.gui.__file__).parent


def test_window_offers_the_contract(qtbot: Any, db_path: Path) -> None:
    window = create_window(db_path)
    qtbot.addWidget(window)
    assert isinstance(window, WindowApi)
    for name in ("file", "edit", "view", "tools", "help"):
        assert isinstance(window.menu(name), QMenu)
    assert isinstance(window.undo_stack, QUndoStack)
    assert isinstance(window.jobs, Jobs)
    assert isinstance(window.settings, Settings)
    assert window.as_widget() is window
    assert window.selected_account_id() is None
    assert window.feature_errors == []
    for name in ("customerPane", "accountPane", "activityPane"):
        assert window.findChild(object, name) is not None, name
    page = QWidget()
    window.add_account_tab(page, "Extra")
    assert window.account_pane.tabs.indexOf(page) >= 0
    seen: list[str | None] = []
    window.set_import_handler(seen.append)
    window.start_import("/tmp/x.csv")
    window.start_import(None)
    assert seen == ["/tmp/x.csv", None]
    window.refresh()


def test_features_register_and_return_their_object(qtbot: Any, db_path: Path) -> None:
    """Every feature's install() returns its object; the window keeps it
    (nothing is set as an attribute on the window)."""
    window = create_window(db_path)
    qtbot.addWidget(window)
    assert len(window.features) == len(FEATURES)
    for kind in (SafetyFeature, ImportFeature, PlanExports):
        assert window.feature(kind) is not None, kind
    assert window.feature(int) is None


def test_features_use_only_the_contract() -> None:
    """Feature packages type the window as WindowApi (never Any or
    MainWindow), and no module reaches two levels into a pane
    (``window.account_pane.people.add()``): panes offer methods instead."""
    offenders = []
    for path in sorted(GUI.rglob("*.py")):
        rel = path.relative_to(GUI)
        if rel.parts[0] == "forms":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            in_feature = len(rel.parts) > 1
            if in_feature and isinstance(node, ast.arg) and node.arg in ("window", "window_api"):
                annotation = ast.unparse(node.annotation) if node.annotation else None
                if annotation != "WindowApi":
                    offenders.append(f"{rel}:{node.lineno} {node.arg}: {annotation}")
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Attribute)
                and isinstance(node.value.value, ast.Attribute)
                and node.value.value.attr.endswith("_pane")
                and node.attr not in ("connect", "disconnect", "emit")  # a pane's signal
            ):
                offenders.append(f"{rel}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []


def test_perform_hands_the_changes_to_the_window(qtbot: Any, window: Any) -> None:
    """An undoable action, its undo and its redo each refresh through
    apply_changes with the action's Changes; features hear them on ``changed``."""
    account = accounts.create_account(window.db, name="Zeta Werke")
    heard: list[Changes] = []
    window.changed.connect(heard.append)
    changes = Changes.of(Kind.CONTACT, accounts=[account.id])
    contact = perform(
        window,
        "Add person",
        lambda: contacts.create_contact(window.db, account.id, last_name="Berg"),
        lambda c: contacts.delete_contact(window.db, c.id),
        lambda c: contacts.restore_contact(window.db, c.id),
        changes=changes,
    )
    assert contact.id and window.undo_stack.count() == 1
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert heard == [changes, changes, changes]


def test_apply_changes_refreshes_only_the_accounts_named(qtbot: Any, window: Any) -> None:
    pane = window.customer_pane
    first_id = pane.model.index(0, 0).data(ID_ROLE)
    accounts.update_account(window.db, first_id, name="Aaaa Renamed Elsewhere")
    window.apply_changes(Changes.of(Kind.ACTIVITY, accounts=[]))  # not this account
    assert pane.model.index(0, 0).data() != "Aaaa Renamed Elsewhere"
    window.apply_changes(Changes.of(Kind.ACCOUNT, accounts=[first_id]))
    assert pane.model.index(0, 0).data() == "Aaaa Renamed Elsewhere"


def test_changes_value_semantics() -> None:
    one = Changes.of(Kind.CONTACT, accounts=[1, None])
    two = Changes.of(Kind.ACTIVITY, accounts=[2])
    both = one | two
    assert both.kinds == {Kind.CONTACT, Kind.ACTIVITY} and both.account_ids == {1, 2}
    assert both.touches(Kind.ACTIVITY) and not both.touches(Kind.PLAN)
    assert both.touches_account(2) and not both.touches_account(3)
    assert not both.touches_account(None)
    assert not Changes() and Changes.all().touches(Kind.PLAN) and Changes.all().touches_account(9)
