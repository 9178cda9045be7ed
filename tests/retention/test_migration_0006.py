"""Migration 0006 on the 0005 fixture: the status history is seeded, old
satisfaction checks get their scale, old closed complaints a resolved date,
and nothing that was there changes (tests/safety/test_schema_fixtures.py
checks every old column of every table)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from crmdesk.db.migrate import open_database

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schemas" / "crmdesk-0005.sqlite3"


def _upgraded(tmp_path: Path) -> Path:
    path = tmp_path / "crm.sqlite3"
    shutil.copyfile(FIXTURE, path)
    open_database(f"sqlite:///{path}").dispose()
    return path


def test_each_account_gets_one_history_row_for_its_status_with_an_unknown_date(tmp_path):
    with sqlite3.connect(FIXTURE) as old:
        accounts = old.execute(
            "SELECT id, status, created_at, defection_type FROM accounts ORDER BY id"
        ).fetchall()
    path = _upgraded(tmp_path)
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT account_id, to_status, changed_at, defection_type FROM status_changes "
            "ORDER BY account_id"
        ).fetchall()
        flags = conn.execute(
            "SELECT DISTINCT from_status, date_known, length(uuid), deleted_at FROM status_changes"
        ).fetchall()
        uuids = conn.execute("SELECT count(DISTINCT uuid) FROM status_changes").fetchone()[0]
    assert rows == [(a, s, c, d if s == "lost" else None) for a, s, c, d in accounts]
    assert flags == [(None, 0, 32, None)]
    assert uuids == len(accounts)


def test_old_checks_are_on_the_ten_point_scale_and_closed_complaints_have_a_date(tmp_path):
    path = _upgraded(tmp_path)
    with sqlite3.connect(path) as conn:
        kinds = conn.execute(
            "SELECT satisfaction_kind, count(*) FROM activities "
            "WHERE kind = 'satisfaction_check' GROUP BY 1"
        ).fetchall()
        closed = conn.execute(
            "SELECT count(*), count(resolved_at) FROM activities WHERE kind = 'complaint' "
            "AND complaint_status IN ('resolved', 'rejected')"
        ).fetchone()
        still_open = conn.execute(
            "SELECT count(resolved_at) FROM activities WHERE kind = 'complaint' "
            "AND complaint_status IN ('open', 'in_progress')"
        ).fetchone()[0]
    assert len(kinds) == 1 and kinds[0][0] == "score" and kinds[0][1] > 0
    assert closed[0] > 0 and closed[0] == closed[1]
    assert still_open == 0
