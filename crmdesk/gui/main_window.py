"""The main window: customer, account and activity panes side by side. It
implements the window contract (:class:`crmdesk.gui.common.window_api.WindowApi`),
all that panes, dialogs and features may use of it; the features listed in
:mod:`crmdesk.gui.features` install themselves and the window keeps what
each returns (:meth:`MainWindow.feature`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QWidget

from crmdesk import APP_NAME, __version__
from crmdesk.errors import CrmError
from crmdesk.gui.common.settings import LAST_ACCOUNT, Settings
from crmdesk.gui.forms.ui_main_window import Ui_MainWindow
from crmdesk.gui.window_state import restore_geometry

if TYPE_CHECKING:
    from crmdesk.core.changes import Changes
    from crmdesk.db.engine import Database
    from crmdesk.gui.common.jobs import Jobs
    from crmdesk.gui.common.window_api import CloseGuard, ImportHandler, MenuName, WindowApi

T = TypeVar("T")


class MainWindow(QMainWindow):
    """Owns the database handle, the undo stack and the job runner; the panes
    talk to each other only through the window."""

    accountSelected = Signal(object)  # int | None
    changed = Signal(object)  # Changes, after the panes showed them

    db: Database
    jobs: Jobs

    def __init__(self, db: Database | None = None, settings: QSettings | None = None) -> None:
        """The whole window on ``db``; or, with ``db=None``, only its frame
        (menus, geometry, an "Opening …" page), cheap enough to be on screen
        before the storage layer is even imported: :meth:`attach` fills it."""
        super().__init__()
        self.settings = Settings(settings)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.undo_stack = QUndoStack(self)
        self.import_handler: ImportHandler | None = None
        self.features: dict[str, object] = {}  # feature module name -> what install() returned
        self.feature_errors: list[tuple[str, BaseException]] = []
        self._close_guards: list[CloseGuard] = []
        self.attached = False
        self._opening: QLabel | None = None
        restore_geometry(self, self.settings)
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
        from crmdesk.gui import window_state
        from crmdesk.gui.account.pane import AccountPane
        from crmdesk.gui.activity.pane import ActivityPane
        from crmdesk.gui.common.icons import app_icon
        from crmdesk.gui.common.jobs import Jobs
        from crmdesk.gui.portfolio.customer_pane import CustomerPane
        from crmdesk.gui.status_counts import StatusCounts
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

        self.status_counts = StatusCounts(self.statusBar(), db, self.jobs)

        self.customer_pane.guard = self.account_pane.confirm_leave
        self.customer_pane.currentAccountChanged.connect(self._account_changed)
        window_state.restore_splitters(self)
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

    # --- the contract (WindowApi) ----------------------------------------
    def as_widget(self) -> QMainWindow:
        return self

    def selected_account_id(self) -> int | None:
        return self.account_pane.account_id

    def owner_names(self) -> list[str]:
        return list(self.customer_pane.owner_names)

    def menu(self, name: MenuName) -> QMenu:
        menu: QMenu = getattr(self.ui, f"menu_{name}")
        return menu

    def add_account_tab(self, page: QWidget, title: str) -> None:
        self.account_pane.add_tab(page, title)

    def add_close_guard(self, guard: CloseGuard) -> None:
        self._close_guards.append(guard)

    def set_import_handler(self, handler: ImportHandler) -> None:
        self.import_handler = handler

    def show_status(self, message: str, timeout_ms: int = 8000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().addPermanentWidget(widget)

    def feature(self, kind: type[T]) -> T | None:
        """The installed feature object of type ``kind`` (tests, the shell)."""
        return next((f for f in self.features.values() if isinstance(f, kind)), None)

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
        from crmdesk.core.changes import Changes

        self.changed.emit(Changes.all())

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

    def apply_changes(self, changes: Changes) -> None:
        """After an action: refresh just what shows the records it changed
        (the portfolio rows of its accounts, the open account), then tell
        the features through ``changed``."""
        if not changes:
            return
        if changes.everything:
            self.refresh()
            return
        from crmdesk.core.changes import Kind

        pane = self.customer_pane
        if changes.touches(Kind.OWNER):
            pane.reload_owners()
        if changes.account_ids:
            pane.refresh_accounts(sorted(changes.account_ids))
        if changes.touches_account(self.selected_account_id()):
            self.account_pane.reload_data()
            if self.account_pane.account is None:
                pane.forget_current()
            else:
                self.activity_pane.reload()
        pane.update_counts()
        self._update_page()
        self._reload_follow_ups_view()
        self.update_status()
        self.changed.emit(changes)

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
        if self.selected_account_id() is None and self.customer_pane.row_count() > 0:
            last = self.settings.get(LAST_ACCOUNT)
            if last is None or not self.customer_pane.select_account(last):
                self.customer_pane.select_first()

    def account_count(self) -> int:
        from crmdesk.core.portfolio import count_accounts

        return count_accounts(self.db)

    def _update_page(self) -> None:
        empty = self.customer_pane.row_count() == 0 and self.account_count() == 0
        self.ui.stack.setCurrentWidget(self.ui.pageWelcome if empty else self.ui.pageMain)

    def update_status(self) -> None:  # the status bar's counts, in a worker
        self.status_counts.update_counts()

    # --- settings and closing ----------------------------------------------
    def save_settings(self) -> None:
        from crmdesk.gui import window_state

        window_state.save(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.attached:  # closed while opening, or the database failed to open
            super().closeEvent(event)
            return
        guards = [self.account_pane.confirm_leave, *self._close_guards]
        if not all(guard() for guard in guards):  # stops at the first refusal
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
                installed = module.install(self)
            except Exception as exc:  # one broken feature must not stop the window
                _log().exception("feature %s failed to install", module.__name__)
                self.feature_errors.append((module.__name__, exc))
                continue
            if installed is not None:
                self.features[module.__name__] = installed

    def keyPressEvent(self, event: Any) -> None:
        escape = event.key() == Qt.Key.Key_Escape
        if self.attached and escape and self.customer_pane.clear_search_if_focused():
            return
        super().keyPressEvent(event)


def _log() -> Any:
    import logging  # not at import time: the window's frame shows before it is needed

    return logging.getLogger(__name__)


if TYPE_CHECKING:

    def _implements_the_contract(window: MainWindow) -> WindowApi:
        return window  # mypy checks MainWindow against the WindowApi protocol
