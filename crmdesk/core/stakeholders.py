"""The stakeholder map: who the account's people are, who reports to whom,
who on our side holds each relationship and when we last spoke (their last
touch, as crmdesk.core.cadence defines it). Coverage gaps and silent key
contacts are health components (crmdesk.core.health)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.core import cadence
from crmdesk.core.plan_data import Stakeholder
from crmdesk.db.models import Activity, Contact, activity_contacts


def stakeholders_by_account(
    session: Session, account_ids: Sequence[int]
) -> dict[int, list[Stakeholder]]:
    """Live contacts of each account with the date of their last touch."""
    if not account_ids:
        return {}
    last = (
        select(activity_contacts.c.contact_id, func.max(Activity.occurred_at).label("last"))
        .join(Activity, Activity.id == activity_contacts.c.activity_id)
        .where(Activity.account_id.in_(account_ids), cadence.touch_condition())
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
