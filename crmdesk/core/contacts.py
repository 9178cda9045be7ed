"""Contacts: the people at an account.

E-mail addresses are checked and phones stored in E.164 exactly as the
importer stores them (:mod:`crmdesk.core.normalise`); numbers written without
+code are read in the account's country, else the user's default region.
Who is the same person is decided by :mod:`crmdesk.core.identity`, as in the
importer: the same e-mail anywhere, or the same or a close name at the same
account.
"""

from __future__ import annotations

import uuid as uuid_mod
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, joinedload

from crmdesk.core import accounts
from crmdesk.core import validation as v
from crmdesk.core.identity import email_key, person_key, similar_name
from crmdesk.core.normalise import default_region
from crmdesk.db.engine import Database
from crmdesk.db.enums import BuyingRole, ContactLevel, Stance
from crmdesk.db.models import Account, Contact
from crmdesk.db.types import utcnow
from crmdesk.errors import AmbiguousError, InvalidValueError, NotFoundError

_PHONES = {"phone": "Phone", "mobile": "Mobile"}

_FIELDS: dict[str, Any] = {
    "first_name": lambda x: v.clean_text(x, "First name", max_len=100),
    "last_name": lambda x: v.clean_text(x, "Last name", required=True, max_len=100),
    "job_title": lambda x: v.clean_text(x, "Job title", max_len=150),
    "department": lambda x: v.clean_text(x, "Department", max_len=100),
    "level": lambda x: v.parse_enum(ContactLevel, x, "Level"),
    "email": lambda x: v.normalise_email(x, "E-mail"),
    "email_secondary": lambda x: v.normalise_email(x, "Second e-mail"),
    "buying_role": lambda x: v.parse_enum(BuyingRole, x, "Buying role"),
    "stance": lambda x: v.parse_enum(Stance, x, "Stance"),
    "reports_to_id": lambda x: int(x) if x not in (None, "") else None,
    "relationship_holder": lambda x: v.clean_text(x, "Relationship holder", max_len=100),
    "notes": lambda x: v.clean_text(x, "Notes"),
}
EDITABLE_FIELDS = (*_FIELDS, *_PHONES)


