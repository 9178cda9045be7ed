"""Verified backups of the database, kept in rotation, and restoring them.

Copies go through SQLite's online backup API, never a file copy: in WAL mode
committed rows may still sit in the ``-wal`` file, which a file copy would
lose. Each copy is written beside its final name, checked with
``quick_check`` and only then renamed into place; only after that are older
copies thinned (recent ones kept, then one per day, per week, per month, the
way Anki keeps its collection backups). Backups live in ``backups/`` next to
the database and are plain SQLite files a person can open with any tool.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crmdesk.atomic import commit_file, temp_path_beside
from crmdesk.errors import DatabaseError, NotFoundError

STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class Retention:
    """How many copies survive thinning: the newest ``recent`` always, then
    the newest of each of the last ``daily`` days, ``weekly`` weeks and
    ``monthly`` months that have a backup."""

    recent: int = 8
    daily: int = 7
    weekly: int = 8
    monthly: int = 12


DEFAULT_RETENTION = Retention()


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # UTC
    reason: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def quick_check(path: Path | str) -> bool:
    """True when SQLite's quick_check finds the file healthy. Any error
    (not a database, unreadable, truncated) counts as damage."""
    findings = run_check(Path(path), "quick_check")
    return findings == []


def run_check(path: Path, pragma: str = "quick_check") -> list[str]:
    """The problems ``PRAGMA quick_check`` / ``integrity_check`` report, as
    text; an empty list means healthy. Errors opening or reading the file are
    findings too."""
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [str(exc)]
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def backup_file(source: Path | str, dest: Path | str) -> Path:
    """Copy ``source`` to ``dest`` through the backup API, verified, atomically.

    The copy is self-contained (rollback journal, not WAL), so it is one file
    that can be moved, mailed or opened read-only."""
    source, dest = Path(source), Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = temp_path_beside(dest)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            out = sqlite3.connect(partial)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode = DELETE")
            finally:
                out.close()
        finally:
            src.close()
        problems = run_check(partial)
        if problems:
            raise DatabaseError(
                f"the backup of {source} did not verify ({problems[0]}); "
                "the database may be damaged — run `crmdesk check`"
            )
        commit_file(partial, dest)
    except sqlite3.Error as exc:
        raise DatabaseError(f"could not back up {source}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return dest


def backup_dir_for(source: Path | str) -> Path:
    return Path(source).parent / "backups"


def timestamped_name(source: Path | str, reason: str, when: datetime | None = None) -> str:
    stamp = (when or datetime.now(UTC)).astimezone(UTC).strftime(STAMP_FORMAT)
    return f"{Path(source).stem}-{stamp}-{_slug(reason)}{SUFFIX}"


def _slug(reason: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", reason).strip("-") or "manual"


def _pattern(source: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(source.stem)}-(\d{{8}}T\d{{6}}Z)-(.+){re.escape(SUFFIX)}$")


def list_backups(source: Path | str) -> list[BackupInfo]:
    """The backups of ``source``, newest first."""
    source = Path(source)
    folder = backup_dir_for(source)
    if not folder.is_dir():
        return []
    pattern = _pattern(source)
    found = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if not match or not entry.is_file():
            continue
        taken = datetime.strptime(match.group(1), STAMP_FORMAT).replace(tzinfo=UTC)
        reason = re.sub(r"-\d+$", "", match.group(2))
        found.append(BackupInfo(entry, taken, reason, entry.stat().st_size))
    found.sort(key=lambda b: (b.taken_at, b.path.stat().st_mtime_ns, b.name), reverse=True)
    return found


def newest_good_backup(source: Path | str) -> BackupInfo | None:
    """The newest backup that passes quick_check, if any."""
    for info in list_backups(source):
        if quick_check(info.path):
            return info
    return None


def backup_before(source: Path | str, reason: str) -> Path:
    """Take a verified backup into the folder beside the database, then thin
    older ones. The import and the upgrade call this before they write."""
    return take_backup(source, reason)


def take_backup(
    source: Path | str,
    reason: str = "manual",
    *,
    retention: Retention = DEFAULT_RETENTION,
    now: datetime | None = None,
) -> Path:
    source = Path(source)
    if not source.is_file():
        raise NotFoundError(f"there is no database at {source} to back up")
    now = now or datetime.now(UTC)
    folder = backup_dir_for(source)
    dest = folder / timestamped_name(source, reason, now)
    counter = 2
    while dest.exists():  # two backups in the same second
        dest = folder / timestamped_name(source, f"{_slug(reason)}-{counter}", now)
        counter += 1
    backup_file(source, dest)
    thin_backups(source, retention, keep=(dest,))
    _remove_stale_partials(folder)
    return dest


def _remove_stale_partials(folder: Path, age: timedelta = timedelta(hours=1)) -> None:
    """Temporary copies left by a backup that was killed midway."""
    limit = (datetime.now(UTC) - age).timestamp()
    for leftover in folder.glob(".*.partial"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < limit:
                leftover.unlink()


def backup_if_due(
    source: Path | str, reason: str = "daily", interval: timedelta = timedelta(days=1)
) -> Path | None:
    """A backup unless one was taken within ``interval`` (start of the window)."""
    source = Path(source)
    if not source.is_file() or source.stat().st_size == 0:
        return None
    newest = list_backups(source)
    if newest and datetime.now(UTC) - newest[0].taken_at < interval:
        return None
    return take_backup(source, reason)


def to_keep(backups: Iterable[BackupInfo], retention: Retention) -> set[Path]:
    """Which backups thinning keeps (``backups`` in any order)."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep = {b.path for b in ordered[: retention.recent]}
    buckets = (
        (retention.daily, lambda t: t.date()),
        (retention.weekly, lambda t: t.isocalendar()[:2]),
        (retention.monthly, lambda t: (t.year, t.month)),
    )
    for limit, bucket_of in buckets:
        seen: list[object] = []
        for info in ordered:
            bucket = bucket_of(info.taken_at)
            if bucket in seen:
                continue
            if len(seen) >= limit:
                break
            seen.append(bucket)
            keep.add(info.path)
    return keep


