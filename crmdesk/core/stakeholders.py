"""The stakeholder map: who the account's people are, who reports to whom,
who on our side holds each relationship, when we last spoke, and where the
coverage has gaps (partner and strategic accounts need decision makers,
champions and contacts at several levels)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crmdesk.core.plan_data import Stakeholder
from crmdesk.core.plan_templates import template_for
from crmdesk.db.enums import BuyingRole, ContactLevel, Tier
from crmdesk.db.models import Activity, Contact, activity_contacts

SILENT_DAYS = 90
# A "key contact": someone whose silence matters.
KEY_ROLES = {
    BuyingRole.DECISION_MAKER.label,
    BuyingRole.ECONOMIC_BUYER.label,
    BuyingRole.CHAMPION.label,
}


def stakeholders_by_account(
    session: Session, account_ids: Sequence[int]
) -> dict[int, list[Stakeholder]]:
    """Live contacts of each account with the date of their last interaction
    (an activity they took part in that is not an open follow-up)."""
    if not account_ids:
        return {}
    last = (
        select(activity_contacts.c.contact_id, func.max(Activity.occurred_at).label("last"))
        .join(Activity, Activity.id == activity_contacts.c.activity_id)
        .where(
            Activity.account_id.in_(account_ids),
            Activity.deleted_at.is_(None),
            or_(Activity.due_at.is_(None), Activity.completed_at.is_not(None)),
        )
        .group_by(activity_contacts.c.contact_id)
    )
    last_by_contact: dict[int, datetime] = {
        row.contact_id: row.last for row in session.execute(last)
    }
    stmt = (
        select(Contact)
        .where(Contact.account_id.in_(account_ids), Contact.deleted_at.is_(None))
        .order_by(Contact.account_id, Contact.id)
    )
    out: dict[int, list[Stakeholder]] = defaultdict(list)
    for c in session.scalars(stmt):
        seen = last_by_contact.get(c.id)
        out[c.account_id].append(
            Stakeholder(
                id=c.id,
                name=c.full_name,
                job_title=c.job_title,
                level=c.level.label if c.level else None,
                buying_role=c.buying_role.label if c.buying_role else None,
                stance=c.stance.value if c.stance else None,
                reports_to_id=c.reports_to_id,
                relationship_holder=c.relationship_holder,
                last_contact=seen.astimezone().date() if seen else None,
            )
        )
    return dict(out)


def coverage_gaps(tier: Tier, people: Iterable[Stakeholder], today: date) -> list[str]:
    """Gaps in the contact map, in words; only partner and strategic
    relationships are expected to cover several people and levels."""
    people = list(people)
    if not template_for(tier).checks_coverage:
        return []
    if not people:
        return ["No contacts recorded: nobody to hold the relationship with."]
    gaps: list[str] = []
    roles = {p.buying_role for p in people}
    if BuyingRole.DECISION_MAKER.label not in roles:
        gaps.append("No decision maker among the contacts.")
    if BuyingRole.CHAMPION.label not in roles:
        gaps.append("No champion: nobody inside argues for us.")
    levels = {p.level for p in people if p.level}
    if len(levels) <= 1:
        only = next(iter(levels), "no recorded level")
        gaps.append(
            f"Only one level covered ({only.lower()}); {tier.label.lower()} accounts "
            "need contacts at several levels."
        )
    elif tier is Tier.STRATEGIC and ContactLevel.EXECUTIVE.label not in levels:
        gaps.append("No executive contact: a strategic account needs an executive sponsor.")
    cutoff = today - timedelta(days=SILENT_DAYS)
    for p in people:
        if p.buying_role in KEY_ROLES and (p.last_contact is None or p.last_contact < cutoff):
            since = (
                f"last contact {p.last_contact.isoformat()}"
                if p.last_contact
                else "never contacted"
            )
            gaps.append(
                f"{p.name} ({p.buying_role.lower()}) not contacted in {SILENT_DAYS} days ({since})."
            )
    return gaps
