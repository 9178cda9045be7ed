"""Issue 13, My follow-ups: mine by default with an owner filter and column,
snooze/reschedule and done with an outcome (undoable), overdue marked in its
cells rather than a red row."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt

from crmdesk.core import activities
from crmdesk.db.types import utcnow
from crmdesk.preferences import Preferences, save_preferences


def _busiest_owner(db: Any) -> str:
    owners: dict[str, int] = {}
    for f in activities.follow_ups(db, horizon_days=None):
        if f.owner:
            owners[f.owner] = owners.get(f.owner, 0) + 1
    return max(owners, key=lambda name: owners[name])


def _view(qtbot: Any, window: Any) -> Any:
    view = window.actions_.my_follow_ups()
    qtbot.waitExposed(view)
    view.ui.horizon.setCurrentIndex(view.ui.horizon.findData(None))  # all
    return view


def test_mine_by_default_with_owner_filter_and_column(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    me = _busiest_owner(demo_db)
    save_preferences(Preferences(me=me.upper()))  # owner matching ignores case
    view = _view(qtbot, window)
    assert view.owner.currentData() == "me"
    mine = view.model.rows()
    assert mine and {f.owner for f in mine} == {me}
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert "Owner" in headers
    assert view.model.index(0, headers.index("Owner")).data() == me
    view.owner.setCurrentIndex(view.owner.findData("all"))
    everyone = view.model.rows()
    assert len(everyone) == len(activities.follow_ups(demo_db, horizon_days=None))
    assert len({f.owner for f in everyone}) > 1
    other = next(f.owner for f in everyone if f.owner and f.owner != me)
    view.owner.setCurrentIndex(view.owner.findData(other))
    assert {f.owner for f in view.model.rows()} == {other}


def test_without_a_name_everyone_is_shown(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, window)
    assert view.owner.currentData() == "all"
    assert view.owner.findData("me") == -1
    assert len(view.model.rows()) == len(activities.follow_ups(demo_db, horizon_days=None))


def test_snooze_by_a_day_and_a_week_and_undo(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, window)
    view.ui.table.selectRow(0)
    target = view.selected().activity
    before = target.due_at
    view.snooze(7)
    moved = activities.find_activity(demo_db, target.id).due_at
    tomorrow = (utcnow() + timedelta(days=1)).astimezone().date()
    assert moved.astimezone().date() >= tomorrow
    assert moved.astimezone().time() == before.astimezone().time()
    assert moved >= before + timedelta(days=7) or moved.astimezone().date() == tomorrow
    window.undo_stack.undo()
    assert activities.find_activity(demo_db, target.id).due_at == before
    assert view.model.row_of(target.id) is not None


def test_reschedule_to_a_picked_date(qtbot, window, demo_db, on_modal) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, window)
    view.ui.table.selectRow(0)
    target = view.selected().activity
    day = (utcnow() + timedelta(days=40)).astimezone().date()

    def pick(dialog: Any) -> None:
        from PySide6.QtCore import QDate

        dialog.date.setDate(QDate(day.year, day.month, day.day))
        dialog.accept()

    on_modal(pick)
    view.pick_date()
    due = activities.find_activity(demo_db, target.id).due_at.astimezone()
    assert due.date() == day and due.time() == activities.FOLLOW_UP_TIME


def test_done_with_an_outcome_and_undo(qtbot, window, demo_db, on_modal) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, window)
    view.ui.table.selectRow(0)
    target = view.selected().activity
    old_outcome = target.outcome

    def answer(dialog: Any) -> None:
        dialog.setTextValue("Agreed the renewal")
        dialog.accept()

    on_modal(answer)
    view.ui.doneButton.click()
    done = activities.find_activity(demo_db, target.id)
    assert done.completed_at is not None and done.outcome == "Agreed the renewal"
    assert view.model.row_of(target.id) is None
    window.undo_stack.undo()
    reopened = activities.find_activity(demo_db, target.id)
    assert reopened.completed_at is None and reopened.outcome == old_outcome


def test_cancelling_the_outcome_leaves_it_open(qtbot, window, demo_db, on_modal) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, window)
    view.ui.table.selectRow(0)
    target = view.selected().activity
    on_modal(lambda dialog: dialog.reject())
    view.ui.doneButton.click()
    assert activities.find_activity(demo_db, target.id).completed_at is None
    assert window.undo_stack.count() == 0


def test_overdue_is_marked_in_its_cells_not_the_row(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, window)
    now = utcnow()
    rows = view.model.rows()
    overdue = next(i for i, f in enumerate(rows) if f.state(now) == "overdue")
    upcoming = next(i for i, f in enumerate(rows) if f.state(now) == "upcoming")
    for column in range(view.model.columnCount()):
        assert view.model.index(overdue, column).data(Qt.ItemDataRole.BackgroundRole) is None
    due = view.model.index(overdue, 1)
    assert due.data().startswith("⚠") and due.data(Qt.ItemDataRole.FontRole).bold()
    assert view.model.index(upcoming, 1).data(Qt.ItemDataRole.FontRole) is None
    assert view.model.index(overdue, 2).data(Qt.ItemDataRole.FontRole) is None
