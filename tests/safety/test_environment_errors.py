"""Issue 21, defect 3: every environment error a user can meet (disk full,
read-only, a lock held elsewhere, permission, an undecodable file name) is
one line on stderr and exit 1, no traceback, nothing written."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.safety.envtools import (
    assert_one_line,
    contacts_csv,
    count,
    crmdesk,
    fill,
    small_tmpfs,
)


def _demo(db_file: Path, accounts: int = 3) -> None:
    done = crmdesk("--db", str(db_file), "demo", "--accounts", str(accounts))
    assert done.returncode == 0, done.stderr


def _first_account(db_file: Path) -> str:
    done = crmdesk("--db", str(db_file), "accounts", "--json")
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout)[0]["name"])


# --- disk full (a real 2 MB tmpfs) ---------------------------------------------


def test_demo_on_a_full_disk_is_one_line_and_writes_nothing(tmp_path):
    with small_tmpfs(tmp_path / "small") as small:
        db_file = small / "crm.sqlite3"
        result = crmdesk("--db", str(db_file), "demo", "--accounts", "300")
        assert_one_line(result, "disk is full")
        assert count(db_file, "accounts") == 0


def test_import_commit_on_a_full_disk_is_one_line_and_writes_nothing(tmp_path):
    csv_file = contacts_csv(tmp_path / "many.csv", 20_000)
    with small_tmpfs(tmp_path / "small", size="3m") as small:
        db_file = small / "crm.sqlite3"
        _demo(db_file)
        before = count(db_file, "contacts")
        result = crmdesk("--db", str(db_file), "import", str(csv_file), "--yes")
        assert_one_line(result, "disk is full")
        assert count(db_file, "contacts") == before
        assert count(db_file, "import_batches") == 0


def test_plan_new_on_a_full_disk_is_one_line_and_writes_nothing(tmp_path):
    with small_tmpfs(tmp_path / "small", size="3m") as small:
        db_file = small / "crm.sqlite3"
        _demo(db_file)
        account = _first_account(db_file)
        fill(small, leave=40 * 1024)  # room to open (-shm), none to write the plan
        result = crmdesk("--db", str(db_file), "plan-new", account)
        assert_one_line(result, "disk is full")
        (small / "filler").unlink()
        assert count(db_file, "account_plans") == 0


# --- read-only database file ---------------------------------------------------


@pytest.fixture
def read_only_db(tmp_path: Path) -> Path:
    db_file = tmp_path / "crm.sqlite3"
    _demo(db_file)
    for name in ("crm.sqlite3-wal", "crm.sqlite3-shm"):
        assert not (tmp_path / name).exists() or (tmp_path / name).stat().st_size >= 0
    db_file.chmod(0o444)
    return db_file


def test_import_into_a_read_only_database_is_one_line(read_only_db, tmp_path):
    csv_file = contacts_csv(tmp_path / "few.csv", 3)
    before = count(read_only_db, "contacts")
    result = crmdesk("--db", str(read_only_db), "import", str(csv_file), "--yes", unprivileged=True)
    assert_one_line(result)
    assert count(read_only_db, "contacts") == before


def test_plan_new_in_a_read_only_database_is_one_line(read_only_db):
    account = _first_account(read_only_db)  # reading works
    read_only_db.chmod(0o444)
    result = crmdesk("--db", str(read_only_db), "plan-new", account, unprivileged=True)
    assert_one_line(result)
    assert count(read_only_db, "account_plans") == 0


# --- a write transaction held by another process -------------------------------

_HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE accounts SET notes = 'held'")
print("locked", flush=True)
time.sleep(120)
"""


@pytest.mark.slow
def test_import_while_another_program_holds_the_write_lock(tmp_path):
    db_file = tmp_path / "crm.sqlite3"
    _demo(db_file)
    before = count(db_file, "contacts")
    csv_file = contacts_csv(tmp_path / "few.csv", 3)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(db_file)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        result = crmdesk("--db", str(db_file), "import", str(csv_file), "--yes")
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    line = assert_one_line(result)
    assert "in use by another program" in line or "locked" in line
    assert waited >= 4  # it waited for the lock before giving up
    assert count(db_file, "contacts") == before


# --- a file name that is not valid UTF-8 ----------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="Windows names are always Unicode")
def test_a_latin1_file_name_imports(tmp_path):
    db_file = tmp_path / "crm.sqlite3"
    name = os.fsencode(tmp_path) + b"/caf\xe9.csv"  # Latin-1 "café.csv"
    shutil.copy(contacts_csv(tmp_path / "plain.csv", 2), name)
    dry = crmdesk("--db", str(db_file), "import", name, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    done = crmdesk("--db", str(db_file), "import", name, "--yes")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("SELECT file_name FROM import_batches").fetchall() == [("café.csv",)]
    finally:
        conn.close()
    assert count(db_file, "contacts") == 2


# --- demo twice -----------------------------------------------------------------


def test_demo_twice_on_one_database_adds_twice(tmp_path):
    db_file = tmp_path / "crm.sqlite3"
    _demo(db_file, 5)
    again = crmdesk("--db", str(db_file), "demo", "--accounts", "5")
    assert again.returncode == 0, again.stderr
    assert count(db_file, "accounts") == 10
    conn = sqlite3.connect(db_file)
    try:
        uuids = conn.execute("SELECT count(DISTINCT uuid) FROM tier_changes").fetchone()[0]
    finally:
        conn.close()
    assert uuids == count(db_file, "tier_changes") == 10


def test_the_same_seed_on_a_fresh_database_gives_the_same_uuids(tmp_path):
    for name in ("a.sqlite3", "b.sqlite3"):
        _demo(tmp_path / name, 3)
    rows = []
    for name in ("a.sqlite3", "b.sqlite3"):
        conn = sqlite3.connect(tmp_path / name)
        rows.append(conn.execute("SELECT uuid, name FROM accounts ORDER BY id").fetchall())
        conn.close()
    assert rows[0] == rows[1]


# --- the mapping itself ------------------------------------------------------------


def test_environment_messages_cover_what_the_machine_refuses(tmp_path):
    import errno

    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    from crmdesk.environment import environment_message, file_label

    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x.csv"))
    assert "disk is full" in (environment_message(full) or "")
    rofs = OSError(errno.EROFS, "Read-only file system", str(tmp_path / "x.sqlite3"))
    assert "read-only" in (environment_message(rofs) or "")
    denied = PermissionError(errno.EACCES, "Permission denied", os.fsdecode(b"/tmp/caf\xe9"))
    assert environment_message(denied) == "permission denied: /tmp/caf\ufffd"
    db_file = tmp_path / "ro.sqlite3"
    sqlite3.connect(db_file).execute("CREATE TABLE t (x)").connection.close()
    engine = create_engine(f"sqlite:///file:{db_file}?mode=ro&uri=true")
    with pytest.raises(OperationalError) as caught, engine.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (1)"))
    assert "read-only" in (environment_message(caught.value) or "")
    assert environment_message(ValueError("a bug")) is None
    assert environment_message(KeyError("a bug")) is None
    assert file_label(os.fsdecode(b"/data/caf\xe9.csv")) == "café.csv"
