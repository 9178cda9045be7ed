"""Is the database file healthy, and is it somewhere SQLite can be trusted?

On every open a ``quick_check`` runs; a damaged file is never used silently:
it is moved aside as ``*.corrupt`` (with its WAL companions) so nothing
writes to it any more, and the error names the newest good backup. Tools ▸
Check database and ``crmdesk check`` run the full ``integrity_check`` and
``foreign_key_check``.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from crmdesk.db.backup import BackupInfo, move_aside, newest_good_backup, run_check
from crmdesk.errors import DatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"


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
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_on_open(path: Path | str) -> None:
    """Raise unless ``path`` is absent, empty or passes quick_check.

    A file that is not SQLite at all (a spreadsheet picked by mistake) is
    refused but left where it is; a SQLite file that fails is moved aside."""
    path = Path(path)
    if not path.exists():
        aside = path.with_name(path.name + ".corrupt")
        if aside.exists():  # moved aside earlier: never start afresh silently
            raise DamagedDatabaseError(
                path, aside, newest_good_backup(path), ["it was moved aside earlier"]
            )
        return
    if path.stat().st_size == 0:
        return
    if not is_sqlite_file(path):
        raise DatabaseError(f"cannot open {path}: file is not a database (not a SQLite file)")
    findings = run_check(path, "quick_check")
    if findings:
        moved = move_aside(path)
        raise DamagedDatabaseError(path, moved, newest_good_backup(path), findings)


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
    """Full check, read-only: ``integrity_check`` then ``foreign_key_check``."""
    path = Path(path)
    report = CheckReport(path)
    report.integrity = run_check(path, "integrity_check")
    if report.integrity:
        return report
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        report.foreign_keys = [str(exc)]
        return report
    report.foreign_keys = [
        f"{table} row {rowid} refers to a missing row in {parent}"
        for table, rowid, parent, _fk in rows
    ]
    return report


# --- another crmdesk window on the file ---------------------------------------


def window_holding(path: Path | str) -> int | None:
    """The process id of a live crmdesk window that holds ``path``'s lock
    (the QLockFile the window keeps as ``<name>.lock``), else None. Read
    without Qt so the command line can refuse to restore under a window."""
    lock = Path(str(path) + ".lock")
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return None
    host = lines[2] if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return pid  # another computer's window: assume it is alive
    if os.name != "posix":
        return pid
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # a crashed window's stale lock
    except PermissionError:
        return pid
    return pid


# --- where the file lives ----------------------------------------------------

CLOUD_MARKERS = (
    "dropbox",
    "onedrive",
    "icloud drive",
    "icloud",
    "mobile documents",
    "google drive",
    "googledrive",
    "my drive",
    "cloudstorage",
    "box sync",
    "pcloud",
    "nextcloud",
    "owncloud",
    "megasync",
    "sync.com",
)
NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "afs",
    "9p",
    "ceph",
    "glusterfs",
    "davfs",
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.davfs2",
    "fuse.s3fs",
    "fuse.gcsfuse",
}


def cloud_folder(path: PurePath) -> str | None:
    """The cloud-sync folder name in ``path``, if any (by path pattern)."""
    for part in path.parts:
        lowered = part.lower()
        for marker in CLOUD_MARKERS:
            if marker in lowered:
                return part
    return None


def network_fs_type(path: Path, mounts_text: str | None = None) -> str | None:
    """The network file system ``path`` lives on (Linux ``/proc/mounts``,
    Windows UNC paths and remote drives), else None."""
    if os.name == "nt":
        return _windows_remote(path)
    resolved = str(path.resolve())
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    best, best_type = "", None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount = fields[1].replace("\\040", " ")
        inside = resolved == mount or resolved.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, best_type = mount, fields[2]
    if best_type and (best_type in NETWORK_FS or best_type.split(".")[-1] in NETWORK_FS):
        return best_type
    return None


def _windows_remote(path: Path) -> str | None:
    text = str(path)
    if text.startswith("\\\\"):
        return "network share"
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(str(path.resolve()))[0] + "\\"
        if ctypes.windll.kernel32.GetDriveTypeW(drive) == 4:  # DRIVE_REMOTE
            return "network drive"
    return None


def storage_warning(path: Path | str, mounts_text: str | None = None) -> str | None:
    """One sentence to show when the database sits where SQLite's locking
    and durability cannot be trusted; None when the place is fine."""
    path = Path(path)
    where = cloud_folder(path)
    if where:
        return (
            f"the database is in a cloud-sync folder ({where}); syncing can copy it while "
            "it is being written and damage it. Keep it in a local folder and rely on "
            "crmdesk's backups instead."
        )
    fs = network_fs_type(path.parent if not path.exists() else path, mounts_text)
    if fs:
        return (
            f"the database is on a network share ({fs}); file locking there is unreliable "
            "and two computers could damage it. Keep it on this computer's own disk."
        )
    return None
