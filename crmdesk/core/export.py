"""CSV and XLSX export of accounts, contacts and activities.

Exports are read by other people's spreadsheet programs, so they must not be
able to attack them (CSV/formula injection): in CSV a text cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
apostrophe (OWASP's advice), which spreadsheets show as text; in XLSX such
cells are written as typed text cells, never formulas, so the exact text
survives. Column headings are the names the importer recognises, so an
export can be imported again. Files are written atomically.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased, selectinload

from crmdesk.atomic import atomic_path, atomic_write
from crmdesk.db.engine import Database
from crmdesk.db.models import Account, Activity, Contact
from crmdesk.errors import InvalidValueError

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
KINDS = ("accounts", "contacts", "activities")
FORMATS = (".csv", ".xlsx")
Progress = Callable[[int, int], None]
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(text: str) -> str:
    """The CSV form of a text cell: formula-looking text gets an apostrophe."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise` (for the importer reading our own exports)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[Any], Any]


def _label(value: Enum | None) -> str | None:
    return getattr(value, "label", None) if value is not None else None


def _local(value: datetime | None) -> datetime | None:
    return value.astimezone().replace(tzinfo=None) if value is not None else None


ACCOUNT_COLUMNS = (
    Column("Company", lambda a: a.name),
    Column("Industry", lambda a: a.industry),
    Column("Employees", lambda a: _label(a.employee_band)),
    Column("Website", lambda a: a.website),
    Column("Address", lambda a: a.address),
    Column("Country", lambda a: a.country),
    Column("Tier", lambda a: _label(a.tier)),
    Column("Life-cycle stage", lambda a: _label(a.lifecycle_stage)),
    Column("Acquisition source", lambda a: _label(a.acquisition_source)),
    Column("Status", lambda a: _label(a.status)),
    Column("Defection type", lambda a: _label(a.defection_type)),
    Column("Defection reason", lambda a: a.defection_reason),
    Column("Account manager", lambda a: a.owner),
    Column("Currency", lambda a: a.currency),
    Column("Annual value", lambda a: a.annual_value),
    Column("Potential value", lambda a: a.potential_value),
    Column("Parent company", lambda a: a.parent.name if a.parent else None),
    Column("Notes", lambda a: a.notes),
    Column("Created", lambda a: _local(a.created_at)),
    Column("UUID", lambda a: str(a.uuid)),
)

CONTACT_COLUMNS = (
    Column("First Name", lambda c: c.first_name),
    Column("Last Name", lambda c: c.last_name),
    Column("Company", lambda c: c.account.name),
    Column("Job Title", lambda c: c.job_title),
    Column("Department", lambda c: c.department),
    Column("Level", lambda c: _label(c.level)),
    Column("E-mail Address", lambda c: c.email),
    Column("E-mail 2 Address", lambda c: c.email_secondary),
    Column("Business Phone", lambda c: c.phone),
    Column("Mobile Phone", lambda c: c.mobile),
    Column("Buying role", lambda c: _label(c.buying_role)),
    Column("Stance", lambda c: _label(c.stance)),
    Column("Reports to", lambda c: c.reports_to.full_name if c.reports_to else None),
    Column("Relationship holder", lambda c: c.relationship_holder),
    Column("Notes", lambda c: c.notes),
    Column("UUID", lambda c: str(c.uuid)),
)

ACTIVITY_COLUMNS = (
    Column("Company", lambda x: x.account.name),
    Column("Date", lambda x: _local(x.occurred_at)),
    Column("Kind", lambda x: _label(x.kind)),
    Column("Direction", lambda x: _label(x.direction)),
    Column("Subject", lambda x: x.subject),
    Column("Contacts", lambda x: "; ".join(c.full_name for c in x.contacts) or None),
    Column("Notes", lambda x: x.notes),
    Column("Due", lambda x: _local(x.due_at)),
    Column("Completed", lambda x: _local(x.completed_at)),
    Column("Outcome", lambda x: x.outcome),
    Column("Complaint status", lambda x: _label(x.complaint_status)),
    Column("Satisfaction", lambda x: x.satisfaction_score),
    Column("UUID", lambda x: str(x.uuid)),
)


