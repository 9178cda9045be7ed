"""Account status changes, win-back and advocacy.

**The status rule** (one home, used by the CLI, ``account edit``, the
account form and the window's status dialog): a change to *lost* or
*reduced* needs a defection type and a reason, and the annual value lost —
for *lost* it defaults to the account's annual value (unknown when that
is), for *reduced* it must be given. Every change of status is recorded in ``status_changes`` in the
same transaction as the change itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from crmdesk.core import validation as v
from crmdesk.db.engine import Database
from crmdesk.db.enums import AccountStatus, AcquisitionSource, DefectionType
from crmdesk.db.models import Account, Activity, Contact
from crmdesk.db.models_retention import StatusChange
from crmdesk.db.types import utcnow
from crmdesk.errors import InvalidValueError, NotFoundError

DEFECTION_TYPES = ", ".join(t.value for t in DefectionType)


@dataclass(frozen=True)
class Defection:
    """What a change to lost or reduced must carry (checked and cleaned)."""

    type: DefectionType | None
    reason: str | None
    value_lost: Decimal | None


def check_status_change(
    status: AccountStatus,
    *,
    defection_type: DefectionType | str | None,
    reason: str | None,
    value_lost: Decimal | int | str | None = None,
    annual_value: Decimal | None = None,
) -> Defection:
    """The rule, without a database: raises a one-line InvalidValueError when
    a change to lost or reduced lacks its defection type, reason or value."""
    kind = v.parse_enum(DefectionType, defection_type, "Defection type")
    why = v.clean_text(reason, "Reason")
    value = v.parse_money(value_lost, "Value lost")
    if not status.needs_defection:
        return Defection(None, why, None)
    word = status.label.lower()
    if kind is None:
        raise InvalidValueError(
            f"an account marked {word} needs a defection type ({DEFECTION_TYPES})"
        )
    if not why:
        raise InvalidValueError(f"an account marked {word} needs the reason it left or reduced")
    if value is None and status is AccountStatus.LOST:
        value = annual_value  # all of it; None when that was never known either
    elif value is None:
        raise InvalidValueError(f"an account marked {word} needs the annual value lost")
    if value is not None and value < 0:
        raise InvalidValueError("the value lost cannot be negative")
    return Defection(kind, why, value)


def apply_status(
    session: Session,
    account: Account,
    status: AccountStatus,
    *,
    defection_type: DefectionType | str | None = None,
    reason: str | None = None,
    value_lost: Decimal | int | str | None = None,
    changed_by: str | None = None,
    when: datetime | None = None,
) -> StatusChange | None:
    """Set an account's status inside the caller's transaction and record
    the change; None when the status is already that one."""
    old = None if account.id is None else account.status
    if old is status and account.id is not None:
        return None
    d = check_status_change(
        status, defection_type=defection_type, reason=reason, value_lost=value_lost,
        annual_value=account.annual_value,
    )  # fmt: skip
    account.status = status
    account.defection_type = d.type
    account.defection_reason = d.reason if d.type else None
    if account.id is None:
        session.flush()
    change = StatusChange(
        account_id=account.id, from_status=old, to_status=status,
        changed_at=when or utcnow(), date_known=True,
        reason=d.reason or ("Created" if old is None else "Status changed"),
        defection_type=d.type, value_lost=d.value_lost, changed_by=changed_by,
    )  # fmt: skip
    session.add(change)
    return change


def change_status(
    db: Database,
    account_id: int,
    status: AccountStatus | str,
    *,
    reason: str | None = None,
    defection_type: DefectionType | str | None = None,
    value_lost: Decimal | int | str | None = None,
    changed_by: str | None = None,
    when: datetime | None = None,
) -> StatusChange:
    """Change an account's status (one transaction: the account and its
    history row)."""
    new = v.parse_enum(AccountStatus, status, "Status")
    if new is None:
        raise InvalidValueError("Status is required")
    with db.session() as session:
        account = session.get(Account, account_id)
        if account is None or account.is_deleted:
            raise NotFoundError(f"no account with id {account_id}")
        change = apply_status(
            session, account, new, defection_type=defection_type, reason=reason,
            value_lost=value_lost, changed_by=changed_by, when=when,
        )  # fmt: skip
        if change is None:
            raise InvalidValueError(f"{account.name} is already {new.label.lower()}")
    return change


def status_history(db: Database, account_id: int) -> list[StatusChange]:
    with db.session() as session:
        stmt = (
            select(StatusChange)
            .where(StatusChange.account_id == account_id, StatusChange.deleted_at.is_(None))
            .order_by(StatusChange.changed_at.desc(), StatusChange.id.desc())
        )
        return list(session.scalars(stmt))


# --- win-back -----------------------------------------------------------


@dataclass(frozen=True)
class WinBackRow:
    """A former (lost) or lapsed (reduced) customer: when and why it left,
    and what was tried since."""

    account_id: int
    name: str
    tier: str
    owner: str | None
    status: AccountStatus
    left_at: datetime | None
    date_known: bool
    defection_type: DefectionType | None
    reason: str | None
    value_lost: Decimal | None
    tried_since: int  # activities logged after it left
    last_tried_at: datetime | None
    last_tried: str | None  # the latest one's subject

    def to_json(self) -> dict[str, Any]:
        return {
            "account": self.name,
            "tier": self.tier,
            "owner": self.owner,
            "status": self.status.value,
            "left_at": self.left_at.isoformat() if self.left_at else None,
            "date_known": self.date_known,
            "defection_type": self.defection_type.value if self.defection_type else None,
            "reason": self.reason,
            "value_lost": str(self.value_lost) if self.value_lost is not None else None,
            "tried_since": self.tried_since,
            "last_tried_at": self.last_tried_at.isoformat() if self.last_tried_at else None,
            "last_tried": self.last_tried,
        }


def win_back(db: Database, *, owner: str | None = None) -> list[WinBackRow]:
    """Lost and reduced accounts, largest value lost first: the latest change
    that made them so, and the activities logged since (three aggregates)."""
    s = StatusChange
    latest = (
        select(
            s.account_id.label("account_id"),
            s.changed_at.label("left_at"),
            s.date_known,
            s.defection_type,
            s.reason,
            s.value_lost,
            func.row_number()
            .over(partition_by=s.account_id, order_by=(s.changed_at.desc(), s.id.desc()))
            .label("rn"),
        )
        .where(s.deleted_at.is_(None), s.to_status.in_([AccountStatus.LOST, AccountStatus.REDUCED]))
        .subquery()
    )
    where: list[Any] = [
        Account.deleted_at.is_(None),
        Account.status.in_([AccountStatus.LOST, AccountStatus.REDUCED]),
    ]
    if owner:
        where.append(Account.owner == owner)
    left = latest.c.left_at
    tried = (
        select(
            Activity.account_id.label("account_id"),
            func.count().label("n"),
            func.max(Activity.occurred_at).label("last"),
        )
        .join(latest, and_(latest.c.account_id == Activity.account_id, latest.c.rn == 1))
        .where(Activity.deleted_at.is_(None), Activity.occurred_at > left)
        .group_by(Activity.account_id)
        .subquery()
    )
    last_act = aliased(Activity)
    last_subject = (
        select(last_act.subject)
        .where(
            last_act.account_id == Account.id,
            last_act.deleted_at.is_(None),
            last_act.occurred_at == tried.c.last,
        )
        .order_by(last_act.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    stmt = (
        select(
            Account.id, Account.name, Account.tier, Account.owner, Account.status,
            latest.c.left_at, latest.c.date_known, latest.c.defection_type, latest.c.reason,
            latest.c.value_lost, func.coalesce(tried.c.n, 0), tried.c.last, last_subject,
        )
        .join(latest, and_(latest.c.account_id == Account.id, latest.c.rn == 1), isouter=True)
        .join(tried, tried.c.account_id == Account.id, isouter=True)
        .where(*where)
    )  # fmt: skip
    with db.session() as session:
        rows = list(session.execute(stmt))
    from crmdesk.db.types import Money, UTCDateTime

    utc, money = UTCDateTime(), Money()
    out = [
        WinBackRow(
            account_id=r[0], name=r[1], tier=r[2].value, owner=r[3], status=r[4],
            left_at=utc.process_result_value(r[5], None),  # type: ignore[arg-type]
            date_known=bool(r[6]) if r[6] is not None else False,
            defection_type=DefectionType(r[7]) if r[7] else None, reason=r[8],
            value_lost=r[9] if isinstance(r[9], Decimal) or r[9] is None
            else money.process_result_value(r[9], None),  # type: ignore[arg-type]
            tried_since=int(r[10]),
            last_tried_at=utc.process_result_value(r[11], None),  # type: ignore[arg-type]
            last_tried=r[12],
        )
        for r in rows
    ]  # fmt: skip
    return sorted(out, key=lambda w: (-(w.value_lost or 0), w.name.lower(), w.account_id))


# --- advocacy -----------------------------------------------------------


def set_reference(
    db: Database, account_id: int, *, agreed: bool, limits: str | None = None
) -> Account:
    """Record that an account agreed (or no longer agrees) to be a reference."""
    with db.session() as session:
        account = session.get(Account, account_id)
        if account is None or account.is_deleted:
            raise NotFoundError(f"no account with id {account_id}")
        account.reference_agreed_at = utcnow() if agreed else None
        account.reference_limits = v.clean_text(limits, "Reference limits") if agreed else None
    return account


def set_referral(
    db: Database,
    account_id: int,
    *,
    by_account_id: int | None = None,
    by_contact_id: int | None = None,
) -> Account:
    """Link a new account to who referred it; its acquisition source becomes
    "referral". A contact's own account is the referring account."""
    with db.session() as session:
        account = session.get(Account, account_id)
        if account is None or account.is_deleted:
            raise NotFoundError(f"no account with id {account_id}")
        if by_contact_id is not None:
            contact = session.get(Contact, by_contact_id)
            if contact is None or contact.is_deleted:
                raise NotFoundError(f"no contact with id {by_contact_id}")
            by_account_id = contact.account_id
        if by_account_id is None:
            raise InvalidValueError("a referral needs the account or contact that referred it")
        if by_account_id == account_id:
            raise InvalidValueError("an account cannot refer itself")
        referrer = session.get(Account, by_account_id)
        if referrer is None or referrer.is_deleted:
            raise NotFoundError(f"no account with id {by_account_id}")
        account.acquisition_source = AcquisitionSource.REFERRAL
        account.referred_by_account_id = by_account_id
        account.referred_by_contact_id = by_contact_id
    return account
