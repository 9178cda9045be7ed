"""Start-up guards for the window: one writer per database, a damaged file
offered its backup, a warning for risky places, and automatic backups.

SQLite would let two windows write the same file, each with its own view of
the data; the second would silently overwrite the first one's edits. A
QLockFile beside the database (``<name>.lock``) refuses the second instance.
The lock records the owner's process id, so the lock of a crashed or killed
instance is recognised as stale and taken over on the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QMessageBox

from crmdesk import APP_NAME
from crmdesk.db.backup import backup_if_due, restore_backup, take_backup
from crmdesk.db.health import DamagedDatabaseError, storage_warning
from crmdesk.errors import DatabaseError


class InstanceRunningError(DatabaseError):
    """Another crmdesk has this database open."""


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def acquire(db_path: Path, wait_ms: int = 200) -> QLockFile:
    """Lock ``db_path`` for this process, or raise InstanceRunningError.

    Keep the returned object alive for as long as the database is open;
    deleting it (or ``unlock()``) releases the lock."""
    lock = QLockFile(str(lock_path_for(db_path)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(wait_ms):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = lock.getLockInfo()  # PySide6: (pid, hostname, appname)
        who = f" (process {info[0]} on {info[1]})" if info and len(info) >= 2 else ""
        raise InstanceRunningError(
            f"crmdesk is already open on {db_path.name}{who}. Switch to that window, "
            "or close it first: two windows on one database would overwrite each "
            "other's changes."
        )
    raise InstanceRunningError(
        f"cannot lock {db_path.name}: the folder {db_path.parent} is not writable"
    )


def sqlite_file(db_arg: str | None) -> Path | None:
    from crmdesk.paths import resolve_db_file, resolve_db_url

    path = resolve_db_file(db_arg)
    if path is not None:
        # a file path or the default: known without SQLAlchemy, which the
        # launcher imports only after the file's check has started
        return path
    from sqlalchemy.engine import make_url

    url = make_url(resolve_db_url(db_arg))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _offer_backup(exc: DamagedDatabaseError) -> bool:
    """Ask whether to restore the newest good backup; True when restored."""
    if exc.backup is None:
        return False
    when = exc.backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    answer = QMessageBox.question(
        None,
        APP_NAME,
        QCoreApplication.translate(
            "InstanceLock",
            "Your database is damaged and was not opened; it was kept as %1.\n\n"
            "Restore the newest good backup, taken %2?",
        )
        .replace("%1", exc.moved_to.name)
        .replace("%2", when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restore_backup(exc.path, exc.backup.path)
    return True


def guarded_start(
    db_arg: str | None, create_window: Callable[[str | None], Any], *, interactive: bool = True
) -> Any:
    """``create_window(db_arg)`` behind the data-safety guards; the lock is
    kept on the window as ``instance_lock``."""
    path = sqlite_file(db_arg)
    lock = acquire(path) if path else None
    try:
        try:
            window = create_window(db_arg)
        except DamagedDatabaseError as exc:
            if not (interactive and _offer_backup(exc)):
                raise
            window = create_window(db_arg)
    except BaseException:
        if lock:
            lock.unlock()
        raise
    window.instance_lock = lock
    if path:
        _start_daily_backup(window, path)
        window.quit_backup = lambda: _backup_on_quit(path)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(window.quit_backup)
        warning = storage_warning(path)
        if warning and interactive:
            QMessageBox.warning(window, APP_NAME, warning[0].upper() + warning[1:])
    return window


def _start_daily_backup(window: Any, path: Path) -> None:
    """At most one backup a day on start, off the GUI thread."""
    jobs = getattr(window, "jobs", None)
    if jobs is None:
        backup_if_due(path, "daily")
        return
    jobs.run(lambda _ctx: backup_if_due(path, "daily"), name="daily backup",
             on_error=window.show_error)  # fmt: skip


def _backup_on_quit(path: Path) -> None:
    try:
        take_backup(path, "on-quit")
    except Exception:  # never block quitting; the next start tries again
        import logging

        logging.getLogger(__name__).exception("backup on quit failed")
