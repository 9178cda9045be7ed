"""Opening and closing a database for one command or one window.

The order is the same for everyone: turn the ``--db`` choice into a file
(``paths.resolve_db_file``), refuse to invent a file the user only meant to
read, take the writer lock for anything that writes, check the file
(``health.check_on_open``), then open it — read-only where the file, its
folder or its medium cannot be written, upgraded otherwise — and on close
record the clean close that lets the next open skip the full check.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from crmdesk.db.engine import Database
from crmdesk.db.errors import read_only_error
from crmdesk.db.health import check_on_open, record_clean_close
from crmdesk.db.lock import WriterLock, acquire
from crmdesk.db.migrate import HEAD_REVISION, NewerSchemaError, is_newer, open_database
from crmdesk.db.rawsqlite import read_only_reason, schema_revision
from crmdesk.errors import DatabaseError, NotFoundError
from crmdesk.paths import is_explicit, resolve_db_file, resolve_db_url

_OPEN: list[tuple[Database, WriterLock | None]] = []


def missing_file_error(path: Path) -> NotFoundError:
    return NotFoundError(
        f"there is no database at {path}; check the --db path "
        "(commands that only read never create one)"
    )


def open_read_only(path: Path) -> Database:
    """Open a file that cannot be written: it must already be at this
    crmdesk's schema (an upgrade would have to write)."""
    import sqlite3

    try:
        revision = schema_revision(path)
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot read {path}: {exc}") from None
    if is_newer(revision):
        raise NewerSchemaError(
            "this database was written by a newer version of crmdesk; "
            "please update crmdesk to open it"
        )
    if revision != HEAD_REVISION:
        raise read_only_error(
            path,
            f"{read_only_reason(path)}, and it was written by an older crmdesk and "
            "must be upgraded before it can be read",
        )
    return Database.open_read_only(path)


def open_for_command(arg: str | None, *, write: bool, program: str = "crmdesk") -> Database:
    """The database a CLI command works on. ``write``: the command changes
    it, so it takes the writer lock (refused while a window has the file)
    and refuses a read-only file at once, with the reason."""
    path = resolve_db_file(arg)
    if path is None:  # a server URL: its server checks and locks
        return open_database(resolve_db_url(arg))
    corrupt = path.with_name(path.name + ".corrupt")
    if not path.exists() and not corrupt.exists() and not write and is_explicit(arg):
        raise missing_file_error(path)
    reason = read_only_reason(path)
    if reason and write:
        raise read_only_error(path, reason)
    lock = acquire(path, f"{program} (command line)") if write else None
    try:
        check_on_open(path)
        if reason:
            db = open_read_only(path)
        else:
            db = open_database(f"sqlite:///{path}", checked=True)
    except BaseException:
        if lock:
            lock.unlock()
        raise
    _OPEN.append((db, lock))
    return db


def close(db: Database, lock: WriterLock | None = None) -> None:
    """Dispose ``db``, note the clean close, release its lock."""
    db.dispose()
    if db.path and not db.read_only:
        record_clean_close(Path(db.path))
    if lock is not None:
        lock.unlock()


def close_command_databases() -> None:
    """Close what :func:`open_for_command` opened (the CLI's ``finally``)."""
    while _OPEN:
        db, lock = _OPEN.pop()
        with contextlib.suppress(Exception):
            close(db, lock)
