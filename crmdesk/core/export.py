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
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from crmdesk.atomic import atomic_path, atomic_write
from crmdesk.db.engine import Database
from crmdesk.db.models import Account, Activity, Contact, activity_contacts
from crmdesk.errors import InvalidValueError
from crmdesk.formula_guard import FORMULA_TRIGGERS, neutralise, unneutralise  # noqa: F401 (API)

KINDS = ("accounts", "contacts", "activities")
FORMATS = (".csv", ".xlsx")
Progress = Callable[[int, int], None]
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Rows in one XLSX sheet (Excel's limit, heading included): a larger export
# is refused before any work, pointing to CSV (issue 21, defect 11).
XLSX_MAX_ROWS = 1_048_576


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Column:
    """One exported column: its heading (a name the importer recognises),
    the SQL expression that reads it, and how a value is shown."""

    heading: str
    expr: Any
    convert: Callable[[Any], Any] = _same


def _label(value: Enum | None) -> str | None:
    return getattr(value, "label", None) if value is not None else None


def _local(value: datetime | None) -> datetime | None:
    return value.astimezone().replace(tzinfo=None) if value is not None else None


def _text(value: Any) -> str | None:
    return str(value) if value is not None else None


def _person(first: Any, last: Any) -> Any:
    return func.trim(func.coalesce(first, "") + " " + last)


_parent = aliased(Account)
_boss = aliased(Contact)

ACCOUNT_COLUMNS = (
    Column("Company", Account.name),
    Column("Industry", Account.industry),
    Column("Employees", Account.employee_band, _label),
    Column("Website", Account.website),
    Column("Address", Account.address),
    Column("Country", Account.country),
    Column("Tier", Account.tier, _label),
    Column("Life-cycle stage", Account.lifecycle_stage, _label),
    Column("Acquisition source", Account.acquisition_source, _label),
    Column("Status", Account.status, _label),
    Column("Defection type", Account.defection_type, _label),
    Column("Defection reason", Account.defection_reason),
    Column("Account manager", Account.owner),
    Column("Currency", Account.currency),
    Column("Annual value", Account.annual_value),
    Column("Potential value", Account.potential_value),
    Column("Parent company", _parent.name),
    Column("Notes", Account.notes),
    Column("Created", Account.created_at, _local),
    Column("UUID", Account.uuid, _text),
)

CONTACT_COLUMNS = (
    Column("First Name", Contact.first_name),
    Column("Last Name", Contact.last_name),
    Column("Company", Account.name),
    Column("Job Title", Contact.job_title),
    Column("Department", Contact.department),
    Column("Level", Contact.level, _label),
    Column("E-mail Address", Contact.email),
    Column("E-mail 2 Address", Contact.email_secondary),
    Column("Business Phone", Contact.phone),
    Column("Mobile Phone", Contact.mobile),
    Column("Buying role", Contact.buying_role, _label),
    Column("Stance", Contact.stance, _label),
    Column("Reports to", _person(_boss.first_name, _boss.last_name)),
    Column("Relationship holder", Contact.relationship_holder),
    Column("Notes", Contact.notes),
    Column("UUID", Contact.uuid, _text),
)

_met = (
    select(func.group_concat(_person(Contact.first_name, Contact.last_name), "; "))
    .select_from(activity_contacts.join(Contact, Contact.id == activity_contacts.c.contact_id))
    .where(activity_contacts.c.activity_id == Activity.id, Contact.deleted_at.is_(None))
    .scalar_subquery()
)

ACTIVITY_COLUMNS = (
    Column("Company", Account.name),
    Column("Date", Activity.occurred_at, _local),
    Column("Kind", Activity.kind, _label),
    Column("Direction", Activity.direction, _label),
    Column("Subject", Activity.subject),
    Column("Contacts", _met),
    Column("Notes", Activity.notes),
    Column("Due", Activity.due_at, _local),
    Column("Completed", Activity.completed_at, _local),
    Column("Outcome", Activity.outcome),
    Column("Complaint status", Activity.complaint_status, _label),
    Column("Satisfaction", Activity.satisfaction_score),
    Column("UUID", Activity.uuid, _text),
)


def _query(kind: str) -> tuple[Select[Any], Sequence[Column]]:
    """The rows of ``kind`` that are not deleted (nor belong to a deleted
    account), in the order a person reads them."""
    if kind == "accounts":
        columns: Sequence[Column] = ACCOUNT_COLUMNS
        stmt = (
            select(*(c.expr for c in columns))
            .select_from(Account)
            .outerjoin(_parent, Account.parent_id == _parent.id)
            .where(Account.deleted_at.is_(None))
            .order_by(Account.name, Account.id)
        )
    elif kind == "contacts":
        columns = CONTACT_COLUMNS
        stmt = (
            select(*(c.expr for c in columns))
            .select_from(Contact)
            .join(Account, Contact.account_id == Account.id)
            .outerjoin(_boss, Contact.reports_to_id == _boss.id)
            .where(Contact.deleted_at.is_(None), Account.deleted_at.is_(None))
            .order_by(Account.name, Contact.last_name, Contact.first_name, Contact.id)
        )
    elif kind == "activities":
        columns = ACTIVITY_COLUMNS
        stmt = (
            select(*(c.expr for c in columns))
            .select_from(Activity)
            .join(Account, Activity.account_id == Account.id)
            .where(Activity.deleted_at.is_(None), Account.deleted_at.is_(None))
            .order_by(Account.name, Activity.occurred_at, Activity.id)
        )
    else:
        raise InvalidValueError(f"cannot export '{kind}': choose {', '.join(KINDS)}")
    return stmt, columns


def _rows(db: Database, kind: str) -> Generator[tuple[int, Sequence[Sequence[Any]]], None, None]:
    """(total, []) first, then chunks of raw rows — all from one read
    transaction, so the file is a consistent snapshot even while the window
    keeps editing."""
    stmt, _columns = _query(kind)
    with db.engine.connect() as conn, conn.begin():
        total = conn.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        yield total, []
        result = conn.execution_options(yield_per=2000).execute(stmt)
        for part in result.partitions():
            yield total, part


_LABELS: dict[Any, str] = {}


def _csv_label(value: Any) -> str:
    if value is None:
        return ""
    label = _LABELS.get(value)
    if label is None:
        label = _LABELS[value] = value.label
    return label


def _csv_time(value: datetime | None) -> str:
    return "" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


def _csv_formatter(column: Column) -> Callable[[Any], str]:
    """One function per column from stored value to CSV text (a hot loop:
    a large export formats millions of cells)."""
    convert = column.convert
    if convert is _label:
        return _csv_label
    if convert is _local:
        return _csv_time
    if convert is _same:
        return _csv_cell
    return lambda value: _csv_cell(convert(value))


def headings(kind: str) -> list[str]:
    return [c.heading for c in _query(kind)[1]]


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
    if suffix == ".csv":
        return _write_csv(db, kind, dest, progress)
    return _write_xlsx(db, kind, dest, progress)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, Decimal | int | float):
        return str(value)
    return neutralise(str(value))