def _query(kind: str) -> tuple[Select[Any], Sequence[Column]]:
    if kind == "accounts":
        stmt = (
            select(Account)
            .where(Account.deleted_at.is_(None))
            .options(selectinload(Account.parent))
            .order_by(Account.name, Account.id)
        )
        return stmt, ACCOUNT_COLUMNS
    owner = aliased(Account)
    if kind == "contacts":
        stmt = (
            select(Contact)
            .join(owner, Contact.account_id == owner.id)
            .where(Contact.deleted_at.is_(None), owner.deleted_at.is_(None))
            .options(selectinload(Contact.account), selectinload(Contact.reports_to))
            .order_by(owner.name, Contact.last_name, Contact.first_name, Contact.id)
        )
        return stmt, CONTACT_COLUMNS
    if kind == "activities":
        stmt = (
            select(Activity)
            .join(owner, Activity.account_id == owner.id)
            .where(Activity.deleted_at.is_(None), owner.deleted_at.is_(None))
            .options(selectinload(Activity.account), selectinload(Activity.contacts))
            .order_by(owner.name, Activity.occurred_at, Activity.id)
        )
        return stmt, ACTIVITY_COLUMNS
    raise InvalidValueError(f"cannot export '{kind}': choose {', '.join(KINDS)}")


def _ids(stmt: Select[Any]) -> Select[Any]:
    entity = stmt.column_descriptions[0]["entity"]
    return stmt.with_only_columns(entity.id)


def _rows(db: Database, kind: str) -> Iterator[tuple[list[str], list[list[Any]]]]:
    """Headings, then chunks of rows of plain values (one read transaction,
    so the file is a consistent snapshot even while the window edits)."""
    stmt, columns = _query(kind)
    headings = [c.heading for c in columns]
    entity = stmt.column_descriptions[0]["entity"]
    with db.session() as session:
        ids = list(session.scalars(_ids(stmt)))
        yield headings, []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            objs = session.scalars(stmt.where(entity.id.in_(chunk))).all()
            yield headings, [[c.value(o) for c in columns] for o in objs]
            session.expunge_all()


def count_rows(db: Database, kind: str) -> int:
    stmt, _ = _query(kind)
    with db.session() as session:
        return len(session.scalars(_ids(stmt)).all())


def export(db: Database, kind: str, dest: Path | str, progress: Progress | None = None) -> int:
    """Write every (not deleted) row of ``kind`` to ``dest`` (.csv or .xlsx);
    returns the number of rows. ``dest`` appears whole or not at all."""
    dest = Path(dest)
    suffix = dest.suffix.lower()
    if suffix not in FORMATS:
        raise InvalidValueError(f"cannot export to '{dest.name}': use a .csv or .xlsx file name")
    if not dest.parent.is_dir():
        raise InvalidValueError(f"the folder {dest.parent} does not exist")
    _query(kind)  # unknown kind: fail before creating anything
    total = count_rows(db, kind)
    if suffix == ".csv":
        return _write_csv(db, kind, dest, total, progress)
    return _write_xlsx(db, kind, dest, total, progress)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, Decimal | int | float):
        return str(value)
    return neutralise(str(value))


def _write_csv(db: Database, kind: str, dest: Path, total: int, progress: Progress | None) -> int:
    done = 0
    # utf-8-sig: Excel on Windows reads accents right only with the BOM.
    with atomic_write(dest, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        for headings, rows in _rows(db, kind):
            if not rows:
                writer.writerow(headings)
                continue
            writer.writerows([_csv_cell(v) for v in row] for row in rows)
            done += len(rows)
            if progress:
                progress(done, total)
    return done


def _write_xlsx(db: Database, kind: str, dest: Path, total: int, progress: Progress | None) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind.capitalize())
    done = 0
    bold = Font(bold=True)

    def cell(value: Any) -> WriteOnlyCell:
        if isinstance(value, Decimal):
            value = float(value)
        if isinstance(value, str):
            value = _ILLEGAL_XML.sub("", value)
        out = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            out.data_type = "s"  # text, never a formula, whatever it starts with
        if isinstance(value, datetime):
            out.number_format = "yyyy-mm-dd hh:mm"
        return out

    for headings, rows in _rows(db, kind):
        if not rows:
            header = []
            for heading in headings:
                c = WriteOnlyCell(sheet, value=heading)
                c.font = bold
                header.append(c)
            sheet.append(header)
            continue
        for row in rows:
            sheet.append([cell(v) for v in row])
        done += len(rows)
        if progress:
            progress(done, total)
    with atomic_path(dest) as temp:
        book.save(temp)
    return done
