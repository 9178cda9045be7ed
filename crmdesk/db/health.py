"""Is the database file healthy? Checked on every open, in proportion.

A damaged file is never used silently: it is moved aside as ``*.corrupt``
(with its companions) so nothing writes to it any more, and the error names
the newest good backup. Only SQLite's own verdict of damage (a bad header,
corrupt pages, a failed quick_check, an emptied file that has backups)
counts: a file locked by another program or on a read-only medium raises
its own error and stays where it is.

What runs when (the README's "Your data" says the same):

* every open: the 100-byte header (magic, page size, whole pages) and the
  schema readable — milliseconds at any size;
* a full ``quick_check`` on open when the last close was not clean (the
  file changed since crmdesk last closed it: a crash, another program, a
  copy from elsewhere) or the last full check is a week old or has a stamp
  in the future; ``crmdesk check`` and Tools ▸ Check database run the full
  ``integrity_check`` and ``foreign_key_check`` on demand.

Why the cheap check keeps "a damaged file is never used": crmdesk writes
with ``synchronous=FULL`` through a write-ahead log, so its own writes and
crashes do not damage the file; what does — another program, the disk, a
sync tool — changes the file's size or modification time, which the
clean-close marker compares (equality only, so a clock change cannot fool
it). Damage that leaves both unchanged (the medium's own decay) is found by
the weekly check, by every verified backup (each copy is quick_checked),
and by SQLite itself when it reads a bad page, which the session helper
reports as "looks damaged" without writing anything.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crmdesk.atomic import private_folder
from crmdesk.db.backup import BackupInfo, backup_dir_for, list_backups, newest_good_backup
from crmdesk.db.location import storage_warning
from crmdesk.db.lock import window_holding
from crmdesk.db.rawsqlite import (
    connect_ro,
    fingerprint,
    foreign_key_problems,
    has_sqlite_header,
    header_problem,
    move_aside,
    raise_environment,
    run_check,
)
from crmdesk.errors import DatabaseError

FULL_CHECK_EVERY = timedelta(days=7)
# ``storage_warning`` (location) and ``window_holding`` (lock) lived here
# before the split; callers may still import them from here.
__all__ = [
    "CheckReport",
    "DamagedDatabaseError",
    "check_database",
    "check_on_open",
    "record_clean_close",
    "storage_warning",
    "window_holding",
]


class DamagedDatabaseError(DatabaseError):
    """The file failed its check and was moved aside; ``backup`` is the
    newest good backup (or None) so the window can offer to restore it."""

    def __init__(
        self, path: Path, moved_to: Path, backup: BackupInfo | None, findings: list[str]
    ) -> None:
        self.path, self.moved_to, self.backup, self.findings = path, moved_to, backup, findings
        text = (
            f"the database {path} is damaged ({findings[0] if findings else 'unknown'}). "
            f"It has not been used; it was moved aside to {moved_to.name}. "
        )
        if backup:
            when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
            text += (
                f"The newest good backup is {backup.name} ({when}): restore it with "
                f"`crmdesk restore {backup.name}` (the window offers to when it starts)."
            )
        else:
            text += (
                "There is no backup of it; keep the .corrupt file for recovery, and "
                "delete or rename it to start with an empty database."
            )
        super().__init__(text)


def is_sqlite_file(path: Path) -> bool:
    return has_sqlite_header(path)


# --- the clean-close marker ---------------------------------------------------


def _marker(path: Path) -> Path:
    """Kept with the backups (crmdesk's own folder), not beside the user's file."""
    return backup_dir_for(path) / f"{path.stem}.state.json"


def _read_marker(path: Path) -> dict[str, object]:
    try:
        value = json.loads(_marker(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write_marker(path: Path, **changes: object) -> None:
    state = {**_read_marker(path), **changes}
    with contextlib.suppress(OSError):  # a read-only place keeps no marker
        private_folder(_marker(path).parent)
        _marker(path).write_text(json.dumps(state), encoding="utf-8")


def record_clean_close(path: Path | str) -> None:
    """Note the file as crmdesk left it; call after the last connection closed."""
    path = Path(path)
    if path.is_file() and path.stat().st_size > 0:  # an empty file is no database yet
        _write_marker(path, clean_close=fingerprint(path))


def _full_check_due(path: Path, now: datetime) -> bool:
    state = _read_marker(path)
    if state.get("clean_close") != fingerprint(path):
        return True
    try:
        last = datetime.fromisoformat(str(state["full_check"]))
    except (KeyError, ValueError):
        return True
    age = now - last
    return not timedelta(0) <= age < FULL_CHECK_EVERY


# --- the check on open --------------------------------------------------------


def _belongs_to_crmdesk(path: Path) -> bool:
    """Backups or a marker beside it: this file was a crmdesk database, so
    garbage in it is damage rather than a spreadsheet picked by mistake."""
    return bool(list_backups(path)) or _marker(path).exists()


def _damaged(path: Path, findings: list[str]) -> DamagedDatabaseError:
    moved = move_aside(path)
    with contextlib.suppress(OSError):
        _marker(path).unlink()
    return DamagedDatabaseError(path, moved, newest_good_backup(path), findings)


def check_on_open(path: Path | str, *, full: bool | None = None) -> str:
    """Raise unless ``path`` is absent (a new database), or passes the check;
    returns which check ran ("none", "cheap" or "full"). ``full`` forces
    (True) or skips (False) the quick_check; None decides as described above.

    A file that is not SQLite at all (a spreadsheet picked by mistake) is
    refused but left where it is; a crmdesk file that fails is moved aside."""
    path = Path(path)
    if not path.exists():
        aside = path.with_name(path.name + ".corrupt")
        if aside.exists():  # moved aside earlier: never start afresh silently
            raise DamagedDatabaseError(
                path, aside, newest_good_backup(path), ["it was moved aside earlier"]
            )
        return "none"
    if path.stat().st_size == 0:
        if _belongs_to_crmdesk(path):  # emptied: its backups or marker say it had data
            raise _damaged(path, ["the file is empty (zero bytes)"])
        return "none"
    problem = header_problem(path)
    if problem:
        if not has_sqlite_header(path) and not _belongs_to_crmdesk(path):
            raise DatabaseError(f"cannot open {path}: file is not a database (not a SQLite file)")
        raise _damaged(path, [problem])
    now = datetime.now(UTC)
    if full is None:
        full = _full_check_due(path, now)
    if full:
        findings = run_check(path, "quick_check")
        if findings:
            raise _damaged(path, findings)
        _write_marker(path, full_check=now.isoformat())
        return "full"
    findings = _schema_readable(path)
    if findings:
        raise _damaged(path, findings)
    return "cheap"


def _schema_readable(path: Path) -> list[str]:
    import sqlite3

    try:
        conn = connect_ro(path)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise_environment(exc, path)
        return [str(exc)]
    return []


# --- the full check on demand -------------------------------------------------


@dataclass
class CheckReport:
    """What Tools ▸ Check database and ``crmdesk check`` found."""

    path: Path
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.foreign_keys

    @property
    def findings(self) -> list[str]:
        return [*self.integrity, *self.foreign_keys]

    def summary(self) -> str:
        if self.ok:
            return f"{self.path}: healthy (integrity_check ok, no broken references)"
        lines = [f"{self.path}: {len(self.findings)} problem(s) found"]
        lines += [f"  {line}" for line in self.findings[:50]]
        if len(self.findings) > 50:
            lines.append(f"  … and {len(self.findings) - 50} more")
        return "\n".join(lines)


def check_database(path: Path | str) -> CheckReport:
    """Full check, read-only: ``integrity_check`` then ``foreign_key_check``.
    A locked file raises DatabaseBusyError (it is not a finding)."""
    path = Path(path)
    report = CheckReport(path)
    report.integrity = run_check(path, "integrity_check")
    if report.integrity:
        return report
    report.foreign_keys = foreign_key_problems(path)
    if report.ok:
        _write_marker(path, full_check=datetime.now(UTC).isoformat())
    return report
