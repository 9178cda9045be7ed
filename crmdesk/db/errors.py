"""The database's environment errors, in words a person understands.

SQLite reports a locked file, a read-only medium, a full disk and a damaged
file all as ``sqlite3.Error``; only the last is damage. :func:`translate`
tells them apart by SQLite's own result code so that nothing calls a busy
or read-only file damaged, and every caller (session helper, checks,
backups) raises the same project error with the same sentence.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crmdesk.errors import DatabaseError

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
DAMAGE_CODES = {SQLITE_CORRUPT, SQLITE_NOTADB}


class DatabaseBusyError(DatabaseError):
    """Another program holds a lock on the file for longer than we wait."""


class DatabaseReadOnlyError(DatabaseError):
    """The file, its folder or its medium cannot be written."""


class DiskFullError(DatabaseError):
    """No space left for the database, its log or a backup."""


def primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_damage(exc: BaseException) -> bool:
    """True only for SQLite's own verdict that the file is damaged."""
    code = primary_code(exc)
    if code is not None:
        return code in DAMAGE_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def busy_error(path: Path | str | None) -> DatabaseBusyError:
    name = Path(path).name if path else "the database"
    return DatabaseBusyError(
        f"{name} is in use by another program (it holds a lock on the file); "
        "close that program, or wait until it has finished, and try again"
    )


def read_only_error(path: Path | str | None, why: str | None = None) -> DatabaseReadOnlyError:
    name = Path(path).name if path else "the database"
    return DatabaseReadOnlyError(
        f"cannot change {name}: {why or 'the file is read-only'}; crmdesk can show it "
        "but not save to it — copy it to a writable folder to edit it"
    )


def translate(exc: BaseException, path: Path | str | None = None) -> DatabaseError | None:
    """The project error for a SQLite environment error, else None (a
    constraint or a programming error stays what it is)."""
    if not isinstance(exc, sqlite3.Error):
        return None
    code = primary_code(exc)
    name = Path(path).name if path else "the database"
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return busy_error(path)
    if code == SQLITE_READONLY:
        return read_only_error(path)
    if code == SQLITE_FULL:
        return DiskFullError(
            f"the disk holding {name} is full; nothing was saved — free some space and try again"
        )
    if code in (SQLITE_PERM, SQLITE_CANTOPEN):
        return DatabaseError(
            f"cannot open {name}: permission denied or the folder is not accessible ({exc})"
        )
    if code == SQLITE_IOERR:
        return DatabaseError(
            f"the disk holding {name} reported an error ({exc}); nothing was saved"
        )
    if code in DAMAGE_CODES:
        return DatabaseError(
            f"{name} looks damaged ({exc}); nothing was saved — run `crmdesk check`"
        )
    return None
