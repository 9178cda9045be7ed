"""Every raw ``sqlite3`` connection crmdesk opens outside the engine.

Checks, backups, restore, the read-only engine and moving a damaged file
aside all come here, so that one place decides how a file is opened (and,
later, hands it the encryption key), and one place tells damage from a lock
or a read-only medium. A leaf: it imports nothing else from ``crmdesk.db``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from crmdesk.atomic import private_file
from crmdesk.db.errors import (
    SQLITE_BUSY,
    SQLITE_LOCKED,
    DatabaseReadOnlyError,
    busy_error,
    is_damage,
    primary_code,
    read_only_error,
    translate,
)

BUSY_TIMEOUT_S = 5.0  # how long a check or backup waits for another program's lock
SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
COMPANIONS = ("-wal", "-shm", "-journal")


def read_only_reason(path: Path) -> str | None:
    """Why ``path`` (or the file that would be created there) cannot be
    written, or None. ``os.access`` answers for the medium even as root."""
    folder = path.parent
    try:
        if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only medium"
    except OSError:
        pass
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} is read-only"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    return None


def _uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(path))}?{query}"


def _wal_left(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def connect_ro(path: Path | str, timeout: float | None = None) -> sqlite3.Connection:
    """Open ``path`` read-only. On a read-only place with no write-ahead log
    left over, ``immutable=1``: SQLite then needs no ``-shm`` file (which it
    could not create there), and nothing can change the file under us."""
    path = Path(path)
    wait = BUSY_TIMEOUT_S if timeout is None else timeout
    if read_only_reason(path) and not _wal_left(path):
        uri = _uri(path, mode="ro", immutable="1")
    else:
        uri = _uri(path, mode="ro")
    return sqlite3.connect(uri, uri=True, timeout=wait, check_same_thread=False)


def connect_rw(path: Path | str, timeout: float | None = None) -> sqlite3.Connection:
    """Open (creating) ``path`` for writing, user-only when new."""
    path = Path(path)
    private_file(path)
    wait = BUSY_TIMEOUT_S if timeout is None else timeout
    return sqlite3.connect(path, timeout=wait)


def raise_environment(exc: sqlite3.Error, path: Path) -> None:
    """Re-raise a lock or read-only error as the project's own; damage and
    anything unknown are left to the caller."""
    if primary_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in str(exc):
        raise busy_error(path) from exc
    if is_damage(exc):
        return
    reason = read_only_reason(path)
    if reason and _wal_left(path):
        raise DatabaseReadOnlyError(
            f"cannot read {path.name}: it was not closed cleanly (its -wal file holds "
            f"changes) and {reason}; copy it together with its -wal file to a writable "
            "folder and open it there"
        ) from exc
    if reason:
        raise read_only_error(path, reason) from exc
    mapped = translate(exc, path)
    if mapped is not None:
        raise mapped from exc


def run_check(path: Path, pragma: str = "quick_check") -> list[str]:
    """What ``PRAGMA quick_check`` / ``integrity_check`` reports as text; an
    empty list means healthy. Only damage is a finding: a lock raises
    DatabaseBusyError (after waiting), an unreadable place its own error."""
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        conn = connect_ro(path)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise_environment(exc, path)
        return [str(exc)]
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def foreign_key_problems(path: Path) -> list[str]:
    try:
        conn = connect_ro(path)
        try:
            rows = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise_environment(exc, path)
        return [str(exc)]
    return [
        f"{table} row {rowid} refers to a missing row in {parent}"
        for table, rowid, parent, _fk in rows
    ]


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stored in ``path`` (None when unversioned);
    raises sqlite3.Error when the file is not a database."""
    conn = connect_ro(path)
    try:
        has = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        conn.close()


def copy_database(
    source: Path,
    dest: Path,
    *,
    journal: str = "DELETE",
    pages: int = -1,
    progress: Callable[[int, int, int], object] | None = None,
    sleep: float = 0.0,
) -> None:
    """Copy ``source`` into ``dest`` through SQLite's online backup API
    (committed rows still in the ``-wal`` file included). ``pages`` > 0
    copies in steps, releasing the source between them."""
    src = connect_ro(source)
    try:
        out = connect_rw(dest)
        try:
            src.backup(out, pages=pages, progress=progress, sleep=sleep)
            out.execute(f"PRAGMA journal_mode = {journal}")
            if journal == "WAL":
                out.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            out.close()
    finally:
        src.close()


def header(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(HEADER_SIZE)
    except OSError:
        return b""


def has_sqlite_header(path: Path) -> bool:
    return header(path).startswith(SQLITE_HEADER)


def header_problem(path: Path) -> str | None:
    """A cheap look at the 100-byte header: what is wrong with it, or None.
    Catches a truncated, emptied or overwritten start of file; not a bad
    page further in (that takes quick_check)."""
    head = header(path)
    if len(head) < HEADER_SIZE:
        return "the file is shorter than a database header"
    if not head.startswith(SQLITE_HEADER):
        return "the file does not start with a SQLite header"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"the header names an impossible page size ({page_size})"
    if path.stat().st_size % page_size:
        return "the file is not a whole number of pages (truncated or overwritten)"
    return None


def move_aside(path: Path) -> Path:
    """Move a damaged database and its companions out of the way, together,
    as ``<name>.corrupt`` (never overwriting an earlier one)."""
    aside = path.with_name(path.name + ".corrupt")
    if aside.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = path.with_name(f"{path.name}.{stamp}.corrupt")
    for suffix in ("", *COMPANIONS):
        part = path.with_name(path.name + suffix)
        if part.exists():
            os.replace(part, aside.with_name(aside.name + suffix))
    return aside


def fingerprint(path: Path) -> list[int]:
    """Size and modification time of the file and its write-ahead log: equal
    fingerprints mean nothing was committed in between (compared for
    equality only, so a clock change cannot make it lie about order)."""
    values = []
    for suffix in ("", "-wal"):
        try:
            st = path.with_name(path.name + suffix).stat()
        except FileNotFoundError:
            values += [0, 0]
            continue
        # an empty log (a reader leaves one behind) holds nothing committed
        values += [st.st_size, st.st_mtime_ns] if st.st_size else [0, 0]
    return values
