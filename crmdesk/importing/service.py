"""Commit a plan as one import batch, undo a batch, remember mappings, save
rejected rows. Each call is one transaction: an import is all or nothing."""

from __future__ import annotations

import csv
import hashlib
import uuid
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from crmdesk.atomic import atomic_write
from crmdesk.core.identity import CompanyIndex
from crmdesk.core.validation import normalise_website
from crmdesk.db.engine import Database
from crmdesk.db.enums import BuyingRole, ContactLevel, Stance, Tier
from crmdesk.db.models import Account, Contact, TierChange
from crmdesk.db.models_imports import ImportBatch, ImportChange, ImportMapping
from crmdesk.environment import file_label
from crmdesk.errors import CrmError
from crmdesk.formula_guard import neutralise
from crmdesk.importing import values as vals
from crmdesk.importing.bulk import (
    BULK_FTS_ROWS,
    BulkWriter,
    backup_alongside,
    big_cache,
    chunks,
    index_paused,
)
from crmdesk.importing.errors import ImportCancelled, ImportFileError
from crmdesk.importing.mapping import TARGETS, signature
from crmdesk.importing.memory import gc_paused
from crmdesk.importing.plan import Plan, RowPlan
from crmdesk.importing.snapshot import DIFF_FIELDS, Snapshot

_ENUMS = {"buying_role": BuyingRole, "stance": Stance, "level": ContactLevel}

Progress = Callable[[int, int], None]


@dataclass
class ImportResult:
    batch: str
    created: int
    updated: int
    skipped: int
    rejected: int
    accounts_created: int
    backup: str | None = None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("backup")
        return data


