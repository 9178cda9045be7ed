"""The activity pane: quick-log row, the account's open follow-ups (overdue
highlighted, mark done) and its timeline, newest first, filtered by kind."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QWidget

from crmdesk.core import activities as svc
from crmdesk.core.changes import Changes, Kind
from crmdesk.core.contacts import contacts_for_account
from crmdesk.db.enums import ActivityKind
from crmdesk.db.models import Activity
from crmdesk.errors import CrmError
from crmdesk.gui.activity.models import FollowUpModel, timeline_model
from crmdesk.gui.common import fmt
from crmdesk.gui.common.icons import icon, kind_icon
from crmdesk.gui.common.style import compact
from crmdesk.gui.common.undo import perform

if TYPE_CHECKING:
    from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.forms.ui_activity_pane import Ui_ActivityPane

QUICK_KINDS = [ActivityKind.CALL, ActivityKind.EMAIL, ActivityKind.MEETING, ActivityKind.NOTE]


class ActivityPane(QWidget):
    logged = Signal(object)  # the Activity

    def __init__(self, window_api: WindowApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityPane")
        self.window_api = window_api
        self.db = window_api.db
        self.ui = Ui_ActivityPane()
        self.ui.setupUi(self)
        self.account_id: int | None = None
        self.people_menu = QMenu(self)
        self.ui.quickPeople.setMenu(self.people_menu)
        self.ui.quickPeople.setIcon(icon("people"))
        self.ui.quickPeople.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.ui.quickLogButton.setIcon(icon("log-activity"))
        self.ui.markDoneButton.setIcon(icon("done"))
        ordered = QUICK_KINDS + [k for k in ActivityKind if k not in QUICK_KINDS]
        for kind in ordered:
            self.ui.quickKind.addItem(kind_icon(kind), kind.label, kind.value)
        self.ui.kindFilter.addItem(self.tr("All kinds"), None)
        for kind in ActivityKind:
            self.ui.kindFilter.addItem(kind_icon(kind), kind.label, kind.value)
        self.ui.quickWhen.setDisplayFormat(fmt.datetime_format())
        self.ui.quickDue.setDisplayFormat(fmt.date_format())
        compact(self.ui.quickKind, 6)
        compact(self.ui.kindFilter, 8)
        self.ui.quickFollowUp.toggled.connect(self.ui.quickDue.setEnabled)
        self.ui.quickLogButton.clicked.connect(self.quick_log)
        self.ui.quickSubject.returnPressed.connect(self.quick_log)
        self.ui.quickNotes.returnPressed.connect(self.quick_log)
        self.ui.markDoneButton.clicked.connect(self.mark_done)
        self.ui.kindFilter.currentIndexChanged.connect(lambda _i: self._load_timeline())

        self.timeline = timeline_model(self)
        self.follow_ups = FollowUpModel(self)
        self._table(self.ui.timelineTable, self.timeline, stretch=2)
        self._table(self.ui.followUpsTable, self.follow_ups, stretch=2)
        self.ui.followUpsTable.doubleClicked.connect(lambda _i: self.mark_done())
        self.ui.followUpsTable.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        delete = QAction(self.tr("Delete activity"), self.ui.timelineTable)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        edit = QAction(icon("edit"), self.tr("Edit activity…"), self.ui.timelineTable)
        edit.triggered.connect(self.edit_selected)
        delete.setIcon(icon("delete"))
        self.ui.timelineTable.addActions([edit, delete])
        self.ui.timelineTable.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        done = QAction(icon("done"), self.tr("Mark done"), self.ui.followUpsTable)
        done.triggered.connect(self.mark_done)
        self.ui.followUpsTable.addAction(done)
        self.ui.followUpsTable.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.ui.timelineTable.doubleClicked.connect(lambda _i: self.edit_selected())
        self.splitter = self.ui.activitySplitter  # follow-ups above the timeline
        self.splitter.setSizes([160, 400])
        self.show_account(None)

    def _table(self, table: QTableView, model: Any, stretch: int) -> None:
        """Fixed column widths from the font (ResizeToContents would read
        every row of a long timeline)."""
        table.setModel(model)
        table.verticalHeader().hide()
        metrics = table.fontMetrics()
        table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        samples = {
            "When": "2026-12-31",
            "": "WW",
            "State": "Due today",
            "Due": "2026-12-31",
            "People": "Björn Brown",
        }
        for column in range(model.columnCount()):
            if column == stretch:
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            sample = samples.get(title, title)
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 20)

    # --- showing ----------------------------------------------------------
    def show_account(self, account_id: int | None) -> None:
        self.account_id = account_id
        self.ui.quickLog.setEnabled(account_id is not None)
        self._reset_quick_log()
        self.people_menu.clear()  # another account's people are not ticked here
        self.reload()

    def reload(self) -> None:
        """Re-read the account's activities and people (a person just added
        is offered in the quick log; ticked people stay ticked)."""
        self._load_people()
        self._load_timeline()
        self._load_follow_ups()

    def _load_timeline(self) -> None:
        if self.account_id is None:
            self.timeline.set_rows([])
            self.ui.timelineTitle.setText(self.tr("Timeline"))
            return
        kind = self.ui.kindFilter.currentData()
        kinds = [ActivityKind(kind)] if kind else []
        self.timeline.set_rows(svc.timeline(self.db, self.account_id, kinds=kinds))
        self.ui.timelineTitle.setText(self.tr("Timeline (%n)", "", self.timeline.rowCount()))

    def _load_follow_ups(self) -> None:
        rows = (
            svc.follow_ups(self.db, account_id=self.account_id, horizon_days=None)
            if self.account_id is not None
            else []
        )
        self.follow_ups.set_rows(rows)
        counts = self.follow_ups.counts()
        text = self.tr("Follow-ups")
        if counts["overdue"]:
            text += " — " + self.tr("%n overdue", "", counts["overdue"])
        self.ui.followTitle.setText(text)
        self._update_buttons()

    def _load_people(self) -> None:
        ticked = set(self.chosen_people())
        self.people_menu.clear()
        people = contacts_for_account(self.db, self.account_id) if self.account_id else []
        for person in people:
            action = self.people_menu.addAction(person.full_name)
            action.setCheckable(True)
            action.setData(person.id)
            action.setChecked(person.id in ticked)
            action.toggled.connect(lambda _on: self._people_text())
        if not people:
            self.people_menu.addAction(self.tr("No people at this account yet")).setEnabled(False)
        self._people_text()

    def _people_text(self) -> None:
        chosen = self.chosen_people()
        self.ui.quickPeople.setText(
            self.tr("People (%n)", "", len(chosen)) if chosen else self.tr("People")
        )

    def chosen_people(self) -> list[int]:
        return [a.data() for a in self.people_menu.actions() if a.isCheckable() and a.isChecked()]

    def _reset_quick_log(self) -> None:
        self.ui.quickSubject.clear()
        self.ui.quickNotes.clear()
        self.ui.quickWhen.setDateTime(QDateTime.currentDateTime())
        self.ui.quickFollowUp.setChecked(False)
        self.ui.quickDue.setDate(QDate.currentDate().addDays(7))
        for action in self.people_menu.actions():
            if action.isCheckable():
                action.setChecked(False)

    def _update_buttons(self) -> None:
        self.ui.markDoneButton.setEnabled(bool(self._selected_follow_up()))

    def focus_quick_log(self) -> None:
        """The Log activity shortcut: straight to the subject field."""
        if self.account_id is None:
            return
        self.ui.quickWhen.setDateTime(QDateTime.currentDateTime())
        self.ui.quickSubject.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- actions ----------------------------------------------------------
    def _perform(self, text: str, do: Any, undo: Any, redo: Any = None) -> Any:
        changes = Changes.of(Kind.ACTIVITY, accounts=[self.account_id])
        return perform(self.window_api, text, do, undo, redo, changes=changes)

    def quick_log(self) -> Activity | None:
        """Log what is in the quick-log row; with "Follow up by" a follow-up
        task is logged too (one undo step for both)."""
        if self.account_id is None:
            return None
        db, account_id = self.db, self.account_id
        fields = {
            "kind": self.ui.quickKind.currentData(),
            "subject": self.ui.quickSubject.text(),
            "notes": self.ui.quickNotes.text(),
            "occurred_at": self.ui.quickWhen.dateTime().toPython(),
        }
        people = self.chosen_people()
        due = None
        if self.ui.quickFollowUp.isChecked():
            due = datetime.combine(cast(date, self.ui.quickDue.date().toPython()), time(9, 0))
        follow_up = self.tr("Follow up: %s") % fields["subject"].strip()

        def do() -> list[Activity]:  # one transaction: both or neither
            return svc.log_with_follow_up(
                db,
                account_id,
                contact_ids=people,
                follow_up_due=due,
                follow_up_subject=follow_up,
                **fields,
            )

        def undo(logged: list[Activity]) -> None:
            svc.delete_activities(db, [item.id for item in logged])

        def redo(logged: list[Activity]) -> None:
            svc.restore_activities(db, [item.id for item in logged])

        try:
            logged = self._perform(self.tr("Log %s") % fields["subject"].strip(), do, undo, redo)
        except CrmError as exc:
            self.window_api.show_error(exc)
            self.ui.quickSubject.setFocus()
            return None
        self._reset_quick_log()
        self.logged.emit(logged[0])
        return logged[0]

    def _selected_follow_up(self) -> Any:
        rows = self.ui.followUpsTable.selectionModel().selectedRows()
        return self.follow_ups.row_at(rows[0].row()) if rows else None

    def mark_done(self) -> None:
        follow_up = self._selected_follow_up()
        if follow_up is None:
            return
        db, activity_id = self.db, follow_up.activity.id
        self._perform(
            self.tr("Mark %s done") % follow_up.activity.subject,
            lambda: svc.set_done(db, activity_id, True),
            lambda _r: svc.set_done(db, activity_id, False),
        )

    def selected_activity(self) -> Activity | None:
        rows = self.ui.timelineTable.selectionModel().selectedRows()
        return self.timeline.row_at(rows[0].row()) if rows else None

    def delete_selected(self) -> None:
        activity = self.selected_activity()
        if activity is None:
            return
        db = self.db
        self._perform(
            self.tr("Delete %s") % activity.subject,
            lambda: svc.delete_activity(db, activity.id),
            lambda _r: svc.restore_activity(db, activity.id),
        )

    def edit_selected(self) -> None:
        activity = self.selected_activity()
        if activity is None:
            return
        from crmdesk.gui.activity.dialog import ActivityDialog

        db, activity_id = self.db, activity.id

        def submit(changed: dict[str, Any], old: dict[str, Any]) -> None:
            self._perform(
                self.tr("Edit %s") % activity.subject,
                lambda: svc.update_activity(db, activity_id, **changed),
                lambda _r: svc.update_activity(db, activity_id, **old),
            )

        ActivityDialog(activity, submit, self).exec()
