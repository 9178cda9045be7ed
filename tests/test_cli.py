"""The command line as a user runs it: a real process, exit codes, stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crmdesk import __version__


def crmdesk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "crmdesk", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "x.sqlite3"
    result = crmdesk("--db", str(path), "demo", "--accounts", "60")
    assert result.returncode == 0, result.stderr
    assert "added 60 accounts" in result.stderr
    return path


def test_version_and_help():
    assert crmdesk("--version").stdout.strip() == f"crmdesk {__version__}"
    text = crmdesk("--help").stdout
    for name in ("demo", "accounts", "stats", "open"):
        assert name in text


def test_stats_json_counts_all_three_tiers(demo_file):
    result = crmdesk("--db", str(demo_file), "stats", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["accounts"] == 60
    assert set(data["accounts_by_tier"]) == {"transactional", "partner", "strategic"}
    assert all(n > 0 for n in data["accounts_by_tier"].values())
    assert data["contacts"] > 0 and data["activities"] > 0
    assert "overdue_follow_ups" in data


def test_accounts_json_has_the_documented_keys(demo_file):
    result = crmdesk("--db", str(demo_file), "accounts", "--tier", "strategic", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(r["tier"] == "strategic" for r in rows)
    assert set(rows[0]) == {"name", "uuid", "tier", "status", "owner"}


def test_accounts_search_by_contact_email(demo_file):
    import sqlite3

    with sqlite3.connect(demo_file) as conn:
        email, account = conn.execute(
            "SELECT c.email, a.name FROM contacts c JOIN accounts a ON a.id = c.account_id LIMIT 1"
        ).fetchone()
    result = crmdesk("--db", str(demo_file), "accounts", "--search", email, "--json")
    assert [r["name"] for r in json.loads(result.stdout)] == [account]


def test_env_var_chooses_the_database(demo_file, monkeypatch):
    monkeypatch.setenv("CRMDESK_DB", str(demo_file))
    result = crmdesk("stats", "--json")
    assert json.loads(result.stdout)["accounts"] == 60


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["accounts", "--tier", "gold"], 2, "'gold' is not one of"),
        (["nonsense-command", "x"], 2, "'nonsense-command' is not a command"),
        (["demo", "--accounts", "0"], 1, "--accounts must be at least 1"),
        (["open", "/no/such/file.xlsx"], 1, "no such file"),
    ],
)
def test_errors_are_one_line_without_traceback(tmp_path, args, code, message):
    result = crmdesk("--db", str(tmp_path / "e.sqlite3"), *args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_unusable_database_paths(tmp_path):
    missing = crmdesk("--db", str(tmp_path / "no" / "such" / "x.sqlite3"), "stats")
    assert missing.returncode == 1
    assert (
        missing.stderr.strip() == f"crmdesk: the folder {tmp_path / 'no' / 'such'} does not exist"
    )
    assert not (tmp_path / "no").exists()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00garbage" * 100)
    bad = crmdesk("--db", str(junk), "stats")
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert junk.read_bytes() == b"\x00garbage" * 100


def test_a_mistyped_command_gets_did_you_mean(tmp_path):
    result = crmdesk("--db", str(tmp_path / "e.sqlite3"), "stast")
    assert result.returncode == 2
    # 'status' (retention) is as close as 'stats'
    assert "'stast' is not a command (did you mean 'stats'" in result.stderr
    assert not (tmp_path / "e.sqlite3").exists()


def test_people_is_accepted_for_contacts(demo_file, tmp_path):
    out = tmp_path / "people.csv"
    result = crmdesk("--db", str(demo_file), "export", "people", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "contacts" in result.stderr
    assert out.read_text(encoding="utf-8").count("\n") > 60
    wrong = crmdesk("--db", str(demo_file), "export", "contcts", "-o", str(out))
    assert wrong.returncode == 2
    assert "did you mean 'contacts'" in wrong.stderr


def test_command_modules_do_not_import_the_entry_point():
    """cli.py is only the entry point: commands share crmdesk.commands.base."""
    import ast

    import crmdesk.commands

    folder = Path(crmdesk.commands.__file__).parent
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "crmdesk.cli", path.name
