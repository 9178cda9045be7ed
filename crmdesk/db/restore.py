"""Restoring a backup into the live database file.

Apart from ``backup`` because it needs ``migrate`` (a backup written by a
newer crmdesk is refused) and ``health`` (a damaged current file is moved
aside rather than backed up), while both of those need ``backup``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from crmdesk.db.backup import quick_check, take_backup
from crmdesk.db.migrate import refuse_newer_schema
from crmdesk.db.rawsqlite import connect_ro, connect_rw, move_aside, run_check
from crmdesk.errors import DatabaseError


def restore_backup(
    source: Path | str,
    backup: Path | str,
    progress: Callable[[int, int], None] | None = None,
    step_pages: int = 1024,
) -> Path | None:
    """Replace the database's content with ``backup``'s; returns the backup
    of the current state taken first (so a restore can itself be undone).

    The copy goes through the backup API into the live file, which SQLite
    commits as one transaction: a crash midway leaves the old content. Close
    every other connection to ``source`` first (the window does)."""
    source, backup = Path(source), Path(backup)
    problems = run_check(backup)
    if problems:
        raise DatabaseError(f"the backup {backup.name} is damaged ({problems[0]}); choose another")
    if source.resolve() == backup.resolve():
        raise DatabaseError("that file is the database itself, not a backup")
    refuse_newer_schema(backup)
    safety = None
    if source.is_file() and source.stat().st_size > 0 and quick_check(source):
        safety = take_backup(source, "before-restore")
    elif source.is_file():
        move_aside(source)
    try:
        src = connect_ro(backup)
        try:
            dest = connect_rw(source)
            try:
                dest.execute("PRAGMA journal_mode = WAL")
                # In steps (for progress); the destination stays locked in one
                # write transaction until the last step commits.
                src.backup(dest, pages=step_pages, progress=_pages(progress))
                dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dest.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"could not restore {backup.name}: {exc}") from exc
    problems = run_check(source)
    if problems:
        raise DatabaseError(f"the restored database did not verify: {problems[0]}")
    return safety


def _pages(progress: Callable[[int, int], None] | None) -> Callable[[int, int, int], None] | None:
    if progress is None:
        return None
    return lambda _status, remaining, total: progress(total - remaining, total)
