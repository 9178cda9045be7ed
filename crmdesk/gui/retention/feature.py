"""Feature: View ▸ Complaints register, Tools ▸ Portfolio analysis, Edit ▸
Change account status…; everything through WindowApi and the core."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from crmdesk.core.accounts import get_account
from crmdesk.core.analysis import analyse
from crmdesk.core.changes import Changes, Kind
from crmdesk.gui.common.jobs import JobContext
from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.retention.analysis_dialog import AnalysisDialog
from crmdesk.gui.retention.complaints_dialog import ComplaintsDialog
from crmdesk.gui.retention.status_dialog import StatusDialog


class RetentionFeature:
    """What the feature put on one window (install() returns it)."""

    def __init__(self, window: WindowApi) -> None:
        self.window = window
        widget = window.as_widget()
        self.complaints_action = QAction(widget.tr("&Complaints register"), widget)
        self.complaints_action.setObjectName("actionComplaints")
        self.complaints_action.triggered.connect(self.open_complaints)
        self.analysis_action = QAction(widget.tr("Portfolio &analysis"), widget)
        self.analysis_action.setObjectName("actionPortfolioAnalysis")
        self.analysis_action.triggered.connect(self.open_analysis)
        self.status_action = QAction(widget.tr("Change account &status…"), widget)
        self.status_action.setObjectName("actionChangeStatus")
        self.status_action.triggered.connect(self.change_status)
        window.menu("view").addAction(self.complaints_action)
        window.menu("tools").addAction(self.analysis_action)
        window.menu("edit").addAction(self.status_action)
        window.accountSelected.connect(self._selected)
        self._selected(window.selected_account_id())
        self.dialogs: list[Any] = []

    def _selected(self, account_id: Any) -> None:
        self.status_action.setEnabled(account_id is not None)

    def _changed(self, account_id: int) -> None:
        self.window.apply_changes(Changes.of(Kind.ACCOUNT, Kind.ACTIVITY, accounts=[account_id]))

    def open_complaints(self) -> ComplaintsDialog:
        dialog = ComplaintsDialog(self.window.db, self.window.as_widget(), self._changed)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def open_analysis(self) -> AnalysisDialog:
        dialog = AnalysisDialog(self.window.as_widget())
        self.dialogs.append(dialog)
        db = self.window.db

        def work(_ctx: JobContext) -> Any:
            return analyse(db)

        self.window.jobs.run(work, name="portfolio analysis", on_result=dialog.show_result,
                             on_error=dialog.show_error)  # fmt: skip
        dialog.show()
        return dialog

    def status_dialog(self) -> StatusDialog | None:
        account_id = self.window.selected_account_id()
        if account_id is None:
            return None
        account = get_account(self.window.db, account_id)
        return StatusDialog(self.window.db, account_id, account.name, account.status,
                            self.window.as_widget())  # fmt: skip

    def change_status(self) -> None:
        dialog = self.status_dialog()
        if dialog is not None and dialog.exec() and dialog.change is not None:
            self._changed(dialog.account_id)


def install(window: WindowApi) -> RetentionFeature:
    return RetentionFeature(window)
