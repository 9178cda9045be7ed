"""One writer per database file: the lock the window and the CLI's
writing commands hold (``<name>.lock`` beside the database).

SQLite would let two writers each keep their own view of the data; a window
and a CLI import on one file would overwrite each other's edits or wait on
each other's locks for minutes. The lock is an operating-system lock on
the file (``flock`` on POSIX, ``msvcrt.locking`` on Windows), so it is
released the moment its process ends, killed or not: there are no stale
locks to guess about. The file records the holder's process id, program
and host for the message. Qt-free, so the command line takes the same lock.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from crmdesk.errors import DatabaseError

_REGION = 1 << 30  # Windows locks a byte far past the text, which stays readable


class InstanceRunningError(DatabaseError):
    """Another crmdesk (window or writing command) has this database open."""


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _REGION, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _wait_lock(fd: int) -> None:
        while not _try_lock(fd):
            time.sleep(0.05)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _wait_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold an operating-system lock on ``path`` (created user-only) for the
    block, waiting for another holder (another process or thread) first."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _wait_lock(fd)
        yield
    finally:
        os.close(fd)


class WriterLock:
    """A held lock; ``unlock()`` (or the end of the process) releases it."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path, self._fd = path, fd

    def isLocked(self) -> bool:  # noqa: N802 - QLockFile's name, kept for callers
        return self._fd is not None

    @property
    def locked(self) -> bool:
        return self._fd is not None

    def unlock(self) -> None:
        fd, self._fd = self._fd, None  # type: ignore[assignment]
        if fd is not None:
            os.close(fd)  # closing the descriptor releases flock / msvcrt locks

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.unlock()


def holder(db_path: Path) -> str:
    """Who holds the lock, as the lock file says (for messages)."""
    try:
        lines = lock_path_for(db_path).read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return ""
    pid, program, host = ([*lines, "", "", ""])[:3]
    if not pid.strip():
        return ""
    where = f" on {host}" if host and host != socket.gethostname() else ""
    return f" ({program or 'crmdesk'}, process {pid.strip()}{where})"


def acquire(db_path: Path, program: str = "crmdesk") -> WriterLock:
    """Lock ``db_path`` for this process, or raise InstanceRunningError."""
    lock = lock_path_for(db_path)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise DatabaseError(
            f"cannot lock {db_path.name}: the folder {db_path.parent} is not writable "
            f"({exc.strerror})"
        ) from None
    if not _try_lock(fd):
        os.close(fd)
        raise InstanceRunningError(
            f"crmdesk is already open on {db_path.name}{holder(db_path)}: close the window "
            "first (or wait for that command to finish) — two writers on one database "
            "would overwrite each other's changes."
        )
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n{program}\n{socket.gethostname()}\n".encode())
    return WriterLock(lock, fd)


def window_holding(db_path: Path | str) -> int | None:
    """The process id of a live crmdesk that holds ``db_path``'s lock, else
    None (probed by trying the lock itself, never by guessing from a pid)."""
    db_path = Path(db_path)
    lock = lock_path_for(db_path)
    if not lock.exists():
        return None
    try:
        fd = os.open(lock, os.O_RDONLY if os.name != "nt" else os.O_RDWR)
    except OSError:
        return None
    try:
        if _try_lock(fd):
            return None
    finally:
        os.close(fd)
    try:
        return int(lock.read_text(encoding="utf-8", errors="replace").split("\n")[0])
    except (OSError, ValueError):
        return -1
