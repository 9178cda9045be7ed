"""A spreadsheet opened from Finder (macOS sends a QFileOpenEvent, at launch
and while running) goes to the import wizard like ``crmdesk FILE`` does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from crmdesk.app import create_window
from crmdesk.gui.common import file_open


def _send_open(path: Path) -> bool:
    return QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(path)))


def test_finder_open_reaches_the_import_wizard(qtbot, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    forwarder = file_open.install(app, force=True)
    assert forwarder is not None
    try:
        early = tmp_path / "early.xlsx"
        _send_open(early)  # before the window exists: kept for it
        assert forwarder.pending == [str(early)]

        window = create_window(db_path)
        qtbot.addWidget(window)
        seen: list[str | None] = []
        window.import_handler = seen.append
        forwarder.attach(window)
        assert seen == [str(early)] and forwarder.pending == []

        later = tmp_path / "later.csv"
        assert _send_open(later)  # handled, not passed on
        assert seen == [str(early), str(later)]
    finally:
        app.removeEventFilter(forwarder)
        forwarder.deleteLater()


def test_only_installed_where_files_arrive_as_events() -> None:
    import sys

    installed = file_open.install(QApplication.instance())
    assert (installed is not None) == (sys.platform == "darwin")
