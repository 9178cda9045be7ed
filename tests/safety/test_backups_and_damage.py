"""Issue 21, defects 4, 6, 8, 10 and 11: backups ordered by sequence, not by
the clock; user-only files; an emptied or overwritten file is damage; a
crash's partial copies go on the next backup; checks in proportion; no
backup that would fill the disk."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.core.accounts import create_account
from crmdesk.db import backup as bk
from crmdesk.db.errors import DiskFullError
from crmdesk.db.health import DamagedDatabaseError, check_on_open, record_clean_close
from crmdesk.db.migrate import open_database

from .helpers import tmpfs


def _populated(path: Path, names: tuple[str, ...] = ("Kestrel Logistics",)) -> None:
    db = open_database(f"sqlite:///{path}")
    for name in names:
        create_account(db, name=name)
    db.dispose()


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(row[0] for row in conn.execute("SELECT name FROM accounts"))
    finally:
        conn.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- defect 4: order by sequence, not by the clock ---------------------------


def test_a_backup_taken_with_the_clock_a_year_ahead_is_not_newest_later(db_path: Path) -> None:
    _populated(db_path, ("Old content",))
    now = datetime.now(UTC)
    ahead = bk.take_backup(db_path, "daily", now=now + timedelta(days=365))
    _populated(db_path, ("New content",))
    # the clock is right again: the future stamp does not stop the daily backup
    fresh = bk.backup_if_due(db_path, "daily", now=now)
    assert fresh is not None
    newest = bk.list_backups(db_path)[0]
    assert newest.path == fresh and newest.path != ahead
    assert "New content" in _names(newest.path)
    assert bk.newest_good_backup(db_path).path == fresh


def test_thinning_with_the_clock_set_back_keeps_the_fresh_backups(db_path: Path) -> None:
    _populated(db_path)
    now = datetime.now(UTC)
    for day in range(20):  # a normal history, one a day
        bk.take_backup(db_path, "daily", now=now - timedelta(days=20 - day))
    back = now - timedelta(days=3 * 365)  # a dead CMOS battery
    fresh = [
        bk.take_backup(db_path, "before-import", now=back + timedelta(seconds=i)) for i in range(3)
    ]
    kept = {b.path for b in bk.list_backups(db_path)}
    assert set(fresh) <= kept
    assert [b.path for b in bk.list_backups(db_path)[:3]] == fresh[::-1]


def test_the_newest_recent_backups_survive_whatever_their_stamps(db_path: Path) -> None:
    _populated(db_path)
    stamps = [datetime(2031, 1, 1, tzinfo=UTC), datetime(1999, 1, 1, tzinfo=UTC)] * 6
    taken = [bk.take_backup(db_path, "manual", now=when) for when in stamps]
    kept = [b.path for b in bk.list_backups(db_path)]
    assert kept[: bk.DEFAULT_RETENTION.recent] == taken[::-1][: bk.DEFAULT_RETENTION.recent]


def test_a_daily_backup_is_skipped_when_nothing_changed(db_path: Path) -> None:
    _populated(db_path)
    now = datetime.now(UTC)
    assert bk.backup_if_due(db_path, now=now - timedelta(days=3)) is not None
    assert bk.backup_if_due(db_path, now=now) is None  # nothing committed since
    _populated(db_path, ("Changed",))
    assert bk.backup_if_due(db_path, now=now) is not None


def test_backups_of_an_older_crmdesk_still_list_and_sort_below_numbered_ones(
    db_path: Path,
) -> None:
    _populated(db_path)
    first = bk.take_backup(db_path, "manual")
    legacy = first.with_name("crm-20270101T000000Z-manual.sqlite3")  # the old name form
    first.rename(legacy)
    newer = bk.take_backup(db_path, "manual")
    assert [b.path for b in bk.list_backups(db_path)] == [newer, legacy]


# --- defect 6: user-only files ------------------------------------------------


def test_database_log_backups_and_data_folder_are_user_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.umask(0o022)
    monkeypatch.delenv("CRMDESK_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    from crmdesk.paths import resolve_db_file

    path = resolve_db_file(None)
    assert path is not None
    assert _mode(path.parent) == 0o700
    db = open_database(f"sqlite:///{path}")
    try:
        create_account(db, name="Kestrel Logistics")
        with db.reading() as session:  # a connection is open: -wal and -shm exist
            session.connection().exec_driver_sql("SELECT 1")
            for suffix in ("", "-wal", "-shm"):
                assert _mode(path.with_name(path.name + suffix)) == 0o600, suffix
    finally:
        db.dispose()
    taken = bk.take_backup(path, "manual")
    assert _mode(taken) == 0o600 and _mode(taken.parent) == 0o700
    copy = bk.backup_file(path, tmp_path / "elsewhere" / "copy.sqlite3")
    assert _mode(copy) == 0o600


def test_a_user_database_at_an_explicit_path_is_created_user_only(tmp_path: Path) -> None:
    os.umask(0o022)
    path = tmp_path / "mine.sqlite3"
    assert main(["--db", str(path), "demo", "--accounts", "1"]) == 0
    assert _mode(path) == 0o600


# --- defect 8: damage that was not treated as damage -------------------------


def test_a_zero_length_file_with_backups_is_damage_and_the_backup_is_offered(
    db_path: Path,
) -> None:
    _populated(db_path)
    taken = bk.take_backup(db_path, "manual")
    db_path.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError) as caught:
        check_on_open(db_path)
    assert caught.value.backup is not None and caught.value.backup.path == taken
    assert not db_path.exists() and caught.value.moved_to.exists()
    with pytest.raises(DamagedDatabaseError):  # and it is not re-created empty later
        open_database(f"sqlite:///{db_path}")
    assert not db_path.exists()


def test_a_garbage_header_is_moved_aside_and_the_backup_offered(db_path: Path) -> None:
    _populated(db_path)
    taken = bk.take_backup(db_path, "manual")
    with open(db_path, "r+b") as handle:
        handle.write(os.urandom(100))
    with pytest.raises(DamagedDatabaseError) as caught:
        check_on_open(db_path)
    assert caught.value.backup is not None and caught.value.backup.path == taken
    assert not db_path.exists() and caught.value.moved_to.name == "crm.sqlite3.corrupt"


def test_a_stray_file_that_never_was_crmdesks_is_refused_and_left_alone(db_path: Path) -> None:
    db_path.write_bytes(b"PK\x03\x04" + os.urandom(400))  # a spreadsheet picked by mistake
    from crmdesk.errors import DatabaseError

    with pytest.raises(DatabaseError, match="not a database"):
        check_on_open(db_path)
    assert db_path.exists()


# --- defect 10: a crash's partial copies -------------------------------------


def test_partials_and_their_journals_go_on_the_next_backup_at_once(db_path: Path) -> None:
    _populated(db_path)
    folder = bk.backup_dir_for(db_path)
    folder.mkdir()
    leftovers = [
        folder / ".crm-x.sqlite3.abc.partial",
        folder / ".crm-x.sqlite3.abc.partial-journal",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"x" * 4096)  # fresh: a crash a moment ago
    bk.take_backup(db_path, "manual")
    assert not any(p.exists() for p in leftovers)
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


# --- defect 11: checks in proportion, and no backup that fills the disk -----


def test_the_full_check_runs_only_when_the_last_close_was_not_clean(db_path: Path) -> None:
    _populated(db_path)
    assert check_on_open(db_path) == "full"  # never closed cleanly by us
    record_clean_close(db_path)
    assert check_on_open(db_path) == "cheap"
    _populated(db_path, ("Written without a clean close",))
    assert check_on_open(db_path) == "full"
    record_clean_close(db_path)
    assert check_on_open(db_path) == "cheap"
    # a full check a week old, or stamped in the future, is due again
    import json

    marker = bk.backup_dir_for(db_path) / "crm.state.json"
    assert marker.is_file()
    for when in (datetime.now(UTC) - timedelta(days=8), datetime.now(UTC) + timedelta(days=30)):
        state = json.loads(marker.read_text())
        state["full_check"] = when.isoformat()
        marker.write_text(json.dumps(state))
        assert check_on_open(db_path) == "full"
        record_clean_close(db_path)


def test_damage_after_a_clean_close_is_still_caught(db_path: Path) -> None:
    _populated(db_path, tuple(f"Account {i}" for i in range(300)))
    assert check_on_open(db_path) == "full"
    record_clean_close(db_path)
    assert check_on_open(db_path) == "cheap"
    size = db_path.stat().st_size
    with open(db_path, "r+b") as handle:  # another program scribbles over pages
        handle.seek(size // 2)
        handle.write(os.urandom(8192))
    with pytest.raises(DamagedDatabaseError):
        check_on_open(db_path)


def test_a_backup_that_would_fill_the_disk_is_refused(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", size="3m") as small:
        path = small / "crm.sqlite3"
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE blob(x)")
        conn.execute("INSERT INTO blob VALUES (zeroblob(1700000))")
        conn.commit()
        conn.close()
        with pytest.raises(DiskFullError, match="not enough free space"):
            bk.take_backup(path, "manual")
        folder = bk.backup_dir_for(path)
        assert [p.name for p in folder.iterdir()] == [bk.LOCK_NAME]  # no copy, no partial


def test_the_cli_backup_refuses_without_space_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "small", size="3m") as small:
        path = small / "crm.sqlite3"
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE blob(x)")
        conn.execute("INSERT INTO blob VALUES (zeroblob(1700000))")
        conn.commit()
        conn.close()
        assert main(["--db", str(path), "backup"]) == 1
        err = capsys.readouterr().err.strip()
        assert "\n" not in err and "free space" in err


def test_a_full_disk_during_a_save_is_one_sentence_and_writes_nothing(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "full", size="2m") as full:
        path = full / "crm.sqlite3"
        _populated(path)
        db = open_database(f"sqlite:///{path}")
        try:
            filler = full / "filler"
            with open(filler, "wb") as handle:  # take every free block
                try:
                    while True:
                        handle.write(b"\0" * 65536)
                        handle.flush()
                except OSError:
                    pass
            with pytest.raises(DiskFullError, match="is full"):
                create_account(db, name="Never written", notes="y" * 5000)
            filler.unlink()
            assert _names(path) == ["Kestrel Logistics"]
        finally:
            db.dispose()


def test_an_emptied_file_without_backups_is_still_not_recreated_empty(db_path: Path) -> None:
    _populated(db_path)
    assert check_on_open(db_path) == "full"  # crmdesk has seen it (its marker)
    db_path.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError, match="no backup"):
        check_on_open(db_path)
    assert not db_path.exists()


def test_a_new_empty_file_is_a_new_database(db_path: Path) -> None:
    db_path.write_bytes(b"")
    assert check_on_open(db_path) == "none"
    record_clean_close(db_path)
    assert check_on_open(db_path) == "none" and db_path.exists()
