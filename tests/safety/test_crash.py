"""kill -9 a real crmdesk process mid-write, repeatedly, and check that every
acknowledged change is there, nothing is half-written, and the file is healthy.

A killed process keeps the operating system's cache, so this attacks
atomicity and the commit protocol (WAL, one transaction per action), not a
power cut; synchronous=FULL is what covers the latter (see test_migrations'
pragma test).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crmdesk.db.backup import quick_check
from crmdesk.db.health import check_database
from crmdesk.db.migrate import open_database

WORKER = Path(__file__).with_name("crash_worker.py")
FTS_TRIGGERS = 9


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
    )


def _kill_after(proc: subprocess.Popen[str], lines: int, until: str | None = None) -> list[str]:
    """Read ``lines`` acknowledgements (or up to one starting with ``until``),
    SIGKILL the process, then collect what it had already printed."""
    seen: list[str] = []
    assert proc.stdout is not None
    while len(seen) < lines:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"worker ended early: {proc.stderr.read() if proc.stderr else ''}")
        seen.append(line.strip())
        if until and line.startswith(until):
            break
    os.kill(proc.pid, signal.SIGKILL)
    rest, _err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return seen + [line.strip() for line in rest.splitlines() if line.strip()]


def _state(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(path)
    try:
        return {
            "accounts": conn.execute("SELECT count(*) FROM accounts").fetchone()[0],
            "tier_changes": conn.execute("SELECT count(*) FROM tier_changes").fetchone()[0],
            "triggers": conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
            ).fetchone()[0],
            "indexed": conn.execute("SELECT count(*) FROM account_search").fetchone()[0],
        }
    finally:
        conn.close()


def _assert_healthy(path: Path, tier_history: bool = True) -> dict[str, object]:
    assert quick_check(path)
    report = check_database(path)
    assert report.ok, report.summary()
    state = _state(path)
    if tier_history:  # no account without its history
        assert state["tier_changes"] == state["accounts"]
    assert state["triggers"] == FTS_TRIGGERS and state["indexed"] == state["accounts"]
    return state


@pytest.mark.slow
def test_kill_during_a_burst_of_single_edits(db_path):
    open_database(f"sqlite:///{db_path}").dispose()
    rng = random.Random(5)
    for round_no in range(4):
        acked = _kill_after(_spawn("edits", str(db_path), f"r{round_no}"), rng.randint(4, 90))
        _assert_healthy(db_path)
        conn = sqlite3.connect(db_path)
        try:
            for line in acked:
                kind, value = line.split()
                if kind == "account":
                    row = conn.execute(
                        "SELECT a.name, count(t.id) FROM accounts a "
                        "JOIN tier_changes t ON t.account_id = a.id WHERE a.id = ?",
                        (int(value),),
                    ).fetchone()
                    assert row[0] is not None and row[1] == 1, line
                elif kind == "activity":
                    found = conn.execute("SELECT 1 FROM activities WHERE id = ?", (int(value),))
                    assert found.fetchone(), line
            revs = [int(line.split()[1]) for line in acked if line.startswith("rev ")]
            if revs:
                notes = conn.execute(
                    "SELECT notes FROM accounts WHERE name = ?", (f"Anchor r{round_no}",)
                ).fetchone()[0]
                # the last acknowledged edit, or one that committed just before the kill
                assert int(notes.split()[1]) >= max(revs)
        finally:
            conn.close()


@pytest.mark.slow
def test_kill_during_a_large_load_leaves_all_or_nothing(db_path):
    open_database(f"sqlite:///{db_path}").dispose()
    size = 800
    expected = 0
    for round_no in range(2):
        before = _assert_healthy(db_path)["accounts"]
        assert before == expected
        acked = _kill_after(_spawn("demo", str(db_path), str(size)), 10, until="progress")
        assert any(line.startswith("progress") for line in acked)  # killed midway
        after = _assert_healthy(db_path)["accounts"]
        if "done" in acked:
            expected = before + size
        assert after in (before, before + size), f"partial load in round {round_no}: {after}"
        assert after == expected or "done" not in acked
        expected = after
    # and the database is still usable for the next load, which completes
    proc = _spawn("demo", str(db_path), "50")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert _assert_healthy(db_path)["accounts"] == expected + 50


def _import_counts(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        contacts = conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
        batches = conn.execute("SELECT count(*) FROM import_batches").fetchone()[0]
        return contacts, batches
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_during_a_real_import_leaves_all_or_nothing(db_path, tmp_path):
    import csv

    source = tmp_path / "contacts.csv"
    first = ["Anna", "Jonas", "Marie", "Lukas", "Sofia", "Elias", "Mia", "Noah", "Lena", "Paul"]
    last = ["Weber", "Novak", "Rossi", "Dubois", "Jansen", "Silva", "Berg", "Kaya", "Horvat"]
    with open(source, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["First Name", "Last Name", "Company", "E-mail Address", "Job Title"])
        for i in range(2600):
            f, la = first[i % 10], last[(i // 10) % 9]
            mail = f"{f}.{la}{i}@firma{i // 25}.example"
            writer.writerow([f, f"{la}-{i}", f"Firma {i // 25} GmbH", mail, "Buyer"])
    open_database(f"sqlite:///{db_path}").dispose()
    for round_no in range(2):
        acked = _kill_after(_spawn("import", str(db_path), str(source)), 10, until="progress 2000")
        assert any(line.startswith("progress 2000") for line in acked), acked
        assert not any(line.startswith("done") for line in acked)
        state = _assert_healthy(db_path)
        assert _import_counts(db_path) == (0, 0), f"partial import in round {round_no}"
        assert state["accounts"] == 0
    proc = _spawn("import", str(db_path), str(source))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    created = int(out.strip().splitlines()[-1].split()[1])
    assert created > 2000
    assert _import_counts(db_path) == (created, 1)
    # (the importer does not record a first tier change for new accounts)
    _assert_healthy(db_path, tier_history=False)


@pytest.mark.slow
def test_kill_during_a_restore_leaves_the_old_content(db_path, tmp_path):
    from crmdesk.core.demo import generate_demo
    from crmdesk.db.backup import backup_file

    from .digest import digest

    # a large backup (many restore steps) and a different, small current state
    big = open_database(f"sqlite:///{tmp_path / 'big.sqlite3'}")
    generate_demo(big, accounts=200, seed=3)
    big.dispose()
    backup = backup_file(tmp_path / "big.sqlite3", tmp_path / "big-backup.sqlite3")
    small = open_database(f"sqlite:///{db_path}")
    generate_demo(small, accounts=5, seed=4)
    small.dispose()
    before = digest(db_path)
    acked = _kill_after(_spawn("restore", str(db_path), str(backup)), 10, until="progress")
    assert "done" not in acked and any(line.startswith("progress") for line in acked)
    assert quick_check(db_path)
    assert digest(db_path) == before  # the half-copied pages were never committed
    # and finishing the restore gives the backup's content exactly
    proc = _spawn("restore", str(db_path), str(backup))
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert digest(db_path) == digest(backup)
