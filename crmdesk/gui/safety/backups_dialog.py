"""File ▸ Backups…: the verified copies of the database, and restoring one.

Restoring replaces what is in the window with the backup's content; the
current state is backed up first, so a restore can itself be undone by
restoring that copy. The copy and the restore run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QTableWidgetItem, QWidget

from crmdesk.db.backup import BackupInfo, backup_dir_for, list_backups, take_backup
from crmdesk.db.restore import restore_backup
from crmdesk.gui.common.fmt import local_qdatetime
from crmdesk.gui.forms.ui_backups import Ui_BackupsDialog

if TYPE_CHECKING:
    from crmdesk.gui.common.window_api import WindowApi

REASONS = {
    "daily": "Daily, on start",
    "on-quit": "On quit",
    "manual": "Backed up by hand",
    "before-import": "Before an import",
    "before-restore": "Before a restore",
}


def describe_reason(reason: str) -> str:
    if reason.startswith("before-upgrade"):
        return "Before an upgrade"
    return REASONS.get(reason, reason.replace("-", " ").capitalize())


class BackupsDialog(QDialog):
    """Lists the backups of ``window.db``; Restore hands over to the window's
    job runner and refreshes the window when done."""

    def __init__(self, window: WindowApi, parent: QWidget | None = None) -> None:
        super().__init__(parent or window.as_widget())
        self.window_ = window
        self.path = Path(str(window.db.path))
        self.ui = Ui_BackupsDialog()
        self.ui.setupUi(self)
        self.ui.folderLabel.setText(
            self.tr("Folder: %1").replace("%1", str(backup_dir_for(self.path)))
        )
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.backupButton.clicked.connect(self.back_up_now)
        self.ui.restoreButton.clicked.connect(self.restore_selected)
        self.ui.folderButton.clicked.connect(self.show_folder)
        self.ui.table.itemSelectionChanged.connect(self._update_buttons)
        self.ui.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.backups: list[BackupInfo] = []
        self.last_job: Any = None
        self.reload()

    def reload(self) -> None:
        self.backups = list_backups(self.path)
        table = self.ui.table
        table.setRowCount(len(self.backups))
        locale = QLocale()
        for row, info in enumerate(self.backups):
            taken = QTableWidgetItem(
                locale.toString(local_qdatetime(info.taken_at), QLocale.FormatType.ShortFormat)
            )
            taken.setToolTip(info.name)
            size = QTableWidgetItem(locale.formattedDataSize(info.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 0, taken)
            table.setItem(row, 1, QTableWidgetItem(self.tr(describe_reason(info.reason))))
            table.setItem(row, 2, size)
        self.ui.emptyLabel.setVisible(not self.backups)
        if self.backups:
            table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.ui.restoreButton.setEnabled(self.selected() is not None)

    def selected(self) -> BackupInfo | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def back_up_now(self) -> None:
        self.last_job = self.window_.jobs.run_with_dialog(
            self,
            self.tr("Backing up…"),
            lambda _ctx: take_backup(self.path, "manual"),
            on_result=lambda _path: self.reload(),
            on_error=self.window_.show_error,
        )

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        when = QLocale().toString(local_qdatetime(info.taken_at), QLocale.FormatType.LongFormat)
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Replace everything in crmdesk with the backup taken %1?\n\n"
                "What is there now is backed up first, so you can go back to it."
            ).replace("%1", when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(info)

    def restore(self, info: BackupInfo) -> Any:
        """Restore without asking (the confirmation is in restore_selected)."""
        db = self.window_.db

        def progress(ctx: Any, done: int, total: int) -> None:
            # Cancel aborts the copy midway (SQLite rolls the file back
            # whole); once the last page is in, the restore has happened and
            # must be reported as done, not as cancelled.
            if done < total:
                ctx.progress(done, total)

        def work(ctx: Any) -> Path | None:
            ctx.check()
            db.dispose()  # no pooled connection may keep the old pages
            safety = restore_backup(
                self.path,
                info.path,
                progress=lambda done, total: progress(ctx, done, total),
                step_pages=256,
            )
            from crmdesk.db.migrate import upgrade

            upgrade(db, backup=False)  # a backup from an older crmdesk
            db.dispose()
            return safety

        self.last_job = self.window_.jobs.run_with_dialog(
            self,
            self.tr("Restoring…"),
            work,
            on_result=self._restored,
            on_error=self.window_.show_error,
        )
        return self.last_job

    def _restored(self, _safety: Path | None) -> None:
        self.window_.refresh()
        self.reload()
        self.window_.show_status(self.tr("Backup restored."))

    def show_folder(self) -> None:
        folder = backup_dir_for(self.path)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
