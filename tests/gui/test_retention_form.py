"""The account form keeps the status rule: marking an account lost without
a defection type is refused with the rule's message and nothing changes;
with a type and a reason it is saved and lands in the status history."""

from __future__ import annotations

from typing import Any

from crmdesk.core import accounts, retention
from crmdesk.db.enums import AccountStatus
from crmdesk.gui.portfolio.account_table import ID_ROLE


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


def test_the_retention_feature_plugs_in_through_the_contract(qtbot, window):  # type: ignore[no-untyped-def]
    from crmdesk.core import complaints
    from crmdesk.gui.retention.feature import RetentionFeature

    feature = window.feature(RetentionFeature)
    assert feature is not None
    titles = {a.objectName() for a in window.menu("view").actions()}
    assert "actionComplaints" in titles
    assert "actionPortfolioAnalysis" in {a.objectName() for a in window.menu("tools").actions()}

    register = feature.open_complaints()
    qtbot.addWidget(register)
    assert register.model.rowCount() == len(complaints.register(window.db, open_only=True)) > 0
    first = register.model.row_at(0)
    assert register.resolve(first, "  ", confirmed=False) is False
    assert register.error == "Recovery action is required"
    assert register.resolve(first, "Credit note issued", confirmed=True) is True
    assert first.id not in {r.id for r in register.model.rows()}

    analysis = feature.open_analysis()
    qtbot.addWidget(analysis)
    qtbot.waitUntil(lambda: analysis.tabs.count() == 7, timeout=30000)
    assert analysis.tabs.tabText(0) == "Defection"


def test_the_status_dialog_requires_a_defection_type(qtbot, window):  # type: ignore[no-untyped-def]
    from crmdesk.gui.retention.feature import RetentionFeature

    account_id = next(
        _select(window, row)
        for row in range(10)
        if accounts.get_account(window.db, _select(window, row)).status is AccountStatus.ACTIVE
    )
    dialog = window.feature(RetentionFeature).status_dialog()
    qtbot.addWidget(dialog)
    _set(dialog.status, "lost")
    assert dialog.defection.isEnabled()
    dialog.reason.setText("Gone to a rival")
    assert dialog.save() is False
    assert "needs a defection type" in dialog.error.text()
    assert accounts.get_account(window.db, account_id).status is AccountStatus.ACTIVE
    _set(dialog.defection, "service")
    assert dialog.save() is True
    assert accounts.get_account(window.db, account_id).status is AccountStatus.LOST
    _set(dialog.status, "at_risk")
    assert not dialog.defection.isEnabled()
