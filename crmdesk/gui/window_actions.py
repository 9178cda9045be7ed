"""The window's menu actions: shortcuts, and what the actions do that is not
a single pane's business (new/delete account, sample data, export, about)."""

from __future__ import annotations

import platform
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from crmdesk import __version__
from crmdesk.core import accounts as svc
from crmdesk.core.changes import Changes, Kind
from crmdesk.core.demo import generate_demo
from crmdesk.core.export import export
from crmdesk.errors import CrmError
from crmdesk.gui.account.form import AccountForm
from crmdesk.gui.activity.follow_ups_view import FollowUpsView
from crmdesk.gui.common.icons import icon
from crmdesk.gui.common.undo import perform
from crmdesk.gui.forms.ui_account_dialog import Ui_AccountDialog
from crmdesk.preferences import load_preferences

if TYPE_CHECKING:
    from crmdesk.gui.main_window import MainWindow

SAMPLE_ACCOUNTS = 500
Std = QKeySequence.StandardKey


class NewAccountDialog(QDialog):
    def __init__(self, window: MainWindow, owners: list[str]) -> None:
        super().__init__(window)
        self.window_api = window
        self.ui = Ui_AccountDialog()
        self.ui.setupUi(self)
        self.form = AccountForm(self, with_tier=True)
        self.form.set_owners(owners)
        self.form.load(None)
        self.form.ui.owner.setEditText(load_preferences().me or "")  # new accounts are mine
        self.ui.formHostLayout.addWidget(self.form)
        self.ui.errorLabel.setStyleSheet("color: #c62828;")
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.account_id: int | None = None
        self._warned_for: str | None = None  # the name a duplicate warning was shown for
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        problems = self.form.errors()
        if problems:
            self.ui.errorLabel.setText("\n".join(problems.values()))
            return
        values = {k: v for k, v in self.form.values().items() if v is not None}
        db, window = self.window_api.db, self.window_api
        name = str(values.get("name", ""))
        same = [a.name for a in svc.matching_accounts(db, name)]
        if same and self._warned_for != name:  # OK again adds it anyway
            self._warned_for = name
            self.ui.errorLabel.setText(
                self.tr("“%1” is the existing account %2. Press OK again to add another.")
                .replace("%1", name)
                .replace("%2", ", ".join(f"“{n}”" for n in same[:3]))
            )
            return
        try:
            account = perform(
                window,
                self.tr("New account %s") % values.get("name", ""),
                lambda: svc.create_account(db, tier=self.form.tier(), **values),
                lambda a: svc.delete_account(db, a.id),
                lambda a: svc.restore_account(db, a.id),
                changes=lambda a: Changes.of(Kind.ACCOUNT, Kind.OWNER, accounts=[a.id]),
            )
        except CrmError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        self.account_id = account.id
        super().accept()


class WindowActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        ui = window.ui
        self.follow_ups_view: FollowUpsView | None = None
        wiring: list[tuple[Any, Any, str | None, Any]] = [
            (ui.action_new_account, Std.New, "account-new", self.new_account),
            (ui.action_new_contact, "Ctrl+Shift+N", "contact-new", self.new_contact),
            (
                ui.action_log_activity,
                "Ctrl+L",
                "log-activity",
                window.activity_pane.focus_quick_log,
            ),
            (ui.action_import, "Ctrl+I", "import", lambda: window.start_import(None)),
            (ui.action_export, "Ctrl+E", "export", self.export),
            (ui.action_quit, Std.Quit, "quit", window.close),
            (ui.action_find, Std.Find, "search", window.customer_pane.focus_search),
            (ui.action_save, Std.Save, "save", window.account_pane.save),
            (ui.action_change_tier, "Ctrl+T", "tier", window.account_pane.change_tier),
            (ui.action_delete_account, Std.Delete, "delete", self.delete_account),
            (ui.action_my_follow_ups, "Ctrl+Shift+F", "follow-up", self.my_follow_ups),
            (ui.action_refresh, Std.Refresh, "refresh", window.refresh),
            (ui.action_load_sample, None, "sample-data", self.load_sample),
            (ui.action_about, None, "about", self.about),
        ]
        for action, keys, icon_name, slot in wiring:
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            if icon_name:
                action.setIcon(icon(icon_name))
            action.triggered.connect(lambda _c=False, s=slot: s())
        ui.action_quit.setMenuRole(ui.action_quit.MenuRole.QuitRole)
        ui.action_about.setMenuRole(ui.action_about.MenuRole.AboutRole)
        # Delete removes an account only from the portfolio table (elsewhere
        # Delete removes a person or an activity, or edits text).
        ui.action_delete_account.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        table = window.customer_pane.table
        table.addActions([ui.action_change_tier, ui.action_new_contact, ui.action_delete_account])
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        undo = window.undo_stack.createUndoAction(window, self.tr("&Undo"))
        undo.setShortcut(QKeySequence(Std.Undo))
        undo.setIcon(icon("undo"))
        redo = window.undo_stack.createRedoAction(window, self.tr("&Redo"))
        redo.setShortcut(QKeySequence(Std.Redo))
        redo.setIcon(icon("redo"))
        first = window.ui.menu_edit.actions()[0]
        window.ui.menu_edit.insertActions(first, [undo, redo])
        window.ui.menu_edit.insertSeparator(first)
        self.undo_action, self.redo_action = undo, redo

    def update_enabled(self) -> None:
        has = self.w.selected_account_id() is not None
        for action in (
            self.w.ui.action_new_contact,
            self.w.ui.action_log_activity,
            self.w.ui.action_save,
            self.w.ui.action_change_tier,
            self.w.ui.action_delete_account,
        ):
            action.setEnabled(has)

    # --- actions ----------------------------------------------------------
    def new_account(self) -> int | None:
        if not self.w.account_pane.confirm_leave():
            return None
        dialog = NewAccountDialog(self.w, self.w.customer_pane.owner_names)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.account_id is None:
            return None
        self.w.open_account(dialog.account_id)
        return dialog.account_id

    def new_contact(self) -> None:
        if self.w.selected_account_id() is None:
            return
        self.w.account_pane.add_person()

    def delete_account(self) -> None:
        """Soft delete, undoable; the status bar says how to get it back."""
        account = self.w.account_pane.account
        if account is None:
            return
        db, window, account_id = self.w.db, self.w, account.id
        window.account_pane.revert()  # unsaved edits of a deleted account are moot
        perform(
            window,
            self.tr("Delete %s") % account.name,
            lambda: svc.delete_account(db, account_id),
            lambda _r: self._restore_and_open(account_id),
            changes=Changes.of(Kind.ACCOUNT, Kind.OWNER, accounts=[account_id]),
        )
        window.statusBar().showMessage(
            self.tr("Deleted %1 — Undo (%2) brings it back.")
            .replace("%1", account.name)
            .replace(
                "%2", self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            ),
            8000,
        )

    def _restore_and_open(self, account_id: int) -> None:
        """Undoing a delete shows the account again, not an empty pane."""
        svc.restore_account(self.w.db, account_id)
        self.w.open_account(account_id)  # its row is selected once listed again

    def my_follow_ups(self) -> FollowUpsView:
        if self.follow_ups_view is None:
            self.follow_ups_view = FollowUpsView(self.w, self.w)
        else:
            self.follow_ups_view.reload()
        self.follow_ups_view.show()
        self.follow_ups_view.raise_()
        return self.follow_ups_view

    def load_sample(self) -> Any:
        """Add sample accounts in a worker, with progress and Cancel (the
        whole load is one transaction: cancelling leaves nothing behind)."""
        window = self.w
        if window.account_count() > 0:
            answer = QMessageBox.question(
                window,
                self.tr("Load sample data"),
                self.tr(
                    "Your database already has accounts. Add %n sample accounts to them?",
                    "",
                    SAMPLE_ACCOUNTS,
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        db = window.db

        def work(ctx: Any) -> Any:
            return generate_demo(db, accounts=SAMPLE_ACCOUNTS, seed=1, progress=ctx.progress)

        def done(result: Any) -> None:
            window.refresh()
            window.statusBar().showMessage(
                (
                    self.tr("Loaded %n sample account.", "", result.accounts)
                    if result.accounts == 1
                    else self.tr("Loaded %n sample accounts.", "", result.accounts)
                ),
                8000,
            )

        return window.jobs.run_with_dialog(
            window,
            self.tr("Loading sample data…"),
            work,
            on_result=done,
            on_error=window.show_error,
        )

    def export(self) -> Any:
        window = self.w
        kinds = {self.tr("Accounts"): "accounts", self.tr("People"): "contacts"}
        kinds[self.tr("Activities")] = "activities"
        choice, ok = QInputDialog.getItem(
            window, self.tr("Export"), self.tr("What to export:"), list(kinds), 0, False
        )
        if not ok:
            return None
        kind = kinds[choice]
        path, _filter = QFileDialog.getSaveFileName(
            window,
            self.tr("Export %s") % choice.lower(),
            str(Path.home() / f"crmdesk-{kind}.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if not path:
            return None
        return self.export_to(kind, path)

    def export_to(self, kind: str, path: str) -> Any:
        window, db = self.w, self.w.db

        def done(rows: int) -> None:
            window.statusBar().showMessage(
                self.tr("Exported %1 rows to %2").replace("%1", str(rows)).replace("%2", path),
                8000,
            )

        return window.jobs.run_with_dialog(
            window,
            self.tr("Exporting…"),
            lambda ctx: export(db, kind, path, progress=ctx.progress),
            on_result=done,
            on_error=window.show_error,
        )

    def about(self) -> None:
        QMessageBox.about(
            self.w,
            self.tr("About crmdesk"),
            self.tr(
                "<h3>crmdesk %1</h3>"
                "<p>A desktop CRM for key-account managers: your portfolio, "
                "account plans and review packs, offline.</p>"
                "<p>Database: %2<br>Python %3 · Qt for Python %4</p>"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.w.db.path or self.w.db.engine.url))
            .replace("%3", platform.python_version())
            .replace("%4", pyside_version),
        )
