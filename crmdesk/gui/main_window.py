"""The main window: three panes (customers, account, activity) and the
public API that features plug into (see crmdesk/gui/features.py)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from crmdesk import __version__
from crmdesk.db.engine import Database
from crmdesk.errors import CrmError
from crmdesk.gui.forms.ui_main_window import Ui_MainWindow
from crmdesk.gui.jobs import Jobs

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Owns the database handle, the undo stack and the job runner; the panes
    talk to each other only through its signals."""

    accountSelected = Signal(object)  # int | None

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("crmdesk %s") % __version__)
        self.undo_stack = QUndoStack(self)
        self.jobs = Jobs(self)
        self.import_handler: Any = None
        self.feature_errors: list[tuple[str, BaseException]] = []
        self.menu_file = self.ui.menu_file
        self.menu_edit = self.ui.menu_edit
        self.menu_view = self.ui.menu_view
        self.menu_tools = self.ui.menu_tools
        self.menu_help = self.ui.menu_help
        self._selected: int | None = None

        self.customer_pane = QWidget(self)
        self.customer_pane.setObjectName("customerPane")
        self.account_pane = QWidget(self)
        self.account_pane.setObjectName("accountPane")
        self.account_pane.tabs = QTabWidget(self.account_pane)  # type: ignore[attr-defined]
        QVBoxLayout(self.account_pane).addWidget(self.account_pane.tabs)  # type: ignore[attr-defined]
        self.activity_pane = QWidget(self)
        self.activity_pane.setObjectName("activityPane")
        for pane in (self.customer_pane, self.account_pane, self.activity_pane):
            self.ui.splitter.addWidget(pane)
        self.ui.stack.setCurrentWidget(self.ui.pageMain)
        self._install_features()

    # --- the contract -----------------------------------------------------
    def selected_account_id(self) -> int | None:
        return self._selected

    def refresh(self) -> None:
        """Reload every pane after data changed outside them."""

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, CrmError):
            QMessageBox.warning(self, self.tr("crmdesk"), str(exc))
        else:
            log.error("unexpected error", exc_info=exc)
            QMessageBox.critical(
                self,
                self.tr("crmdesk"),
                self.tr("Something went wrong: %s") % (str(exc) or type(exc).__name__),
            )

    def start_import(self, path: str | None = None) -> None:
        if self.import_handler is None:
            QMessageBox.information(
                self, self.tr("Import"), self.tr("Importing is not available in this build.")
            )
            return
        self.import_handler(path)

    # --- internals --------------------------------------------------------
    def _install_features(self) -> None:
        from crmdesk.gui.features import FEATURES

        for module in FEATURES:
            try:
                module.install(self)
            except Exception as exc:  # one broken feature must not stop the window
                log.exception("feature %s failed to install", module.__name__)
                self.feature_errors.append((module.__name__, exc))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.jobs.cancel_all()
        self.jobs.wait(5000)
        self.db.dispose()
        super().closeEvent(event)
