"""Issue 21, defects 7, 9 and 12: files that are almost right. A stray byte
in a UTF-8 file, a quote that is never closed, a file that cannot be read,
an empty first sheet, a single name column, a huge cell."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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
