"""Schema upgrades are atomic and lose nothing.

Each test runs the project's real ``env.py`` (copied with the shipped
revisions into a throwaway script folder) plus one extra migration written
here, against a real database file.
"""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from importlib.resources import files
from pathlib import Path

import pytest
from alembic import command

from crmdesk.db import backup as bk
from crmdesk.db.engine import Database
from crmdesk.db.migrate import alembic_config, head_revision, open_database
from crmdesk.errors import DatabaseError

from .digest import digest, schema

HEADER = """
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "{rev}"
down_revision = "{head}"
branch_labels = None
depends_on = None
"""


def _script_dir(tmp_path: Path, body: str, *more: str) -> Path:
    """The shipped migrations plus revision 9001 with ``body`` as upgrade()
    (and 9002, 9003… with ``more``)."""
    folder = tmp_path / "migrations"
    shutil.copytree(
        str(files("crmdesk.db").joinpath("migrations")),
        folder,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    parent = head_revision()
    for number, text in enumerate((body, *more), start=9001):
        source = HEADER.format(rev=number, head=parent) + textwrap.dedent(text)
        (folder / "versions" / f"{number}_test.py").write_text(source, encoding="utf-8")
        parent = str(number)
    return folder


def _upgrade_with(db: Database, folder: Path) -> None:
    config = alembic_config(db.url)
    config.set_main_option("script_location", str(folder))
    with db.engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def _version(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_a_failing_migration_leaves_the_schema_exactly_as_before(demo_db, tmp_path):
    path = Path(demo_db.path)
    folder = _script_dir(
        tmp_path,
        """
        def upgrade() -> None:
            op.create_table("committed_too_early", sa.Column("id", sa.Integer, primary_key=True))
            op.execute("UPDATE accounts SET notes = 'changed by 9001'")


        def downgrade() -> None:
            pass
        """,
        """
        def upgrade() -> None:
            op.create_table("doomed", sa.Column("id", sa.Integer, primary_key=True))
            op.add_column("contacts", sa.Column("nickname", sa.String(50)))
            op.create_index("ix_doomed", "accounts", ["industry"])
            with op.batch_alter_table("accounts", recreate="always") as batch:
                batch.add_column(sa.Column("segment", sa.String(20)))
            op.execute("UPDATE accounts SET segment = 'x'")
            op.execute("DELETE FROM activities")
            raise RuntimeError("migration failed halfway")


        def downgrade() -> None:
            pass
        """,
    )
    shape, data = schema(path), digest(path)
    with pytest.raises(RuntimeError, match="halfway"):
        _upgrade_with(demo_db, folder)
    demo_db.dispose()
    assert schema(path) == shape
    assert digest(path) == data
    assert _version(path) == head_revision()
    assert bk.quick_check(path)


def test_batch_rebuild_of_a_parent_table_loses_no_child_row(demo_db, tmp_path):
    """With foreign keys on, dropping the old table during a batch rebuild
    would cascade into activity_contacts (ON DELETE CASCADE)."""
    path = Path(demo_db.path)
    folder = _script_dir(
        tmp_path,
        """
        def upgrade() -> None:
            with op.batch_alter_table("activities", recreate="always") as batch:
                batch.add_column(sa.Column("channel", sa.String(20)))
            with op.batch_alter_table("accounts", recreate="always") as batch:
                batch.add_column(sa.Column("segment", sa.String(20)))
            with op.batch_alter_table("contacts", recreate="always") as batch:
                batch.add_column(sa.Column("nickname", sa.String(50)))


        def downgrade() -> None:
            pass
        """,
    )
    before, _ = digest(path)
    assert before["activity_contacts"] > 0 and before["contacts"] > 0
    _upgrade_with(demo_db, folder)
    demo_db.dispose()
    after, _ = digest(path)
    assert after == before
    assert _version(path) == "9001"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        cols = [r[1] for r in conn.execute("PRAGMA table_info(activities)")]
    assert "channel" in cols


def test_the_batch_trap_is_real_without_our_env(demo_db):
    """Control: the same rebuild with foreign keys on does delete children,
    so the test above proves something."""
    path = Path(demo_db.path)
    demo_db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    before = conn.execute("SELECT count(*) FROM activity_contacts").fetchone()[0]
    conn.execute("CREATE TABLE _new AS SELECT * FROM activities")
    conn.execute("DROP TABLE activities")  # what batch mode does
    after = conn.execute("SELECT count(*) FROM activity_contacts").fetchone()[0]
    conn.rollback()
    conn.close()
    assert before > 0 and after == 0


def test_a_migration_that_breaks_references_is_rolled_back(demo_db, tmp_path):
    path = Path(demo_db.path)
    folder = _script_dir(
        tmp_path,
        """
        def upgrade() -> None:
            op.execute("DELETE FROM accounts WHERE id IN (SELECT min(id) FROM accounts)")


        def downgrade() -> None:
            pass
        """,
    )
    data = digest(path)
    with pytest.raises(DatabaseError, match="references; nothing was changed"):
        _upgrade_with(demo_db, folder)
    demo_db.dispose()
    assert digest(path) == data and _version(path) == head_revision()


def test_a_database_from_a_newer_crmdesk_is_refused(db, db_path):
    db.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    data = digest(db_path)
    with pytest.raises(DatabaseError, match="newer version of crmdesk"):
        open_database(f"sqlite:///{db_path}")
    assert digest(db_path) == data
    assert bk.list_backups(db_path) == []


def test_the_cli_refuses_a_newer_database_in_one_line(db, db_path, capsys):
    from crmdesk.cli import main

    db.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    assert main(["--db", str(db_path), "stats"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newer version of crmdesk" in err


def test_engine_pragmas(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert conn.connection.driver_connection.isolation_level is None
