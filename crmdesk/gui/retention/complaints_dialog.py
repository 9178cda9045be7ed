"""View ▸ Complaints register: every complaint, most urgent first, with its
due date (the tier's response target) and state; resolve one from here."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core import complaints
from crmdesk.core.complaints import ComplaintRow, Signal
from crmdesk.errors import CrmError
from crmdesk.gui.common.rows_model import Column, RowsModel

RED, AMBER = QColor("#c62828"), QColor("#c26a00")


def _colour(row: ComplaintRow) -> Any:
    return (
        RED
        if row.signal is Signal.OVERDUE
        else (AMBER if row.signal is Signal.AWAITING_CONFIRMATION else None)
    )


COLUMNS: list[Column[ComplaintRow]] = [
    Column("State", lambda r: r.signal.label, foreground=_colour),
    Column("Account", lambda r: r.account),
    Column("Tier", lambda r: r.tier.label),
    Column("Owner", lambda r: r.owner or ""),
    Column("Category", lambda r: r.category.label if r.category else ""),
    Column("Severity", lambda r: r.severity.label if r.severity else ""),
    Column("Received", lambda r: r.received.astimezone().date().isoformat()),
    Column("Due", lambda r: r.due.isoformat(), foreground=_colour),
    Column("Age", lambda r: f"{r.age_days} d"),
    Column("Subject", lambda r: r.subject),
    Column("Recovery action", lambda r: r.recovery_action or ""),
]


class ComplaintsDialog(QDialog):
    def __init__(self, db: Any, parent: QWidget | None = None,
                 on_change: Any = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db, self.on_change = db, on_change
        self.setWindowTitle(self.tr("Complaints register"))
        self.resize(1000, 520)
        self.model: RowsModel[ComplaintRow] = RowsModel(COLUMNS, lambda r: r.id, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.open_only = QCheckBox(self.tr("Only those that need action"), self)
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.reload)
        self.resolve_button = QPushButton(self.tr("Resolve…"), self)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.error = ""
        top = QHBoxLayout()
        top.addWidget(self.open_only)
        top.addStretch(1)
        top.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(complaints.register(self.db, open_only=self.open_only.isChecked()))

    def selected(self) -> ComplaintRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def resolve(self, row: ComplaintRow, action: str, confirmed: bool) -> bool:
        try:
            complaints.resolve(self.db, row.id, action=action, confirmed=confirmed)
        except CrmError as exc:
            self.error = str(exc)
            return False
        self.reload()
        if self.on_change:
            self.on_change(row.account_id)
        return True

    def resolve_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        action, ok = QInputDialog.getText(self, self.tr("Resolve complaint"),
                                          self.tr("Recovery action taken:"))  # fmt: skip
        if ok:
            self.resolve(row, action, confirmed=False)