def thin_backups(
    source: Path | str, retention: Retention = DEFAULT_RETENTION, keep: Iterable[Path] = ()
) -> list[Path]:
    """Delete backups the retention scheme no longer needs; returns them."""
    backups = list_backups(source)
    kept = to_keep(backups, retention) | {Path(p) for p in keep}
    removed = []
    for info in backups:
        if info.path not in kept:
            with contextlib.suppress(FileNotFoundError):
                info.path.unlink()
            removed.append(info.path)
    return removed


def resolve_backup(source: Path | str, name: str) -> Path:
    """A backup named by the user: a path, or a file name in the backups folder."""
    candidate = Path(name).expanduser()
    if candidate.is_file():
        return candidate
    inside = backup_dir_for(source) / name
    if inside.is_file():
        return inside
    raise NotFoundError(f"no backup called {name} (see `crmdesk backups`)")


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
    _refuse_newer_schema(backup)
    safety = None
    if source.is_file() and source.stat().st_size > 0 and quick_check(source):
        safety = take_backup(source, "before-restore")
    elif source.is_file():
        move_aside(source)
    try:
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(source, timeout=5)
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


def _refuse_newer_schema(backup: Path) -> None:
    from crmdesk.db.migrate import known_revisions

    try:
        conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        raise DatabaseError(f"{backup.name} is not a crmdesk database") from None
    if row is not None and row[0] not in known_revisions():
        raise DatabaseError(
            f"the backup {backup.name} was written by a newer version of crmdesk; "
            "update crmdesk to restore it"
        )


def move_aside(path: Path) -> Path:
    """Move a damaged database and its WAL companions out of the way,
    together, as ``<name>.corrupt`` (never overwriting an earlier one)."""
    aside = path.with_name(path.name + ".corrupt")
    if aside.exists():
        stamp = datetime.now(UTC).strftime(STAMP_FORMAT)
        aside = path.with_name(f"{path.name}.{stamp}.corrupt")
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            os.replace(part, aside.with_name(aside.name + suffix))
    return aside