def file_digest(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def remembered_mapping(db: Database, headers: list[str]) -> list[str] | None:
    """The mapping chosen last time for a file with these columns."""
    with db.session() as session:
        saved = session.get(ImportMapping, signature(headers))
    if saved is None:
        return None
    targets = list(saved.mapping.get("targets", []))
    if len(targets) != len(headers) or any(t not in TARGETS for t in targets):
        return None
    return targets


def _remember(session: Session, headers: list[str], targets: list[str]) -> None:
    key = signature(headers)
    saved = session.get(ImportMapping, key)
    payload = {"headers": headers, "targets": targets}
    if saved is None:
        session.add(ImportMapping(signature=key, mapping=payload))
    else:
        saved.mapping = payload


def _account_row(info: dict[str, str], plan: Plan) -> dict[str, Any]:
    country = info.get("country", "").strip()
    try:
        website = normalise_website(info["website"]) if info.get("website") else None
    except CrmError:
        website = None
    return {
        "name": vals.clean(info["name"])[:200],
        "tier": Tier.TRANSACTIONAL,
        "acquisition_source": plan.options.acquisition_source,
        "country": country.upper() if len(country) == 2 and country.isalpha() else None,
        "address": info.get("city") or None,
        "website": website,
    }


def commit(
    db: Database,
    plan: Plan,
    *,
    file_path: str | Path,
    sheet: str | None = None,
    encoding: str | None = None,
    backup: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write the plan in one transaction; a failure or Cancel changes nothing."""
    creates = [r for r in plan.rows if r.action == "create"]
    updates = [r for r in plan.rows if r.action == "update" and r.changes]
    total = len(creates) + len(updates) + 1
    done = 0

    def step(n: int) -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        done += n
        if progress is not None:
            progress(done, total)

    step(0)
    # The backup is taken while the rows are written: it reads the database
    # as last committed, so without this transaction, and the transaction
    # commits only once the backup is verified (a failed backup rolls it back).
    to_back_up = Path(db.path) if backup and db.path and (creates or updates) else None
    counts = plan.counts()
    wal = to_back_up is not None and _journal_mode(db) == "wal"
    with gc_paused(), backup_alongside(to_back_up, wal=wal) as backup_done:
        with db.session() as session:
            conn = session.connection()
            batch = ImportBatch(
                uuid=uuid.uuid4(),
                file_name=file_label(file_path),  # a Latin-1 name is not UTF-8
                file_sha256=file_digest(file_path) if Path(file_path).is_file() else None,
                sheet=sheet,
                settings={
                    "encoding": encoding,
                    "headers": plan.sheet.headers,
                    "targets": plan.options.targets,
                    "region": plan.options.region,
                    "acquisition_source": str(plan.options.acquisition_source),
                    "update_mode": plan.options.update_mode,
                    "rows": len(plan.rows),
                },
            )
            session.add(batch)
            session.flush()
            bulk = len(creates) + len(updates) >= BULK_FTS_ROWS
            touched: set[int] = set()
            with (
                big_cache(conn) if bulk else nullcontext(),
                index_paused(conn, touched) if bulk else nullcontext(),
            ):
                account_ids = _create_accounts(session, plan, creates, batch.id)
                touched.update(account_ids.values())
                touched.update(r.account_id for r in updates if r.account_id is not None)
                touched.update(plan_contact_accounts(session, updates))
                changes: list[dict[str, Any]] = []
                writer = BulkWriter(conn, DIFF_FIELDS)
                for chunk in chunks(creates):
                    rows = [(account_ids[r.account_key], r.values.fields) for r in chunk]
                    writer.created(batch.id, "contact", writer.contacts(rows))
                    step(len(chunk))
                updated = _apply_updates(session, plan, updates, changes, batch.id, step)
                for chunk in chunks(changes, 5000):
                    conn.execute(insert(ImportChange.__table__), chunk)
            batch.created = len(creates)
            batch.updated = updated
            batch.skipped = counts["skip"] + counts["unchanged"] + (len(updates) - updated)
            batch.rejected = counts["reject"]
            batch.accounts_created = len(account_ids.created)
            _remember(session, plan.sheet.headers, plan.options.targets)
            backup_path = backup_done()
            step(1)
    return ImportResult(
        batch=str(batch.uuid),
        created=batch.created,
        updated=batch.updated,
        skipped=batch.skipped,
        rejected=batch.rejected,
        accounts_created=batch.accounts_created,
        backup=backup_path,
    )


def _journal_mode(db: Database) -> str:
    with db.engine.connect() as conn:
        return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar()).lower()


def _insert_many(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """One executemany (Core, no ORM bookkeeping); the new ids are those above
    the previous maximum, in insertion order: SQLite hands out rowids that way
    and nobody else writes inside this transaction."""
    before = conn.execute(select(func.max(table.c.id))).scalar() or 0
    conn.execute(insert(table), rows)
    ids = list(
        conn.execute(select(table.c.id).where(table.c.id > before).order_by(table.c.id)).scalars()
    )
    if len(ids) != len(rows):  # pragma: no cover - would mean a concurrent writer
        raise ImportFileError("the database changed during the import; nothing was imported")
    return ids


def plan_contact_accounts(session: Session, rows: list[RowPlan]) -> set[int]:
    ids = [r.match_id for r in rows if r.match_id is not None]
    found: set[int] = set()
    for chunk in chunks(ids, 500):
        found.update(session.scalars(select(Contact.account_id).where(Contact.id.in_(chunk))))
    return found


class _AccountIds(dict[str, int]):
    created: list[int]


def _create_accounts(
    session: Session, plan: Plan, creates: list[RowPlan], batch_id: int
) -> _AccountIds:
    """Account ids by the rows' account keys: existing ones re-checked inside
    this transaction, new ones linked as the plan would now (another window
    may have added one since the preview), else inserted."""
    out = _AccountIds()
    out.created = []
    live = session.execute(
        select(Account.id, Account.name).where(Account.deleted_at.is_(None)).order_by(Account.id)
    )
    companies: CompanyIndex[int] = CompanyIndex()
    live_ids: set[int] = set()
    for account_id, name in live:
        companies.add(account_id, name)
        live_ids.add(account_id)
    needed = {r.account_key for r in creates}
    current: dict[str, int] = {}
    for row in creates:
        if row.account_id is not None and row.account_id not in live_ids:
            raise ImportFileError(
                f"the account '{row.values.company}' was deleted after the preview; "
                "preview the import again"
            )
        if row.account_id is not None:
            current[row.account_key] = row.account_id
    for key in needed - set(current):
        info = plan.new_accounts.get(key) or {"name": _company_of(creates, key)}
        found = companies.find(info["name"])
        if found is not None:
            current[key] = found
    missing = [key for key in needed if key not in current]
    infos = [plan.new_accounts.get(k) or {"name": _company_of(creates, k)} for k in missing]
    if missing:
        ids = _insert_many(
            session.connection(), Account.__table__, [_account_row(i, plan) for i in infos]
        )
        current.update(zip(missing, ids, strict=True))
        out.created = list(ids)
        # like create_account: every account's tier history starts at creation
        session.execute(
            insert(TierChange),
            [
                {"account_id": i, "from_tier": None, "to_tier": Tier.TRANSACTIONAL,
                 "reason": "Created by a contact import"}
                for i in ids
            ],
        )  # fmt: skip
        BulkWriter(session.connection(), ()).created(batch_id, "account", list(ids))
    out.update({key: current[key] for key in needed})
    return out


def _company_of(rows: list[RowPlan], key: str) -> str:
    return next(r.values.company for r in rows if r.account_key == key)


def _apply_updates(
    session: Session,
    plan: Plan,
    rows: list[RowPlan],
    changes: list[dict[str, Any]],
    batch_id: int,
    step: Callable[[int], None],
) -> int:
    """Re-diff against the contact as it is now, write, record before/after."""
    if not rows:
        return 0
    fresh = Snapshot(db=None)
    columns = [getattr(Contact, name) for name in DIFF_FIELDS]
    ids = [r.match_id for r in rows if r.match_id is not None]
    for chunk in chunks(ids, 500):
        stmt = select(Contact.id, *columns).where(
            Contact.id.in_(chunk), Contact.deleted_at.is_(None)
        )
        for rec in session.execute(stmt):
            fresh.details[rec[0]] = {
                k: (v.value if hasattr(v, "value") else v)
                for k, v in zip(DIFF_FIELDS, rec[1:], strict=True)
            }
    updated = 0
    for row in rows:
        assert row.match_id is not None
        if row.match_id not in fresh.details:
            raise ImportFileError(
                f"the contact matched by row {row.row_number} was deleted after the preview; "
                "preview the import again"
            )
        diff = fresh.diff(row.match_id, row.values.fields, plan.options.update_mode)
        if diff:
            before = {k: fresh.details[row.match_id].get(k) for k in diff}
            values = {k: (_ENUMS[k](v) if k in _ENUMS else v) for k, v in diff.items()}
            session.execute(update(Contact).where(Contact.id == row.match_id).values(**values))
            changes.append(
                {
                    "batch_id": batch_id,
                    "entity": "contact",
                    "entity_id": row.match_id,
                    "action": "updated",
                    "before": {"before": before, "after": diff},
                }
            )
            updated += 1
        step(1)
    return updated


def save_rejected(plan: Plan, path: str | Path) -> int:
    """The rejected rows as written in the file, plus a Reason column (UTF-8
    with BOM so Excel opens it with accents intact). Returns the row count."""
    rejected = [r for r in plan.rows if r.action == "reject"]
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([neutralise(h) for h in (*plan.sheet.headers, "Row", "Reason")])
        for row in rejected:
            cells = [vals.cell_to_text(c) for c in plan.sheet.rows[row.index]]
            reason = "; ".join(row.values.errors)
            writer.writerow([*(neutralise(c) for c in cells), row.row_number, neutralise(reason)])
    return len(rejected)


# undo lives in its own module; these names stay importable from here
from crmdesk.importing.undo import UndoResult, find_batch, recent_batches, undo  # noqa: E402

__all__ = [
    "BULK_FTS_ROWS",
    "ImportResult",
    "UndoResult",
    "commit",
    "file_digest",
    "find_batch",
    "recent_batches",
    "remembered_mapping",
    "save_rejected",
    "undo",
]
