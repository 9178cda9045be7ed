"""`crmdesk backup`, `backups`, `restore`, `check`: real processes' view."""

from __future__ import annotations

import json
from pathlib import Path

from crmdesk.cli import main
from crmdesk.core.accounts import create_account

from .digest import digest


def test_backup_list_restore_round_trip(demo_db, capsys):
    path = demo_db.path
    before = digest(Path(path))
    assert main(["--db", path, "backup"]) == 0
    taken = Path(capsys.readouterr().out.strip())
    assert taken.parent == Path(path).parent / "backups" and taken.is_file()

    create_account(demo_db, name="After the backup")
    demo_db.dispose()
    assert main(["--db", path, "backups", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [b["name"] for b in listed] == [taken.name]
    assert listed[0]["reason"] == "manual" and listed[0]["size"] > 0

    assert main(["--db", path, "restore", taken.name]) == 0
    err = capsys.readouterr().err
    assert "restored" in err and "before-restore" in err
    assert digest(Path(path)) == before

    assert main(["--db", path, "backups"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and "before-restore" in lines[0]


def test_user_mistakes_are_one_line_errors(tmp_path, capsys):
    missing = str(tmp_path / "nothing.sqlite3")
    for argv in (["backup"], ["check"], ["restore", "x.sqlite3"]):
        assert main(["--db", missing, *argv]) == 1, argv
        err = capsys.readouterr().err
        assert err.startswith("crmdesk: ") and err.count("\n") == 1, err


def test_backups_of_an_empty_folder(db, capsys):
    assert main(["--db", db.path, "backups"]) == 0
    assert "no backups yet" in capsys.readouterr().err
