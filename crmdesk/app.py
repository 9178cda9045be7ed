"""Starting the window: the launcher (``crmdesk``) and the test seam
``create_window`` share the same path."""

from __future__ import annotations

import sys
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


def create_window(db_path: str | Path | None):  # type: ignore[no-untyped-def]
    """The main window on the database at ``db_path`` (a path or URL; None
    for the default), not shown yet."""
    from crmdesk.db.migrate import open_database
    from crmdesk.gui.main_window import MainWindow
    from crmdesk.paths import resolve_db_url

    _application()
    db = open_database(resolve_db_url(str(db_path) if db_path else None))
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
