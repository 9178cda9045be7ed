"""Is the database somewhere SQLite can be trusted? (a cloud-sync folder,
a network share). Location only: integrity checks live in ``health``."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

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
