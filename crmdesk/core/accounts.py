"""Accounts: create, edit, soft-delete and restore, tier changes, lookup.

An account is found by UUID, by name, or by its identity key
(:func:`crmdesk.core.identity.company_key`: "ACME, Inc." is "Acme Inc"), the
same key the importer joins rows to accounts by. Owners are matched without
regard to case: a new spelling of an existing owner takes the existing one.
"""

from __future__ import annotations

import uuid as uuid_mod
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crmdesk.core import retention
from crmdesk.core import validation as v
from crmdesk.core.identity import CompanyIndex
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
from crmdesk.preferences import load_preferences

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


def field_problems(values: Mapping[str, Any]) -> dict[str, str]:
    """What is wrong with each of ``values`` (field -> message), by the rules
    create_account and update_account apply: forms check as the user types."""
    problems: dict[str, str] = {}
    for key, value in values.items():
        check = _FIELDS.get(key)
        if check is None:
            continue
        try:
            check(value)
        except InvalidValueError as exc:
            problems[key] = str(exc)
    return problems


def default_owner() -> str | None:
    """Who owns a new account when nobody is named: the user ("me")."""
    return load_preferences().me


def _known_owner(session: Session, owner: str | None) -> str | None:
    """``owner`` as already spelled on some account, ignoring case."""
    if not owner:
        return owner
    spellings: set[str] = set(
        session.scalars(
            select(Account.owner)
            .where(func.lower(Account.owner) == owner.lower(), Account.deleted_at.is_(None))
            .where(Account.owner.is_not(None))
            .distinct()
        )
    )
    if not spellings or owner in spellings:
        return owner
    return min(spellings)


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
    """Create an account; its first tier is recorded in the tier history.
    Without an ``owner`` field the owner is the user (:func:`default_owner`)."""
    if "owner" not in fields:
        fields = {**fields, "owner": default_owner()}
    cleaned = _clean(fields)
    if not cleaned.get("name"):
        raise InvalidValueError("Name is required")
    tier_value = v.parse_enum(Tier, tier, "Tier") or Tier.TRANSACTIONAL
    status = cleaned.pop("status", None) or AccountStatus.ACTIVE
    with db.session() as session:
        cleaned["owner"] = _known_owner(session, cleaned.get("owner"))
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
    if "name" in cleaned and not cleaned["name"]:
        raise InvalidValueError("Name is required")
    with db.session() as session:
        account = load(session, account_id)
        status = cleaned.pop("status", None)
        if "owner" in cleaned:
            cleaned["owner"] = _known_owner(session, cleaned["owner"])
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


def matching_accounts(db: Database, name: str) -> list[Account]:
    """Live accounts that are the company ``name`` names by identity key
    (legal form, case, accents and punctuation aside), oldest first: what a
    new account called ``name`` would duplicate."""
    with db.session() as session:
        return _accounts(session, _index(session).same_company(name))


def _index(session: Session) -> CompanyIndex[int]:
    index: CompanyIndex[int] = CompanyIndex()
    rows = session.execute(
        select(Account.id, Account.name).where(Account.deleted_at.is_(None)).order_by(Account.id)
    )
    for account_id, name in rows:
        index.add(account_id, name)
    return index


def _accounts(session: Session, ids: list[int]) -> list[Account]:
    if not ids:
        return []
    found = session.scalars(select(Account).where(Account.id.in_(ids)).order_by(Account.id))
    return list(found)


def find_account(db: Database, name_or_uuid: str, *, deleted: bool = False) -> Account:
    """Find one live account by UUID, exact name (any case), identity (by
    the importer's rule, :class:`~crmdesk.core.identity.CompanyIndex`: "Acme
    Inc" finds "ACME, Inc.", "Acme GmbH" the only "Acme"), or unique part of
    the name. Several matches are an error that lists them (the importer,
    which cannot ask, takes the oldest). ``deleted``: look among deleted
    accounts instead (to restore one)."""
    text = name_or_uuid.strip()
    if not text:
        raise InvalidValueError("no account named: give a name or a UUID")
    state = "deleted " if deleted else ""
    with db.session() as session:
        live = select(Account).where(
            Account.deleted_at.is_not(None) if deleted else Account.deleted_at.is_(None)
        )
        try:
            wanted = uuid_mod.UUID(text)
        except ValueError:
            wanted = None
        if wanted is not None:
            account = session.scalars(live.where(Account.uuid == wanted)).first()
            if account is None:
                raise NotFoundError(f"no {state}account with UUID {text}")
            return account
        exact = list(session.scalars(live.where(func.lower(Account.name) == text.lower())))
        if len(exact) == 1:
            return exact[0]
        candidates = exact
        if not candidates and not deleted:
            index = _index(session)
            same = index.same_name(text) or index.same_company(text)
            candidates = _accounts(session, same)
        if not candidates:
            candidates = list(
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
        raise NotFoundError(f"no {state}account named '{text}'")
    names = "; ".join(f"{a.name} ({a.uuid})" for a in candidates[:10])
    more = " and more" if len(candidates) > 10 else ""
    raise AmbiguousError(f"'{text}' matches several accounts: {names}{more}")
