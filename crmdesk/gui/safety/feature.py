"""Data-safety feature: File ▸ Backups…, Tools ▸ Check database, and a
status-bar warning when the database sits on a network share or in a
cloud-sync folder. (Exporting is the window's own File ▸ Export….)"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from crmdesk.db.backup import newest_good_backup
from crmdesk.db.health import CheckReport, check_database
from crmdesk.db.location import storage_warning
from crmdesk.gui.common.jobs import Job
from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.safety.backups_dialog import BackupsDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("SafetyFeature", text)


class SafetyFeature:
    """What the feature put on one window (install() returns it)."""

    def __init__(self, window: WindowApi) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.storage_warning_label: QLabel | None = None
        self.last_check_box: QMessageBox | None = None


def install(window: WindowApi) -> SafetyFeature | None:
    if not window.db.path:
        return None  # a server database: backups and checks are the server's job
    feature = SafetyFeature(window)
    backups = QAction(_tr("&Backups…"), window.as_widget())
    backups.setObjectName("actionBackups")
    backups.triggered.connect(lambda: open_backups(window))
    menu = window.menu("file")
    by_name = {a.objectName(): a for a in menu.actions()}
    quit_action = by_name.get("action_quit")
    if quit_action is not None:
        menu.insertAction(quit_action, backups)
        menu.insertSeparator(quit_action)
    else:
        menu.addAction(backups)
    check = window.menu("tools").addAction(_tr("&Check database"))
    check.setObjectName("actionCheckDatabase")
    check.triggered.connect(lambda: run_check(feature))
    feature.actions = {"backups": backups, "check": check}

    warning = storage_warning(window.db.path)
    if warning:
        label = QLabel("⚠ " + _tr("Database on a shared or synced folder"))
        label.setObjectName("storageWarning")
        label.setToolTip(warning[0].upper() + warning[1:])
        label.setStyleSheet("color: #a15c00; font-weight: bold;")
        window.add_status_widget(label)
        feature.storage_warning_label = label
    return feature


def open_backups(window: WindowApi) -> BackupsDialog:
    dialog = BackupsDialog(window)
    dialog.open()
    return dialog


def run_check(feature: SafetyFeature) -> Job:
    window = feature.window
    path = str(window.db.path)

    def work(_ctx: Any) -> tuple[CheckReport, Any]:
        report = check_database(path)
        return report, (None if report.ok else newest_good_backup(path))

    return window.jobs.run_with_dialog(
        window.as_widget(), _tr("Checking the database…"), work,
        on_result=lambda result: show_report(feature, *result), on_error=window.show_error,
    )  # fmt: skip


def show_report(feature: SafetyFeature, report: CheckReport, backup: Any) -> QMessageBox:
    window = feature.window
    box = QMessageBox(window.as_widget())
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
            _tr("Your database has 1 problem.")
            if len(report.findings) == 1
            else _tr("Your database has %1 problems.").replace("%1", str(len(report.findings)))
        )
        advice = _tr("Stop editing and restore a backup (File ▸ Backups…).")
        if backup:
            advice += "\n" + _tr("The newest good backup is %1.").replace("%1", backup.name)
        box.setInformativeText(advice)
        box.setDetailedText("\n".join(report.findings))
        restore = box.addButton(_tr("Open Backups…"), QMessageBox.ButtonRole.AcceptRole)
        restore.clicked.connect(lambda: open_backups(window))
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    feature.last_check_box = box
    return box
