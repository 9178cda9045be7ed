"""Preferences feature: Edit ▸ Preferences…; after a change the window's
panes that depend on "me" reload (``window.refresh``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.preferences.dialog import PreferencesDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("PreferencesFeature", text)


class PreferencesFeature:
    """What the feature put on one window (install() returns it)."""

    def __init__(self, window: WindowApi) -> None:
        self.window = window
        self.action = QAction(_tr("&Preferences…"), window.as_widget())
        self.action.setObjectName("actionPreferences")
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.triggered.connect(self.open)
        self.dialog: PreferencesDialog | None = None

    def open(self) -> bool:
        """Show the dialog; True when the user saved."""
        self.dialog = PreferencesDialog(self.window.as_widget(), self.window.owner_names())
        saved = self.dialog.exec() == QDialog.DialogCode.Accepted
        if saved:
            self.window.refresh()  # "me" decides whose follow-ups are listed
            self.window.show_status(_tr("Preferences saved"))
        return saved


def install(window: WindowApi) -> PreferencesFeature:
    feature = PreferencesFeature(window)
    menu = window.menu("edit")
    menu.addSeparator()
    menu.addAction(feature.action)
    return feature
