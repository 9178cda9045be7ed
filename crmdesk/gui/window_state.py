"""The main window's geometry, splitter sizes and last account, kept in
QSettings between sessions (keys in :mod:`crmdesk.gui.common.settings`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QSplitter

from crmdesk.gui.common import settings as keys
from crmdesk.gui.common.settings import Settings

if TYPE_CHECKING:
    from crmdesk.gui.main_window import MainWindow


def restore_geometry(window: QMainWindow, settings: Settings) -> None:
    geometry = settings.get(keys.GEOMETRY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 760)


def _splitters(window: MainWindow) -> list[tuple[QSplitter, keys.Key[list[int]]]]:
    return [
        (window.ui.splitter, keys.MAIN_SPLITTER),
        (window.activity_pane.splitter, keys.ACTIVITY_SPLITTER),
    ]


def restore_splitters(window: MainWindow) -> None:
    for splitter, key in _splitters(window):
        sizes = window.settings.get(key)
        if sizes:
            splitter.setSizes(sizes)
        elif splitter is window.ui.splitter:  # first start: the panes 45 : 29 : 26
            width = max(window.width() - 16, 900)
            splitter.setSizes([width * 45 // 100, width * 29 // 100, width * 26 // 100])


def save(window: MainWindow) -> None:
    settings = window.settings
    settings.set(keys.GEOMETRY, window.saveGeometry())
    for splitter, key in _splitters(window):
        settings.set(key, splitter.sizes())
    if window.selected_account_id() is not None:
        settings.set(keys.LAST_ACCOUNT, window.selected_account_id())
    settings.sync()
