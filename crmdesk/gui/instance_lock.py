"""Start-up guards for the window: one writer per database, a damaged file
offered its backup, a new file only when the user agrees, a warning for
risky places, and automatic backups.

The lock itself is Qt-free (:mod:`crmdesk.db.lock`) and shared with the
CLI's writing commands; this module adds only what needs a dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from crmdesk import APP_NAME
from crmdesk.db.backup import backup_if_due, take_backup, unchanged_since_last_backup
from crmdesk.db.health import DamagedDatabaseError, record_clean_close
from crmdesk.db.location import storage_warning
from crmdesk.db.lock import InstanceRunningError, WriterLock, acquire, lock_path_for
from crmdesk.db.rawsqlite import read_only_reason
from crmdesk.db.restore import restore_backup
from crmdesk.errors import DatabaseError
from crmdesk.paths import is_explicit, resolve_db_file

__all__ = ["InstanceRunningError", "acquire", "guarded_start", "lock_path_for", "sqlite_file"]


class NotCreatedError(DatabaseError):
    """The user declined to create a new database at the path they named."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("InstanceLock", text)


def sqlite_file(db_arg: str | None) -> Path | None:
    return resolve_db_file(db_arg)


def _offer_backup(exc: DamagedDatabaseError) -> bool:
    """Ask whether to restore the newest good backup; True when restored."""
    if exc.backup is None:
        return False
    when = exc.backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    answer = QMessageBox.question(
        None,
        APP_NAME,
        _tr(
            "Your database is damaged and was not opened; it was kept as %1.\n\n"
            "Restore the newest good backup, taken %2?"
        )
        .replace("%1", exc.moved_to.name)
        .replace("%2", when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restore_backup(exc.path, exc.backup.path)
    return True


def confirm_new_database(path: Path) -> bool:
    """Ask before creating a database at a path the user named: a typo in
    ``--db`` must not silently open an empty portfolio."""
    answer = QMessageBox.question(
        None,
        APP_NAME,
        _tr("There is no database at\n%1\n\nCreate a new, empty database there?").replace(
            "%1", str(path)
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _asks_to_create(db_arg: str | None, path: Path) -> bool:
    corrupt = path.with_name(path.name + ".corrupt")
    return is_explicit(db_arg) and not path.exists() and not corrupt.exists()


def guarded_start(
    db_arg: str | None, create_window: Callable[[str | None], Any], *, interactive: bool = True
) -> Any:
    """``create_window(db_arg)`` behind the data-safety guards; the lock is
    kept on the window as ``instance_lock``. A file that cannot be written
    is opened read-only and needs no lock (nothing can write it)."""
    path = sqlite_file(db_arg)
    if path is not None and interactive and _asks_to_create(db_arg, path):
        if not confirm_new_database(path):
            raise NotCreatedError(f"no database was created at {path}")
    read_only = path is not None and read_only_reason(path) is not None
    lock = acquire(path, "crmdesk window") if path and not read_only else None
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
    if path and not read_only:
        _start_daily_backup(window, path)
        window.quit_backup = lambda: _close_and_back_up(window, path, lock)
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


def _close_and_back_up(window: Any, path: Path, lock: WriterLock | None) -> Path | None:
    """On quit: close the database, note the clean close (the next start
    then skips the full check), release the lock at once (a new window may
    start while the copy runs), and back up only if something changed since
    the newest backup — a session that only looked costs nothing."""
    try:
        db = getattr(window, "db", None)
        if db is not None:
            db.dispose()
        record_clean_close(path)
        if lock is not None:
            lock.unlock()
        if unchanged_since_last_backup(path):
            return None
        return take_backup(path, "on-quit")
    except Exception:  # never block quitting; the next start tries again
        logging.getLogger(__name__).exception("backup on quit failed")
        return None
