"""Consistent copies of a SQLite database.

Uses SQLite's online backup API, never a file copy: in WAL mode committed
rows may still sit in the ``-wal`` file, which a file copy would lose.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from crmdesk.errors import DatabaseError


def quick_check(path: Path) -> bool:
    """True when SQLite's quick_check finds the file healthy."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


def backup_file(source: Path, dest: Path) -> Path:
    """Copy ``source`` to ``dest`` through the backup API, verified, atomically."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    try:
        out = sqlite3.connect(partial)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    if not quick_check(partial):
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"the backup of {source} did not verify; the database may be damaged")
    os.replace(partial, dest)
    return dest


def timestamped_name(source: Path, reason: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{source.stem}-{stamp}-{reason}.sqlite3"


def backup_dir_for(source: Path) -> Path:
    return source.parent / "backups"


def backup_before(source: Path, reason: str) -> Path:
    """Take a verified backup into the folder beside the database."""
    return backup_file(source, backup_dir_for(source) / timestamped_name(source, reason))
