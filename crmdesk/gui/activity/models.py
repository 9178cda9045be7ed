"""Table models of the activity pane and the My follow-ups view."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QFont

from crmdesk.core.activities import FollowUp
from crmdesk.db.models import Activity
from crmdesk.db.types import utcnow
from crmdesk.gui.common import fmt
from crmdesk.gui.common.icons import kind_icon
from crmdesk.gui.common.rows_model import Column, RowsModel
from crmdesk.gui.common.style import OVERDUE, TODAY


def _people(activity: Activity) -> str:
    return ", ".join(c.full_name for c in activity.contacts)


def timeline_model(parent: QObject) -> RowsModel[Activity]:
    """Newest first (the service's order); an icon per kind."""
    tr = parent.tr
    return RowsModel(
        [
            Column(
                tr("When"),
                lambda a: fmt.date_text(a.occurred_at),
                tooltip=lambda a: fmt.datetime_text(a.occurred_at),
            ),
            Column(
                "",
                lambda a: "",
                icon=lambda a: kind_icon(a.kind),
                tooltip=lambda a: a.kind.label,
            ),
            Column(
                tr("Subject"),
                lambda a: a.subject + (" ✓" if a.completed_at else ""),
                tooltip=lambda a: "\n\n".join(p for p in (a.kind.label, a.subject, a.notes) if p),
            ),
            Column(tr("People"), _people, tooltip=_people),
        ],
        row_id=lambda a: a.id,
        parent=parent,
    )


STATE_LABELS = {
    "overdue": QT_TRANSLATE_NOOP("FollowUpModel", "Overdue"),
    "today": QT_TRANSLATE_NOOP("FollowUpModel", "Due today"),
    "upcoming": QT_TRANSLATE_NOOP("FollowUpModel", "Upcoming"),
}


class _States:
    """The follow-up state against one 'now', fixed per load."""

    def __init__(self) -> None:
        self.now: datetime = utcnow()
        self.bold = QFont()
        self.bold.setBold(True)

    def state(self, f: FollowUp) -> str:
        return f.state(self.now)

    def colour(self, f: FollowUp):  # type: ignore[no-untyped-def]
        return {"overdue": OVERDUE, "today": TODAY}.get(self.state(f))

    def font(self, f: FollowUp):  # type: ignore[no-untyped-def]
        return self.bold if self.state(f) == "overdue" else None


class FollowUpModel(RowsModel[FollowUp]):
    """Open follow-ups; overdue ones are marked in the State and Due columns
    (red, bold, ⚠), not by painting the row. ``with_account`` adds the
    account and owner columns for the cross-account view."""

    def __init__(self, parent: QObject, *, with_account: bool = False) -> None:
        self.states = _States()
        tr = parent.tr
        states = self.states
        columns = [
            Column(
                tr("State"),
                lambda f: QCoreApplication.translate(
                    "FollowUpModel", str(STATE_LABELS[states.state(f)])
                ),
                foreground=states.colour,
            ),
            Column(
                tr("Due"),
                lambda f: (
                    ("⚠ " if states.state(f) == "overdue" else "")
                    + fmt.date_text(f.activity.due_at)
                ),
                foreground=states.colour,
                font=states.font,
                tooltip=lambda f: fmt.datetime_text(f.activity.due_at),
            ),
        ]
        if with_account:
            columns.append(Column(tr("Account"), lambda f: f.account_name))
            columns.append(Column(tr("Owner"), lambda f: f.owner or "", tooltip=lambda f: f.owner))
        columns += [
            Column(
                tr("Follow-up"),
                lambda f: f.activity.subject,
                icon=lambda f: kind_icon(f.activity.kind),
                tooltip=lambda f: f.activity.notes or f.activity.subject,
            ),
        ]
        super().__init__(
            columns,
            row_id=lambda f: f.activity.id,
            parent=parent,
        )

    def set_rows(self, rows):  # type: ignore[no-untyped-def,override]
        self.states.now = utcnow()
        super().set_rows(rows)

    def counts(self) -> dict[str, int]:
        out = {"overdue": 0, "today": 0, "upcoming": 0}
        for row in self.rows():
            out[self.states.state(row)] += 1
        return out
