"""Environment errors in words: what the machine (not the user's input, not
a bug) refused — a full disk, a read-only file, a lock held by another
program, a missing permission, a file name the system cannot encode.

The command line's entry point and the window's error handling call
:func:`environment_message`; ``None`` means "not an environment error"
(a bug: let it show its traceback). Qt-free, imports nothing heavy.
"""

from __future__ import annotations

import errno
import os
import sqlite3

_DISK_FULL = "the disk is full"
_FULL_HINT = "nothing was changed; free some space and try again"


def environment_message(exc: BaseException) -> str | None:
    """One line for ``exc`` if the environment caused it, else ``None``."""
    for cause in _chain(exc):
        if isinstance(cause, sqlite3.Error):
            return _sqlite_message(cause)
        if isinstance(cause, OSError):
            return _os_message(cause)
        if isinstance(cause, UnicodeError) and "surrogate" in str(cause):
            return (
                "a file name is not valid text in this system's encoding "
                "(it was probably copied from another system); rename the file and try again"
            )
        if isinstance(cause, MemoryError):
            return "there is not enough memory for this; close other programs and try again"
    return None


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc``, then what it wraps: SQLAlchemy's ``.orig``, then ``__cause__``."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 10:
        seen.append(current)
        orig = getattr(current, "orig", None)
        if isinstance(orig, BaseException) and orig not in seen:
            seen.append(orig)
        current = current.__cause__ or current.__context__
    # the DBAPI error (sqlite3) speaks most precisely: look at it first
    return sorted(seen, key=lambda e: not isinstance(e, sqlite3.Error))


def _sqlite_message(exc: sqlite3.Error) -> str | None:
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == 13 or "disk is full" in text:  # SQLITE_FULL
        return f"{_DISK_FULL} (the database could not grow); {_FULL_HINT}"
    if primary == 8 or "readonly" in text or "read-only" in text:  # SQLITE_READONLY
        return (
            "the database is read-only (a read-only file, folder or medium); "
            "nothing was changed. Copy it somewhere writable, or fix its permissions"
        )
    if primary in (5, 6) or "locked" in text or "busy" in text:  # SQLITE_BUSY, _LOCKED
        return (
            "the database is in use by another program (it kept it locked for longer "
            "than crmdesk waits); nothing was changed. Try again when it has finished"
        )
    if primary == 14 or "unable to open" in text:  # SQLITE_CANTOPEN
        return "the database file cannot be opened (missing folder or no permission)"
    if primary == 10 or "disk i/o" in text:  # SQLITE_IOERR
        return "the disk reported an error while crmdesk used the database; nothing was changed"
    if primary == 23 or "not authorized" in text:  # SQLITE_AUTH
        return "the database refused access"
    if primary in (11, 26) or "malformed" in text or "not a database" in text:
        return "the database file is damaged; run 'crmdesk check' and restore a backup"
    return None


def _os_message(exc: OSError) -> str:
    where = _where(exc)
    number = exc.errno
    if number in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"{_DISK_FULL} (writing {where}); {_FULL_HINT}"
    if number == errno.EROFS:
        return f"{where} is on a read-only medium; nothing was changed"
    if number in (errno.EACCES, errno.EPERM):
        return f"permission denied: {where}"
    if number == errno.ENOENT:
        return f"no such file or folder: {where}"
    if number == errno.EISDIR:
        return f"{where} is a folder, not a file"
    if number == errno.ENAMETOOLONG:
        return f"the file name is too long: {where}"
    reason = exc.strerror or type(exc).__name__
    return f"{reason[:1].lower()}{reason[1:]}: {where}" if where != "a file" else reason


def _where(exc: OSError) -> str:
    name = exc.filename
    if name is None:
        return "a file"
    if isinstance(name, bytes):
        return os.fsdecode(name).encode("utf-8", "replace").decode("utf-8")
    text = os.fspath(name)
    # a surrogate-escaped name would itself fail to print
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def file_label(path: str | os.PathLike[str]) -> str:
    """A file's name as text that can be stored and shown. A name that is not
    valid in the system's encoding (a Latin-1 ``café.csv`` on a UTF-8
    system) arrives surrogate-escaped, which the database and most output
    refuse: read its bytes as Windows-1252 (what such names usually are)."""
    name = os.path.basename(os.fspath(path))
    raw = os.fsencode(name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")
