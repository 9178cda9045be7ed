"""Account plans: create (from the tier's template or copied forward from
the previous period), edit, activate, archive, delete and restore.

Every call is one transaction. Saving a plan replaces its list items in
the same transaction as its texts, so an editor's save is all or nothing,
and marks each item that differs from the previous period's plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crmdesk.core import accounts
from crmdesk.core import validation as v
from crmdesk.core.plan_data import ItemData
from crmdesk.core.plan_templates import LIKELIHOODS, PARTIES, template_for
from crmdesk.db.engine import Database
from crmdesk.db.models_plans import AccountPlan, PlanItem, PlanSection, PlanStatus
from crmdesk.db.types import utcnow
from crmdesk.errors import InvalidValueError, NotFoundError

TEXT_FIELDS: dict[str, str] = {
    "since_last_review": "Since the last review",
    "customer_priorities": "Customer priorities and goals",
    "customer_markets": "Their customers and markets",
    "relationship_strategy": "Relationship strategy",
    "value_proposition": "Individual value proposition",
    "review_of_last_period": "Review of the last period",
}
# Texts that describe one period and so are not copied forward.
PERIOD_TEXTS = ("since_last_review", "review_of_last_period")
ITEM_COMPARED = (
    "title", "detail", "party", "owner", "due_date", "status", "measure", "value", "stage",
    "expected_close", "likelihood", "impact", "mitigation",
)  # fmt: skip


def _date(value: Any, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidValueError(f"{field} '{value}' is not a date (YYYY-MM-DD)") from None


def _choice(value: Any, field: str, choices: Sequence[str]) -> str | None:
    text = v.clean_text(value, field)
    if text is None:
        return None
    if text.lower() not in choices:
        raise InvalidValueError(f"{field} '{text}' is not one of: {', '.join(choices)}")
    return text.lower()


def clean_item(item: ItemData) -> ItemData:
    """The item with every value checked; raises InvalidValueError naming
    the section and field."""
    try:
        section = PlanSection(item.section)
    except ValueError:
        raise InvalidValueError(f"unknown plan section '{item.section}'") from None
    where = section.value.replace("_", " ").capitalize()
    return replace(
        item,
        section=section.value,
        title=v.clean_text(item.title, f"{where}: title", required=True, max_len=500) or "",
        detail=v.clean_text(item.detail, f"{where}: detail"),
        party=_choice(item.party, f"{where}: party", PARTIES),
        owner=v.clean_text(item.owner, f"{where}: owner", max_len=100),
        due_date=_date(item.due_date, f"{where}: due date"),
        status=v.clean_text(item.status, f"{where}: status", max_len=30),
        measure=v.clean_text(item.measure, f"{where}: measure"),
        value=v.parse_money(item.value, f"{where}: value"),
        stage=v.clean_text(item.stage, f"{where}: stage", max_len=50),
        expected_close=_date(item.expected_close, f"{where}: expected close"),
        likelihood=_choice(item.likelihood, f"{where}: likelihood", LIKELIHOODS),
        impact=_choice(item.impact, f"{where}: impact", LIKELIHOODS),
        mitigation=v.clean_text(item.mitigation, f"{where}: mitigation"),
    )


def item_data(row: PlanItem) -> ItemData:
    return ItemData(
        section=row.section.value,
        title=row.title,
        detail=row.detail,
        party=row.party,
        owner=row.owner,
        due_date=row.due_date,
        status=row.status,
        measure=row.measure,
        value=row.value,
        stage=row.stage,
        expected_close=row.expected_close,
        likelihood=row.likelihood,
        impact=row.impact,
        mitigation=row.mitigation,
        changed=row.changed_since_previous,
    )


def _row(plan_id: int, position: int, item: ItemData) -> PlanItem:
    names = {f.name for f in fields(ItemData)} - {"changed", "proposed", "section"}
    return PlanItem(
        plan_id=plan_id,
        section=PlanSection(item.section),
        position=position,
        changed_since_previous=item.changed,
        **{name: getattr(item, name) for name in names},
    )


def load(session: Session, plan_id: int, *, include_deleted: bool = False) -> AccountPlan:
    plan = session.get(
        AccountPlan, plan_id, options=[selectinload(AccountPlan.items)], populate_existing=True
    )
    if plan is None or (plan.is_deleted and not include_deleted):
        raise NotFoundError(f"no account plan with id {plan_id}")
    return plan


def get_plan(db: Database, plan_id: int) -> AccountPlan:
    with db.session() as session:
        return load(session, plan_id)


def _live_plans(session: Session, account_id: int) -> list[AccountPlan]:
    stmt = (
        select(AccountPlan)
        .options(selectinload(AccountPlan.items))
        .where(AccountPlan.account_id == account_id, AccountPlan.deleted_at.is_(None))
        .order_by(AccountPlan.period_start.desc(), AccountPlan.id.desc())
    )
    return list(session.scalars(stmt))


def plans_for_account(db: Database, account_id: int) -> list[AccountPlan]:
    """Live plans, newest period first, items loaded."""
    with db.session() as session:
        accounts.load(session, account_id)
        return _live_plans(session, account_id)


def pick_current(plans: Sequence[AccountPlan], today: date) -> AccountPlan | None:
    """The plan for this period: one whose period holds today (active before
    draft before archived), else the next upcoming one that is not archived."""
    rank = {PlanStatus.ACTIVE: 0, PlanStatus.DRAFT: 1, PlanStatus.ARCHIVED: 2}
    holding = [p for p in plans if p.period_start <= today <= p.period_end]
    if holding:
        return min(holding, key=lambda p: (rank[p.status], -p.period_start.toordinal()))
    upcoming = [p for p in plans if p.period_start > today and p.status is not PlanStatus.ARCHIVED]
    return min(upcoming, key=lambda p: p.period_start, default=None)


def current_plan(db: Database, account_id: int, today: date | None = None) -> AccountPlan | None:
    with db.session() as session:
        accounts.load(session, account_id)
        return pick_current(_live_plans(session, account_id), today or date.today())


def _check_period(
    session: Session, account_id: int, start: date, end: date, skip: int | None = None
) -> None:
    if end <= start:
        raise InvalidValueError("the plan period must end after it starts")
    for other in _live_plans(session, account_id):
        if other.id == skip or other.status is PlanStatus.ARCHIVED:
            continue
        if other.period_start <= end and start <= other.period_end:
            raise InvalidValueError(
                f"this account already has a plan for {other.period_start.isoformat()} – "
                f"{other.period_end.isoformat()}; archive it or choose another period"
            )


def create_plan(
    db: Database,
    account_id: int,
    period_start: date | str,
    period_end: date | str,
    *,
    copy_forward: bool = True,
) -> AccountPlan:
    """A new draft plan: copied from the latest earlier plan when there is
    one (items start unchanged, period texts empty), else the tier's
    starter objectives."""
    start = _date(period_start, "Period start")
    end = _date(period_end, "Period end")
    if start is None or end is None:
        raise InvalidValueError("a plan needs a period start and end")
    with db.session() as session:
        account = accounts.load(session, account_id)
        _check_period(session, account_id, start, end)
        earlier = [p for p in _live_plans(session, account_id) if p.period_start < start]
        previous = earlier[0] if earlier and copy_forward else None
        plan = AccountPlan(account_id=account_id, period_start=start, period_end=end)
        session.add(plan)
        if previous is not None:
            plan.previous_plan_id = previous.id
            for name in TEXT_FIELDS:
                if name not in PERIOD_TEXTS:
                    setattr(plan, name, getattr(previous, name))
            session.flush()
            for position, row in enumerate(previous.items):
                item = replace(item_data(row), changed=False)
                session.add(_row(plan.id, position, item))
        else:
            session.flush()
            template = template_for(account.tier)
            plan.relationship_strategy = None
            for position, starter in enumerate(template.starters):
                session.add(
                    _row(
                        plan.id,
                        position,
                        ItemData(
                            section="objective",
                            title=starter.title,
                            measure=starter.measure,
                            party=starter.party,
                            owner=account.owner,
                            status="open",
                        ),
                    )
                )
        session.flush()
        return load(session, plan.id)


def _key(item: ItemData) -> tuple[str, str]:
    return item.section, item.title.strip().lower()


def mark_changes(items: Sequence[ItemData], previous: Sequence[ItemData] | None) -> list[ItemData]:
    """Flag each item that is new or differs from the previous period's item
    of the same section and title. Without a previous plan nothing is flagged."""
    if previous is None:
        return [replace(item, changed=False) for item in items]
    before = {_key(p): p for p in previous}
    out = []
    for item in items:
        old = before.get(_key(item))
        changed = old is None or any(
            getattr(old, name) != getattr(item, name) for name in ITEM_COMPARED
        )
        out.append(replace(item, changed=changed))
    return out


def save_plan(
    db: Database,
    plan_id: int,
    *,
    texts: Mapping[str, Any] | None = None,
    items: Sequence[ItemData] | None = None,
    period: tuple[date | str, date | str] | None = None,
    status: PlanStatus | str | None = None,
) -> AccountPlan:
    """Save what the editor shows in one transaction: texts, the full list
    of items (replacing the stored ones, in the given order), period, status."""
    texts = dict(texts or {})
    unknown = set(texts) - set(TEXT_FIELDS)
    if unknown:
        raise InvalidValueError(f"unknown plan field(s): {', '.join(sorted(unknown))}")
    cleaned_texts = {k: v.clean_text(x, TEXT_FIELDS[k]) for k, x in texts.items()}
    cleaned_items = [clean_item(item) for item in items] if items is not None else None
    new_status = v.parse_enum(PlanStatus, status, "Plan status") if status else None
    with db.session() as session:
        plan = load(session, plan_id)
        if period is not None:
            start, end = _date(period[0], "Period start"), _date(period[1], "Period end")
            if start is None or end is None:
                raise InvalidValueError("a plan needs a period start and end")
            _check_period(session, plan.account_id, start, end, skip=plan.id)
            plan.period_start, plan.period_end = start, end
        for name, value in cleaned_texts.items():
            setattr(plan, name, value)
        if new_status is not None:
            plan.status = new_status  # type: ignore[assignment]
        if cleaned_items is not None:
            previous = None
            if plan.previous_plan_id is not None:
                prev = session.get(AccountPlan, plan.previous_plan_id)
                previous = [item_data(r) for r in prev.items] if prev is not None else None
            plan.items.clear()
            session.flush()
            for position, item in enumerate(mark_changes(cleaned_items, previous)):
                plan.items.append(_row(plan.id, position, item))
        plan.updated_at = utcnow()
        session.flush()
        return load(session, plan.id)


def delete_plan(db: Database, plan_id: int) -> None:
    """Soft delete: the plan can be restored."""
    with db.session() as session:
        load(session, plan_id).deleted_at = utcnow()


def restore_plan(db: Database, plan_id: int) -> AccountPlan:
    with db.session() as session:
        plan = load(session, plan_id, include_deleted=True)
        plan.deleted_at = None
        return plan
