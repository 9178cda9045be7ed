"""Issue 13, keyboard: Tab leaves tables, Help ▸ Keyboard shortcuts lists
every action's shortcut, Help ▸ User guide shows the shipped guide."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication

from crmdesk.gui.help.feature import HelpFeature


def test_tab_leaves_the_account_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.selected_account_id() is not None, timeout=3000)
    table = window.customer_pane.ui.table
    assert all(not v.tabKeyNavigation() for v in window.findChildren(QAbstractItemView))
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # arrows move within the list
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None and focused is not table
    assert not table.isAncestorOf(focused)


def test_keyboard_shortcuts_lists_every_action_with_a_shortcut(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    feature = window.feature(HelpFeature)
    names = [a.objectName() for a in window.menu("help").actions()]
    assert "actionShortcuts" in names and "actionUserGuide" in names
    dialog = feature.show_shortcuts()
    qtbot.addWidget(dialog)
    listed = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    names_listed = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    expected = {
        a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        for a in (
            window.ui.action_new_account,
            window.ui.action_log_activity,
            window.ui.action_find,
        )
    }
    assert expected <= listed
    assert "File ▸ New account…" in names_listed or any(
        n.startswith("File ▸ New account") for n in names_listed
    )
    assert not dialog.table.tabKeyNavigation()


def test_user_guide_shows_the_shipped_guide(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = window.feature(HelpFeature).show_guide()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "crmdesk in five minutes" in text and "My follow-ups" in text
