"""Verified backups of the database, kept in rotation.

Copies go through SQLite's online backup API, never a file copy: in WAL mode
committed rows may still sit in the ``-wal`` file, which a file copy would
lose. Each copy is written beside its final name, checked with
``quick_check`` and only then renamed into place; only after that are older
copies thinned (recent ones kept, then one per day, per week, per month, the
way Anki keeps its collection backups). Backups live in ``backups/`` next to
the database, user-only (0600 in a 0700 folder), and are plain SQLite files
a person can open with any tool.

Order never trusts the wall clock: every backup's name carries a sequence
number one above the highest in the folder, and "newest" means the highest
number. The time stamp beside it is only for people and for the daily /
weekly / monthly buckets; the newest ``recent`` copies by number survive
thinning whatever their stamps say, and a stamp in the future (the clock
was ahead) makes the next daily backup due instead of skipping it.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crmdesk.atomic import USER_ONLY, commit_file, private_folder, temp_path_beside
from crmdesk.db.errors import DiskFullError
from crmdesk.db.lock import exclusive
from crmdesk.db.rawsqlite import copy_database, fingerprint, run_check
from crmdesk.errors import DatabaseError, NotFoundError

STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
SUFFIX = ".sqlite3"
SEQ_DIGITS = 6
LOCK_NAME = "backups.lock"
FREE_SPACE_MARGIN = 1.2  # a backup needs its size and a fifth more left free


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
    taken_at: datetime  # UTC, as the clock said then: for people, not for order
    reason: str
    size: int
    seq: int = 0  # the order: higher is newer (0 for backups of older crmdesks)

    @property
    def name(self) -> str:
        return self.path.name


def quick_check(path: Path | str) -> bool:
    """True when SQLite's quick_check finds the file healthy."""
    try:
        return run_check(Path(path), "quick_check") == []
    except DatabaseError:
        return False


def ensure_free_space(folder: Path, needed: int) -> None:
    """Refuse (DiskFullError) unless ``folder``'s disk has room for ``needed``
    bytes and a margin: a backup must never fill the disk."""
    free = shutil.disk_usage(folder).free
    want = int(needed * FREE_SPACE_MARGIN)
    if free < want:
        raise DiskFullError(
            f"not enough free space for a backup in {folder}: it needs about "
            f"{want // 2**20 + 1} MB, {free // 2**20} MB are free. Free some space or "
            "delete old backups (File > Backups…); nothing was written"
        )


def _source_size(source: Path) -> int:
    size = source.stat().st_size
    with contextlib.suppress(FileNotFoundError):
        size += source.with_name(source.name + "-wal").stat().st_size
    return size


def backup_file(source: Path | str, dest: Path | str) -> Path:
    """Copy ``source`` to ``dest`` through the backup API, verified, atomically.

    The copy is self-contained (rollback journal, not WAL), so it is one file
    that can be moved, mailed or opened read-only; it is user-only."""
    import sqlite3

    source, dest = Path(source), Path(dest)
    private_folder(dest.parent)
    ensure_free_space(dest.parent, _source_size(source))
    partial = temp_path_beside(dest)
    try:
        copy_database(source, partial)
        problems = run_check(partial)
        if problems:
            raise DatabaseError(
                f"the backup of {source} did not verify ({problems[0]}); "
                "the database may be damaged — run `crmdesk check`"
            )
        commit_file(partial, dest, USER_ONLY)
    except sqlite3.Error as exc:
        if "full" in str(exc).lower():
            raise DiskFullError(
                f"the disk filled up while backing up {source.name}; the partial copy "
                "was removed and nothing else changed"
            ) from exc
        raise DatabaseError(f"could not back up {source}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
    return dest


def backup_dir_for(source: Path | str) -> Path:
    return Path(source).parent / "backups"


def timestamped_name(
    source: Path | str, reason: str, when: datetime | None = None, seq: int = 1
) -> str:
    stamp = (when or datetime.now(UTC)).astimezone(UTC).strftime(STAMP_FORMAT)
    return f"{Path(source).stem}-{stamp}-{seq:0{SEQ_DIGITS}d}-{_slug(reason)}{SUFFIX}"


def _slug(reason: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", reason).strip("-") or "manual"


def _pattern(source: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(source.stem)}-(\d{{8}}T\d{{6}}Z)-(?:(\d{{{SEQ_DIGITS}}})-)?(.+)"
        rf"{re.escape(SUFFIX)}$"
    )


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
        seq = int(match.group(2) or 0)
        reason = re.sub(r"-\d+$", "", match.group(3))
        found.append(BackupInfo(entry, taken, reason, entry.stat().st_size, seq))
    # Sequence first; among older crmdesks' unnumbered backups, their stamps.
    found.sort(key=lambda b: (b.seq, b.taken_at if b.seq == 0 else 0, b.name), reverse=True)
    return found


def next_seq(source: Path | str) -> int:
    backups = list_backups(source)
    return (max(b.seq for b in backups) + 1) if backups else 1


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
    private_folder(folder)
    # One backup of a database at a time (threads and processes alike), so a
    # partial seen here is a dead one's, and sequence numbers never collide.
    with exclusive(folder / LOCK_NAME):
        remove_partials(folder)  # a crash's leftovers go before a new copy is made
        before = fingerprint(source)
        dest = folder / timestamped_name(source, reason, now, next_seq(source))
        backup_file(source, dest)
        thin_backups(source, retention, keep=(dest,))
        _remember(source, before)
    return dest


def remove_partials(folder: Path) -> list[Path]:
    """Temporary copies (and their ``-journal`` files) left by a backup that
    was killed midway (call it holding the folder's lock)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for leftover in [*folder.glob(".*.partial"), *folder.glob(".*.partial-journal")]:
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed.append(leftover)
    return removed


def _state_file(source: Path) -> Path:
    return backup_dir_for(source) / f"{source.stem}.last-backup.json"


def _remember(source: Path, before: list[int]) -> None:
    """Record the database's fingerprint as the newest backup saw it."""
    with contextlib.suppress(OSError):
        _state_file(source).write_text(json.dumps({"fingerprint": before}), encoding="utf-8")


def unchanged_since_last_backup(source: Path | str) -> bool:
    """True when nothing was committed to ``source`` since the newest backup
    was taken (its size and modification times are what that backup saw)."""
    source = Path(source)
    try:
        state = json.loads(_state_file(source).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(list_backups(source)) and state.get("fingerprint") == fingerprint(source)


def backup_if_due(
    source: Path | str,
    reason: str = "daily",
    interval: timedelta = timedelta(days=1),
    now: datetime | None = None,
) -> Path | None:
    """A backup unless the newest one is younger than ``interval`` or nothing
    changed since it. A newest stamp in the future cannot be trusted (the
    clock was ahead, or is behind now): a backup is due then."""
    source = Path(source)
    if not source.is_file() or source.stat().st_size == 0:
        return None
    backups = list_backups(source)
    if backups and unchanged_since_last_backup(source):
        return None
    now = now or datetime.now(UTC)
    if backups:
        age = now - backups[0].taken_at
        if timedelta(0) <= age < interval:
            return None
    return take_backup(source, reason, now=now)


def to_keep(backups: Iterable[BackupInfo], retention: Retention) -> set[Path]:
    """Which backups thinning keeps (``backups`` in any order). The newest
    ``recent`` by sequence are always kept, whatever their stamps."""
    ordered = sorted(backups, key=lambda b: (b.seq, b.taken_at), reverse=True)
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
