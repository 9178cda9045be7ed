"""The customer pane: search, filters, paging, and every table model
checked with qtmodeltester."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from crmdesk.core import accounts, activities
from crmdesk.core.contacts import contacts_for_account
from crmdesk.core.portfolio import AccountFilter, count_accounts, list_accounts
from crmdesk.db.enums import AccountStatus, Tier
from crmdesk.gui.activity.models import FollowUpModel, timeline_model
from crmdesk.gui.portfolio.account_table import ID_ROLE, AccountTableModel


def test_search_finds_an_account_by_a_contacts_email(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    target = list_accounts(demo_db, limit=40)[-1]
    email = contacts_for_account(demo_db, target.id)[0].email
    pane = window.customer_pane
    with qtbot.waitSignal(pane.filterApplied, timeout=3000):  # after the debounce
        qtbot.keyClicks(pane.ui.search, email)
    assert pane.model.rowCount() == 1 and pane.model.total == 1
    assert pane.model.index(0, 0).data() == target.name
    qtbot.waitUntil(lambda: pane.ui.countLabel.text() == "1 account", timeout=3000)
    pane.ui.table.selectRow(0)
    assert window.selected_account_id() == target.id
    with qtbot.waitSignal(pane.filterApplied, timeout=3000):
        pane.ui.search.clear()
    assert pane.model.total == 60


def test_tier_status_and_owner_filters(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    pane = window.customer_pane
    strategic = count_accounts(demo_db, AccountFilter(tiers=frozenset({Tier.STRATEGIC})))
    qtbot.waitUntil(
        lambda: pane.tier_buttons[Tier.STRATEGIC].text() == f"Strategic ({strategic})", timeout=3000
    )
    pane.tier_buttons[Tier.STRATEGIC].click()
    assert pane.model.total == strategic
    tiers = {pane.model.account_at(r).tier for r in range(pane.model.rowCount())}
    assert tiers == {Tier.STRATEGIC}
    assert pane.model.index(0, 1).data() == "Strategic"
    pane.tier_buttons[Tier.STRATEGIC].click()
    pane.ui.statusFilter.setCurrentIndex(pane.ui.statusFilter.findData(AccountStatus.AT_RISK))
    statuses = {pane.model.account_at(r).status for r in range(pane.model.rowCount())}
    assert statuses == {AccountStatus.AT_RISK}
    # the tier labels count under the other filters
    at_risk = AccountFilter(statuses=frozenset({AccountStatus.AT_RISK}))
    n = count_accounts(
        demo_db, AccountFilter(tiers=frozenset({Tier.PARTNER}), statuses=at_risk.statuses)
    )
    qtbot.waitUntil(
        lambda: pane.tier_buttons[Tier.PARTNER].text() == f"Partner ({n})", timeout=3000
    )
    pane.ui.statusFilter.setCurrentIndex(0)
    owner = pane.ui.ownerFilter.itemData(1)
    pane.ui.ownerFilter.setCurrentIndex(1)
    owners = {pane.model.account_at(r).owner for r in range(pane.model.rowCount())}
    assert owners == {owner}


def test_sorting_runs_in_sql(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    pane = window.customer_pane
    pane.ui.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # next follow-up
    due = [pane.model.account_at(r).next_follow_up for r in range(pane.model.rowCount())]
    known = [d for d in due if d is not None]
    assert known == sorted(known)
    assert due[: len(known)] == known  # accounts without a follow-up come last
    pane.ui.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [pane.model.index(r, 0).data().lower() for r in range(pane.model.rowCount())]
    assert names == sorted(names, reverse=True)


def test_model_pages_and_passes_modeltester(qtmodeltester, qtlog, demo_db) -> None:  # type: ignore[no-untyped-def]
    model = AccountTableModel(demo_db, page_size=25)
    model.reload()
    assert model.rowCount() == 25 and model.total == 60 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 50
    model.fetchMore()
    assert model.rowCount() == 60 and not model.canFetchMore()
    ids = [model.index(r, 0).data(ID_ROLE) for r in range(60)]
    assert len(set(ids)) == 60  # no row twice across page boundaries

    # Qt's own QAbstractItemModelTester: checks now and on every later signal
    # (pytest-qt's Python tester misreports fetchMore during a model reset)
    model.page_size = 20
    model.reload()
    qtmodeltester.check(model)
    accounts.update_account(demo_db, ids[3], name="Zeta Renamed")
    model.refresh_accounts([ids[3]])  # a narrow update of one row
    assert model.index(model.row_of(ids[3]), 0).data() == "Zeta Renamed"
    accounts.delete_account(demo_db, ids[4])
    model.refresh_accounts([ids[4]])
    assert model.row_of(ids[4]) is None and model.total == 59
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 1).data() == "Strategic"
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 59
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]
    assert failures == []

    # and the Python tester on a fresh model (initial state and paging)
    fresh = AccountTableModel(demo_db, page_size=15)
    fresh.reload()
    qtmodeltester.check(fresh, force_py=True)
    fresh.refresh_accounts([ids[3]])


def test_pane_models_pass_modeltester(qtmodeltester, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    qtbot_window = window
    account_id = list_accounts(demo_db, limit=1)[0].id
    assert qtbot_window.open_account(account_id)
    for model in (
        window.account_pane.people.model,
        window.account_pane.history,
        window.activity_pane.follow_ups,
    ):
        qtmodeltester.check(model, force_py=True)
    timeline = timeline_model(window)
    timeline.set_rows(activities.timeline(demo_db, account_id))
    qtmodeltester.check(timeline, force_py=True)
    everyone: Any = FollowUpModel(window, with_account=True)
    everyone.set_rows(activities.follow_ups(demo_db, horizon_days=None))
    assert everyone.rowCount() > 0
    qtmodeltester.check(everyone, force_py=True)
