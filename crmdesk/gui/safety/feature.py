"""Data-safety feature: File ▸ Backups…, Tools ▸ Check database, and a
status-bar warning when the database sits on a network share or in a
cloud-sync folder. (Exporting is the window's own File ▸ Export….)"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from crmdesk.db.backup import newest_good_backup
from crmdesk.db.health import CheckReport, check_database, storage_warning
from crmdesk.gui.common.jobs import Job
from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.safety.backups_dialog import BackupsDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("SafetyFeature", text)


class SafetyFeature:
    """The feature's actions and widgets on one window."""

    def __init__(self, window: WindowApi, path: str) -> None:
        self.window = window
        self.path = path
        self.last_check_box: QMessageBox | None = None
        self.storage_warning_label: QLabel | None = None
        parent = window.as_widget()
        self.backups_action = QAction(_tr("&Backups…"), parent)
        self.backups_action.setObjectName("actionBackups")
        self.backups_action.triggered.connect(lambda: self.open_backups())
        menu = window.menu("file")
        quit_action = next((a for a in menu.actions() if a.objectName() == "action_quit"), None)
        if quit_action is not None:
            menu.insertAction(quit_action, self.backups_action)
            menu.insertSeparator(quit_action)
        else:
            menu.addAction(self.backups_action)
        self.check_action = window.menu("tools").addAction(_tr("&Check database"))
        self.check_action.setObjectName("actionCheckDatabase")
        self.check_action.triggered.connect(lambda: self.run_check())
        warning = storage_warning(path)
        if warning:
            label = QLabel("⚠ " + _tr("Database on a shared or synced folder"))
            label.setObjectName("storageWarning")
            label.setToolTip(warning[0].upper() + warning[1:])
            label.setStyleSheet("color: #a15c00; font-weight: bold;")
            window.add_status_widget(label)
            self.storage_warning_label = label

    def open_backups(self) -> BackupsDialog:
        dialog = BackupsDialog(self.window)
        dialog.open()
        return dialog

    def run_check(self) -> Job:
        path = self.path

        def work(_ctx: Any) -> tuple[CheckReport, Any]:
            report = check_database(path)
            return report, (None if report.ok else newest_good_backup(path))

        return self.window.jobs.run_with_dialog(
            self.window.as_widget(), _tr("Checking the database…"), work,
            on_result=lambda result: self.show_report(*result),
            on_error=self.window.show_error,
        )  # fmt: skip

    def show_report(self, report: CheckReport, backup: Any) -> QMessageBox:
        box = QMessageBox(self.window.as_widget())
        box.setObjectName("checkReport")
        box.setWindowTitle(_tr("Check database"))
        if report.ok:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(_tr("Your database is healthy."))
            box.setInformativeText(
                _tr("SQLite's integrity check found no damage and every reference is intact.")
            )
        else:
            box.setIcon(QMessageBox.Icon.Critical)
            box.setText(
                _tr("Your database has %1 problem(s).").replace("%1", str(len(report.findings)))
            )
            advice = _tr("Stop editing and restore a backup (File ▸ Backups…).")
            if backup:
                advice += "\n" + _tr("The newest good backup is %1.").replace("%1", backup.name)
            box.setInformativeText(advice)
            box.setDetailedText("\n".join(report.findings))
            restore = box.addButton(_tr("Open Backups…"), QMessageBox.ButtonRole.AcceptRole)
            restore.clicked.connect(lambda: self.open_backups())
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()
        self.last_check_box = box
        return box


def install(window: WindowApi) -> SafetyFeature | None:
    if not window.db.path:
        return None  # a server database: backups and checks are the server's job
    return SafetyFeature(window, window.db.path)
