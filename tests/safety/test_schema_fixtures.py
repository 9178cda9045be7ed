"""Every schema revision that shipped upgrades to head with nothing lost.

tests/fixtures/schemas/crmdesk-<rev>.sqlite3 is a database written at that
revision (made by make_fixture.py there). Each is copied, opened the way the
app opens it, and compared: same rows in every table it had, same values in
every column it had, a verified backup taken first, the search index whole.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from crmdesk.core.portfolio import AccountFilter, count_accounts
from crmdesk.db import backup as bk
from crmdesk.db.health import check_database
from crmdesk.db.migrate import head_revision, known_revisions, open_database

from .digest import digest

FIXTURES = Path(__file__).parent.parent / "fixtures" / "schemas"
SHIPPED = sorted(FIXTURES.glob("crmdesk-*.sqlite3"))


def _revision_of(path: Path) -> str:
    return path.stem.removeprefix("crmdesk-")


def _columns(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'account_search%' "
                "AND name != 'alembic_version'"
            )
        ]
        return {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    finally:
        conn.close()


def _content(path: Path, columns: dict[str, list[str]]) -> dict[str, tuple[int, str]]:
    """Per table: row count and a hash of the given columns, in key order."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for table, cols in columns.items():
            listed = ", ".join(f'"{c}"' for c in cols)
            rows = conn.execute(f'SELECT {listed} FROM "{table}" ORDER BY {listed}').fetchall()
            out[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
        return out
    finally:
        conn.close()


def test_every_shipped_revision_before_head_has_a_fixture():
    have = {_revision_of(p) for p in SHIPPED}
    missing = sorted(known_revisions() - have - {head_revision()})
    assert not missing, (
        f"no fixture database for revision(s) {missing}: run "
        "`.venv/bin/python tests/fixtures/schemas/make_fixture.py REV` before "
        "adding a migration on top of REV"
    )


@pytest.mark.parametrize("fixture", SHIPPED, ids=[_revision_of(p) for p in SHIPPED])
def test_fixture_upgrades_to_head_losing_nothing(fixture, tmp_path):
    path = tmp_path / "crm.sqlite3"
    shutil.copyfile(fixture, path)  # a closed, non-WAL fixture: a plain copy is exact
    columns = _columns(path)
    before = _content(path, columns)
    original = digest(path)
    assert before["accounts"][0] > 0 and before["activity_contacts"][0] > 0

    db = open_database(f"sqlite:///{path}")
    try:
        assert count_accounts(db, AccountFilter()) == before["accounts"][0]
        # the search index covers every account after the upgrade
        sample = sqlite3.connect(path).execute("SELECT name FROM accounts LIMIT 1").fetchone()[0]
        assert count_accounts(db, AccountFilter(text=sample.split()[0])) >= 1
    finally:
        db.dispose()

    assert _content(path, columns) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )
    assert check_database(path).ok

    if _revision_of(fixture) != head_revision():
        taken = bk.list_backups(path)
        assert len(taken) == 1 and taken[0].reason.startswith("before-upgrade")
        assert digest(taken[0].path) == original
