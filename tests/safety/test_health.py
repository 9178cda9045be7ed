"""A damaged database is detected on open, moved aside, and the backup restores."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.core.accounts import create_account
from crmdesk.db import backup as bk
from crmdesk.db.health import DamagedDatabaseError, check_database, storage_warning
from crmdesk.db.migrate import open_database
from crmdesk.errors import DatabaseError

from .digest import digest
from .test_backup import _corrupt_a_page


def _truncate(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.truncate(size // 2)


@pytest.fixture
def backed_up(demo_db):
    """A demo database with one good backup, closed; returns (path, backup, digest)."""
    path = Path(demo_db.path)
    taken = bk.take_backup(path, "daily")
    state = digest(path)
    demo_db.dispose()
    return path, taken, state


@pytest.mark.parametrize("damage", [_corrupt_a_page, _truncate], ids=["bad-page", "truncated"])
def test_damage_is_detected_moved_aside_and_the_backup_restores(backed_up, damage, capsys):
    path, taken, state = backed_up
    damage(path)
    damaged_bytes = path.read_bytes()

    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(f"sqlite:///{path}")
    err = caught.value
    assert "damaged" in str(err) and taken.name in str(err)
    assert err.backup is not None and err.backup.path == taken
    # never used silently: the damaged file is kept, untouched, aside
    assert not path.exists()
    assert err.moved_to == path.with_name(path.name + ".corrupt")
    assert err.moved_to.read_bytes() == damaged_bytes

    # `crmdesk check` on the damaged copy: exit 1 with findings and the backup
    assert main(["--db", str(err.moved_to), "check"]) == 1
    out = capsys.readouterr().out
    assert "problem" in out

    # a second start does not silently begin with an empty database
    with pytest.raises(DamagedDatabaseError, match="moved aside"):
        open_database(f"sqlite:///{path}")
    assert not path.exists()

    assert main(["--db", str(path), "restore", taken.name]) == 0
    assert digest(path) == state
    assert main(["--db", str(path), "check"]) == 0
    db = open_database(f"sqlite:///{path}")
    db.dispose()


def test_not_a_database_is_refused_but_left_in_place(tmp_path):
    sheet = tmp_path / "contacts.xlsx"
    sheet.write_bytes(b"PK\x03\x04 not sqlite")
    with pytest.raises(DatabaseError, match="not a database"):
        open_database(f"sqlite:///{sheet}")
    assert sheet.read_bytes() == b"PK\x03\x04 not sqlite"


def test_check_reports_broken_references(db, db_path, capsys):
    account = create_account(db, name="Acme")
    db.dispose()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO contacts (uuid, account_id, last_name, created_at, updated_at) "
        "VALUES ('00000000000000000000000000000001', 999, 'Orphan', '2026-01-01', '2026-01-01')"
    )
    conn.commit()
    conn.close()
    report = check_database(db_path)
    assert not report.ok and report.integrity == []
    assert len(report.foreign_keys) == 1
    assert report.foreign_keys[0].startswith("contacts row ")
    assert account.id != 999
    assert main(["--db", str(db_path), "check"]) == 1
    assert "missing row in accounts" in capsys.readouterr().out


def test_check_healthy_database_exits_zero(demo_db, capsys):
    assert main(["--db", demo_db.path, "check"]) == 0
    assert "healthy" in capsys.readouterr().out


@pytest.mark.parametrize(
    "path",
    [
        "/home/ana/Dropbox/crm/crmdesk.sqlite3",
        "C:/Users/ana/OneDrive - Acme GmbH/crmdesk.sqlite3",
        "/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/crmdesk.sqlite3",
        "/Users/ana/Library/CloudStorage/GoogleDrive-ana@x.com/My Drive/crmdesk.sqlite3",
        "/home/ana/Google Drive/crmdesk.sqlite3",
    ],
)
def test_cloud_sync_folders_are_warned_about(path):
    warning = storage_warning(Path(path), mounts_text="")
    assert warning and "cloud-sync" in warning


MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
fileserver:/export/home /mnt/team nfs4 rw,relatime 0 0
//nas/share /media/nas\\040drive cifs rw 0 0
/dev/nvme0n1p3 /mnt/team/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/mnt/team/crm.sqlite3", "nfs4"),
        ("/media/nas drive/crm.sqlite3", "cifs"),
        ("/mnt/team/local/crm.sqlite3", None),  # the longest mount point wins
        ("/home/ana/crm.sqlite3", None),
    ],
)
def test_network_shares_are_warned_about(path, expected):
    warning = storage_warning(Path(path), mounts_text=MOUNTS)
    if expected:
        assert warning and "network share" in warning and expected in warning
    else:
        assert warning is None


def test_cli_warns_on_stderr_for_a_cloud_folder(tmp_path, capsys):
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    assert main(["--db", str(folder / "crm.sqlite3"), "demo", "--accounts", "2"]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "cloud-sync" in err
    assert os.path.exists(folder / "crm.sqlite3")
