"""Editing one activity in full (kind, direction, times, follow-up, outcome,
complaint status, satisfaction score, notes). The dialog only collects the
changed fields; its caller's ``submit`` makes them one undoable step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, cast

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog, QWidget

from crmdesk.db.enums import ActivityKind, ComplaintStatus, Direction
from crmdesk.db.models import Activity
from crmdesk.errors import CrmError
from crmdesk.gui.common.fmt import local_qdatetime
from crmdesk.gui.common.icons import kind_icon
from crmdesk.gui.forms.ui_activity_form import Ui_ActivityForm


def _fill(combo: Any, enum: Any, optional: bool) -> None:
    if optional:
        combo.addItem("—", None)
    for member in enum:
        combo.addItem(member.label, member.value)


Submit = Callable[[dict[str, Any], dict[str, Any]], object]


class ActivityDialog(QDialog):
    """``submit(changed, before)`` saves the edited fields (``before``: their
    old values, for undo); a CrmError keeps the dialog open with its message."""

    def __init__(self, activity: Activity, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.activity = activity
        self.ui = Ui_ActivityForm()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("Edit activity"))
        for kind in ActivityKind:
            self.ui.kind.addItem(kind_icon(kind), kind.label, kind.value)
        _fill(self.ui.direction, Direction, True)
        _fill(self.ui.complaintStatus, ComplaintStatus, True)
        self.ui.errorLabel.setStyleSheet("color: #c62828;")
        self.ui.hasDue.toggled.connect(self._due_toggled)
        self.ui.kind.currentIndexChanged.connect(lambda _i: self._kind_fields())
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self._load(activity)
        self.before = self.values()
        self.resize(480, self.sizeHint().height())

    def _load(self, a: Activity) -> None:
        self.ui.kind.setCurrentIndex(self.ui.kind.findData(a.kind.value))
        direction = a.direction.value if a.direction else None
        self.ui.direction.setCurrentIndex(max(self.ui.direction.findData(direction), 0))
        self.ui.subject.setText(a.subject)
        self.ui.when.setDateTime(local_qdatetime(a.occurred_at))
        self.ui.hasDue.setChecked(a.due_at is not None)
        self.ui.due.setDateTime(
            local_qdatetime(a.due_at) if a.due_at else QDateTime.currentDateTime().addDays(7)
        )
        self.ui.done.setChecked(a.completed_at is not None)
        self.ui.outcome.setText(a.outcome or "")
        status = a.complaint_status.value if a.complaint_status else None
        self.ui.complaintStatus.setCurrentIndex(max(self.ui.complaintStatus.findData(status), 0))
        self.ui.score.setValue(a.satisfaction_score if a.satisfaction_score is not None else -1)
        self.ui.notes.setPlainText(a.notes or "")
        people = ", ".join(c.full_name for c in a.contacts)
        self.ui.peopleLabel.setText(self.tr("People: %s") % people if people else "")
        self._due_toggled(a.due_at is not None)
        self._kind_fields()

    def _due_toggled(self, on: bool) -> None:
        self.ui.due.setEnabled(on)
        self.ui.done.setEnabled(on)

    def _kind_fields(self) -> None:
        kind = self.ui.kind.currentData()
        self.ui.complaintStatus.setEnabled(kind == ActivityKind.COMPLAINT.value)
        self.ui.score.setEnabled(kind == ActivityKind.SATISFACTION_CHECK.value)

    def values(self) -> dict[str, Any]:
        due = self.ui.due.dateTime().toPython() if self.ui.hasDue.isChecked() else None
        done = self.ui.done.isChecked() and due is not None
        completed = self.activity.completed_at if done else None
        if done and completed is None:
            completed = cast(datetime, QDateTime.currentDateTime().toPython())
        score = self.ui.score.value()
        return {
            "kind": self.ui.kind.currentData(),
            "direction": self.ui.direction.currentData(),
            "subject": self.ui.subject.text(),
            "occurred_at": self.ui.when.dateTime().toPython(),
            "due_at": due,
            "completed_at": completed,
            "outcome": self.ui.outcome.text(),
            "complaint_status": self.ui.complaintStatus.currentData(),
            "satisfaction_score": score if score >= 0 else None,
            "notes": self.ui.notes.toPlainText(),
        }

    def accept(self) -> None:
        after = self.values()
        changed = {k: v for k, v in after.items() if v != self.before[k]}
        if not changed:
            super().accept()
            return
        old = {k: self.before[k] for k in changed}
        try:
            self.submit(changed, old)
        except CrmError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        super().accept()
