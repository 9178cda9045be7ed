"""The People tab: the account's contacts, with add / edit / remove (undoable)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTableView

from crmdesk.core import contacts as svc
from crmdesk.core.changes import Changes, Kind
from crmdesk.db.models import Contact
from crmdesk.gui.account.contact_dialog import ContactDialog
from crmdesk.gui.common.icons import icon
from crmdesk.gui.common.rows_model import Column, RowsModel
from crmdesk.gui.common.style import compact_table
from crmdesk.gui.common.undo import perform

if TYPE_CHECKING:
    from crmdesk.gui.account.pane import AccountPane
    from crmdesk.gui.common.window_api import WindowApi


def _label(value: Any) -> str:
    return value.label if value is not None else ""


def contact_model(parent: QObject) -> RowsModel[Contact]:
    tr = parent.tr
    return RowsModel(
        [
            Column(tr("Name"), lambda c: c.full_name),
            Column(tr("Title"), lambda c: c.job_title or ""),
            Column(tr("Level"), lambda c: _label(c.level)),
            Column(tr("Buying role"), lambda c: _label(c.buying_role)),
            Column(tr("Stance"), lambda c: _label(c.stance)),
            Column(tr("E-mail"), lambda c: c.email or ""),
            Column(tr("Phone"), lambda c: c.phone or c.mobile or ""),
            Column(tr("Reports to"), lambda c: c.reports_to.full_name if c.reports_to else ""),
        ],
        row_id=lambda c: c.id,
        parent=parent,
    )


class PeopleTab(QObject):
    """Wires the People tab widgets of the account pane."""

    def __init__(self, pane: AccountPane, window: WindowApi) -> None:
        super().__init__(pane)
        self.pane = pane
        self.window = window
        ui = pane.ui
        self.model = contact_model(self)
        self.table: QTableView = ui.contactsTable
        self.table.setModel(self.model)
        compact_table(
            self.table,
            [
                "Nikolaj Wiśniewski",
                "Head of Procurement",
                "Senior management",
                "Decision maker",
                "Indifferent",
                "nikolaj.wisniewski@example.com",
                "+49 40 1234567",
                "Nikolaj Wiśniewski",
            ],
        )
        self.table.doubleClicked.connect(lambda _i: self.edit())
        ui.addContactButton.setIcon(icon("contact-new"))
        ui.editContactButton.setIcon(icon("edit"))
        ui.removeContactButton.setIcon(icon("delete"))
        ui.addContactButton.clicked.connect(self.add)
        ui.editContactButton.clicked.connect(self.edit)
        ui.removeContactButton.clicked.connect(self.remove)
        remove = QAction(self.tr("Remove person"), self.table)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove)
        edit = QAction(icon("edit"), self.tr("Edit person…"), self.table)
        edit.triggered.connect(self.edit)
        remove.setIcon(icon("delete"))
        self.table.addActions([edit, remove])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    def load(self, account_id: int | None) -> None:
        rows = svc.contacts_for_account(self.pane.db, account_id) if account_id else []
        self.model.set_rows(rows)
        self._update_buttons()

    def selected(self) -> Contact | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.pane.ui.editContactButton.setEnabled(has)
        self.pane.ui.removeContactButton.setEnabled(has)
        self.pane.ui.addContactButton.setEnabled(self.pane.account_id is not None)

    def _perform(self, text: str, do: Any, undo: Any, redo: Any = None) -> Any:
        changes = Changes.of(Kind.CONTACT, accounts=[self.pane.account_id])
        return perform(self.window, text, do, undo, redo, changes=changes)

    def add(self) -> Contact | None:
        account_id = self.pane.account_id
        if account_id is None:
            return None
        db = self.pane.db

        def submit(values: dict[str, Any]) -> Contact:
            return self._perform(
                self.tr("Add person"),
                lambda: svc.create_contact(db, account_id, **values),
                lambda c: svc.delete_contact(db, c.id),
                lambda c: svc.restore_contact(db, c.id),
            )

        dialog = ContactDialog(submit, None, self.model.rows(), self.pane)
        return dialog.result_value if dialog.exec() else None

    def edit(self) -> None:
        contact = self.selected()
        if contact is None:
            return
        db = self.pane.db
        before = {field: getattr(contact, field) for field in svc.EDITABLE_FIELDS}

        def submit(values: dict[str, Any]) -> Contact:
            changed = {k: v for k, v in values.items() if _plain(before[k]) != v}
            old = {k: before[k] for k in changed}
            return self._perform(
                self.tr("Edit %s") % contact.full_name,
                lambda: svc.update_contact(db, contact.id, **changed),
                lambda _c: svc.update_contact(db, contact.id, **old),
            )

        ContactDialog(submit, contact, self.model.rows(), self.pane).exec()

    def remove(self) -> None:
        contact = self.selected()
        if contact is None:
            return
        db = self.pane.db
        self._perform(
            self.tr("Remove %s") % contact.full_name,
            lambda: svc.delete_contact(db, contact.id),
            lambda _r: svc.restore_contact(db, contact.id),
        )


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)
