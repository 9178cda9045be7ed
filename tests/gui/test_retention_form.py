"""The account form keeps the status rule: marking an account lost without
a defection type is refused with the rule's message and nothing changes;
with a type and a reason it is saved and lands in the status history."""

from __future__ import annotations

from typing import Any

from crmdesk.core import accounts, retention
from crmdesk.db.enums import AccountStatus
from crmdesk.gui.account_table import ID_ROLE


def _select(window: Any, row: int) -> int:
    window.customer_pane.ui.table.selectRow(row)
    return int(window.customer_pane.model.index(row, 0).data(ID_ROLE))


def _set(combo: Any, value: str | None) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_lost_without_a_defection_type_is_refused_in_the_window(qtbot, window, message_boxes):  # type: ignore[no-untyped-def]
    account_id = next(
        _select(window, row)
        for row in range(10)
        if accounts.get_account(window.db, _select(window, row)).status is AccountStatus.ACTIVE
    )
    history = len(retention.status_history(window.db, account_id))
    form = window.account_pane.form
    _set(form.ui.status, "lost")
    assert form.ui.defectionType.isEnabled()
    assert window.account_pane.save() is False
    shown = window.account_pane.ui.overviewError.text() + " ".join(t for _k, t in message_boxes)
    assert "needs a defection type" in shown
    assert accounts.get_account(window.db, account_id).status is AccountStatus.ACTIVE
    assert len(retention.status_history(window.db, account_id)) == history

    _set(form.ui.defectionType, "price")
    form.ui.defectionReason.setText("Cheaper tender")
    assert window.account_pane.save() is True
    saved = accounts.get_account(window.db, account_id)
    assert (saved.status, saved.defection_type.value) == (AccountStatus.LOST, "price")
    latest = retention.status_history(window.db, account_id)[0]
    assert (latest.to_status, latest.reason) == (AccountStatus.LOST, "Cheaper tender")
