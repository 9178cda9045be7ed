"""Backups: consistent (WAL rows included), verified, rotated, restorable."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crmdesk.core.accounts import create_account
from crmdesk.db import backup as bk
from crmdesk.db.backup import BackupInfo, Retention
from crmdesk.db.migrate import open_database
from crmdesk.db.restore import restore_backup
from crmdesk.errors import DatabaseError

from .digest import digest


def test_backup_keeps_rows_still_in_the_wal(db, db_path):
    """A plain file copy of a WAL database misses committed rows; ours doesn't."""
    create_account(db, name="Only in the WAL")
    with db.engine.connect() as conn:
        # keep a reader open so no automatic checkpoint empties the WAL
        conn.exec_driver_sql("SELECT 1")
        assert Path(str(db_path) + "-wal").stat().st_size > 0
        naive = db_path.with_name("copy.sqlite3")
        shutil.copyfile(db_path, naive)
        taken = bk.take_backup(db_path, "manual")
    names = {r[0] for r in sqlite3.connect(taken).execute("SELECT name FROM accounts")}
    assert "Only in the WAL" in names
    copied = sqlite3.connect(naive)
    try:
        copied_names = {r[0] for r in copied.execute("SELECT name FROM accounts")}
    except sqlite3.DatabaseError:
        copied_names = set()
    assert "Only in the WAL" not in copied_names  # the trap is real
    # the backup is one self-contained file, not a WAL database
    assert sqlite3.connect(taken).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_restore_gives_an_identical_database(demo_db, tmp_path):
    path = Path(demo_db.path)
    before = digest(path)
    taken = bk.take_backup(path, "manual")
    for i in range(5):
        create_account(demo_db, name=f"Later {i}")
    assert digest(path) != before
    demo_db.dispose()
    safety = restore_backup(path, taken)
    assert digest(path) == before
    assert before[0]["accounts"] == 60 and before[0]["activities"] > 0
    # the state before the restore was kept: the restore itself can be undone
    assert safety is not None and safety.name.endswith("-before-restore.sqlite3")
    assert digest(safety)[0]["accounts"] == 65
    again = open_database(f"sqlite:///{path}")
    try:
        with again.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        again.dispose()


def test_a_damaged_backup_is_refused_and_nothing_changes(db, db_path, tmp_path):
    create_account(db, name="Keep me")
    db.dispose()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="damaged"):
        restore_backup(db_path, bad)
    assert digest(db_path) == before


def test_backup_of_a_damaged_database_is_refused_and_older_backups_survive(db, db_path):
    create_account(db, name="Acme")
    good = bk.take_backup(db_path, "manual")
    db.dispose()
    _corrupt_a_page(db_path)
    with pytest.raises(DatabaseError, match="did not verify|could not back up"):
        bk.take_backup(db_path, "manual")
    assert [b.path for b in bk.list_backups(db_path)] == [good]
    assert not [p for p in good.parent.iterdir() if p.name.startswith(".")]  # no temp left


def test_backup_if_due_takes_at_most_one_a_day(db, db_path):
    first = bk.backup_if_due(db_path)
    assert first is not None
    assert bk.backup_if_due(db_path) is None
    assert len(bk.list_backups(db_path)) == 1


def test_same_second_backups_do_not_overwrite_each_other(db, db_path):
    when = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    a = bk.take_backup(db_path, "on-quit", now=when)
    b = bk.take_backup(db_path, "on-quit", now=when)
    assert a != b and a.exists() and b.exists()
    assert {x.reason for x in bk.list_backups(db_path)} == {"on-quit"}


def _info(when: datetime) -> BackupInfo:
    return BackupInfo(Path(when.isoformat()), when, "daily", 1)


def test_thinning_keeps_recent_daily_weekly_monthly():
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    # one backup every 6 hours for a year
    infos = [_info(now - timedelta(hours=6 * i)) for i in range(4 * 365)]
    kept = bk.to_keep(infos, Retention(recent=4, daily=7, weekly=8, monthly=12))
    kept_times = sorted((i.taken_at for i in infos if i.path in kept), reverse=True)
    assert kept_times[:4] == [now - timedelta(hours=6 * i) for i in range(4)]
    days = {t.date() for t in kept_times}
    assert all((now - timedelta(days=d)).date() in days for d in range(7))
    months = {(t.year, t.month) for t in kept_times}
    assert len(months) == 12
    assert len(kept) < 4 + 7 + 8 + 12 + 1  # thinned, not everything
    assert min(kept_times) < now - timedelta(days=300)  # an old copy survives


def test_rotation_on_real_files(db, db_path):
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    retention = Retention(recent=2, daily=3, weekly=2, monthly=2)
    for day in range(40):
        bk.take_backup(db_path, "daily", retention=retention, now=start + timedelta(days=day))
    left = bk.list_backups(db_path)
    assert len(left) <= 2 + 3 + 2 + 2
    assert left[0].taken_at == start + timedelta(days=39)  # the newest is never thinned
    assert all(bk.quick_check(b.path) for b in left)


def test_restore_refuses_a_backup_from_a_newer_crmdesk(db, db_path, tmp_path):
    newer = tmp_path / "newer.sqlite3"
    bk.backup_file(db_path, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    db.dispose()
    with pytest.raises(DatabaseError, match="newer version of crmdesk"):
        restore_backup(db_path, newer)


def _corrupt_a_page(path: Path) -> None:
    """Overwrite a b-tree page in the middle of the file with garbage."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'accounts'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d\xff\xff\xff" + b"\xa5" * (page_size - 4))
