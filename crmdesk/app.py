"""Starting the window: the launcher (``crmdesk``) and the test seam
``create_window`` share the same path."""

from __future__ import annotations

import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from crmdesk import APP_NAME, __version__
from crmdesk.errors import CrmError


def _application():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(APP_NAME)
        app.setApplicationVersion(__version__)
        # Ties the window to packaging/linux/io.github.crmdesk.CrmDesk.desktop
        # (Wayland app id: the dock shows its icon and name).
        app.setDesktopFileName("io.github.crmdesk.CrmDesk")
    return app


def _start_health_check(url: str) -> Future[None] | None:
    """Start SQLite's quick_check of the database file on another thread.

    It reads the whole file (about 0.4 s for a 10k-account portfolio), and
    SQLite releases the GIL while it runs, so it overlaps the GUI's imports
    instead of adding to the start-up time; the window is not built until it
    has passed."""
    from crmdesk.db.health import check_on_open

    if not url.startswith("sqlite:///"):
        return None
    path = Path(url.removeprefix("sqlite:///"))
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crmdesk-check")
    future = pool.submit(check_on_open, path)
    pool.shutdown(wait=False)
    return future


def create_window(db_path: str | Path | None):  # type: ignore[no-untyped-def]
    """The main window on the database at ``db_path`` (a path or URL; None
    for the default), not shown yet."""
    from crmdesk.paths import resolve_db_url

    url = resolve_db_url(str(db_path) if db_path else None)
    check = _start_health_check(url)
    from crmdesk.db.migrate import open_database
    from crmdesk.gui.main_window import MainWindow

    _application()
    if check is not None:
        check.result()  # raises if the file is damaged: never used silently
    db = open_database(url, checked=check is not None)
    return MainWindow(db)


def run_gui(db_arg: str | None = None, open_file: str | None = None) -> int:
    app = _application()
    from crmdesk.gui import file_open

    forwarder = file_open.install(app)  # macOS: Finder's "Open With" (see the module)
    try:
        # Data safety: one instance per database, backups, damaged-file handling.
        from crmdesk.gui.instance_lock import guarded_start

        window = guarded_start(db_arg, create_window)
    except CrmError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_NAME, str(exc))
        raise
    window.show()
    if open_file and hasattr(window, "start_import"):
        window.start_import(open_file)
    if forwarder is not None:
        forwarder.attach(window)
    return int(app.exec())
