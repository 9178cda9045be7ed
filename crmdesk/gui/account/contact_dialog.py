"""Adding or editing a person at an account. The dialog stays open with a
clear message while the input is not acceptable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from crmdesk.core.contacts import clean_contact_fields
from crmdesk.db.enums import BuyingRole, ContactLevel, Stance
from crmdesk.db.models import Contact
from crmdesk.errors import CrmError
from crmdesk.gui.forms.ui_contact_form import Ui_ContactForm

TEXT_FIELDS = {
    "first_name": "firstName",
    "last_name": "lastName",
    "job_title": "jobTitle",
    "department": "department",
    "email": "email",
    "email_secondary": "emailSecondary",
    "phone": "phone",
    "mobile": "mobile",
    "relationship_holder": "relationshipHolder",
}
ENUM_FIELDS = {
    "level": ("level", ContactLevel),
    "buying_role": ("buyingRole", BuyingRole),
    "stance": ("stance", Stance),
}


class ContactDialog(QDialog):
    """``submit(values)`` runs the service; a CrmError keeps the dialog open."""

    def __init__(
        self,
        submit: Callable[[dict[str, Any]], Any],
        contact: Contact | None,
        colleagues: list[Contact],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ContactForm()
        self.ui.setupUi(self)
        self.submit = submit
        self.result_value: Any = None
        self.setWindowTitle(self.tr("Edit person") if contact else self.tr("Add a person"))
        for _field, (name, enum) in ENUM_FIELDS.items():
            combo: QComboBox = getattr(self.ui, name)
            combo.addItem("—", None)
            for member in enum:
                combo.addItem(member.label, member.value)
        self.ui.reportsTo.addItem(self.tr("— nobody —"), None)
        for other in colleagues:
            if contact is None or other.id != contact.id:
                title = f" ({other.job_title})" if other.job_title else ""
                self.ui.reportsTo.addItem(other.full_name + title, other.id)
        self.ui.errorLabel.setStyleSheet("color: #c62828;")
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        if contact is not None:
            self._load(contact)
        self.resize(460, self.sizeHint().height())

    def _load(self, contact: Contact) -> None:
        for field, name in TEXT_FIELDS.items():
            getattr(self.ui, name).setText(getattr(contact, field) or "")
        for field, (name, _enum) in ENUM_FIELDS.items():
            value = getattr(contact, field)
            combo = getattr(self.ui, name)
            combo.setCurrentIndex(max(combo.findData(value.value if value else None), 0))
        self.ui.reportsTo.setCurrentIndex(max(self.ui.reportsTo.findData(contact.reports_to_id), 0))
        self.ui.notes.setPlainText(contact.notes or "")

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            field: getattr(self.ui, name).text().strip() or None
            for field, name in TEXT_FIELDS.items()
        }
        for field, (name, _enum) in ENUM_FIELDS.items():
            out[field] = getattr(self.ui, name).currentData()
        out["reports_to_id"] = self.ui.reportsTo.currentData()
        out["notes"] = self.ui.notes.toPlainText().strip() or None
        return out

    def accept(self) -> None:
        values = self.values()
        try:
            clean_contact_fields(values)
            if not values["last_name"]:
                raise CrmError(self.tr("Last name is required"))
            self.result_value = self.submit(values)
        except CrmError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        super().accept()
