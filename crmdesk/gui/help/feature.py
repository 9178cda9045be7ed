"""Help feature: Help ▸ Keyboard shortcuts (every action of the window with a
shortcut, read from the actions themselves, so it never goes stale) and
Help ▸ User guide (``resources/user-guide.md``, through the resource helper
so it reads the same frozen). Also makes Tab leave tables: arrows move within
a table, Tab moves to the next widget."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crmdesk.assets import resource_path
from crmdesk.gui.common.window_api import WindowApi

GUIDE = "user-guide.md"


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpFeature", text)


def shortcut_rows(root: QWidget) -> list[tuple[str, str]]:
    """(action, shortcut) for every action on the window's menus that has a
    shortcut, in menu order, menu path included ("File ▸ New account…")."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path}{_plain(action.text())} ▸ ")  # type: ignore[arg-type]
                continue
            keys = [k for k in action.shortcuts() if not k.isEmpty()]
            if action.isSeparator() or not keys or id(action) in seen:
                continue
            seen.add(id(action))
            text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            rows.append((path + _plain(action.text()), text))

    menubar = root.findChild(QMenuBar)
    if menubar is not None:
        for top in menubar.actions():
            if top.menu() is not None:
                walk(top.menu(), f"{_plain(top.text())} ▸ ")  # type: ignore[arg-type]
    return rows


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcuts")
        self.table.setHorizontalHeaderLabels([_tr("Action"), _tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 480)


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(resource_path(GUIDE).read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 560)


class HelpFeature:
    def __init__(self, window: WindowApi) -> None:
        self.window = window
        self.shortcuts_action = QAction(_tr("&Keyboard shortcuts"), window.as_widget())
        self.shortcuts_action.setObjectName("actionShortcuts")
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.guide_action = QAction(_tr("&User guide"), window.as_widget())
        self.guide_action.setObjectName("actionUserGuide")
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.show_guide)
        self.dialog: QDialog | None = None

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(shortcut_rows(self.window.as_widget()), self.window.as_widget())
        self.dialog = dialog
        dialog.show()
        return dialog

    def show_guide(self) -> GuideDialog:
        dialog = GuideDialog(self.window.as_widget())
        self.dialog = dialog
        dialog.show()
        return dialog


def tab_leaves_tables(root: QWidget) -> None:
    """Tab moves focus on from every table under ``root`` (arrows move within)."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)


def install(window: WindowApi) -> HelpFeature:
    feature = HelpFeature(window)
    menu = window.menu("help")
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, feature.guide_action)  # type: ignore[arg-type]
    menu.insertAction(first, feature.shortcuts_action)  # type: ignore[arg-type]
    if first is not None:
        menu.insertSeparator(first)
    tab_leaves_tables(window.as_widget())
    return feature
