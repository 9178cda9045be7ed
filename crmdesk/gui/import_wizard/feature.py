"""The import feature: ``install(window)`` sets ``window.import_handler``
(File ▸ Import…, ``crmdesk FILE``, files opened from Finder) to open the
wizard, and accepts spreadsheet files dropped anywhere on the window.
The wizard itself is :mod:`crmdesk.gui.import_wizard.dialog`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt

from crmdesk.importing.readers import SPREADSHEET_SUFFIXES

if TYPE_CHECKING:  # the wizard (and the importer) load on first use
    from crmdesk.gui.import_wizard.dialog import ImportWizard

SUFFIXES = SPREADSHEET_SUFFIXES | {".csv", ".txt", ".tsv"}


class _DropFilter(QObject):
    """Accepts spreadsheet files dropped anywhere on the window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window

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
                self.window.start_import(path)
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


def open_wizard(window: Any, path: str | None = None) -> ImportWizard:
    from crmdesk.gui.import_wizard.dialog import ImportWizard

    wizard = ImportWizard(window, path)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    window._import_wizard = wizard  # keep a reference while it is open
    return wizard


def install(window: Any) -> None:
    window.import_handler = lambda path=None: open_wizard(window, path)
    window.setAcceptDrops(True)
    window._import_drop_filter = _DropFilter(window)
    window.installEventFilter(window._import_drop_filter)


def __getattr__(name: str) -> Any:
    if name == "ImportWizard":
        from crmdesk.gui.import_wizard.dialog import ImportWizard

        return ImportWizard
    raise AttributeError(name)


__all__ = ["ImportWizard", "install", "open_wizard"]