def clean_contact_fields(changes: Mapping[str, Any], region: str | None = None) -> dict[str, Any]:
    """The values as stored; InvalidValueError names the first bad one.
    ``region``: for phones without +code (default: the user's region)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidValueError(f"unknown contact field(s): {', '.join(sorted(unknown))}")
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key in _PHONES:
            out[key] = v.normalise_phone(value, _PHONES[key], region or default_region())
        else:
            out[key] = _FIELDS[key](value)
    return out


def _region(account: Account) -> str:
    return account.country or default_region()


def load(session: Session, contact_id: int, *, include_deleted: bool = False) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or (contact.is_deleted and not include_deleted):
        raise NotFoundError(f"no contact with id {contact_id}")
    return contact


def _check_reports_to(session: Session, contact: Contact) -> None:
    if contact.reports_to_id is None:
        return
    boss = load(session, contact.reports_to_id)
    if boss.account_id != contact.account_id:
        raise InvalidValueError("a contact can only report to someone at the same account")
    seen = {contact.id}
    while boss is not None:
        if boss.id in seen:
            raise InvalidValueError("that reporting line would go round in a circle")
        seen.add(boss.id)
        boss = boss.reports_to  # type: ignore[assignment]


def create_contact(db: Database, account_id: int, **fields: Any) -> Contact:
    with db.session() as session:
        account = accounts.load(session, account_id)
        cleaned = clean_contact_fields(fields, _region(account))
        if not cleaned.get("last_name"):
            raise InvalidValueError("Last name is required")
        contact = Contact(account_id=account_id, **cleaned)
        session.add(contact)
        session.flush()
        _check_reports_to(session, contact)
    return contact


def update_contact(db: Database, contact_id: int, **changes: Any) -> Contact:
    with db.session() as session:
        contact = load(session, contact_id)
        cleaned = clean_contact_fields(changes, _region(contact.account))
        for key, value in cleaned.items():
            setattr(contact, key, value)
        if not contact.last_name:
            raise InvalidValueError("Last name is required")
        session.flush()
        _check_reports_to(session, contact)
    return contact


def get_contact(db: Database, contact_id: int) -> Contact:
    with db.session() as session:
        return load(session, contact_id)


def delete_contact(db: Database, contact_id: int) -> None:
    with db.session() as session:
        load(session, contact_id).deleted_at = utcnow()


def restore_contact(db: Database, contact_id: int) -> Contact:
    with db.session() as session:
        contact = load(session, contact_id, include_deleted=True)
        contact.deleted_at = None
    return contact


def contacts_for_account(db: Database, account_id: int) -> list[Contact]:
    """The live contacts of an account, reports-to loaded, by last name."""
    with db.session() as session:
        stmt = (
            select(Contact)
            .options(joinedload(Contact.reports_to))
            .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
            .order_by(Contact.last_name, Contact.first_name, Contact.id)
        )
        return list(session.scalars(stmt))


def matching_people(
    db: Database,
    account_id: int | None,
    first_name: str | None,
    last_name: str | None,
    emails: Iterable[str | None] = (),
) -> list[Contact]:
    """Live contacts a new person would duplicate, by the importer's rule:
    the same e-mail (primary or second, at any account), or the same or a
    close name (:func:`~crmdesk.core.identity.similar_name`) at the account."""
    wanted = {email_key(e) for e in emails if e and e.strip()}
    name = person_key(first_name, last_name)
    with db.session() as session:
        found: dict[int, Contact] = {}
        if wanted:
            stmt = select(Contact).where(
                Contact.deleted_at.is_(None),
                or_(
                    func.lower(Contact.email).in_(wanted),
                    func.lower(Contact.email_secondary).in_(wanted),
                ),
            )
            found.update(
                (c.id, c) for c in session.scalars(stmt.options(joinedload(Contact.account)))
            )
        if account_id is not None and name:
            people = list(
                session.scalars(
                    select(Contact)
                    .options(joinedload(Contact.account))
                    .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
                    .order_by(Contact.id)
                )
            )
            keys: dict[str, list[Contact]] = {}
            for person in people:
                keys.setdefault(person_key(person.first_name, person.last_name), []).append(person)
            hit = similar_name(name, keys)
            if hit is not None:
                found.update((c.id, c) for c in keys[hit])
        return sorted(found.values(), key=lambda c: c.id)


def find_contact(
    db: Database, text: str, *, account_id: int | None = None, deleted: bool = False
) -> Contact:
    """One contact by id, UUID, e-mail or name (its identity key: "jurgen
    obrien" finds "Jürgen O'Brien"), at ``account_id`` when given.
    ``deleted``: among deleted contacts (to restore one)."""
    text = text.strip()
    if not text:
        raise InvalidValueError("no person named: give a name, an e-mail, an id or a UUID")
    scope: list[ColumnElement[bool]] = [
        Contact.deleted_at.is_not(None) if deleted else Contact.deleted_at.is_(None),
        Contact.account_id.in_(select(Account.id).where(Account.deleted_at.is_(None))),
    ]
    if account_id is not None:
        scope.append(Contact.account_id == account_id)
    with db.session() as session:
        ids = _candidate_ids(session, scope, text)
        candidates = list(
            session.scalars(
                select(Contact)
                .options(joinedload(Contact.account))
                .where(Contact.id.in_(ids))
                .order_by(Contact.id)
            )
        )
    if len(candidates) == 1:
        return candidates[0]
    where = " at that account" if account_id is not None else ""
    state = "deleted " if deleted else ""
    if not candidates:
        raise NotFoundError(f"no {state}person '{text}'{where}")
    names = "; ".join(f"{c.full_name} at {c.account.name} ({c.uuid})" for c in candidates[:10])
    more = " and more" if len(candidates) > 10 else ""
    raise AmbiguousError(f"'{text}' matches several people: {names}{more}")


def _candidate_ids(session: Session, scope: list[ColumnElement[bool]], text: str) -> list[int]:
    ids = select(Contact.id).where(*scope)
    if text.isdigit():
        return list(session.scalars(ids.where(Contact.id == int(text))))
    try:
        wanted: uuid_mod.UUID | None = uuid_mod.UUID(text)
    except ValueError:
        wanted = None
    if wanted is not None:
        return list(session.scalars(ids.where(Contact.uuid == wanted)))
    if "@" in text:
        key = email_key(text)
        same = or_(func.lower(Contact.email) == key, func.lower(Contact.email_secondary) == key)
        return list(session.scalars(ids.where(same)))
    key = person_key(None, text)
    rows = session.execute(select(Contact.id, Contact.first_name, Contact.last_name).where(*scope))
    return [cid for cid, first, last in rows if key and person_key(first, last) == key]
