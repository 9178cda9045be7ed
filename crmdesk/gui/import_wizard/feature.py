"""The import feature: ``install(window)`` makes the wizard the window's
import handler (File ▸ Import…, ``crmdesk FILE``, files opened from Finder)
and accepts spreadsheet files dropped anywhere on the window.
The wizard itself is :mod:`crmdesk.gui.import_wizard.dialog`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt

from crmdesk.gui.common.window_api import WindowApi
from crmdesk.importing.readers import SPREADSHEET_SUFFIXES

if TYPE_CHECKING:  # the wizard (and the importer) load on first use
    from crmdesk.gui.import_wizard.dialog import ImportWizard

SUFFIXES = SPREADSHEET_SUFFIXES | {".csv", ".txt", ".tsv"}


class _DropFilter(QObject):
    """Accepts spreadsheet files dropped anywhere on the window."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window.as_widget())
        self.window_api = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _dropped_file(event) is not None:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif kind == QEvent.Type.Drop:
            path = _dropped_file(event)
            if path is not None:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self.window_api.start_import(path)
                return True
        return False


def _dropped_file(event: Any) -> str | None:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in SUFFIXES:
            return str(url.toLocalFile())
    return None


class ImportFeature:
    """Opens the wizard for a window (one at a time is kept alive)."""

    def __init__(self, window: WindowApi) -> None:
        self.window = window
        self.wizard: ImportWizard | None = None
        widget = window.as_widget()
        widget.setAcceptDrops(True)
        self.drop_filter = _DropFilter(window)
        widget.installEventFilter(self.drop_filter)
        window.set_import_handler(self.open_wizard)

    def open_wizard(self, path: str | None = None) -> ImportWizard:
        from crmdesk.gui.import_wizard.dialog import ImportWizard

        wizard = ImportWizard(self.window, path)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.show()
        self.wizard = wizard  # keep a reference while it is open
        return wizard


def install(window: WindowApi) -> ImportFeature:
    return ImportFeature(window)


def __getattr__(name: str) -> Any:
    if name == "ImportWizard":
        from crmdesk.gui.import_wizard.dialog import ImportWizard

        return ImportWizard
    raise AttributeError(name)


__all__ = ["ImportFeature", "ImportWizard", "install"]
