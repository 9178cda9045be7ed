"""Issue 13, stale state: after any change every pane shows the truth."""

from __future__ import annotations

from typing import Any

from crmdesk.core import accounts, contacts
from crmdesk.core.changes import Changes, Kind


def _select(qtbot: Any, window: Any, row: int) -> int:
    qtbot.waitUntil(lambda: window.selected_account_id() is not None, timeout=3000)
    window.customer_pane.ui.table.selectRow(row)
    account_id: int = window.selected_account_id()
    return account_id


def test_quick_log_people_lists_a_person_just_added(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    account_id = _select(qtbot, window, 0)
    pane = window.activity_pane
    first = next(a for a in pane.people_menu.actions() if a.isCheckable())
    first.setChecked(True)
    ticked = first.data()
    person = contacts.create_contact(window.db, account_id, first_name="Ada", last_name="Okafor")
    window.apply_changes(Changes.of(Kind.CONTACT, accounts=[account_id]))
    names = {a.data(): a for a in pane.people_menu.actions() if a.isCheckable()}
    assert person.id in names and names[person.id].text() == "Ada Okafor"
    assert pane.chosen_people() == [ticked]  # what was ticked stays ticked


def test_undoing_a_delete_shows_the_restored_account(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    account_id = _select(qtbot, window, 2)
    timeline = len(window.activity_pane.timeline.rows())
    window.ui.action_delete_account.trigger()
    assert window.selected_account_id() != account_id
    window.undo_stack.undo()
    assert window.selected_account_id() == account_id
    assert window.account_pane.account.id == account_id
    assert not window.account_pane.ui.emptyLabel.isVisible()
    assert window.customer_pane.current_account_id() == account_id
    rows = window.customer_pane.ui.table.selectionModel().selectedRows()
    assert [r.row() for r in rows] == [window.customer_pane.model.row_of(account_id)]
    assert len(window.activity_pane.timeline.rows()) == timeline


def test_undoing_the_delete_of_the_only_account_shows_it(qtbot, open_window, db) -> None:  # type: ignore[no-untyped-def]
    account = accounts.create_account(db, name="Solo Trading AS")
    window = open_window(db.path)
    qtbot.waitUntil(lambda: window.selected_account_id() == account.id, timeout=3000)
    window.ui.action_delete_account.trigger()
    assert window.selected_account_id() is None
    window.undo_stack.undo()
    assert window.selected_account_id() == account.id
    assert window.account_pane.ui.nameLabel.text() == "Solo Trading AS"
    assert window.activity_pane.ui.timelineTitle.text().startswith("Timeline")


def test_a_search_with_no_hits_says_so_and_clears_the_pane(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    _select(qtbot, window, 0)
    pane = window.customer_pane
    with qtbot.waitSignal(pane.filterApplied, timeout=3000):
        qtbot.keyClicks(pane.ui.search, "zzqx nothing like it")
    assert pane.row_count() == 0
    assert pane.no_match_label.isVisible()
    assert pane.no_match_label.text() == "No account matches “zzqx nothing like it”."
    assert window.selected_account_id() is None
    assert window.account_pane.ui.emptyLabel.isVisible()
    assert window.activity_pane.timeline.rowCount() == 0
    assert window.activity_pane.ui.timelineTitle.text() == "Timeline"
    with qtbot.waitSignal(pane.filterApplied, timeout=3000):
        pane.ui.search.clear()
    assert not pane.no_match_label.isVisible()
    assert pane.row_count() > 0
