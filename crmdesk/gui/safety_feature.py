"""Data-safety feature: File ▸ Backups…, File ▸ Export ▸ …, Tools ▸ Check
database, and a status-bar warning when the database sits on a network
share or in a cloud-sync folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from crmdesk.core.export import export
from crmdesk.db.backup import newest_good_backup
from crmdesk.db.health import CheckReport, check_database
from crmdesk.db.location import storage_warning

KINDS = {
    "accounts": "&Accounts…",
    "contacts": "&Contacts…",
    "activities": "A&ctivities…",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SafetyFeature", text)


def install(window: Any) -> None:
    if not window.db.path:
        return  # a server database: backups and checks are the server's job
    backups = QAction(_tr("&Backups…"), window)
    backups.setObjectName("actionBackups")
    backups.triggered.connect(lambda: open_backups(window))
    menu = window.menu_file
    by_name = {a.objectName(): a for a in menu.actions()}
    quit_action = by_name.get("action_quit")
    export_menu = None
    if "action_export" not in by_name:  # the window has no File > Export of its own
        export_menu = menu.addMenu(_tr("&Export"))
        export_menu.setObjectName("menuExport")
        for kind, label in KINDS.items():
            action = export_menu.addAction(_tr(label))
            action.setObjectName(f"actionExport_{kind}")
            action.triggered.connect(lambda _checked=False, k=kind: ask_export(window, k))
        if quit_action is not None:
            menu.insertMenu(quit_action, export_menu)
    if quit_action is not None:
        menu.insertAction(quit_action, backups)
        menu.insertSeparator(quit_action)
    else:
        menu.addAction(backups)
    check = window.menu_tools.addAction(_tr("&Check database"))
    check.setObjectName("actionCheckDatabase")
    check.triggered.connect(lambda: run_check(window))
    window.safety_actions = {"backups": backups, "check": check, "export": export_menu}

    warning = storage_warning(window.db.path)
    if warning:
        label = QLabel("⚠ " + _tr("Database on a shared or synced folder"))
        label.setObjectName("storageWarning")
        label.setToolTip(warning[0].upper() + warning[1:])
        label.setStyleSheet("color: #a15c00; font-weight: bold;")
        window.statusBar().addPermanentWidget(label)
        window.storage_warning_label = label


def open_backups(window: Any) -> Any:
    from crmdesk.gui.backups_dialog import BackupsDialog

    dialog = BackupsDialog(window)
    dialog.open()
    return dialog


def ask_export(window: Any, kind: str) -> Any:
    settings = QSettings()
    folder = str(settings.value("export/folder", str(Path.home())))
    path, _filter = QFileDialog.getSaveFileName(
        window,
        _tr("Export %1").replace("%1", kind),
        str(Path(folder) / f"{kind}.xlsx"),
        _tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
    )
    if not path:
        return None
    if Path(path).suffix.lower() not in (".xlsx", ".csv"):
        path += ".csv" if "csv" in _filter.lower() else ".xlsx"
    settings.setValue("export/folder", str(Path(path).parent))
    return start_export(window, kind, Path(path))


def start_export(window: Any, kind: str, dest: Path) -> Any:
    """Write the export off the GUI thread; Cancel leaves no file behind."""

    def work(ctx: Any) -> int:
        return export(window.db, kind, dest, progress=lambda d, t: ctx.progress(d, t))

    def done(count: int) -> None:
        window.statusBar().showMessage(
            _tr("Exported %1 %2 to %3").replace("%1", str(count)).replace("%2", kind)
            .replace("%3", dest.name),
            8000,
        )  # fmt: skip

    return window.jobs.run_with_dialog(
        window, _tr("Exporting %1…").replace("%1", kind), work,
        on_result=done, on_error=window.show_error,
    )  # fmt: skip


def run_check(window: Any) -> Any:
    path = window.db.path

    def work(_ctx: Any) -> tuple[CheckReport, Any]:
        report = check_database(path)
        return report, (None if report.ok else newest_good_backup(path))

    return window.jobs.run_with_dialog(
        window, _tr("Checking the database…"), work,
        on_result=lambda result: show_report(window, *result), on_error=window.show_error,
    )  # fmt: skip


def show_report(window: Any, report: CheckReport, backup: Any) -> QMessageBox:
    box = QMessageBox(window)
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
        restore.clicked.connect(lambda: open_backups(window))
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    window.last_check_box = box
    return box
