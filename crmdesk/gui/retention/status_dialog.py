"""The status-change dialog: lost and reduced need a defection type, a
reason and (reduced) the value lost; the rule and its message are
crmdesk.core.retention's, shown in the dialog, which stays open."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from crmdesk.core import retention
from crmdesk.db.enums import AccountStatus, DefectionType
from crmdesk.errors import CrmError


class StatusDialog(QDialog):
    def __init__(self, db: Any, account_id: int, name: str, current: AccountStatus,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db, self.account_id = db, account_id
        self.change: Any = None
        self.setWindowTitle(self.tr("Change status of %s") % name)
        self.status = QComboBox(self)
        for s in AccountStatus:
            if s is not current:
                self.status.addItem(s.label, s.value)
        self.defection = QComboBox(self)
        self.defection.addItem(self.tr("(choose)"), None)
        for t in DefectionType:
            self.defection.addItem(t.label, t.value)
        self.reason = QLineEdit(self)
        self.value_lost = QLineEdit(self)
        self.value_lost.setPlaceholderText(self.tr("lost: the annual value unless given"))
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout(self)
        form.addRow(self.tr("New status"), self.status)
        form.addRow(self.tr("Defection type"), self.defection)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Annual value lost"), self.value_lost)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.status.currentIndexChanged.connect(self._fields)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._fields()

    def selected(self) -> AccountStatus:
        return AccountStatus(self.status.currentData())

    def _fields(self) -> None:
        defection = self.selected().needs_defection
        for widget in (self.defection, self.value_lost):
            widget.setEnabled(defection)

    def save(self) -> bool:
        """Apply the change through the core; on a refusal show why and stay."""
        defection = self.selected().needs_defection
        try:
            self.change = retention.change_status(
                self.db, self.account_id, self.selected(), reason=self.reason.text(),
                defection_type=self.defection.currentData() if defection else None,
                value_lost=self.value_lost.text().strip() or None if defection else None,
            )  # fmt: skip
        except CrmError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True
