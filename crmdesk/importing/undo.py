"""Undo an import batch: remove what it created, restore what it changed
(unless a field was edited again since), in one transaction."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from crmdesk.db.engine import Database
from crmdesk.db.enums import BuyingRole, ContactLevel, Stance
from crmdesk.db.models import Account, Activity, Contact
from crmdesk.db.models_imports import ImportBatch, ImportChange
from crmdesk.db.types import utcnow
from crmdesk.importing.bulk import BULK_FTS_ROWS, chunks, index_paused
from crmdesk.importing.errors import ImportFileError

_ENUMS = {"buying_role": BuyingRole, "stance": Stance, "level": ContactLevel}


@dataclass
class UndoResult:
    batch: str
    removed_contacts: int
    restored_contacts: int
    removed_accounts: int
    kept: list[str]  # what was left alone, and why


def _accounts_of(session: Session, changes: list[ImportChange]) -> set[int]:
    accounts = {c.entity_id for c in changes if c.entity == "account"}
    contacts = [c.entity_id for c in changes if c.entity == "contact"]
    for chunk in chunks(contacts, 500):
        accounts.update(session.scalars(select(Contact.account_id).where(Contact.id.in_(chunk))))
    return accounts


def find_batch(session: Session, ref: str) -> ImportBatch:
    ref = ref.strip().lower()
    if len(ref) < 6:
        raise ImportFileError("give at least the first 6 characters of the import batch id")
    batches = [b for b in session.scalars(select(ImportBatch)) if str(b.uuid).startswith(ref)]
    if not batches:
        raise ImportFileError(f"no import batch '{ref}'")
    if len(batches) > 1:
        raise ImportFileError(f"'{ref}' matches {len(batches)} import batches; give more of the id")
    return batches[0]


def undo(db: Database, ref: str) -> UndoResult:
    """Remove what the batch created, restore what it changed (unless the
    field was edited again since: that newer edit is kept and reported)."""
    kept: list[str] = []
    removed = restored = removed_accounts = 0
    now = utcnow()
    with db.session() as session:
        batch = find_batch(session, ref)
        if batch.undone_at is not None:
            raise ImportFileError(f"import {str(batch.uuid)[:8]} was already undone")
        changes = list(batch.changes)
        created_contacts = {
            c.entity_id for c in changes if c.entity == "contact" and c.action == "created"
        }
        bulk = len(changes) >= BULK_FTS_ROWS
        touched = _accounts_of(session, changes)
        with index_paused(session.connection(), touched) if bulk else nullcontext():
            for ids in chunks(sorted(created_contacts), 500):
                result = session.execute(
                    update(Contact)
                    .where(Contact.id.in_(ids), Contact.deleted_at.is_(None))
                    .values(deleted_at=now)
                )
                removed += result.rowcount or 0
            for change in changes:
                if change.entity == "contact" and change.action == "updated":
                    restored += _restore(session, change, kept)
            for change in changes:
                if change.entity == "account" and change.action == "created":
                    removed_accounts += _remove_account(session, change.entity_id, now, kept)
        batch.undone_at = now
        uuid_text = str(batch.uuid)
    return UndoResult(uuid_text, removed, restored, removed_accounts, kept)


def _restore(session: Session, change: ImportChange, kept: list[str]) -> int:
    contact = session.get(Contact, change.entity_id)
    if contact is None:
        return 0
    record = change.before or {}
    before, after = record.get("before", {}), record.get("after", {})
    values: dict[str, Any] = {}
    for key, new in after.items():
        current = getattr(contact, key)
        current = current.value if hasattr(current, "value") else current
        if current == new:
            values[key] = _ENUMS[key](before[key]) if key in _ENUMS and before[key] else before[key]
        else:
            kept.append(f"{contact.full_name}: {key} was edited after the import; kept")
    if values:
        session.execute(update(Contact).where(Contact.id == contact.id).values(**values))
        return 1
    return 0


def _remove_account(session: Session, account_id: int, now: Any, kept: list[str]) -> int:
    account = session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        return 0
    others = session.scalar(
        select(Contact.id).where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
    )
    activity = session.scalar(select(Activity.id).where(Activity.account_id == account_id))
    if others is not None or activity is not None:
        kept.append(f"account '{account.name}' has contacts or activities added since; kept")
        return 0
    account.deleted_at = now
    return 1


def recent_batches(db: Database, limit: int = 20) -> list[ImportBatch]:
    with db.session() as session:
        stmt = select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit)
        return list(session.scalars(stmt))
