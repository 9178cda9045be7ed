"""The main window's geometry, splitter sizes and last account, kept in
QSettings between sessions (keys in :mod:`crmdesk.gui.common.settings`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from crmdesk.gui.common import settings as keys
from crmdesk.gui.common.settings import Settings
from crmdesk.gui.common.sizing import (
    available_geometry,
    fit_to_screen,
    keep_on_screen,
    screen_areas,
)

if TYPE_CHECKING:
    from crmdesk.gui.main_window import MainWindow


# The first window: at least this, grown to 90 % of a large screen, never
# more than the screen's available area (title bar included).
PREFERRED_SIZE = QSize(1280, 760)


def restore_geometry(
    window: QMainWindow, settings: Settings, areas: list[QRect] | None = None
) -> None:
    """The remembered geometry, moved/shrunk onto a screen when it no longer
    fits one; on first start, a size taken from the screen."""
    areas = areas if areas is not None else screen_areas()
    geometry = settings.get(keys.GEOMETRY)
    if geometry is not None and window.restoreGeometry(geometry):
        if not window.isMaximized() and not window.isFullScreen():
            keep_on_screen(window, areas)
        return
    fit_to_screen(
        window, PREFERRED_SIZE, 0.9, area=areas[0] if areas else available_geometry(window)
    )


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
        elif splitter is window.ui.splitter:  # first start: the panes 40 : 33 : 27
            width = max(window.width() - 16, 900)
            splitter.setSizes([width * 40 // 100, width * 33 // 100, width * 27 // 100])


def save(window: MainWindow) -> None:
    settings = window.settings
    settings.set(keys.GEOMETRY, window.saveGeometry())
    for splitter, key in _splitters(window):
        sizes = splitter.sizes()
        if splitter is window.ui.splitter:
            sizes = window.wide_tabs.sizes_to_keep() or sizes
        settings.set(key, sizes)
    if window.selected_account_id() is not None:
        settings.set(keys.LAST_ACCOUNT, window.selected_account_id())
    settings.sync()


# the customer list's share of the width while a wide tab is open: its
# name column keeps room for NAME_CHARS, the editor gets the rest
WIDE_CUSTOMERS = 30


class WideTabs:
    """Account tabs too wide for a third of the window (the plan editor):
    while one is current the activity pane steps aside and the account pane
    takes its width; the pane comes back at its width when the tab is left."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.pages: list[QWidget] = []
        self._sizes: list[int] | None = None  # the splitter before a pane stepped aside
        window.account_pane.tabChanged.connect(self._changed)

    def add(self, page: QWidget) -> None:
        self.pages.append(page)
        self._changed()

    def sizes_to_keep(self) -> list[int] | None:
        """The pane widths to remember: those before a wide tab hid a pane."""
        return list(self._sizes) if self._sizes is not None else None

    def _changed(self) -> None:
        window = self.window
        wide = window.account_pane.current_tab() in self.pages
        pane, splitter = window.activity_pane, window.ui.splitter
        if wide and self._sizes is None:
            sizes = splitter.sizes()
            self._sizes = sizes
            pane.hide()
            total = sum(sizes)
            customers = min(sizes[0], total * WIDE_CUSTOMERS // 100)
            splitter.setSizes([customers, total - customers, 0])
        elif not wide and self._sizes is not None:
            pane.show()
            splitter.setSizes(self._sizes)
            self._sizes = None
