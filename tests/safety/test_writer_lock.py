"""Issue 12 part 4 and issue 13: the single-writer lock is Qt-free and the
CLI's writing commands take it too; a mistyped ``--db`` never creates an
empty database (reading commands refuse, the window asks)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.db.lock import acquire, window_holding

CSV = "Company,First name,Last name,E-mail\nKestrel Logistics,Ada,Lovelace,ada@kestrel.example\n"


def _window_in_child(db_path: Path) -> subprocess.Popen[str]:
    """A real second process holding the lock as the window does."""
    code = (
        "import time\nfrom pathlib import Path\nfrom crmdesk.db.lock import acquire\n"
        f"lock = acquire(Path({str(db_path)!r}), 'crmdesk window')\n"
        "print('locked', flush=True)\ntime.sleep(120)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def _count(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM accounts").fetchone()[0])
    finally:
        conn.close()


def test_the_lock_module_imports_no_qt() -> None:
    code = (
        "import sys, crmdesk.db.lock, crmdesk.db.lifecycle\n"
        "print(any('PySide6' in m for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "{csv}"],
        ["demo", "--accounts", "2"],
        ["plan-new", "Kestrel Logistics"],
    ],
)
def test_a_writing_command_is_refused_while_a_window_has_the_file(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "crm.sqlite3"
    csv = tmp_path / "people.csv"
    csv.write_text(CSV, encoding="utf-8")
    assert main(["--db", str(path), "demo", "--accounts", "3"]) == 0
    before = _count(path)
    capsys.readouterr()
    child = _window_in_child(path)
    try:
        assert window_holding(path) == child.pid
        args = [a.replace("{csv}", str(csv)) for a in argv]
        assert main(["--db", str(path), *args]) == 1
        err = capsys.readouterr().err.strip()
        assert "\n" not in err and "already open" in err and f"process {child.pid}" in err
        assert _count(path) == before  # nothing written
        assert main(["--db", str(path), "stats"]) == 0  # reading is fine meanwhile
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert window_holding(path) is None  # a killed holder leaves no stale lock
    assert main(["--db", str(path), "plan-new", "Kestrel Logistics"]) in (0, 1)
    assert "already open" not in capsys.readouterr().err


def test_a_command_releases_its_lock_when_it_ends(tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    assert main(["--db", str(path), "demo", "--accounts", "1"]) == 0
    with acquire(path) as lock:  # the command's lock is gone
        assert lock.locked


@pytest.mark.parametrize(
    "command",
    [["stats"], ["accounts"], ["plans", "Kestrel"], ["export", "accounts", "-o", "{out}"]],
)
def test_a_reading_command_refuses_a_file_that_does_not_exist(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "crm.sqlte3"
    args = [a.replace("{out}", str(tmp_path / "out.csv")) for a in command]
    assert main(["--db", str(typo), *args]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "there is no database at" in err
    assert not typo.exists() and not list(tmp_path.iterdir())


def test_the_window_asks_before_creating_a_database_at_a_named_path(
    tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from crmdesk.app import create_window
    from crmdesk.gui.instance_lock import NotCreatedError, guarded_start

    typo = tmp_path / "crm.sqlte3"
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(10, click)
                return
            asked.append(box.text())
            box.button(button).click()

        QTimer.singleShot(0, click)

    answer(QMessageBox.StandardButton.No)
    with pytest.raises(NotCreatedError, match="no database was created"):
        guarded_start(str(typo), create_window, interactive=True)
    assert asked and str(typo) in asked[0] and not typo.exists()

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    answer(QMessageBox.StandardButton.Yes)
    window = guarded_start(str(typo), create_window, interactive=True)
    qtbot.addWidget(window)
    try:
        assert len(asked) == 2 and typo.exists()
    finally:
        window.instance_lock.unlock()
        window.close()
