"""Starting the window: the launcher (``crmdesk``) and the test seam
``create_window`` share the same path."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from crmdesk import APP_NAME, __version__
from crmdesk.errors import CrmError

if TYPE_CHECKING:
    from concurrent.futures import Future


def _application():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from crmdesk.xcb_check import problem

        missing = problem()  # say which system libraries are missing, not Qt's abort
        if missing:
            raise CrmError(missing)
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(APP_NAME)
        app.setApplicationVersion(__version__)
        # Ties the window to packaging/linux/io.github.crmdesk.CrmDesk.desktop
        # (Wayland app id: the dock shows its icon and name).
        app.setDesktopFileName("io.github.crmdesk.CrmDesk")
    return app


def _start_health_check(path: Path | None) -> Future[str] | None:
    """Start the database file's check on another thread.

    Usually the cheap check (the last close was clean); when a full
    quick_check is due it reads the whole file (about 0.4 s for a
    10k-account portfolio), and SQLite releases the GIL while it runs, so it
    overlaps the GUI's imports instead of adding to the start-up time; the
    window is not built until it has passed."""
    from concurrent.futures import ThreadPoolExecutor

    from crmdesk.db.health import check_on_open

    if path is None:
        return None
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crmdesk-check")
    future = pool.submit(check_on_open, path)
    pool.shutdown(wait=False)
    return future


def _checked_database(db_arg: str | None):  # type: ignore[no-untyped-def]
    """The database ``db_arg`` names, opened once SQLite's quick_check of the
    file has passed. The check runs on a thread while the storage layer and
    the panes are imported (SQLite releases the GIL), so it adds little."""
    from crmdesk.paths import resolve_db_file, resolve_db_url

    path = resolve_db_file(db_arg)
    check = _start_health_check(path)
    import crmdesk.gui.portfolio.customer_pane  # noqa: F401 - imported while the check runs
    import crmdesk.gui.window_actions  # noqa: F401
    from crmdesk.db.migrate import open_database
    from crmdesk.db.rawsqlite import read_only_reason

    if check is not None:
        check.result()  # raises if the file is damaged: never used silently
    if path is not None and path.exists() and read_only_reason(path):
        from crmdesk.db.lifecycle import open_read_only

        return open_read_only(path)  # shown; a Save says why it cannot
    return open_database(resolve_db_url(db_arg), checked=check is not None)


def create_window(db_path: str | Path | None):  # type: ignore[no-untyped-def]
    """The main window on the database at ``db_path`` (a path or URL; None
    for the default), not shown yet."""
    from crmdesk.gui.main_window import MainWindow

    _application()
    return MainWindow(_checked_database(str(db_path) if db_path else None))


def open_window(  # type: ignore[no-untyped-def]
    db_arg: str | None, *, shown: Callable[[], None] | None = None, interactive: bool = True
):
    """The launcher's start: the window's frame is on screen (``shown`` is
    called then) before the storage layer and the panes are even imported;
    then the data-safety guards lock and check the file, and the panes fill
    in on the database. ``interactive=False`` (tests, benchmarks) asks nothing:
    a damaged file or a risky folder raises or is only logged."""
    app = _application()
    from crmdesk.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    app.processEvents()
    if shown is not None:
        shown()

    def attach(arg: str | None):  # type: ignore[no-untyped-def]
        window.attach(_checked_database(arg))  # inside the instance lock
        return window

    from crmdesk.gui.instance_lock import guarded_start

    try:
        return guarded_start(db_arg, attach, interactive=interactive)
    except BaseException:
        window.close()
        raise


def run_gui(db_arg: str | None = None, open_file: str | None = None) -> int:
    app = _application()
    from crmdesk.gui.common import file_open

    forwarder = file_open.install(app)  # macOS: Finder's "Open With" (see the module)
    try:
        window = open_window(db_arg)
    except CrmError as exc:
        from PySide6.QtWidgets import QMessageBox

        from crmdesk.gui.instance_lock import NotCreatedError

        if not isinstance(exc, NotCreatedError):  # the user just said no: no second box
            QMessageBox.critical(None, APP_NAME, str(exc))
        raise
    from crmdesk.gui import crash_report

    # errors nobody caught (in a slot, say): a dialog, and the user log folder
    crash_report.install(window, crash_report.setup_file_log())
    if getattr(window, "attached", False):
        from crmdesk.gui.preferences.dialog import ask_name_on_first_start

        ask_name_on_first_start(window, window.owner_names())
    if open_file and hasattr(window, "start_import"):
        window.start_import(open_file)
    if forwarder is not None:
        forwarder.attach(window)
    return int(app.exec())
