"""``crmdesk import``: exit codes, --json, --dry-run, --undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import HEADERS, PEOPLE, db_counts

from crmdesk.cli import main
from crmdesk.db.engine import Database


def run(db_path: Path, *args: str) -> int:
    return main(["--db", str(db_path), "import", *args])


def test_json_import_and_undo(db: Database, db_path: Path, xlsx_file, capsys) -> None:
    path = xlsx_file([HEADERS, *PEOPLE, ["No", "Mail", "X", "", "bad@", ""]])
    assert run(db_path, str(path), "--yes", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    keys = ("created", "updated", "skipped", "rejected", "accounts_created")
    assert [out[k] for k in keys] == [3, 0, 0, 1, 3]
    assert len(out["batch"]) == 36
    assert db_counts(db)[:2] == (3, 3)
    # the same file again: everything is a duplicate, nothing changes
    assert run(db_path, str(path), "--yes", "--json") == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["created"], again["updated"], again["skipped"]) == (0, 0, 3)
    assert run(db_path, "--undo", out["batch"][:8], "--json") == 0
    undo = json.loads(capsys.readouterr().out)
    assert undo["removed_contacts"] == 3 and undo["removed_accounts"] == 3


def test_dry_run_changes_nothing(db: Database, db_path: Path, csv_file, capsys) -> None:
    path = csv_file([HEADERS, *PEOPLE, ["No", "Mail", "X", "", "bad@", ""]])
    before = db_counts(db)
    assert run(db_path, str(path), "--dry-run", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dry_run"] is True and out["created"] == 3 and out["rejected"] == 1
    assert out["problems"][0]["row"] == 5 and "not valid" in out["problems"][0]["problem"]
    assert db_counts(db) == before


def test_human_preview_on_stderr(db_path: Path, csv_file, capsys) -> None:
    path = csv_file([HEADERS, *PEOPLE])
    assert run(db_path, str(path), "--dry-run") == 0
    err = capsys.readouterr().err
    assert "'E-mail Address'" in err and "-> E-mail" in err
    assert "would create 3" in err


def test_without_yes_and_no_terminal_it_refuses(
    db: Database, db_path: Path, csv_file, capsys
) -> None:
    path = csv_file([HEADERS, *PEOPLE])
    assert run(db_path, str(path)) == 1
    assert "--yes" in capsys.readouterr().err
    assert db_counts(db)[0] == 0


def test_map_option_and_errors(db: Database, db_path: Path, csv_file, capsys) -> None:
    path = csv_file([["Nom", "Boîte", "Portable"], ["Dupont", "ACME", "06 12 34 56 78"]])
    assert run(db_path, str(path), "--map", "Boîte=company", "--map", "Portable=mobile",
               "--region", "FR", "--yes", "--json") == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out)["created"] == 1
    assert run(db_path, str(path), "--map", "Fax=phone", "--yes") == 1
    assert "no column 'Fax'" in capsys.readouterr().err
    assert run(db_path, str(path), "--map", "Nom=shoe size", "--yes") == 1
    assert "not a field" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/file.csv"], "does not exist"),
        (["--undo", "abcdef"], "no import batch"),
        ([], "name the file"),
    ],
)
def test_user_errors_exit_1_with_one_line(
    db_path: Path, capsys, args: list[str], message: str
) -> None:
    assert run(db_path, *args) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_sheet_option(db_path: Path, xlsx_file, capsys) -> None:
    path = xlsx_file([["cover page"]], title="Cover", extra={"People": [HEADERS, *PEOPLE]})
    assert run(db_path, str(path), "--sheet", "People", "--yes", "--json") == 0
    assert json.loads(capsys.readouterr().out)["created"] == 3
    assert run(db_path, str(path), "--sheet", "Nope", "--yes") == 1
    assert "no sheet 'Nope'" in capsys.readouterr().err
