"""The activity pane and My follow-ups on the real window."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt

from crmdesk.core import activities
from crmdesk.core.contacts import contacts_for_account
from crmdesk.db.enums import ActivityKind
from crmdesk.db.types import utcnow


def show(window: Any, account_id: int) -> None:
    assert window.open_account(account_id)
    assert window.selected_account_id() == account_id


def test_quick_log_with_people_and_follow_up(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.selected_account_id() is not None, timeout=3000)
    account_id = window.selected_account_id()
    pane = window.activity_pane
    window.ui.action_log_activity.trigger()  # Ctrl+L: focus the subject field
    assert window.ui.action_log_activity.shortcut().toString() == "Ctrl+L"
    qtbot.waitUntil(lambda: pane.ui.quickSubject.hasFocus(), timeout=2000)
    pane.ui.quickKind.setCurrentIndex(pane.ui.quickKind.findData(ActivityKind.MEETING.value))
    person = contacts_for_account(window.db, account_id)[0]
    action = next(a for a in pane.people_menu.actions() if a.data() == person.id)
    action.setChecked(True)
    assert pane.ui.quickPeople.text() == "People (1)"
    when = QDateTime.currentDateTime()
    assert abs(pane.ui.quickWhen.dateTime().secsTo(when)) < 120  # defaults to now
    pane.ui.quickFollowUp.setChecked(True)
    qtbot.keyClicks(pane.ui.quickSubject, "Quarterly review with purchasing")
    pane.ui.quickNotes.setText("They want a volume discount")
    qtbot.keyClick(pane.ui.quickSubject, Qt.Key.Key_Return)

    newest = pane.timeline.rows()[:2]  # the meeting and its follow-up task
    top = next(a for a in newest if a.kind is ActivityKind.MEETING)
    assert top.subject == "Quarterly review with purchasing"
    assert top.kind is ActivityKind.MEETING
    assert [c.id for c in top.contacts] == [person.id]
    stored = next(a for a in activities.timeline(window.db, account_id, limit=2) if a.id == top.id)
    assert stored.notes == "They want a volume discount"
    open_ = activities.follow_ups(window.db, account_id=account_id, horizon_days=None)
    task = [f for f in open_ if f.activity.subject == "Follow up: Quarterly review with purchasing"]
    assert len(task) == 1 and task[0].activity.kind is ActivityKind.TASK
    assert pane.follow_ups.row_of(task[0].activity.id) is not None
    assert pane.ui.quickSubject.text() == ""  # ready for the next one
    window.undo_stack.undo()  # one step removes both
    assert top.id not in {a.id for a in activities.timeline(window.db, account_id, limit=5)}
    open_after = activities.follow_ups(window.db, account_id=account_id, horizon_days=None)
    assert task[0].activity.id not in {f.activity.id for f in open_after}


def test_quick_log_without_subject_says_so(qtbot, window, message_boxes) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.selected_account_id() is not None, timeout=3000)
    before = len(window.activity_pane.timeline.rows())
    assert window.activity_pane.quick_log() is None
    assert message_boxes == [("warning", "Subject is required")]
    assert len(window.activity_pane.timeline.rows()) == before
    assert window.undo_stack.count() == 0


def test_mark_follow_up_done_and_undo(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    due = activities.follow_ups(demo_db, horizon_days=None)
    overdue = [f for f in due if f.state(utcnow()) == "overdue"]
    target = (overdue or due)[0]
    show(window, target.activity.account_id)
    pane = window.activity_pane
    row = pane.follow_ups.row_of(target.activity.id)
    assert row is not None
    if overdue:
        assert pane.follow_ups.index(row, 0).data() == "Overdue"
        # marked in its State and Due cells, the row itself not painted
        assert pane.follow_ups.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None
        assert pane.follow_ups.index(row, 1).data(Qt.ItemDataRole.FontRole).bold()
        assert pane.follow_ups.index(row, 1).data().startswith("⚠")
    pane.ui.followUpsTable.selectRow(row)
    assert pane.ui.markDoneButton.isEnabled()
    pane.ui.markDoneButton.click()
    left = activities.follow_ups(demo_db, account_id=target.activity.account_id, horizon_days=None)
    assert target.activity.id not in {f.activity.id for f in left}
    assert pane.follow_ups.row_of(target.activity.id) is None
    window.undo_stack.undo()
    assert pane.follow_ups.row_of(target.activity.id) is not None


def test_timeline_filter_by_kind(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.selected_account_id() is not None, timeout=3000)
    pane = window.activity_pane
    everything = pane.timeline.rows()
    kinds = {a.kind for a in everything}
    kind = sorted(kinds)[0]
    pane.ui.kindFilter.setCurrentIndex(pane.ui.kindFilter.findData(kind.value))
    filtered = pane.timeline.rows()
    assert filtered and {a.kind for a in filtered} == {kind}
    assert len(filtered) == sum(1 for a in everything if a.kind is kind)
    assert pane.timeline.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is not None
    assert pane.timeline.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == kind.label


def test_my_follow_ups_across_accounts(qtbot, window, demo_db, on_modal) -> None:  # type: ignore[no-untyped-def]
    view = window.actions_.my_follow_ups()
    qtbot.waitExposed(view)
    view.ui.horizon.setCurrentIndex(view.ui.horizon.findData(0))  # overdue and today
    rows = view.model.rows()
    expected = activities.follow_ups(demo_db, horizon_days=0)
    assert [f.activity.id for f in rows] == [f.activity.id for f in expected]
    assert len({f.activity.account_id for f in rows}) > 1  # across accounts
    now = utcnow()
    assert all(f.activity.due_at <= now + timedelta(days=1) for f in rows)
    assert view.model.index(0, 2).data() == rows[0].account_name
    view.ui.table.selectRow(0)
    view.ui.openButton.click()
    assert window.selected_account_id() == rows[0].activity.account_id
    on_modal(lambda dialog: dialog.accept())  # no outcome
    view.ui.doneButton.click()
    assert rows[0].activity.id not in {f.activity.id for f in view.model.rows()}
    assert f"{view.model.counts()['overdue']} overdue" in view.ui.summaryLabel.text()


def test_edit_an_activity_in_full(qtbot, window, on_modal) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.selected_account_id() is not None, timeout=3000)
    pane = window.activity_pane
    pane.ui.timelineTable.selectRow(0)
    activity = pane.selected_activity()

    def edit(dialog: Any) -> None:
        dialog.ui.subject.setText("")
        dialog.accept()  # refused: the subject is required
        assert "Subject is required" in dialog.ui.errorLabel.text()
        dialog.ui.subject.setText("Escalation call with their COO")
        dialog.ui.kind.setCurrentIndex(dialog.ui.kind.findData(ActivityKind.CALL.value))
        dialog.ui.outcome.setText("Agreed a recovery plan")
        dialog.accept()

    on_modal(edit)
    pane.edit_selected()
    stored = next(
        a for a in activities.timeline(window.db, activity.account_id) if a.id == activity.id
    )
    assert stored.subject == "Escalation call with their COO"
    assert stored.kind is ActivityKind.CALL and stored.outcome == "Agreed a recovery plan"
    assert stored.occurred_at == activity.occurred_at  # untouched fields stay as they were
    window.undo_stack.undo()
    again = next(
        a for a in activities.timeline(window.db, activity.account_id) if a.id == activity.id
    )
    assert again.subject == activity.subject and again.outcome == activity.outcome


def test_delete_activity_with_the_delete_key_and_undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.selected_account_id() is not None, timeout=3000)
    pane = window.activity_pane
    table = pane.ui.timelineTable
    table.setFocus()
    table.selectRow(0)
    doomed = pane.selected_activity()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert pane.timeline.row_of(doomed.id) is None
    assert doomed.id not in {a.id for a in activities.timeline(window.db, doomed.account_id)}
    window.undo_stack.undo()
    assert pane.timeline.row_of(doomed.id) is not None
