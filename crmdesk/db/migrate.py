"""Bring a database to the current schema, safely.

On open: refuse a database written by a newer crmdesk; take a verified
backup before upgrading an older one; run every pending migration inside one
transaction (see migrations/env.py), so a failure changes nothing.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from crmdesk.db.backup import backup_before
from crmdesk.db.engine import Database
from crmdesk.db.rawsqlite import schema_revision
from crmdesk.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

# The newest schema revision this crmdesk ships. Opening a database already
# at it needs no Alembic at all (importing and scanning the migrations costs
# most of a second at every start); a test keeps it equal to Alembic's head.
HEAD_REVISION = "0006"


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    ini = files("crmdesk.db").joinpath("alembic.ini")
    config = Config(str(ini))
    config.set_main_option("script_location", str(files("crmdesk.db").joinpath("migrations")))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every revision this crmdesk ships (a database at any other is newer)."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    """The database's schema revision (None for a new or unversioned one)."""
    if not conn.dialect.has_table(conn, "alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


class NewerSchemaError(DatabaseError):
    """The file was written by a newer crmdesk: never opened, never upgraded."""


def is_newer(revision: str | None) -> bool:
    return revision not in (None, HEAD_REVISION) and revision not in known_revisions()


def refuse_newer_schema(path: Path, what: str = "the backup") -> None:
    """Raise unless the file at ``path`` is a crmdesk database this version
    can read (restore checks a backup with this before copying it in)."""
    import sqlite3

    try:
        revision = schema_revision(path)
    except sqlite3.Error:
        raise DatabaseError(f"{path.name} is not a crmdesk database") from None
    if is_newer(revision):
        raise NewerSchemaError(
            f"{what} {path.name} was written by a newer version of crmdesk; "
            "update crmdesk to use it"
        )


def _has_user_tables(conn: Connection) -> bool:
    return bool(conn.dialect.get_table_names(conn))


def upgrade(db: Database, revision: str = "head", backup: bool = True) -> Path | None:
    """Upgrade ``db`` to ``revision``; returns the backup taken, if any."""
    with db.engine.connect() as conn:
        current = current_revision(conn)
        if revision == "head" and current == HEAD_REVISION:
            return None
        populated = _has_user_tables(conn)
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise NewerSchemaError(
            "this database was written by a newer version of crmdesk; "
            "please update crmdesk to open it"
        )
    target = script.get_current_head() if revision == "head" else revision
    if current == target:
        return None
    taken = None
    if backup and populated and db.path and Path(db.path).exists():
        taken = backup_before(Path(db.path), f"before-upgrade-{current or 'unversioned'}")
    config = alembic_config(db.url)
    with db.engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return taken


def open_database(url: str, *, upgrade_schema: bool = True, checked: bool = False) -> Database:
    """Open (creating if needed) and upgrade the database at ``url``.

    ``checked``: the caller has just run ``health.check_on_open`` itself."""
    # Data safety (issue 5): a damaged file is moved aside, never used.
    from crmdesk.db.health import check_on_open
    from crmdesk.paths import sqlite_file_of_url

    file_name = sqlite_file_of_url(url)
    if file_name is not None and not checked:
        check_on_open(file_name)
    db = Database(url)
    try:
        if upgrade_schema:
            upgrade(db)
    except DatabaseError:
        db.dispose()
        raise
    except Exception as exc:  # sqlite3 errors on a damaged or foreign file
        db.dispose()
        reason = getattr(exc, "orig", None) or exc
        raise DatabaseError(f"cannot open the database {db.path or url}: {reason}") from exc
    return db
