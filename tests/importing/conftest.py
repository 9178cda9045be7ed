"""Helpers for the import tests: real files written with csv and openpyxl."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from crmdesk.db.engine import Database
from crmdesk.db.models import Account, Contact
from crmdesk.db.models_imports import ImportBatch

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


def write_csv(
    path: Path,
    rows: list[list[Any]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    newline: str = "\r\n",
    preamble: str = "",
    quoting: int = csv.QUOTE_MINIMAL,
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        handle.write(preamble)
        writer = csv.writer(handle, delimiter=delimiter, lineterminator=newline, quoting=quoting)
        writer.writerows(rows)
    return path


def write_xlsx(
    path: Path,
    rows: list[list[Any]],
    *,
    title: str = "Contacts",
    extra: dict[str, list[list[Any]]] | None = None,
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, more in (extra or {}).items():
        other = book.create_sheet(name)
        for row in more:
            other.append(row)
    book.save(path)
    return path


def db_counts(db: Database) -> tuple[int, int, int]:
    with db.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Contact)) or 0,
            session.scalar(select(func.count()).select_from(Account)) or 0,
            session.scalar(select(func.count()).select_from(ImportBatch)) or 0,
        )


def live_counts(db: Database) -> tuple[int, int]:
    """Contacts and accounts not deleted (undo deletes softly, like the app)."""
    with db.session() as session:
        return (
            session.scalar(
                select(func.count()).select_from(Contact).where(Contact.deleted_at.is_(None))
            )
            or 0,
            session.scalar(
                select(func.count()).select_from(Account).where(Account.deleted_at.is_(None))
            )
            or 0,
        )


@pytest.fixture
def csv_file(tmp_path: Path) -> Callable[..., Path]:
    def make(rows: list[list[Any]], name: str = "contacts.csv", **kwargs: Any) -> Path:
        return write_csv(tmp_path / name, rows, **kwargs)

    return make


@pytest.fixture
def xlsx_file(tmp_path: Path) -> Callable[..., Path]:
    def make(rows: list[list[Any]], name: str = "contacts.xlsx", **kwargs: Any) -> Path:
        return write_xlsx(tmp_path / name, rows, **kwargs)

    return make


HEADERS = ["First Name", "Last Name", "Company", "Job Title", "E-mail Address", "Business Phone"]
PEOPLE = [
    [
        "Anna",
        "Schmidt",
        "ACME GmbH",
        "Head of Purchasing",
        "anna.schmidt@acme.de",
        "+49 30 1234567",
    ],
    ["Jürgen", "Müller", "Bäckerei Größe", "Owner", "j.mueller@baeckerei.de", "030 7654321"],
    ["Zoë", "Lefèvre", "Société Générale", "Buyer", "zoe.lefevre@example.fr", "+33 1 42 14 20 00"],
]
