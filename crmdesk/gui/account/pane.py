"""The account pane: header (name, tier badge, status), and the Overview,
People and Tier history tabs. Features may add tabs to ``tabs``.

Unsaved Overview edits are never dropped silently: ``confirm_leave()`` asks
to save, discard or stay before the selection moves or the window closes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QMessageBox, QSizePolicy, QWidget

from crmdesk.core import accounts as svc
from crmdesk.core.changes import Changes, Kind
from crmdesk.db.models import Account, Contact, TierChange
from crmdesk.errors import CrmError, DatabaseError, NotFoundError
from crmdesk.gui.account.form import AccountForm
from crmdesk.gui.account.people import PeopleTab
from crmdesk.gui.account.tier_dialog import TierChangeDialog
from crmdesk.gui.common import fmt
from crmdesk.gui.common.icons import icon
from crmdesk.gui.common.rows_model import Column, RowsModel
from crmdesk.gui.common.style import STATUS_COLOURS, badge_stylesheet, compact_table
from crmdesk.gui.common.undo import perform

if TYPE_CHECKING:
    from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.forms.ui_account_pane import Ui_AccountPane


class AccountPane(QWidget):
    def __init__(self, window_api: WindowApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountPane")
        self.window_api = window_api
        self.db = window_api.db
        self.ui = Ui_AccountPane()
        self.ui.setupUi(self)
        self.tabs = self.ui.tabs
        # an explicit minimum, so that a wide tab (a feature's) cannot force
        # the window wider than a 1366-pixel screen
        self.tabs.setMinimumSize(300, 220)
        self.account: Account | None = None
        self._original: dict[str, Any] = {}
        font = QFont(self.ui.nameLabel.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.ui.nameLabel.setFont(font)
        self.ui.nameLabel.setWordWrap(True)
        fixed = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for label in (self.ui.tierBadge, self.ui.statusLabel):
            label.setSizePolicy(fixed)
        self.ui.subtitleLabel.setStyleSheet("color: palette(placeholder-text);")
        self.form = AccountForm(self.ui.overviewHost)
        self.ui.overviewHostLayout.addWidget(self.form)
        self.ui.overviewHostLayout.addStretch(1)  # fields stay together on tall screens
        self.form.edited.connect(self._update_dirty)
        self.ui.overviewError.setStyleSheet("color: #c62828;")
        self.ui.saveButton.setIcon(icon("save"))
        self.ui.revertButton.setIcon(icon("revert"))
        self.ui.changeTierButton.setIcon(icon("tier"))
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.revertButton.clicked.connect(self.revert)
        self.ui.changeTierButton.clicked.connect(self.change_tier)
        self.tabs.setTabIcon(0, icon("overview"))
        self.tabs.setTabIcon(1, icon("people"))
        self.tabs.setTabIcon(2, icon("history"))
        self.people = PeopleTab(self, window_api)
        self.history = RowsModel[TierChange](
            [
                Column(self.tr("Date"), lambda c: fmt.datetime_text(c.changed_at)),
                Column(
                    self.tr("Change"),
                    lambda c: (
                        f"{c.from_tier.label} → {c.to_tier.label}"
                        if c.from_tier
                        else c.to_tier.label
                    ),
                ),
                Column(self.tr("Reason"), lambda c: c.reason, tooltip=lambda c: c.reason),
                Column(self.tr("By"), lambda c: c.changed_by or ""),
            ],
            row_id=lambda c: c.id,
            parent=self,
        )
        self.ui.historyTable.setModel(self.history)
        stamp = fmt.datetime_text(datetime(2026, 12, 31, 23, 59, tzinfo=UTC))
        samples = [stamp, "Transactional → Strategic", "Reason", "Greta Lindqvist"]
        compact_table(self.ui.historyTable, samples, stretch=2)
        self.show_account(None)

    def owner_names(self) -> list[str]:
        """The owners the window already knows (no query per account)."""
        return self.window_api.owner_names()

    @property
    def account_id(self) -> int | None:
        return self.account.id if self.account else None

    # --- showing ----------------------------------------------------------
    def show_account(self, account_id: int | None) -> None:
        """Show an account (None: the empty state). Callers check
        ``confirm_leave()`` first; this discards unsaved edits."""
        account = None
        if account_id is not None:
            try:
                account = svc.get_account(self.db, account_id)
            except NotFoundError:
                account = None
        self.account = account
        has = account is not None
        for widget in (self.ui.tabs, self.ui.nameLabel, self.ui.tierBadge, self.ui.statusLabel):
            widget.setVisible(has)
        self.ui.changeTierButton.setVisible(has)
        self.ui.subtitleLabel.setVisible(has)
        self.ui.emptyLabel.setVisible(not has)
        self.form.set_owners(self.owner_names())
        self.form.load(account)
        self._original = self.form.values()
        self.ui.overviewError.clear()
        self._header()
        self.people.load(self.account_id)
        self.history.set_rows(svc.tier_history(self.db, account.id) if account else [])
        self._update_dirty()

    def reload_data(self) -> None:
        """Re-read the shown account after a change (a save, an undo, a new
        person); unsaved Overview edits are kept, not overwritten."""
        if self.account is None:
            return
        if not self.is_dirty():
            self.show_account(self.account.id)
            return
        try:
            self.account = svc.get_account(self.db, self.account.id)
        except NotFoundError:
            self.account = None
            self.show_account(None)
            return
        self._header()
        self.people.load(self.account_id)
        self.history.set_rows(svc.tier_history(self.db, self.account.id))

    def _header(self) -> None:
        account = self.account
        if account is None:
            return
        self.ui.nameLabel.setText(account.name)
        self.ui.tierBadge.setText(account.tier.label)
        self.ui.tierBadge.setStyleSheet(badge_stylesheet(account.tier))
        colour = STATUS_COLOURS.get(account.status)
        self.ui.statusLabel.setText(account.status.label)
        self.ui.statusLabel.setStyleSheet(
            f"color: {colour.name()}; font-weight: 600;" if colour else "font-weight: 600;"
        )
        parts = [
            account.industry,
            account.country,
            self.tr("owner: %s") % account.owner if account.owner else None,
            fmt.money_text(account.annual_value, account.currency) + self.tr(" a year")
            if account.annual_value
            else None,
        ]
        self.ui.subtitleLabel.setText(" · ".join(p for p in parts if p))

    # --- editing ----------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.account is not None and self.form.values() != self._original

    def _update_dirty(self) -> None:
        dirty = self.is_dirty()
        self.ui.saveButton.setEnabled(dirty)
        self.ui.revertButton.setEnabled(dirty)
        self.ui.dirtyLabel.setText(self.tr("Unsaved changes") if dirty else "")
        self.tabs.setTabText(0, self.tr("Overview") + (" *" if dirty else ""))

    def save(self) -> bool:
        """Save the Overview edits as one undoable step; False when refused."""
        account = self.account
        if account is None or not self.is_dirty():
            return True
        problems = self.form.errors()
        if problems:
            self.ui.overviewError.setText("\n".join(problems.values()))
            self.tabs.setCurrentIndex(0)
            return False
        values = self.form.values()
        changed = {k: v for k, v in values.items() if self._original.get(k) != v}
        before = {k: self._original.get(k) for k in changed}
        account_id = account.id
        kinds = [Kind.ACCOUNT, Kind.OWNER] if "owner" in changed else [Kind.ACCOUNT]
        try:
            perform(
                self.window_api,
                self.tr("Edit %s") % account.name,
                lambda: svc.update_account(self.db, account_id, **changed),
                lambda _r: svc.update_account(self.db, account_id, **before),
                changes=Changes.of(*kinds, accounts=[account_id]),
            )
        except DatabaseError as exc:  # busy, read-only, disk full: a dialog; edits kept
            self.ui.overviewError.setText(str(exc))
            self.window_api.show_error(exc)
            return False
        except CrmError as exc:
            self.ui.overviewError.setText(str(exc))
            return False
        self.show_account(account_id)  # the stored, normalised values
        return True

    def revert(self) -> None:
        self.show_account(self.account_id)

    def confirm_leave(self) -> bool:
        """True when it is fine to show something else (saved, discarded or
        nothing to lose); False when the user chose to stay."""
        if not self.is_dirty():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.revert()
            return True
        return False

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        name = self.account.name if self.account else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("Save your changes to %s?") % name,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    def change_tier(self) -> bool:
        """Ask for the new tier and a reason; True when the tier changed."""
        if self.account is None or not self.confirm_leave():
            return False
        dialog = TierChangeDialog(self.db, self.account, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.window_api.apply_changes(
            Changes.of(Kind.ACCOUNT, Kind.TIER, accounts=[self.account.id])
        )
        return True

    def add_tab(self, page: QWidget, title: str) -> None:
        """A feature's tab, after Overview, People and Tier history."""
        self.tabs.addTab(page, title)

    def add_person(self) -> Contact | None:
        """Add a person to the shown account (the People tab comes to front)."""
        if self.account is None:
            return None
        self.tabs.setCurrentWidget(self.ui.peopleTab)
        return self.people.add()
