"""What the planner needs to know about the database, read once: accounts by
identity key, live contacts by e-mail and by name key per account (the keys
of :mod:`crmdesk.core.identity`, as the services use them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from crmdesk.core.identity import CompanyIndex, email_key, person_key, similar_name
from crmdesk.db.engine import Database
from crmdesk.db.models import Account, Contact

DIFF_FIELDS = (
    "first_name",
    "last_name",
    "job_title",
    "department",
    "level",
    "email",
    "email_secondary",
    "phone",
    "mobile",
    "buying_role",
    "stance",
    "relationship_holder",
    "notes",
)


@dataclass
class Snapshot:
    companies: CompanyIndex[int] = field(default_factory=CompanyIndex)  # account ids by name
    emails: dict[str, int] = field(default_factory=dict)  # e-mail key -> contact id
    names: dict[int, dict[str, int]] = field(default_factory=dict)  # account -> name key -> id
    people: dict[int, tuple[str, int]] = field(default_factory=dict)  # id -> (name, account)
    details: dict[int, dict[str, Any]] = field(default_factory=dict)
    account_names: dict[int, str] = field(default_factory=dict)
    db: Database | None = None

    def label(self, contact_id: int) -> str:
        name, account_id = self.people.get(contact_id, ("?", 0))
        account = self.account_names.get(account_id, "")
        return f"{name} ({account})" if account else name

    def similar(self, account_id: int, name_key: str) -> int | None:
        block = self.names.get(account_id)
        hit = similar_name(name_key, block) if block else None
        return block[hit] if block and hit is not None else None

    def load_details(self, ids: set[int]) -> None:
        """Current values of the contacts an import would update."""
        missing = sorted(ids - set(self.details))
        if not missing or self.db is None:
            return
        columns = [getattr(Contact, name) for name in DIFF_FIELDS]
        with self.db.reading() as session:
            for start in range(0, len(missing), 500):
                chunk = missing[start : start + 500]
                stmt = select(Contact.id, *columns).where(Contact.id.in_(chunk))
                for row in session.execute(stmt):
                    values = dict(zip(DIFF_FIELDS, row[1:], strict=True))
                    self.details[row[0]] = {
                        k: (v.value if hasattr(v, "value") else v) for k, v in values.items()
                    }

    def diff(self, contact_id: int, new: dict[str, str], mode: str) -> dict[str, Any]:
        """The fields an update would change: empty ones ("fill") or every
        differing one ("overwrite"; notes are then appended, never replaced)."""
        old = self.details.get(contact_id, {})
        changes: dict[str, Any] = {}
        for key, value in new.items():
            if key not in DIFF_FIELDS or not value:
                continue
            current = old.get(key)
            if key == "email" and current and current.lower() == value.lower():
                continue
            if not current:
                changes[key] = value
            elif mode == "overwrite" and current != value:
                if key == "notes":
                    if value not in current:
                        changes[key] = f"{current}\n{value}"
                else:
                    changes[key] = value
        return changes


def load_snapshot(db: Database) -> Snapshot:
    snap = Snapshot(db=db)
    with db.reading() as session:
        for account_id, name in session.execute(
            select(Account.id, Account.name)
            .where(Account.deleted_at.is_(None))
            .order_by(Account.id)
        ):
            snap.companies.add(account_id, name)
            snap.account_names[account_id] = name
        stmt = select(
            Contact.id, Contact.account_id, Contact.first_name, Contact.last_name,
            Contact.email, Contact.email_secondary,
        ).where(Contact.deleted_at.is_(None)).order_by(Contact.id)  # fmt: skip
        for cid, account_id, first, last, email, email2 in session.execute(stmt):
            for address in (email, email2):
                if address:
                    snap.emails.setdefault(email_key(address), cid)
            full = f"{first or ''} {last}".strip()
            key = person_key(first, last)
            snap.names.setdefault(account_id, {}).setdefault(key, cid)
            snap.people[cid] = (full, account_id)
    return snap
