"""Counts over the whole database, for ``crmdesk stats`` and the status bar."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select

from crmdesk.core.activities import overdue_count
from crmdesk.db.engine import Database
from crmdesk.db.enums import AccountStatus, Tier
from crmdesk.db.models import Account, Activity, Contact


@dataclass(frozen=True)
class Stats:
    accounts: int
    accounts_by_tier: dict[str, int]
    accounts_by_status: dict[str, int]
    contacts: int
    activities: int
    overdue_follow_ups: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def stats(db: Database) -> Stats:
    with db.session() as session:
        live_accounts = Account.deleted_at.is_(None)
        by_tier = {t.value: 0 for t in Tier}
        by_tier.update(
            {
                tier.value: int(n)
                for tier, n in session.execute(
                    select(Account.tier, func.count()).where(live_accounts).group_by(Account.tier)
                )
            }
        )
        by_status = {s.value: 0 for s in AccountStatus}
        by_status.update(
            {
                status.value: int(n)
                for status, n in session.execute(
                    select(Account.status, func.count())
                    .where(live_accounts)
                    .group_by(Account.status)
                )
            }
        )
        contacts = session.scalar(
            select(func.count())
            .select_from(Contact)
            .join(Account, Account.id == Contact.account_id)
            .where(Contact.deleted_at.is_(None), live_accounts)
        )
        activities = session.scalar(
            select(func.count())
            .select_from(Activity)
            .join(Account, Account.id == Activity.account_id)
            .where(Activity.deleted_at.is_(None), live_accounts)
        )
    return Stats(
        accounts=sum(by_tier.values()),
        accounts_by_tier=by_tier,
        accounts_by_status=by_status,
        contacts=int(contacts or 0),
        activities=int(activities or 0),
        overdue_follow_ups=overdue_count(db),
    )
