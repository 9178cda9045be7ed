"""The window's side of data safety: one instance per database (stale locks
recovered), File ▸ Backups…, Tools ▸ Check database, File ▸ Export, and the
start-up guards."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from crmdesk.app import create_window
from crmdesk.core.accounts import create_account
from crmdesk.db import backup as bk
from crmdesk.gui.instance_lock import InstanceRunningError, acquire, guarded_start
from crmdesk.gui.safety import feature as safety_feature

from .digest import digest
from .test_backup import _corrupt_a_page

SHOTS = Path(os.environ.get("CRMDESK_SHOTS", "/tmp/crmdesk-shots"))


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if os.environ.get("CRMDESK_SHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


def _hold_lock_in_child(db_path: Path) -> subprocess.Popen[str]:
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from crmdesk.gui.instance_lock import acquire\n"
        f"lock = acquire(Path({str(db_path)!r}))\n"
        "print('locked', flush=True)\n"
        "time.sleep(120)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_instance_is_refused_and_a_killed_ones_lock_is_recovered(db_path, qapp):
    db_path.touch()
    child = _hold_lock_in_child(db_path)
    try:
        with pytest.raises(InstanceRunningError, match="already open") as caught:
            acquire(db_path)
        assert f"process {child.pid}" in str(caught.value)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert Path(str(db_path) + ".lock").exists()  # the crashed instance left its lock
    lock = acquire(db_path)  # ... and it is recognised as stale
    assert lock.isLocked()
    lock.unlock()


def test_guarded_start_refuses_a_second_window_on_the_same_database(db, db_path, qtbot):
    db.dispose()
    first = guarded_start(str(db_path), create_window, interactive=False)
    qtbot.addWidget(first)
    try:
        with pytest.raises(InstanceRunningError):
            guarded_start(str(db_path), create_window, interactive=False)
    finally:
        first.instance_lock.unlock()
    first.close()


def test_damaged_database_on_start_offers_and_restores_the_backup(demo_db, qtbot, monkeypatch):
    path = Path(demo_db.path)
    taken = bk.take_backup(path, "daily")
    state = digest(path)
    demo_db.dispose()
    _corrupt_a_page(path)
    asked: list[str] = []

    def answer_yes(_parent, _title, text, *_args, **_kw):  # the user clicks Yes
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    window = guarded_start(str(path), create_window)
    qtbot.addWidget(window)
    try:
        assert asked and "damaged" in asked[0]
        assert path.with_name(path.name + ".corrupt").exists()
        assert digest(path) == state
        assert taken.exists()
    finally:
        window.instance_lock.unlock()
        window.close()


@pytest.fixture
def window(demo_db, qtbot):  # type: ignore[no-untyped-def]
    win = create_window(demo_db.path)
    qtbot.addWidget(win)
    assert not win.feature_errors, win.feature_errors
    win.resize(1000, 640)
    yield win
    win.close()


def safety(window) -> safety_feature.SafetyFeature:  # type: ignore[no-untyped-def]
    feature = window.feature(safety_feature.SafetyFeature)
    assert feature is not None
    return feature


def _wait_job(qtbot, job) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: job.done, timeout=15000)


def test_menus_are_installed(window):
    names = [a.objectName() for a in window.menu("file").actions()]
    assert "actionBackups" in names
    assert "action_export" in names  # File > Export: the window's own (core.export)
    assert "actionCheckDatabase" in [a.objectName() for a in window.menu("tools").actions()]
    assert names.index("actionBackups") < names.index("action_quit")


def test_backups_dialog_backs_up_and_restores_identically(window, qtbot):
    path = Path(window.db.path)
    before = digest(path)
    dialog = safety_feature.open_backups(window)
    qtbot.addWidget(dialog)
    assert dialog.ui.table.rowCount() == 0 and dialog.ui.emptyLabel.isVisibleTo(dialog)
    dialog.ui.backupButton.click()
    _wait_job(qtbot, dialog.last_job)
    assert dialog.ui.table.rowCount() == 1
    assert not dialog.ui.emptyLabel.isVisibleTo(dialog)

    create_account(window.db, name="Made after the backup")
    assert digest(path) != before
    refreshed: list[bool] = []
    window.refresh = lambda: refreshed.append(True)
    dialog.ui.table.selectRow(0)
    job = dialog.restore(dialog.selected())
    _wait_job(qtbot, job)
    assert job.error is None, job.error
    assert digest(path) == before
    assert refreshed == [True]
    assert dialog.ui.table.rowCount() == 2  # plus the copy of what was there before
    assert dialog.ui.table.item(0, 1).text() == "Before a restore"
    dialog.resize(640, 360)
    _shot(dialog, "backups_dialog")
    # the window's own connections see the restored data
    with window.db.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM accounts")}
    assert "Made after the backup" not in names


def test_cancelled_restore_changes_nothing(window, qtbot):
    path = Path(window.db.path)
    taken = bk.take_backup(path, "manual")
    create_account(window.db, name="Made after the backup")
    before = digest(path)
    dialog = safety_feature.open_backups(window)
    qtbot.addWidget(dialog)
    job = dialog.restore(next(b for b in dialog.backups if b.path == taken))
    job.cancel()
    _wait_job(qtbot, job)
    assert job.error is None
    # whichever came first, the outcome reported is the outcome on disk
    if job.result is None:
        assert digest(path) == before
    else:
        assert digest(path) == digest(taken)
    assert bk.quick_check(path)


def test_check_database_reports_healthy(window, qtbot):
    job = safety_feature.run_check(safety(window))
    _wait_job(qtbot, job)
    box = safety(window).last_check_box
    qtbot.addWidget(box)
    assert "healthy" in box.text()
    _shot(box, "check_healthy")
    box.close()


def test_check_database_reports_broken_references(window, qtbot):
    conn = sqlite3.connect(window.db.path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE contacts SET account_id = 99999 WHERE id = 1")
    conn.commit()
    conn.close()
    job = safety_feature.run_check(safety(window))
    _wait_job(qtbot, job)
    box = safety(window).last_check_box
    qtbot.addWidget(box)
    assert "1 problem" in box.text()
    assert "missing row in accounts" in box.detailedText()
    _shot(box, "check_problems")
    box.close()


def test_export_from_the_window(window, qtbot, tmp_path):
    dest = tmp_path / "contacts.xlsx"
    job = window.actions_.export_to("contacts", str(dest))
    _wait_job(qtbot, job)
    assert job.error is None, job.error
    rows = list(openpyxl.load_workbook(dest).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("First Name", "Last Name", "Company") and len(rows) > 100


def test_cancelled_export_leaves_no_file(window, qtbot, tmp_path):
    dest = tmp_path / "activities.csv"
    job = window.actions_.export_to("activities", str(dest))
    job.cancel()
    _wait_job(qtbot, job)
    assert job.result is None
    assert list(tmp_path.iterdir()) == [] or not dest.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".activities")]


def test_storage_warning_in_the_status_bar(tmp_path, qtbot):
    folder = tmp_path / "OneDrive - Acme"
    folder.mkdir()
    win = create_window(folder / "crm.sqlite3")
    qtbot.addWidget(win)
    label = safety(win).storage_warning_label
    assert label.isVisibleTo(win) and "cloud-sync" in label.toolTip()
    win.show()
    qtbot.waitExposed(win)
    _shot(win.statusBar(), "storage_warning")
    win.close()


def test_cli_restore_is_refused_while_a_window_holds_the_database(demo_db, capsys):
    from crmdesk.cli import main

    path = Path(demo_db.path)
    taken = bk.take_backup(path, "manual")
    demo_db.dispose()
    child = _hold_lock_in_child(path)
    try:
        assert main(["--db", str(path), "restore", taken.name]) == 1
        assert "close the window first" in capsys.readouterr().err
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert main(["--db", str(path), "restore", taken.name]) == 0  # stale lock: allowed


def test_start_backs_up_at_most_daily_and_quit_backs_up_only_a_change(demo_db, qtbot):
    from crmdesk.core.accounts import create_account

    path = Path(demo_db.path)
    demo_db.dispose()
    for edit in (False, True, False):
        win = guarded_start(str(path), create_window, interactive=False)
        qtbot.addWidget(win)
        qtbot.waitUntil(lambda w=win: not w.jobs._running, timeout=10000)
        if edit:
            create_account(win.db, name="Changed before quit")
        win.quit_backup()
        assert not win.instance_lock.isLocked()  # released before the copy
        win.close()
    reasons = sorted(b.reason for b in bk.list_backups(path))
    # the first start's daily copy; a quit after only looking costs nothing
    assert reasons == ["daily", "on-quit"]
