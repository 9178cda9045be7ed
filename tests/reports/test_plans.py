"""Plan services on a real SQLite file: templates, copy-forward with change
marks, validation and all-or-nothing saves."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from crmdesk.core import accounts, plans
from crmdesk.core.plan_data import ItemData
from crmdesk.db.models_plans import PlanStatus
from crmdesk.errors import InvalidValueError


def test_new_plan_starts_from_the_tier_template(db):
    small = accounts.create_account(db, name="Small Buyer", tier="transactional")
    big = accounts.create_account(db, name="Big Partner", tier="strategic")
    short = plans.create_plan(db, small.id, "2026-01-01", "2026-12-31")
    titles = " ".join(i.title for i in short.items)
    for word in ("Price", "Volume", "Service levels", "Next order"):
        assert word in titles
    strategic = plans.create_plan(db, big.id, "2026-01-01", "2026-12-31")
    assert any(i.party == "joint" and "Joint strategy" in i.title for i in strategic.items)
    assert any("customer's customer" in i.title for i in strategic.items)
    assert strategic.status is PlanStatus.DRAFT


def test_copy_forward_marks_what_changed(db):
    a = accounts.create_account(db, name="Carry Co", tier="partner")
    first = plans.create_plan(db, a.id, "2025-01-01", "2025-12-31")
    kept = ItemData("action", "Quarterly service review", owner="Ann")
    edited = ItemData("risk", "Price pressure", likelihood="low", impact="medium")
    plans.save_plan(
        db, first.id, items=[kept, edited],
        texts={"relationship_strategy": "Integrate", "since_last_review": "Old news"},
    )  # fmt: skip
    second = plans.create_plan(db, a.id, "2026-01-01", "2026-12-31")
    assert second.previous_plan_id == first.id
    assert second.relationship_strategy == "Integrate"
    assert second.since_last_review is None  # period texts start empty
    assert [i.title for i in second.items] == ["Quarterly service review", "Price pressure"]
    assert not any(i.changed_since_previous for i in second.items)
    items = [plans.item_data(r) for r in second.items]
    items[1] = replace(items[1], likelihood="high")
    items.append(ItemData("opportunity", "New plant", value="1 000,50"))
    saved = plans.save_plan(db, second.id, items=items)
    marks = {i.title: i.changed_since_previous for i in saved.items}
    assert marks == {"Quarterly service review": False, "Price pressure": True, "New plant": True}
    assert next(i for i in saved.items if i.title == "New plant").value == pytest.approx(1000.5)


def test_bad_values_are_refused_and_nothing_is_saved(db):
    a = accounts.create_account(db, name="Strict AG")
    plan = plans.create_plan(db, a.id, "2026-01-01", "2026-12-31")
    before = [i.title for i in plans.get_plan(db, plan.id).items]
    with pytest.raises(InvalidValueError, match="likelihood 'sometimes'"):
        plans.save_plan(
            db, plan.id, texts={"value_proposition": "New"},
            items=[ItemData("risk", "Churn", likelihood="sometimes")],
        )  # fmt: skip
    with pytest.raises(InvalidValueError, match="title is required"):
        plans.save_plan(db, plan.id, items=[ItemData("action", "  ")])
    with pytest.raises(InvalidValueError, match="not a date"):
        plans.save_plan(db, plan.id, items=[ItemData("action", "Call", due_date="next week")])
    after = plans.get_plan(db, plan.id)
    assert [i.title for i in after.items] == before
    assert after.value_proposition is None


def test_periods_must_be_sane_and_not_overlap(db):
    a = accounts.create_account(db, name="Period Oy")
    plans.create_plan(db, a.id, "2026-01-01", "2026-12-31")
    with pytest.raises(InvalidValueError, match="already has a plan"):
        plans.create_plan(db, a.id, "2026-06-01", "2027-05-31")
    with pytest.raises(InvalidValueError, match="must end after"):
        plans.create_plan(db, a.id, "2027-06-01", "2027-01-01")


def test_current_plan_prefers_the_active_one_for_today(db):
    a = accounts.create_account(db, name="Now Ltd")
    old = plans.create_plan(db, a.id, "2025-01-01", "2025-12-31")
    this = plans.create_plan(db, a.id, "2026-01-01", "2026-12-31")
    assert plans.current_plan(db, a.id, date(2026, 5, 1)).id == this.id
    assert plans.current_plan(db, a.id, date(2025, 5, 1)).id == old.id
    assert plans.current_plan(db, a.id, date(2030, 1, 1)) is None
    plans.delete_plan(db, this.id)
    assert plans.current_plan(db, a.id, date(2026, 5, 1)) is None
    plans.restore_plan(db, this.id)
    assert plans.current_plan(db, a.id, date(2026, 5, 1)).id == this.id
