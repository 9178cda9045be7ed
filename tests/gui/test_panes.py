"""Driving the real window: selection, editing, tier changes, undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from crmdesk.core import accounts, contacts
from crmdesk.db.enums import Tier
from crmdesk.errors import NotFoundError
from crmdesk.gui.portfolio.account_table import ID_ROLE


def select_row(window: Any, row: int) -> int:
    table = window.customer_pane.ui.table
    table.selectRow(row)
    return int(window.customer_pane.model.index(row, 0).data(ID_ROLE))


def test_first_account_is_selected_and_panes_follow(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.selected_account_id() is not None, timeout=3000)
    with qtbot.waitSignal(window.accountSelected, timeout=3000) as signal:
        account_id = select_row(window, 3)
    assert signal.args == [account_id]
    assert window.selected_account_id() == account_id
    account = accounts.get_account(window.db, account_id)
    assert window.account_pane.ui.nameLabel.text() == account.name
    assert window.account_pane.form.ui.name.text() == account.name
    assert window.activity_pane.account_id == account_id
    timeline = window.activity_pane.timeline.rows()
    assert timeline and all(a.account_id == account_id for a in timeline)
    times = [a.occurred_at for a in timeline]
    assert times == sorted(times, reverse=True)  # newest first
    people = window.account_pane.people.model.rows()
    assert {c.id for c in people} == {
        c.id for c in contacts.contacts_for_account(window.db, account_id)
    }


def test_edit_save_undo_redo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    account_id = select_row(window, 1)
    old_name = accounts.get_account(window.db, account_id).name
    form = window.account_pane.form.ui
    form.name.setText("Renamed Holdings GmbH")
    form.website.setText("renamed.example")
    form.annualValue.setText("250000")
    assert window.account_pane.is_dirty()
    assert window.account_pane.ui.saveButton.isEnabled()
    qtbot.mouseClick(window.account_pane.ui.saveButton, Qt.MouseButton.LeftButton)
    saved = accounts.get_account(window.db, account_id)
    assert saved.name == "Renamed Holdings GmbH"
    assert saved.website == "https://renamed.example"
    assert str(saved.annual_value) in ("250000", "250000.00")
    assert not window.account_pane.is_dirty()
    row = window.customer_pane.model.row_of(account_id)
    assert window.customer_pane.model.index(row, 0).data() == "Renamed Holdings GmbH"
    window.undo_stack.undo()
    assert accounts.get_account(window.db, account_id).name == old_name
    assert window.account_pane.form.ui.name.text() == old_name
    window.undo_stack.redo()
    assert accounts.get_account(window.db, account_id).name == "Renamed Holdings GmbH"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Name is required"),
        ("website", "not a website", "is not a web address"),
        ("annualValue", "lots", "is not a number"),
    ],
)
def test_invalid_input_is_refused_with_a_message(qtbot, window, field, value, message) -> None:  # type: ignore[no-untyped-def]
    account_id = select_row(window, 2)
    before = accounts.get_account(window.db, account_id)
    getattr(window.account_pane.form.ui, field).setText(value)
    assert window.account_pane.save() is False
    assert message in window.account_pane.ui.overviewError.text()
    assert message in getattr(window.account_pane.form.ui, field).toolTip()
    after = accounts.get_account(window.db, account_id)
    assert (after.name, after.website, after.annual_value) == (
        before.name,
        before.website,
        before.annual_value,
    )
    window.account_pane.revert()


def test_unsaved_changes_are_never_lost_silently(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    first = select_row(window, 0)
    window.account_pane.form.ui.industry.setText("Space logistics")
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save])
    asked = []

    def ask() -> QMessageBox.StandardButton:
        asked.append(window.account_pane.account.id)
        return next(answers)

    window.account_pane.ask_unsaved = ask
    select_row(window, 4)  # Cancel: stay on the first account, edits kept
    assert window.selected_account_id() == first
    assert window.account_pane.form.ui.industry.text() == "Space logistics"
    assert window.customer_pane.ui.table.selectionModel().selectedRows()[0].row() == 0
    second = select_row(window, 4)  # Save: saved, then moved on
    assert asked == [first, first]
    assert window.selected_account_id() == second
    assert accounts.get_account(window.db, first).industry == "Space logistics"


def test_tier_change_asks_for_a_reason_and_lands_in_history(qtbot, window, on_modal) -> None:  # type: ignore[no-untyped-def]
    account_id = select_row(window, 0)
    old_tier = accounts.get_account(window.db, account_id).tier
    target = Tier.STRATEGIC if old_tier is not Tier.STRATEGIC else Tier.PARTNER
    seen: dict[str, Any] = {}

    def fill(dialog: Any) -> None:
        ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["ok_without_reason"] = ok.isEnabled()
        dialog.ui.newTier.setCurrentIndex(dialog.ui.newTier.findData(target.value))
        dialog.ui.reason.setPlainText("Joint product roadmap agreed with their board")
        seen["ok_with_reason"] = ok.isEnabled()
        ok.click()

    on_modal(fill)
    assert window.account_pane.change_tier() is True
    assert seen == {"ok_without_reason": False, "ok_with_reason": True}
    assert accounts.get_account(window.db, account_id).tier is target
    history = accounts.tier_history(window.db, account_id)
    assert history[0].reason == "Joint product roadmap agreed with their board"
    assert (history[0].from_tier, history[0].to_tier) == (old_tier, target)
    shown = window.account_pane.history
    assert shown.index(0, 2).data() == "Joint product roadmap agreed with their board"
    assert shown.index(0, 1).data() == f"{old_tier.label} → {target.label}"
    assert window.account_pane.ui.tierBadge.text() == target.label


def test_tier_change_cancelled_changes_nothing(qtbot, window, on_modal) -> None:  # type: ignore[no-untyped-def]
    account_id = select_row(window, 0)
    before = len(accounts.tier_history(window.db, account_id))
    on_modal(lambda dialog: dialog.reject())
    assert window.account_pane.change_tier() is False
    assert len(accounts.tier_history(window.db, account_id)) == before


def test_delete_account_and_undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    account_id = select_row(window, 2)
    name = accounts.get_account(window.db, account_id).name
    total = window.customer_pane.model.total
    window.ui.action_delete_account.trigger()
    with pytest.raises(NotFoundError):
        accounts.get_account(window.db, account_id)
    assert window.customer_pane.model.row_of(account_id) is None
    assert window.customer_pane.model.total == total - 1
    # the next account is shown, as in a mail client
    assert window.selected_account_id() not in (None, account_id)
    assert window.account_pane.account.id == window.selected_account_id()
    assert name in window.statusBar().currentMessage()
    window.undo_stack.undo()
    assert accounts.get_account(window.db, account_id).name == name
    assert window.customer_pane.model.row_of(account_id) is not None
    assert window.customer_pane.model.total == total


def test_add_and_remove_a_person(qtbot, window, on_modal) -> None:  # type: ignore[no-untyped-def]
    account_id = select_row(window, 0)
    count = len(contacts.contacts_for_account(window.db, account_id))

    def fill(dialog: Any) -> None:
        dialog.ui.lastName.setText("Okafor")
        dialog.ui.firstName.setText("Ada")
        dialog.ui.email.setText("not-an-email")
        dialog.accept()  # refused: stays open with the message
        assert "E-mail" in dialog.ui.errorLabel.text() and dialog.isVisible()
        dialog.ui.email.setText("ada.okafor@example.com")
        dialog.ui.buyingRole.setCurrentIndex(dialog.ui.buyingRole.findData("champion"))
        dialog.accept()

    on_modal(fill)
    window.ui.action_new_contact.trigger()
    people = contacts.contacts_for_account(window.db, account_id)
    assert len(people) == count + 1
    ada = next(p for p in people if p.last_name == "Okafor")
    assert ada.email == "ada.okafor@example.com" and ada.buying_role.value == "champion"
    model = window.account_pane.people.model
    row = model.row_of(ada.id)
    assert model.index(row, 3).data() == "Champion"
    window.account_pane.people.table.selectRow(row)
    window.account_pane.ui.removeContactButton.click()
    assert len(contacts.contacts_for_account(window.db, account_id)) == count
    window.undo_stack.undo()
    assert len(contacts.contacts_for_account(window.db, account_id)) == count + 1


def test_edit_a_person(qtbot, window, on_modal) -> None:  # type: ignore[no-untyped-def]
    account_id = select_row(window, 0)
    people = window.account_pane.people
    window.account_pane.tabs.setCurrentWidget(window.account_pane.ui.peopleTab)
    people.table.selectRow(0)
    person = people.selected()

    def edit(dialog: Any) -> None:
        assert dialog.ui.lastName.text() == person.last_name
        dialog.ui.jobTitle.setText("Chief Procurement Officer")
        dialog.ui.stance.setCurrentIndex(dialog.ui.stance.findData("preferer"))
        dialog.accept()

    on_modal(edit)
    people.edit()
    stored = next(
        c for c in contacts.contacts_for_account(window.db, account_id) if c.id == person.id
    )
    assert stored.job_title == "Chief Procurement Officer" and stored.stance.value == "preferer"
    assert stored.email == person.email  # fields not touched stay
    window.undo_stack.undo()
    back = next(
        c for c in contacts.contacts_for_account(window.db, account_id) if c.id == person.id
    )
    assert back.job_title == person.job_title


def test_open_an_account_the_filter_hides(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    pane = window.customer_pane
    strategic = next(
        a.id
        for a in [pane.model.account_at(r) for r in range(pane.model.rowCount())]
        if a.tier is Tier.STRATEGIC
    )
    pane.tier_buttons[Tier.PARTNER].click()  # strategic accounts are hidden now
    assert pane.model.row_of(strategic) is None
    assert window.open_account(strategic)
    assert window.account_pane.account.id == strategic
    assert window.activity_pane.account_id == strategic
    assert pane.ui.table.selectionModel().selectedRows() == []
    accounts.delete_account(demo_db, strategic)
    window.refresh()
    assert window.open_account(strategic) is False  # deleted: nothing to show
