"""Contacts: the people at an account."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from crmdesk.core import accounts
from crmdesk.core import validation as v
from crmdesk.db.engine import Database
from crmdesk.db.enums import BuyingRole, ContactLevel, Stance
from crmdesk.db.models import Contact
from crmdesk.db.types import utcnow
from crmdesk.errors import InvalidValueError, NotFoundError

_FIELDS: dict[str, Any] = {
    "first_name": lambda x: v.clean_text(x, "First name", max_len=100),
    "last_name": lambda x: v.clean_text(x, "Last name", required=True, max_len=100),
    "job_title": lambda x: v.clean_text(x, "Job title", max_len=150),
    "department": lambda x: v.clean_text(x, "Department", max_len=100),
    "level": lambda x: v.parse_enum(ContactLevel, x, "Level"),
    "email": lambda x: v.normalise_email(x, "E-mail"),
    "email_secondary": lambda x: v.normalise_email(x, "Second e-mail"),
    "phone": lambda x: v.clean_text(x, "Phone", max_len=40),
    "mobile": lambda x: v.clean_text(x, "Mobile", max_len=40),
    "buying_role": lambda x: v.parse_enum(BuyingRole, x, "Buying role"),
    "stance": lambda x: v.parse_enum(Stance, x, "Stance"),
    "reports_to_id": lambda x: int(x) if x not in (None, "") else None,
    "relationship_holder": lambda x: v.clean_text(x, "Relationship holder", max_len=100),
    "notes": lambda x: v.clean_text(x, "Notes"),
}
EDITABLE_FIELDS = tuple(_FIELDS)


def clean_contact_fields(changes: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise InvalidValueError(f"unknown contact field(s): {', '.join(sorted(unknown))}")
    return {key: _FIELDS[key](value) for key, value in changes.items()}


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
    cleaned = clean_contact_fields(fields)
    if not cleaned.get("last_name"):
        raise InvalidValueError("Last name is required")
    with db.session() as session:
        accounts.load(session, account_id)
        contact = Contact(account_id=account_id, **cleaned)
        session.add(contact)
        session.flush()
        _check_reports_to(session, contact)
    return contact


def update_contact(db: Database, contact_id: int, **changes: Any) -> Contact:
    cleaned = clean_contact_fields(changes)
    with db.session() as session:
        contact = load(session, contact_id)
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
