"""The API that features plug into (the GUI contract)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu, QTabWidget

from crmdesk.app import create_window
from crmdesk.gui.common.jobs import Jobs


def test_window_offers_the_contract(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = create_window(db_path)
    qtbot.addWidget(window)
    for name in ("menu_file", "menu_edit", "menu_tools", "menu_help"):
        assert isinstance(getattr(window, name), QMenu)
    assert isinstance(window.account_pane.tabs, QTabWidget)
    assert isinstance(window.undo_stack, QUndoStack)
    assert isinstance(window.jobs, Jobs)
    assert window.selected_account_id() is None
    assert window.feature_errors == []
    for name in ("customerPane", "accountPane", "activityPane"):
        assert window.findChild(object, name) is not None, name
    seen = []
    window.import_handler = seen.append
    window.start_import("/tmp/x.csv")
    window.start_import(None)
    assert seen == ["/tmp/x.csv", None]
    window.refresh()
