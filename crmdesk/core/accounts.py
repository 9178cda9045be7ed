"""Accounts: create, edit, soft-delete and restore, tier changes, lookup."""

from __future__ import annotations

import uuid as uuid_mod
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crmdesk.core import retention
from crmdesk.core import validation as v
from crmdesk.db.engine import Database
from crmdesk.db.enums import (
    AccountStatus,
    AcquisitionSource,
    DefectionType,
    EmployeeBand,
    LifecycleStage,
    Tier,
)
from crmdesk.db.models import Account, TierChange
from crmdesk.db.types import utcnow
from crmdesk.errors import AmbiguousError, InvalidValueError, NotFoundError

# field -> cleaner(value) -> stored value. ``tier`` is not here: a tier
# change needs a reason and goes through change_tier().
_FIELDS: dict[str, Any] = {
    "name": lambda x: v.clean_text(x, "Name", required=True, max_len=200),
    "industry": lambda x: v.clean_text(x, "Industry", max_len=100),
    "employee_band": lambda x: v.parse_enum(EmployeeBand, x, "Employee band"),
    "website": v.normalise_website,
    "address": lambda x: v.clean_text(x, "Address"),
    "country": v.parse_country,
    "lifecycle_stage": lambda x: (
        v.parse_enum(LifecycleStage, x, "Life-cycle stage") or LifecycleStage.IDENTIFICATION
    ),
    "acquisition_source": lambda x: v.parse_enum(AcquisitionSource, x, "Acquisition source"),
    "status": lambda x: v.parse_enum(AccountStatus, x, "Status") or AccountStatus.ACTIVE,
    "defection_type": lambda x: v.parse_enum(DefectionType, x, "Defection type"),
    "defection_reason": lambda x: v.clean_text(x, "Defection reason"),
    "owner": lambda x: v.clean_text(x, "Owner", max_len=100),
    "currency": v.parse_currency,
    "annual_value": lambda x: v.parse_money(x, "Annual value"),
    "potential_value": lambda x: v.parse_money(x, "Potential"),
    "notes": lambda x: v.clean_text(x, "Notes"),
}
EDITABLE_FIELDS = tuple(_FIELDS)


def _clean(changes: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(_FIELDS) - {"parent_id"}
    if unknown:
        raise InvalidValueError(f"unknown account field(s): {', '.join(sorted(unknown))}")
    cleaned = {key: _FIELDS[key](value) for key, value in changes.items() if key in _FIELDS}
    if "parent_id" in changes:
        cleaned["parent_id"] = changes["parent_id"]
    return cleaned


def _check_lost(account: Account) -> None:
    if not account.status.needs_defection:
        account.defection_type = None
        account.defection_reason = None


def load(session: Session, account_id: int, *, include_deleted: bool = False) -> Account:
    account = session.get(Account, account_id)
    if account is None or (account.is_deleted and not include_deleted):
        raise NotFoundError(f"no account with id {account_id}")
    return account


def get_account(db: Database, account_id: int) -> Account:
    with db.session() as session:
        return load(session, account_id)


def create_account(
    db: Database, *, tier: Tier | str = Tier.TRANSACTIONAL, **fields: Any
) -> Account:
    """Create an account; its first tier is recorded in the tier history."""
    cleaned = _clean(fields)
    if "name" not in cleaned:
        raise InvalidValueError("Name is required")
    tier_value = v.parse_enum(Tier, tier, "Tier") or Tier.TRANSACTIONAL
    status = cleaned.pop("status", None) or AccountStatus.ACTIVE
    with db.session() as session:
        account = Account(tier=tier_value, **cleaned)
        session.add(account)
        # the status rule and its history row: crmdesk.core.retention
        retention.apply_status(
            session, account, status, defection_type=cleaned.get("defection_type"),
            reason=cleaned.get("defection_reason"),
        )  # fmt: skip
        _check_lost(account)
        session.add(
            TierChange(account_id=account.id, from_tier=None, to_tier=tier_value, reason="Created")
        )
    return account


def update_account(db: Database, account_id: int, **changes: Any) -> Account:
    cleaned = _clean(changes)
    with db.session() as session:
        account = load(session, account_id)
        status = cleaned.pop("status", None)
        for key, value in cleaned.items():
            setattr(account, key, value)
        if status is not None and status is not account.status:
            # lost/reduced need a defection type, reason and value lost
            retention.apply_status(
                session, account, status, defection_type=account.defection_type,
                reason=account.defection_reason,
            )  # fmt: skip
        _check_lost(account)
    return account


def change_tier(
    db: Database, account_id: int, tier: Tier | str, reason: str, changed_by: str | None = None
) -> TierChange:
    """Move an account to another tier, recording when and why."""
    new_tier = v.parse_enum(Tier, tier, "Tier")
    why = v.clean_text(reason, "Reason for the tier change", required=True)
    with db.session() as session:
        account = load(session, account_id)
        if new_tier is None or new_tier is account.tier:
            raise InvalidValueError(f"{account.name} is already {account.tier.label.lower()}")
        change = TierChange(
            account_id=account.id,
            from_tier=account.tier,
            to_tier=new_tier,
            reason=why,
            changed_by=changed_by,
        )
        account.tier = new_tier
        session.add(change)
    return change


def tier_history(db: Database, account_id: int) -> list[TierChange]:
    with db.session() as session:
        load(session, account_id)
        stmt = (
            select(TierChange)
            .where(TierChange.account_id == account_id)
            .order_by(TierChange.changed_at.desc(), TierChange.id.desc())
        )
        return list(session.scalars(stmt))


def delete_account(db: Database, account_id: int) -> None:
    """Soft delete: the account disappears from every list but can be restored."""
    with db.session() as session:
        load(session, account_id).deleted_at = utcnow()


def restore_account(db: Database, account_id: int) -> Account:
    with db.session() as session:
        account = load(session, account_id, include_deleted=True)
        account.deleted_at = None
    return account


def find_account(db: Database, name_or_uuid: str) -> Account:
    """Find one live account by UUID, exact name (any case) or unique prefix."""
    text = name_or_uuid.strip()
    with db.session() as session:
        live = select(Account).where(Account.deleted_at.is_(None))
        try:
            wanted = uuid_mod.UUID(text)
        except ValueError:
            wanted = None
        if wanted is not None:
            account = session.scalars(live.where(Account.uuid == wanted)).first()
            if account is None:
                raise NotFoundError(f"no account with UUID {text}")
            return account
        exact = list(session.scalars(live.where(func.lower(Account.name) == text.lower())))
        if len(exact) == 1:
            return exact[0]
        candidates = exact or list(
            session.scalars(
                live.where(
                    or_(
                        func.lower(Account.name).startswith(text.lower(), autoescape=True),
                        func.lower(Account.name).contains(text.lower(), autoescape=True),
                    )
                )
                .order_by(Account.name)
                .limit(11)
            )
        )
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NotFoundError(f"no account named '{text}'")
    names = "; ".join(f"{a.name} ({a.uuid})" for a in candidates[:10])
    more = " and more" if len(candidates) > 10 else ""
    raise AmbiguousError(f"'{text}' matches several accounts: {names}{more}")
