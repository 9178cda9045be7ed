"""Issue 21, defects 7, 9 and 12: files that are almost right. A stray byte
in a UTF-8 file, a quote that is never closed, a file that cannot be read,
an empty first sheet, a single name column, a huge cell."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROWS = 120


def crmdesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "crmdesk", *args], capture_output=True, text=True, env=env,
        timeout=120,
    )  # fmt: skip


def dry_run(db_file: Path, path: Path, *more: str) -> tuple[subprocess.CompletedProcess[str], Any]:
    done = crmdesk("--db", str(db_file), "import", str(path), "--dry-run", "--json", *more)
    return done, json.loads(done.stdout) if done.returncode == 0 else None


# --- defect 7: one stray byte in a UTF-8 file ----------------------------------


def stray_byte_file(path: Path) -> Path:
    lines = ["First name,Last name,Email,Company"]
    lines += [f"Jürgen,Müller{i},j{i}@example.de,Bäckerei Größe {i}" for i in range(ROWS)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    data = data.replace(b"M\xc3\xbcller57,", b"M\xc3\xbcl\xffler57,")  # one 0xFF in row 59
    path.write_bytes(data)
    return path


def test_a_stray_byte_keeps_utf8_and_names_the_row(tmp_path):
    path = stray_byte_file(tmp_path / "stray.csv")
    done, result = dry_run(tmp_path / "crm.sqlite3", path)
    assert done.returncode == 0, done.stderr
    assert [p["row"] for p in result["problems"]] == [59]
    assert "not valid utf-8" in result["problems"][0]["problem"]
    assert result["created"] == ROWS


def test_a_stray_byte_imports_the_umlauts_intact(tmp_path):
    db_file = tmp_path / "crm.sqlite3"
    path = stray_byte_file(tmp_path / "stray.csv")
    done = crmdesk("--db", str(db_file), "import", str(path), "--yes")
    assert done.returncode == 0, done.stderr
    import sqlite3

    conn = sqlite3.connect(db_file)
    names = {r[0] for r in conn.execute("SELECT last_name FROM contacts")}
    conn.close()
    assert "Müller1" in names and "Mül\ufffdler57" in names
    assert not any("ﾃ" in n for n in names)  # no Japanese code page mojibake


def test_a_western_single_byte_file_is_still_cp1252(tmp_path):
    path = tmp_path / "excel.csv"
    text = "First name,Last name,Company\n" + "".join(
        f"Jürgen,Müller{i},Straße {i}\n" for i in range(30)
    )
    path.write_bytes(text.encode("cp1252"))
    done, result = dry_run(tmp_path / "crm.sqlite3", path)
    assert done.returncode == 0, done.stderr
    assert result["problems"] == []


# --- defect 9: a quote that is never closed -------------------------------------


def runaway_quote_file(path: Path) -> Path:
    lines = ["First name,Last name,Email,Company", 'Anna,"Berg,anna@example.de,Acme']
    lines += [f"Paul{i},Weber{i},paul{i}@example.de,Firma {i}" for i in range(ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_unclosed_quote_is_named_not_one_row(tmp_path):
    path = runaway_quote_file(tmp_path / "quote.csv")
    done, _ = dry_run(tmp_path / "crm.sqlite3", path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    line = done.stderr.strip().splitlines()[-1]
    assert "row 2" in line and "never closed" in line
    assert "--literal-quotes-from 2" in line


def test_literal_quotes_from_the_row_reads_every_row(tmp_path):
    path = runaway_quote_file(tmp_path / "quote.csv")
    done, result = dry_run(tmp_path / "crm.sqlite3", path, "--literal-quotes-from", "2")
    assert done.returncode == 0, done.stderr
    assert result["created"] == ROWS + 1
    assert result["rejected"] == 0


def test_closed_multiline_cells_are_not_flagged(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text(
        'First name,Last name,Company,Notes\nAnna,Berg,Acme,"met at the fair,\nliked it,\n'
        'call back, maybe"\nPaul,Weber,Firma,\n',
        encoding="utf-8",
    )
    done, result = dry_run(tmp_path / "crm.sqlite3", path)
    assert done.returncode == 0, done.stderr
    assert result["created"] == 2


def test_the_wizard_offers_to_read_without_quotes(qtbot: Any, tmp_path: Path, demo_db: Any) -> None:
    from PySide6.QtCore import QSettings

    from crmdesk.app import create_window

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path))
    window = create_window(demo_db.path)
    qtbot.addWidget(window)
    window.errors = []
    window.show_error = window.errors.append
    path = runaway_quote_file(tmp_path / "quote.csv")
    asked: list[int] = []
    from crmdesk.gui.import_wizard import ImportWizard

    original = ImportWizard.ask_literal_quotes
    ImportWizard.ask_literal_quotes = lambda self, exc: asked.append(exc.row) or True  # type: ignore[method-assign]
    try:
        window.start_import(str(path))
        wizard = window._import_wizard
        qtbot.waitUntil(lambda: wizard.ui.pages.currentIndex() == 1 and wizard.job is None,
                        timeout=30_000)  # fmt: skip
    finally:
        ImportWizard.ask_literal_quotes = original  # type: ignore[method-assign]
    assert asked == [2]
    assert len(wizard.loaded.sheet.rows) == ROWS + 1
    assert window.errors == []
    wizard.reject()
    window.jobs.wait(10_000)


# --- defect 12: misleading messages ----------------------------------------------


def test_a_file_you_may_not_read_is_a_permission_error(tmp_path):
    from tests.safety.envtools import crmdesk as unprivileged_crmdesk

    for name in ("locked.xlsx", "locked.csv"):
        path = tmp_path / name
        if name.endswith(".xlsx"):
            write_book(path, {"Contacts": [["First name", "Last name"], ["Anna", "Berg"]]})
        else:
            path.write_text("First name,Last name\nAnna,Berg\n", encoding="utf-8")
        path.chmod(0)
        done = unprivileged_crmdesk(
            "--db", str(tmp_path / "crm.sqlite3"), "import", str(path), "--dry-run",
            unprivileged=True,
        )  # fmt: skip
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert "permission denied" in done.stderr
        assert "damaged" not in done.stderr


def write_book(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_data_on_the_second_sheet_is_found_and_the_empty_one_named(tmp_path):
    path = write_book(
        tmp_path / "book.xlsx",
        {
            "Leer": [],
            "Kontakte": [["First name", "Last name", "Company"], ["Anna", "Berg", "Acme"]],
        },
    )
    db_file = tmp_path / "crm.sqlite3"
    done, result = dry_run(db_file, path)
    assert done.returncode == 0, done.stderr
    assert result["created"] == 1
    plain = crmdesk("--db", str(db_file), "import", str(path), "--dry-run")
    assert "sheet 'Leer' is empty; read sheet 'Kontakte'" in plain.stderr
    chosen = crmdesk("--db", str(db_file), "import", str(path), "--dry-run", "--sheet", "Leer")
    assert chosen.returncode == 1
    assert "sheet 'Leer' of book.xlsx is empty (its sheets: 'Leer', 'Kontakte')" in chosen.stderr
    assert "last name" not in chosen.stderr


def test_a_workbook_of_empty_sheets_says_so(tmp_path):
    path = write_book(tmp_path / "empty.xlsx", {"One": [], "Two": [[None, "  "]]})
    done, _ = dry_run(tmp_path / "crm.sqlite3", path)
    assert done.returncode == 1
    assert "every sheet is empty ('One', 'Two')" in done.stderr


@pytest.mark.parametrize("header", ["Last name", "Full name", "Nachname"])
def test_a_single_name_column_is_accepted(tmp_path, header):
    path = tmp_path / "names.csv"
    path.write_text(f"{header}\nAnna Berg\nPaul Weber\n", encoding="utf-8")
    done, result = dry_run(tmp_path / "crm.sqlite3", path, "--default-account", "Acme")
    assert done.returncode == 0, done.stderr
    assert result["created"] == 2


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_one_cell_size_limit_for_csv_and_xlsx(tmp_path, suffix):
    big = "x" * (200 * 1024)
    rows = [["First name", "Last name", "Notes"], ["Anna", "Berg", "ok"], ["Paul", "Weber", big]]
    path = tmp_path / f"big{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    else:  # openpyxl cuts a cell at Excel's 32,767 characters: write the XML itself
        rows[2][2] = "PLACEHOLDER"
        write_book(tmp_path / "small.xlsx", {"Contacts": rows})
        with (
            zipfile.ZipFile(tmp_path / "small.xlsx") as src,
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
        ):
            for info in src.infolist():
                data = src.read(info.filename)
                out.writestr(info, data.replace(b"PLACEHOLDER", big.encode()))
    done, _ = dry_run(tmp_path / "crm.sqlite3", path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "row 3" in done.stderr and "larger than 128 KB" in done.stderr
