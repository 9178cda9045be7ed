"""This week's worklist and sorting the portfolio by health, on real data."""

from __future__ import annotations

from datetime import timedelta

from crmdesk.core import accounts, activities, contacts, health_store, plans
from crmdesk.core.health import account_health
from crmdesk.core.portfolio import AccountFilter, SortKey, list_accounts
from crmdesk.core.worklist import ItemKind, week_bounds, worklist
from crmdesk.db.types import utcnow


def _log(db, account_id, days_ago, **kw):
    return activities.log_activity(
        db, account_id, kind=kw.pop("kind", "call"), subject=kw.pop("subject", "Call"),
        occurred_at=utcnow() - timedelta(days=days_ago), **kw,
    )  # fmt: skip


def test_worklist_rows_say_what_they_are_and_carry_their_ids(db):
    now = utcnow()
    mine = accounts.create_account(db, name="Mine AG", tier="strategic", owner="Dana")
    boss = contacts.create_contact(db, mine.id, first_name="Eva", last_name="Boss",
                                   level="executive", buying_role="decision_maker")  # fmt: skip
    _log(db, mine.id, 70, contact_ids=[boss.id])  # strategic: due after 30, Eva after 60
    late = activities.log_activity(db, mine.id, kind="task", subject="Send quote",
                                   due_at=now - timedelta(days=4))  # fmt: skip
    _, end = week_bounds(now)
    sunday = now + timedelta(days=(end - now.date()).days)
    soon = activities.log_activity(db, mine.id, kind="task", subject="Book visit", due_at=sunday)
    activities.log_activity(db, mine.id, kind="task", subject="Next month",
                            due_at=now + timedelta(days=40))  # fmt: skip
    complaint = _log(db, mine.id, 45, kind="complaint", subject="Broken pallets",
                     complaint_status="open")  # fmt: skip
    today = now.date()
    plan = plans.create_plan(db, mine.id, today - timedelta(days=200),
                             today + timedelta(days=3))  # fmt: skip
    plans.save_plan(db, plan.id, status="active")
    theirs = accounts.create_account(db, name="Theirs Ltd", tier="transactional", owner="Sam")

    week = worklist(db, owner="Dana", now=now)
    kinds = {(i.kind, i.title): i for i in week.items}
    assert {i.account_id for i in week.items} == {mine.id}
    overdue = kinds[(ItemKind.FOLLOW_UP, "Send quote")]
    assert overdue.activity_id == late.id and overdue.overdue_days == 4
    assert overdue.actions == ("done", "snooze", "open")
    assert kinds[(ItemKind.FOLLOW_UP, "Book visit")].activity_id == soon.id
    assert (ItemKind.FOLLOW_UP, "Next month") not in kinds
    touch = kinds[(ItemKind.ACCOUNT_CADENCE, "Touch Mine AG")]
    assert touch.overdue_days == 40 and "log" in touch.actions
    person = kinds[(ItemKind.CONTACT_CADENCE, "Get in touch with Eva Boss (decision maker)")]
    assert person.contact_id == boss.id
    assert kinds[(ItemKind.COMPLAINT, "Broken pallets")].activity_id == complaint.id
    review = kinds[(ItemKind.PLAN_REVIEW, "Review the plan of Mine AG")]
    assert review.plan_id == plan.id
    assert week.items[0].overdue_days >= week.items[-1].overdue_days  # overdue first
    assert week.to_json()["items"][0]["kind"] in {k.value for k in ItemKind}

    everyone = worklist(db, owner=None, now=now)
    assert {i.account_id for i in everyone.items} == {mine.id, theirs.id}


def test_portfolio_sorted_by_health_follows_the_data(db):
    health_store.forget_scores()
    names = []
    for days, name in ((1, "Fresh"), (150, "Due"), (400, "Cold")):
        a = accounts.create_account(db, name=name, tier="transactional")
        _log(db, a.id, days)
        names.append(name)
    accounts.create_account(
        db,
        name="Lost One",
        tier="transactional",
        status="lost",
        defection_type="price",
        defection_reason="Cheaper tender",
    )

    def order(**kw):  # type: ignore[no-untyped-def]
        return [r.name for r in list_accounts(db, sort=SortKey.HEALTH, **kw)]

    assert order() == ["Cold", "Due", "Fresh", "Lost One"]
    assert order(descending=True) == ["Fresh", "Due", "Cold", "Lost One"]
    assert order(offset=1, limit=1) == ["Due"]
    cold = next(r for r in list_accounts(db) if r.name == "Cold")
    _log(db, cold.id, 0)  # the cache notices the new activity
    assert order() == ["Due", "Cold", "Fresh", "Lost One"]  # Cold and Fresh: 100, by name
    assert account_health(db, cold.id).days_since_touch == 0
    flt = AccountFilter(text="Due")
    assert [r.name for r in list_accounts(db, flt, sort=SortKey.HEALTH)] == ["Due"]
