"""The main window: customer, account and activity panes side by side, and
the public API that features plug into (crmdesk/gui/features.py):

``db``, ``menu_file/edit/view/tools/help``, ``account_pane.tabs``,
``selected_account_id()``, ``accountSelected``, ``refresh()``,
``show_error(exc)``, ``undo_stack``, ``jobs``, ``start_import(path)`` →
``import_handler(path)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from crmdesk import APP_NAME, __version__
from crmdesk.errors import CrmError
from crmdesk.gui.forms.ui_main_window import Ui_MainWindow

if TYPE_CHECKING:
    from crmdesk.core.stats import Stats
    from crmdesk.db.engine import Database
    from crmdesk.gui.common.jobs import Jobs


class MainWindow(QMainWindow):
    """Owns the database handle, the undo stack and the job runner; the panes
    talk to each other only through the window."""

    accountSelected = Signal(object)  # int | None

    db: Database
    jobs: Jobs

    def __init__(self, db: Database | None = None, settings: QSettings | None = None) -> None:
        """The whole window on ``db``; or, with ``db=None``, only its frame
        (menus, geometry, an "Opening …" page), cheap enough to be on screen
        before the storage layer is even imported: :meth:`attach` fills it."""
        super().__init__()
        self.settings = settings if settings is not None else QSettings(APP_NAME, APP_NAME)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.undo_stack = QUndoStack(self)
        self.import_handler: Any = None
        self.feature_errors: list[tuple[str, BaseException]] = []
        self.menu_file = self.ui.menu_file
        self.menu_edit = self.ui.menu_edit
        self.menu_view = self.ui.menu_view
        self.menu_tools = self.ui.menu_tools
        self.menu_help = self.ui.menu_help
        self.attached = False
        self._opening: QLabel | None = None
        self._restore_geometry()
        if db is not None:
            self.attach(db)
        else:
            self.setWindowTitle(APP_NAME)
            self._opening = QLabel(self.tr("Opening your portfolio …"))
            self._opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._opening.setEnabled(False)
            self.ui.stack.addWidget(self._opening)
            self.ui.stack.setCurrentWidget(self._opening)

    def attach(self, db: Database) -> None:
        """Build the panes on ``db`` (once). Imports the services and models
        here, not at module level, so the frame can show first."""
        from crmdesk.gui.account.pane import AccountPane
        from crmdesk.gui.activity.pane import ActivityPane
        from crmdesk.gui.common.icons import app_icon
        from crmdesk.gui.common.jobs import Jobs
        from crmdesk.gui.common.style import OVERDUE
        from crmdesk.gui.portfolio.customer_pane import CustomerPane
        from crmdesk.gui.welcome import WelcomeView
        from crmdesk.gui.window_actions import WindowActions

        if self.attached:
            raise RuntimeError("the window is already on a database")
        self.db = db
        self.jobs = Jobs(self)
        self.setWindowIcon(app_icon())  # QtSvg: not needed for the first frame
        self._set_title(Path(db.path).name if db.path else str(db.engine.url.host or db.engine.url))
        self.customer_pane = CustomerPane(db, self, jobs=self.jobs)
        self.account_pane = AccountPane(self, self)
        self.activity_pane = ActivityPane(self, self)
        for pane in (self.customer_pane, self.account_pane, self.activity_pane):
            self.ui.splitter.addWidget(pane)
        for index, stretch in enumerate((4, 3, 3)):
            self.ui.splitter.setStretchFactor(index, stretch)
        self.welcome = WelcomeView(self)
        self.ui.welcomeLayout.addWidget(self.welcome)
        self.actions_ = WindowActions(self)
        self.welcome.importRequested.connect(lambda: self.start_import(None))
        self.welcome.newAccountRequested.connect(self.actions_.new_account)
        self.welcome.sampleRequested.connect(self.actions_.load_sample)

        self._stats_label = QLabel(self)
        self._overdue_label = QLabel(self)
        self._overdue_label.setStyleSheet(f"color: {OVERDUE.name()}; font-weight: 600;")
        self.statusBar().addPermanentWidget(self._overdue_label)
        self.statusBar().addPermanentWidget(self._stats_label)
        self._stats_job: Any = None

        self.customer_pane.guard = self.account_pane.confirm_leave
        self.customer_pane.currentAccountChanged.connect(self._account_changed)
        self._restore_splitters()
        self.customer_pane.apply_filter()
        self._update_page()
        if self._opening is not None:
            self.ui.stack.removeWidget(self._opening)
            self._opening.deleteLater()
            self._opening = None
        self.attached = True
        self._account_changed(None)
        QTimer.singleShot(0, self._select_first)
        self.update_status()
        self._install_features()

    def _set_title(self, where: str) -> None:
        self.setWindowTitle(
            self.tr("%1 — crmdesk %2").replace("%1", where).replace("%2", __version__)
        )

    # --- the contract -----------------------------------------------------
    def selected_account_id(self) -> int | None:
        return self.account_pane.account_id

    def refresh(self) -> None:
        """Reload every pane after data changed outside them (an import, a
        restore, sample data). Unsaved Overview edits are kept."""
        self.customer_pane.reload_owners()
        self.customer_pane.apply_filter()
        self.account_pane.reload_data()
        self.activity_pane.reload()
        self._update_page()
        self._reload_follow_ups_view()
        self.update_status()
        if self.selected_account_id() is None:
            self._select_first()

    def show_error(self, exc: BaseException) -> None:
        """A message a person understands; details only for real bugs."""
        if isinstance(exc, CrmError):
            QMessageBox.warning(self, self.tr("crmdesk"), str(exc))
            return
        _log().error("unexpected error", exc_info=exc)
        QMessageBox.critical(
            self,
            self.tr("crmdesk"),
            self.tr("Something went wrong and nothing was changed.\n\n%s")
            % (str(exc) or type(exc).__name__),
        )

    def start_import(self, path: str | None = None) -> None:
        if self.import_handler is None:
            QMessageBox.information(
                self, self.tr("Import"), self.tr("Importing is not available in this build.")
            )
            return
        self.import_handler(path)

    # --- navigation -------------------------------------------------------
    def open_account(self, account_id: int) -> bool:
        """Show an account: its row is selected when it is listed nearby;
        otherwise (filtered out, or far down a long list) the panes show it
        without loading thousands of rows just to highlight it."""
        if account_id == self.selected_account_id():
            return True
        if not self.account_pane.confirm_leave():
            return False
        if not self.customer_pane.select_account(account_id):
            self.customer_pane.show_unlisted(account_id)
        return self.selected_account_id() == account_id

    def data_changed(self, account_id: int | None) -> None:
        """After an action on one account: refresh just what shows it."""
        if account_id is not None:
            before = self.customer_pane.model.row_of(account_id)
            self.customer_pane.model.refresh_accounts([account_id])
            if before is None:  # a restored or new account: it may belong in the list
                self.customer_pane.apply_filter()
            if account_id == self.selected_account_id():
                self.account_pane.reload_data()
                if self.account_pane.account is None:
                    self.customer_pane.forget_current()
                else:
                    self.activity_pane.reload()
        self.customer_pane.update_counts()
        self._update_page()
        self._reload_follow_ups_view()
        self.update_status()

    def _reload_follow_ups_view(self) -> None:
        view = self.actions_.follow_ups_view
        if view is not None and view.isVisible():
            view.reload()

    def _account_changed(self, account_id: int | None) -> None:
        self.account_pane.show_account(account_id)
        self.activity_pane.show_account(self.account_pane.account_id)
        self.actions_.update_enabled()
        self.accountSelected.emit(self.account_pane.account_id)

    def _select_first(self) -> None:
        if self.selected_account_id() is None and self.customer_pane.model.rowCount() > 0:
            last = self.settings.value("window/lastAccount")
            if last is None or not self.customer_pane.select_account(int(last)):
                self.customer_pane.ui.table.selectRow(0)

    def account_count(self) -> int:
        from crmdesk.core.portfolio import count_accounts

        return count_accounts(self.db)

    def _update_page(self) -> None:
        empty = self.customer_pane.model.rowCount() == 0 and self.account_count() == 0
        self.ui.stack.setCurrentWidget(self.ui.pageWelcome if empty else self.ui.pageMain)

    # --- status bar -------------------------------------------------------
    def update_status(self) -> None:
        """Counts over the whole database, computed in a worker (300,000
        activities take a moment to count)."""
        if self._stats_job is not None and not self._stats_job.done:
            self._stats_job.cancel()
        from crmdesk.core.stats import stats

        db = self.db
        self._stats_job = self.jobs.run(lambda ctx: stats(db), on_result=self._show_stats)

    def _show_stats(self, counts: Stats) -> None:
        from crmdesk.gui.common import fmt

        self._stats_label.setText(
            self.tr("%1 accounts · %2 people · %3 activities")
            .replace("%1", fmt.count_text(counts.accounts))
            .replace("%2", fmt.count_text(counts.contacts))
            .replace("%3", fmt.count_text(counts.activities))
        )
        overdue = counts.overdue_follow_ups
        self._overdue_label.setText(
            self.tr("%n overdue follow-up(s)", "", overdue) if overdue else ""
        )

    # --- settings and closing ----------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def _restore_splitters(self) -> None:
        for splitter, key in self._splitters():
            sizes = self.settings.value(key)
            if sizes:
                splitter.setSizes([int(s) for s in sizes])
            elif splitter is self.ui.splitter:
                width = max(self.width() - 16, 900)
                splitter.setSizes([width * 45 // 100, width * 29 // 100, width * 26 // 100])

    def _splitters(self) -> list[tuple[Any, str]]:
        return [
            (self.ui.splitter, "window/splitter"),
            (self.activity_pane.ui.activitySplitter, "window/activitySplitter"),
        ]

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        for splitter, key in self._splitters():
            self.settings.setValue(key, splitter.sizes())
        if self.selected_account_id() is not None:
            self.settings.setValue("window/lastAccount", self.selected_account_id())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.attached:  # closed while opening, or the database failed to open
            super().closeEvent(event)
            return
        if not self.account_pane.confirm_leave():
            event.ignore()
            return
        self.save_settings()
        self.jobs.cancel_all()
        self.jobs.wait(10_000)
        self.db.dispose()
        super().closeEvent(event)

    def _install_features(self) -> None:
        from crmdesk.gui.features import FEATURES

        for module in FEATURES:
            try:
                module.install(self)
            except Exception as exc:  # one broken feature must not stop the window
                _log().exception("feature %s failed to install", module.__name__)
                self.feature_errors.append((module.__name__, exc))

    def keyPressEvent(self, event: Any) -> None:
        if (
            self.attached
            and event.key() == Qt.Key.Key_Escape
            and self.customer_pane.ui.search.hasFocus()
        ):
            self.customer_pane.ui.search.clear()
            return
        super().keyPressEvent(event)


def _log() -> Any:
    import logging  # not at import time: the window's frame shows before it is needed

    return logging.getLogger(__name__)
