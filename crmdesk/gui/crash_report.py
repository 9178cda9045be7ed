"""Errors nobody caught: shown in a dialog and kept in a log file.

An exception raised in a Qt slot does not stop the program: PySide6 hands it
to ``sys.excepthook``, whose default prints it to a console, and the frozen
Windows build has none, so the user saw nothing and nobody could tell what
happened. :func:`install` replaces the hook: the traceback goes to a rotating
log file in the platform's user log folder (platformdirs), and the window
says that something went wrong and where the details are. An error a user
can cause (:class:`~crmdesk.errors.CrmError`) is shown as its message.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_path
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from crmdesk import APP_AUTHOR, APP_NAME
from crmdesk.errors import CrmError
from crmdesk.gui.common.window_api import WindowApi

LOG_NAME = "crmdesk.log"
_log = logging.getLogger("crmdesk.crash")
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_folder() -> Path:
    return user_log_path(APP_NAME, APP_AUTHOR)


def setup_file_log(
    folder: Path | None = None, *, max_bytes: int = 1_000_000, backups: int = 3
) -> RotatingFileHandler:
    """Log crmdesk's warnings and errors to ``folder/crmdesk.log`` (the user
    log folder by default), rotated at ``max_bytes`` with ``backups`` old
    files kept. Idempotent for the same file."""
    folder = folder or log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = str(folder / LOG_NAME)
    logger = logging.getLogger("crmdesk")
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and handler.baseFilename == path:
            return handler
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return handler


def close_file_log(handler: RotatingFileHandler) -> None:
    logging.getLogger("crmdesk").removeHandler(handler)
    handler.close()


class ExceptHook:
    """``sys.excepthook`` for a window: log, then one dialog at a time."""

    def __init__(self, window: WindowApi, log_path: Path | None) -> None:
        self.window = window
        self.log_path = log_path
        self.previous = sys.excepthook
        self._showing = False

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            self.previous(kind, exc, tb)
            return
        _log.error("uncaught %s", kind.__name__, exc_info=(kind, exc, tb))
        if self._showing:  # an error while the dialog is up: logged, not stacked
            return
        self._showing = True
        try:
            if isinstance(exc, CrmError):
                self.window.show_error(exc)
            else:
                QMessageBox.critical(self.window.as_widget(), APP_NAME, self.message(exc))
        finally:
            self._showing = False

    def message(self, exc: BaseException) -> str:
        text = QCoreApplication.translate(
            "CrashReport",
            "Something went wrong: %1\n\nYour data is safe: every change is saved in "
            "its own transaction. If this happens again, please send the log file",
        ).replace("%1", str(exc) or type(exc).__name__)
        if self.log_path is None:
            return text + "."
        return f"{text}:\n{self.log_path}"

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous


def install(window: WindowApi, log: RotatingFileHandler | None = None) -> ExceptHook:
    """Make uncaught exceptions show on ``window`` (and go to ``log``'s file)."""
    hook = ExceptHook(window, Path(log.baseFilename) if log is not None else None)
    sys.excepthook = hook
    return hook
