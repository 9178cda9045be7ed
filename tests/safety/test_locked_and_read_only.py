"""Issue 21, defects 1 and 2: a locked or read-only database is never called
damaged nor moved aside; writes wait for a lock and fail with a sentence.
Real second processes hold real locks; the read-only medium is a real tmpfs
remounted read-only."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.core.accounts import create_account, get_account, update_account
from crmdesk.db import engine as engine_module
from crmdesk.db import rawsqlite
from crmdesk.db.errors import DatabaseBusyError, DatabaseReadOnlyError
from crmdesk.db.health import check_database, check_on_open
from crmdesk.db.migrate import open_database

from .helpers import lock_held, remount_read_only, tmpfs


def _database(path: Path, journal: str = "WAL") -> int:
    db = open_database(f"sqlite:///{path}")
    account_id = create_account(db, name="Kestrel Logistics").id
    db.dispose()
    if journal != "WAL":
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA journal_mode={journal}")
        conn.close()
    return account_id


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rawsqlite, "BUSY_TIMEOUT_S", 0.3)


@pytest.mark.parametrize(
    ("journal", "mode"), [("WAL", "wal-exclusive"), ("DELETE", "journal-exclusive")]
)
def test_a_locked_database_is_in_use_not_damaged_and_stays_put(
    db_path: Path, journal: str, mode: str, short_wait: None, capsys: pytest.CaptureFixture[str]
) -> None:
    _database(db_path, journal)
    with lock_held(db_path, mode):
        with pytest.raises(DatabaseBusyError, match="in use by another program"):
            check_on_open(db_path, full=True)
        with pytest.raises(DatabaseBusyError):
            check_on_open(db_path, full=False)
        with pytest.raises(DatabaseBusyError):
            check_database(db_path)
        assert main(["--db", str(db_path), "stats"]) == 1
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and "in use by another program" in err
        assert "damaged" not in err
        assert main(["--db", str(db_path), "check"]) == 1
        assert "problem" not in capsys.readouterr().out
    assert db_path.is_file() and not list(db_path.parent.glob("*.corrupt*"))
    assert check_database(db_path).ok


def test_writes_wait_for_another_writer_then_succeed(db_path: Path) -> None:
    account_id = _database(db_path)
    db = open_database(f"sqlite:///{db_path}")
    try:
        with lock_held(db_path, "writer", seconds=1.0):
            started = time.monotonic()
            update_account(db, account_id, name="Kestrel Logistics AG")  # reads, then writes
            waited = time.monotonic() - started
        assert waited > 0.5  # it waited for the lock instead of failing at once
        assert get_account(db, account_id).name == "Kestrel Logistics AG"
    finally:
        db.dispose()


def test_a_lock_held_too_long_gives_a_sentence_and_writes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_id = _database(db_path)
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    db = open_database(f"sqlite:///{db_path}")
    try:
        with lock_held(db_path, "writer", seconds=30):
            with pytest.raises(DatabaseBusyError, match="in use by another program"):
                update_account(db, account_id, name="Never written")
        assert get_account(db, account_id).name == "Kestrel Logistics"
    finally:
        db.dispose()


def test_a_failed_save_in_the_window_shows_a_dialog_and_keeps_the_edit(
    demo_db, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from crmdesk.app import create_window
    from crmdesk.gui.portfolio.account_table import ID_ROLE

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text))
    )
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    path = Path(demo_db.path)
    demo_db.dispose()
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.customer_pane.ui.table.selectRow(1)
    account_id = int(window.customer_pane.model.index(1, 0).data(ID_ROLE))
    qtbot.waitUntil(lambda: window.selected_account_id() == account_id, timeout=3000)
    window.account_pane.form.ui.industry.setText("Space logistics")
    try:
        with lock_held(path, "writer", seconds=30):
            assert window.account_pane.save() is False
        assert shown and "in use by another program" in shown[-1]
        assert window.account_pane.is_dirty()  # the unsaved edit is still there
        assert window.account_pane.form.ui.industry.text() == "Space logistics"
        assert window.account_pane.save() is True  # the lock is gone: it saves now
        assert get_account(window.db, account_id).industry == "Space logistics"
    finally:
        window.jobs.cancel_all()
        window.jobs.wait(10_000)
        window.close()


# --- a read-only medium, folder or file ---------------------------------------


def test_a_read_only_medium_is_read_and_never_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "medium") as medium:
        path = medium / "crm.sqlite3"
        assert main(["--db", str(path), "demo", "--accounts", "3"]) == 0
        capsys.readouterr()
        before = sorted(p.name for p in medium.iterdir())
        remount_read_only(medium)
        assert main(["--db", str(path), "check"]) == 0
        assert "healthy" in capsys.readouterr().out
        assert main(["--db", str(path), "stats"]) == 0
        assert main(["--db", str(path), "accounts", "--json"]) == 0
        assert '"name"' in capsys.readouterr().out
        for argv in (["demo", "--accounts", "1"], ["plan-new", "anything"]):
            assert main(["--db", str(path), *argv]) == 1
            err = capsys.readouterr().err.strip()
            assert "\n" not in err and "read-only medium" in err, err
        assert sorted(p.name for p in medium.iterdir()) == before  # nothing moved aside


def test_the_window_opens_a_read_only_medium_and_save_says_why(
    tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from crmdesk.app import create_window
    from crmdesk.gui.instance_lock import guarded_start
    from crmdesk.gui.portfolio.account_table import ID_ROLE

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text))
    )
    with tmpfs(tmp_path / "medium") as medium:
        path = medium / "crm.sqlite3"
        assert main(["--db", str(path), "demo", "--accounts", "3"]) == 0
        remount_read_only(medium)
        window = guarded_start(str(path), create_window, interactive=False)
        qtbot.addWidget(window)
        try:
            assert window.instance_lock is None and window.db.read_only
            assert window.customer_pane.model.rowCount() == 3
            window.customer_pane.ui.table.selectRow(0)
            account_id = int(window.customer_pane.model.index(0, 0).data(ID_ROLE))
            qtbot.waitUntil(lambda: window.selected_account_id() == account_id, timeout=3000)
            window.account_pane.form.ui.industry.setText("Space logistics")
            assert window.account_pane.save() is False
            assert shown and "read-only" in shown[-1]
        finally:
            window.account_pane.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
            window.close()


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_is_read_not_written(
    tmp_path: Path, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes through chmod; the tmpfs test covers a read-only medium")
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "crm.sqlite3"
    assert main(["--db", str(path), "demo", "--accounts", "2"]) == 0
    target = path if what == "file" else folder
    os.chmod(target, 0o444 if what == "file" else 0o555)
    try:
        assert main(["--db", str(path), "stats"]) == 0
        assert main(["--db", str(path), "demo", "--accounts", "1"]) == 1
        assert "read-only" in capsys.readouterr().err
    finally:
        os.chmod(target, 0o644 if what == "file" else 0o755)


def test_sqlite_reports_read_only_as_read_only() -> None:
    """The engine's read-only connections are refused writes with SQLite's
    own READONLY code, which the session helper turns into a sentence."""
    from crmdesk.db.errors import translate

    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA query_only = ON")
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute("CREATE TABLE t(x)")
    assert isinstance(translate(caught.value), DatabaseReadOnlyError)


def test_reads_never_wait_for_another_writer(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The portfolio table's pages and counts and the plan PDF's gathering
    read a snapshot (``Database.reading``, a deferred BEGIN) while another
    connection holds the write lock: they never wait for it."""
    from crmdesk.core.plan_document import build_plan_document
    from crmdesk.core.portfolio import count_accounts, list_accounts, tier_counts

    _database(db_path)
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    db = open_database(f"sqlite:///{db_path}")
    try:
        with lock_held(db_path, "writer", seconds=30):  # 30 s held; we wait 0.3 s at most
            assert count_accounts(db) == 1 and len(list_accounts(db)) == 1
            assert sum(tier_counts(db).values()) == 1
            build_plan_document(db, list_accounts(db)[0].id)
    finally:
        db.dispose()
