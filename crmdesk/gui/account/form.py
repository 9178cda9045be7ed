"""The account details form (Overview tab and New account dialog).

Fields are validated as the user types by the service's own rules
(crmdesk.core.accounts.field_problems), so Save only offers what the
database accepts; the service validates again on save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from crmdesk.core.accounts import field_problems
from crmdesk.db.enums import (
    AccountStatus,
    AcquisitionSource,
    DefectionType,
    EmployeeBand,
    LifecycleStage,
    Tier,
)
from crmdesk.db.models import Account
from crmdesk.gui.common.fmt import plain_money
from crmdesk.gui.common.style import compact
from crmdesk.gui.forms.ui_account_form import Ui_AccountForm

# field -> (widget name, enum or None)
TEXT_FIELDS = {
    "name": "name",
    "industry": "industry",
    "website": "website",
    "country": "country",
    "address": "address",
    "defection_reason": "defectionReason",
    "currency": "currency",
    "annual_value": "annualValue",
    "potential_value": "potentialValue",
    "notes": "notes",
}
ENUM_FIELDS: dict[str, tuple[str, Any, bool]] = {  # widget, enum, may be empty
    "status": ("status", AccountStatus, False),
    "lifecycle_stage": ("lifecycleStage", LifecycleStage, False),
    "acquisition_source": ("acquisitionSource", AcquisitionSource, True),
    "employee_band": ("employeeBand", EmployeeBand, True),
    "defection_type": ("defectionType", DefectionType, True),
}
_INVALID = "border: 1px solid #c62828;"


class AccountForm(QWidget):
    """``values()`` gives what the services take; ``errors()`` what is wrong."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, with_tier: bool = False) -> None:
        super().__init__(parent)
        self.ui = Ui_AccountForm()
        self.ui.setupUi(self)
        for _field, (name, enum, optional) in ENUM_FIELDS.items():
            combo: QComboBox = getattr(self.ui, name)
            if optional:
                combo.addItem("—", None)
            for member in enum:
                combo.addItem(member.label, member.value)
            combo.currentIndexChanged.connect(self._on_edit)
        for combo in self.findChildren(QComboBox):
            compact(combo, 12)
        for tier in Tier:
            self.ui.tier.addItem(tier.label, tier.value)
        self.ui.tier.setVisible(with_tier)
        self.ui.tierLabel.setVisible(with_tier)
        self.ui.owner.setEditable(True)
        self.ui.owner.editTextChanged.connect(self._on_edit)
        for name in TEXT_FIELDS.values():
            widget = getattr(self.ui, name)
            widget.textChanged.connect(self._on_edit)
        self.ui.status.currentIndexChanged.connect(self._lost_fields)
        self._lost_fields()

    def set_owners(self, names: list[str]) -> None:
        text = self.ui.owner.currentText()
        self.ui.owner.blockSignals(True)
        self.ui.owner.clear()
        self.ui.owner.addItems(names)
        self.ui.owner.setEditText(text)
        self.ui.owner.blockSignals(False)

    def _on_edit(self, *_args: object) -> None:
        self.show_errors(self.errors())
        self.edited.emit()

    def _lost_fields(self) -> None:
        status = self.ui.status.currentData()
        lost = status is not None and AccountStatus(status).needs_defection  # lost or reduced
        for widget in (self.ui.defectionType, self.ui.defectionReason):
            widget.setEnabled(lost)

    # --- values -----------------------------------------------------------
    def load(self, account: Account | None) -> None:
        """Show ``account`` (None: empty form for a new account)."""
        widgets = [getattr(self.ui, n) for n in TEXT_FIELDS.values()]
        combos = [getattr(self.ui, n) for n, _e, _o in ENUM_FIELDS.values()]
        for widget in [*widgets, *combos, self.ui.owner]:
            widget.blockSignals(True)
        try:
            for field, name in TEXT_FIELDS.items():
                value = getattr(account, field, None) if account else None
                if field in ("annual_value", "potential_value"):
                    text = plain_money(value)
                elif field == "currency":
                    text = value or "EUR"
                else:
                    text = value or ""
                widget = getattr(self.ui, name)
                widget.setPlainText(text) if isinstance(widget, QPlainTextEdit) else widget.setText(
                    text
                )
            for field, (name, _enum, _optional) in ENUM_FIELDS.items():
                value = getattr(account, field, None) if account else None
                combo = getattr(self.ui, name)
                combo.setCurrentIndex(max(combo.findData(value.value if value else None), 0))
            self.ui.owner.setEditText((account.owner if account else "") or "")
        finally:
            for widget in [*widgets, *combos, self.ui.owner]:
                widget.blockSignals(False)
        self._lost_fields()
        self.show_errors({})

    def values(self) -> dict[str, Any]:
        """Raw values as typed, keyed by service field name."""
        out: dict[str, Any] = {}
        for field, name in TEXT_FIELDS.items():
            widget = getattr(self.ui, name)
            text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
            out[field] = text.strip() or None
        for field, (name, _enum, _optional) in ENUM_FIELDS.items():
            out[field] = getattr(self.ui, name).currentData()
        out["owner"] = self.ui.owner.currentText().strip() or None
        if out["status"] is None or not AccountStatus(out["status"]).needs_defection:
            out["defection_type"] = out["defection_reason"] = None
        return out

    def tier(self) -> str:
        return str(self.ui.tier.currentData())

    def errors(self) -> dict[str, str]:
        return field_problems(self.values())

    def show_errors(self, problems: dict[str, str]) -> None:
        for field, name in TEXT_FIELDS.items():
            widget: QLineEdit = getattr(self.ui, name)
            widget.setStyleSheet(_INVALID if field in problems else "")
            widget.setToolTip(problems.get(field, ""))