def _write_csv(db: Database, kind: str, dest: Path, progress: Progress | None) -> int:
    done = 0
    # utf-8-sig: Excel on Windows reads accents right only with the BOM.
    with atomic_write(dest, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        columns = _query(kind)[1]
        writer.writerow([c.heading for c in columns])
        formatters = [_csv_formatter(c) for c in columns]
        for total, rows in _rows(db, kind):
            writer.writerows([f(v) for f, v in zip(formatters, row, strict=True)] for row in rows)
            done += len(rows)
            if progress:
                progress(done, total)
    return done


def _write_xlsx(db: Database, kind: str, dest: Path, progress: Progress | None) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    chunks = _rows(db, kind)
    total, _none = next(chunks)
    if total >= XLSX_MAX_ROWS:  # the heading takes one row
        chunks.close()
        raise InvalidValueError(
            f"{total:,} {kind} do not fit in an XLSX sheet (at most {XLSX_MAX_ROWS - 1:,} "
            "rows); export to a .csv file instead"
        )
    if progress:
        progress(0, total)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind.capitalize())
    done = 0
    bold = Font(bold=True)

    def cell(value: Any) -> Any:
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, str):
            value = _ILLEGAL_XML.sub("", value)
            if value.startswith(FORMULA_TRIGGERS):
                out = WriteOnlyCell(sheet, value=value)
                out.data_type = "s"  # text, never a formula
                return out
        return value

    columns = _query(kind)[1]
    converters = [c.convert for c in columns]
    header = []
    for heading in headings(kind):
        c = WriteOnlyCell(sheet, value=heading)
        c.font = bold
        header.append(c)
    sheet.append(header)
    for total, rows in chunks:
        for row in rows:
            sheet.append([cell(f(v)) for f, v in zip(converters, row, strict=True)])
        done += len(rows)
        if progress:
            progress(done, total)
    with atomic_path(dest) as temp:
        book.save(temp)
    return done
