"""My follow-ups: open follow-ups across accounts (overdue first), to work
through the day's list. Shows mine (a follow-up belongs to its account's
owner) unless the owner filter says otherwise; opens the account, snoozes or
reschedules a follow-up, or marks it done with an outcome — each undoable."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from crmdesk.core import activities as svc
from crmdesk.core.changes import Changes, Kind
from crmdesk.errors import CrmError
from crmdesk.gui.activity.models import FollowUpModel
from crmdesk.gui.common.icons import icon
from crmdesk.gui.common.style import compact_table
from crmdesk.gui.common.undo import perform
from crmdesk.preferences import OWNER_ALL, OWNER_ME, load_preferences, resolve_owner

if TYPE_CHECKING:
    from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.forms.ui_follow_ups import Ui_FollowUps

HORIZONS = [
    (0, QT_TRANSLATE_NOOP("FollowUpsView", "Overdue and due today")),
    (7, QT_TRANSLATE_NOOP("FollowUpsView", "Next 7 days")),
    (30, QT_TRANSLATE_NOOP("FollowUpsView", "Next 30 days")),
    (None, QT_TRANSLATE_NOOP("FollowUpsView", "All")),
]


class FollowUpsView(QDialog):
    def __init__(self, window_api: WindowApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myFollowUps")
        self.window_api = window_api
        self.db = window_api.db
        self.ui = Ui_FollowUps()
        self.ui.setupUi(self)
        self.setWindowIcon(icon("follow-up"))
        self.setModal(False)
        for days, label in HORIZONS:
            self.ui.horizon.addItem(self.tr(str(label)), days)
        self.ui.horizon.setCurrentIndex(1)
        self.owner = QComboBox(self)
        self.owner.setObjectName("ownerFilter")
        self.owner.setToolTip(self.tr("Whose follow-ups: a follow-up is its account owner's"))
        self.owner_label = QLabel(self.tr("&Owner:"), self)
        self.owner_label.setBuddy(self.owner)
        self.ui.topRow.insertWidget(self.ui.topRow.indexOf(self.ui.horizon), self.owner_label)
        self.ui.topRow.insertWidget(self.ui.topRow.indexOf(self.ui.horizon), self.owner)
        self.reload_owners()
        self.model = FollowUpModel(self, with_account=True)
        table = self.ui.table
        table.setModel(self.model)
        table.setTabKeyNavigation(False)
        samples = ["Due today", "⚠ 2026-12-31", "Oakridge Hospitality Inc.", "Firstname Owner"]
        compact_table(table, [*samples, "Follow-up"], stretch=4)
        self.snoozeButton = QPushButton(icon("follow-up"), self.tr("&Snooze"), self)
        self.snoozeButton.setObjectName("snoozeButton")
        self.snoozeButton.setToolTip(self.tr("Move the follow-up to a later day"))
        self.snooze_menu = QMenu(self.snoozeButton)
        self.snooze_menu.addAction(self.tr("By a &day"), lambda: self.snooze(1))
        self.snooze_menu.addAction(self.tr("By a &week"), lambda: self.snooze(7))
        self.snooze_menu.addAction(self.tr("To a &date…"), self.pick_date)
        self.snoozeButton.setMenu(self.snooze_menu)
        self.ui.buttonRow.insertWidget(
            self.ui.buttonRow.indexOf(self.ui.doneButton), self.snoozeButton
        )
        self.ui.openButton.setIcon(icon("overview"))
        self.ui.doneButton.setIcon(icon("done"))
        self.ui.horizon.currentIndexChanged.connect(lambda _i: self.reload())
        self.owner.currentIndexChanged.connect(lambda _i: self.reload())
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.doneButton.clicked.connect(self.mark_done)
        table.doubleClicked.connect(lambda _i: self.open_selected())
        table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.ui.buttons.rejected.connect(self.close)
        self.resize(760, 460)
        self.reload()

    def reload_owners(self) -> None:
        """Mine (when crmdesk knows my name), everyone, then each owner."""
        me = load_preferences().me
        # keep the user's pick, unless "me" changed (then: mine, the default)
        current = self.owner.currentData() if me == getattr(self, "_me", me) else None
        self._me = me
        self.owner.blockSignals(True)
        self.owner.clear()
        if me:
            self.owner.addItem(self.tr("Mine (%s)") % me, OWNER_ME)
        self.owner.addItem(self.tr("Everyone"), OWNER_ALL)
        for name in self.window_api.owner_names():
            if not me or name.casefold() != me.casefold():
                self.owner.addItem(name, name)
        index = self.owner.findData(current) if current is not None else -1
        self.owner.setCurrentIndex(max(index, 0))
        self.owner.blockSignals(False)

    def reload(self) -> None:
        self.reload_owners()
        try:
            owner = resolve_owner(self.owner.currentData())
        except CrmError:  # "me" forgotten since: everyone's
            owner = None
        horizon = self.ui.horizon.currentData()
        self.model.set_rows(svc.follow_ups(self.db, horizon_days=horizon, owner=owner))
        counts = self.model.counts()
        self.ui.summaryLabel.setText(
            self.tr("%1 overdue · %2 due today · %3 upcoming")
            .replace("%1", str(counts["overdue"]))
            .replace("%2", str(counts["today"]))
            .replace("%3", str(counts["upcoming"]))
        )
        self._update_buttons()

    def selected(self) -> Any:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.ui.openButton.setEnabled(has)
        self.ui.doneButton.setEnabled(has)
        self.snoozeButton.setEnabled(has)

    def open_selected(self) -> None:
        follow_up = self.selected()
        if follow_up is not None:
            self.window_api.open_account(follow_up.activity.account_id)
            self.window_api.as_widget().activateWindow()

    def mark_done(self) -> None:
        """Done, with how it went (optional); undo reopens it and puts the
        outcome it had back."""
        follow_up = self.selected()
        if follow_up is None:
            return
        activity = follow_up.activity
        outcome, ok = QInputDialog.getText(
            self,
            self.tr("Mark done"),
            self.tr("How did “%s” go? (optional)") % activity.subject,
            text=activity.outcome or "",
        )
        if not ok:
            return
        before = activity.outcome

        def undo(_r: Any) -> None:
            svc.set_done(self.db, activity.id, False)
            svc.update_activity(self.db, activity.id, outcome=before)

        try:
            perform(
                self.window_api,
                self.tr("Mark %s done") % activity.subject,
                lambda: svc.set_done(self.db, activity.id, True, outcome=outcome.strip() or None),
                undo,
                changes=Changes.of(Kind.ACTIVITY, accounts=[activity.account_id]),
            )
        except CrmError as exc:
            self.window_api.show_error(exc)

    def snooze(self, days: int) -> None:
        """A day or a week later (never before tomorrow)."""
        follow_up = self.selected()
        if follow_up is not None and follow_up.activity.due_at is not None:
            self.reschedule(svc.snoozed_due(follow_up.activity.due_at, days))

    def pick_date(self) -> None:
        follow_up = self.selected()
        if follow_up is None or follow_up.activity.due_at is None:
            return
        picker = DuePicker(follow_up.activity.due_at.astimezone().date(), self)
        if picker.exec() == QDialog.DialogCode.Accepted:
            self.reschedule(picker.chosen())

    def reschedule(self, due: date | datetime) -> None:
        follow_up = self.selected()
        if follow_up is None:
            return
        activity = follow_up.activity
        try:
            perform(
                self.window_api,
                self.tr("Reschedule %s") % activity.subject,
                lambda: svc.reschedule(self.db, activity.id, due),
                lambda old_due: svc.reschedule(self.db, activity.id, old_due),
                changes=Changes.of(Kind.ACTIVITY, accounts=[activity.account_id]),
            )
        except CrmError as exc:
            self.window_api.show_error(exc)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DuePicker(QDialog):
    """Pick the day a follow-up is due (09:00 that day, as when logged)."""

    def __init__(self, current: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reschedule follow-up"))
        self.date = QDateEdit(QDate(current.year, current.month, current.day), self)
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(QDate.currentDate())
        form = QFormLayout(self)
        form.addRow(self.tr("&Due on:"), self.date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> date:
        value: date = self.date.date().toPython()  # type: ignore[assignment]
        return value
