"""Files that appear whole or not at all.

Every file crmdesk writes for the user (exports, PDFs, backups) goes through
:func:`atomic_write`: the content is written to a temporary file in the
destination's own folder (so the final rename never crosses file systems),
flushed and fsynced, then moved over the destination with ``os.replace``,
which is atomic on POSIX and Windows. A crash leaves either the old file or
the new one, never half of one; a failed write leaves no temporary behind.
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op on Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on a directory
        pass
    finally:
        os.close(fd)


def temp_path_beside(dest: Path, suffix: str = ".partial") -> Path:
    """A fresh, unused temporary file name in ``dest``'s folder; it names the
    writing process, so :func:`clean_partials` can tell a crash's leftover
    from a write in progress."""
    prefix = f".{dest.name}.{os.getpid()}{_PID_END}"
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=dest.parent)
    os.close(fd)
    return Path(name)


USER_ONLY = 0o600


def private_file(path: Path) -> None:
    """Create ``path`` empty and readable by its owner only, unless it
    exists: SQLite then keeps that mode for the file and gives its ``-wal``,
    ``-shm`` and ``-journal`` files the same one. Customer data is never
    readable by the machine's other users."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, USER_ONLY))


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) user-only (0700)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def commit_file(temp: Path, dest: Path, mode: int | None = None) -> None:
    """fsync ``temp`` and move it over ``dest`` atomically. The new file gets
    ``mode``, else the old one's permissions, else ordinary ones (mkstemp
    makes it private; a backup passes ``USER_ONLY`` to stay so)."""
    with open(temp, "rb+") as handle:
        os.fsync(handle.fileno())
    if mode is None:
        try:
            mode = dest.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o644
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)
    os.replace(temp, dest)
    fsync_dir(dest.parent)


@contextlib.contextmanager
def atomic_path(dest: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``dest``; when the block ends without an
    error the file written there replaces ``dest``. For libraries that want a
    file name rather than a file object (openpyxl, reportlab)."""
    target = Path(dest)
    clean_partials(target)
    temp = temp_path_beside(target)
    try:
        yield temp
        commit_file(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_write(
    dest: str | os.PathLike[str], mode: str = "w", **open_kwargs: Any
) -> Iterator[IO[Any]]:
    """``with atomic_write(path, "w", newline="", encoding="utf-8") as f:``
    — like ``open``, but ``path`` changes only if the block succeeds."""
    if not mode.startswith("w"):
        raise ValueError("atomic_write only writes")
    with atomic_path(dest) as temp, open(temp, mode, **open_kwargs) as handle:
        yield handle
        handle.flush()


# --- leftovers of a crash ------------------------------------------------------

_PID_END = "-"  # ".report.pdf.<pid>-<random>.partial"
_UNOWNED_AGE_S = 3600.0  # a partial without a writer's pid (older versions)


def clean_partials(dest: str | os.PathLike[str], suffix: str = ".partial") -> int:
    """Remove the temporary files a crashed write to ``dest`` left beside it
    (``kill -9``, power loss: no ``except`` ran). A partial whose writer is
    still running is kept. Called by :func:`atomic_path`, so each export or
    PDF cleans up after its own earlier crash; returns how many went."""
    target = Path(dest)
    removed = 0
    try:
        found = list(target.parent.glob(f".{glob.escape(target.name)}.*{suffix}"))
    except OSError:
        return 0
    for path in found:
        if not _abandoned(path, target.name, suffix):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def _abandoned(path: Path, name: str, suffix: str) -> bool:
    middle = path.name[len(name) + 2 : -len(suffix)]
    pid_text, sep, _rest = middle.partition(_PID_END)
    if sep and pid_text.isdigit():
        return not _running(int(pid_text))
    try:
        return time.time() - path.stat().st_mtime > _UNOWNED_AGE_S
    except OSError:
        return False


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another thread of this process may be writing it
    if os.name != "posix":
        return _running_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, someone else's
        return True
    return True


def _running_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
