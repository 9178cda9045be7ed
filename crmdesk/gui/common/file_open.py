"""Documents opened from Finder on macOS ("Open With crmdesk" on a .csv or
.xlsx, or a file dropped on the Dock icon) reach the app as a
``QFileOpenEvent``, not as a command-line argument, both at launch and while
it runs. This forwards each one to the window's import wizard, the same
place ``crmdesk FILE`` goes on Linux and Windows.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

if TYPE_CHECKING:
    from crmdesk.gui.common.window_api import WindowApi


class FileOpenForwarder(QObject):
    """Filters the application's events for FileOpen; paths that arrive
    before the window exists wait for :meth:`attach`."""

    def __init__(self, app: QObject) -> None:
        super().__init__(app)
        self._window: WindowApi | None = None
        self.pending: list[str] = []
        app.installEventFilter(self)

    def attach(self, window: WindowApi) -> None:
        self._window = window
        waiting, self.pending = self.pending, []
        for path in waiting:
            self._deliver(path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()  # type: ignore[attr-defined]
            if path:
                self._deliver(path)
                return True
        return False

    def _deliver(self, path: str) -> None:
        if self._window is None:
            self.pending.append(path)
            return
        self._window.as_widget().raise_()
        self._window.as_widget().activateWindow()
        self._window.start_import(path)


def install(app: QObject, *, force: bool = False) -> FileOpenForwarder | None:
    """On macOS only (elsewhere files come as arguments and a Python filter on
    every application event would be wasted work); ``force`` for tests."""
    if sys.platform != "darwin" and not force:
        return None
    return FileOpenForwarder(app)
