"""The window contract: everything a feature package may use of the main
window, written down once.

Features, panes and dialogs are given a :class:`WindowApi`, never the
concrete ``MainWindow`` (which would tie every feature to the shell and to
each other). Each feature's ``install(window)`` uses only this and returns
its own object, which the window keeps in its feature registry; nothing is
set as an attribute on the window.

Data changes go through :meth:`WindowApi.apply_changes` with a
:class:`crmdesk.core.changes.Changes` (the undo helper does it for every
undoable action): the window refreshes the panes that show what changed and
then emits ``changed`` for the features.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

    from crmdesk.core.changes import Changes
    from crmdesk.db.engine import Database
    from crmdesk.gui.common.jobs import Jobs
    from crmdesk.gui.common.settings import Settings

MenuName = Literal["file", "edit", "view", "tools", "help"]
ImportHandler = Callable[[str | None], object]
CloseGuard = Callable[[], bool]


@runtime_checkable
class WindowApi(Protocol):
    """What a feature may use; ``MainWindow`` implements it (checked by mypy
    in main_window.py and by tests/gui/test_contract.py)."""

    @property
    def db(self) -> Database: ...

    @property
    def jobs(self) -> Jobs:
        """Background work with progress, cancel and results on the GUI thread."""
        ...

    @property
    def undo_stack(self) -> QUndoStack: ...

    @property
    def settings(self) -> Settings:
        """Window state in QSettings (keys in :mod:`crmdesk.gui.common.settings`)."""
        ...

    @property
    def accountSelected(self) -> SignalInstance:  # noqa: N802 (a Qt signal)
        """``(account_id: int | None)`` when another account is shown."""
        ...

    @property
    def changed(self) -> SignalInstance:
        """``(changes: Changes)`` after the window applied a data change."""
        ...

    def as_widget(self) -> QMainWindow:
        """The window as a widget: the parent of dialogs, a drop target."""
        ...

    def show_error(self, exc: BaseException) -> None:
        """A dialog a person understands (a CrmError's message; else a
        generic one, the details logged)."""
        ...

    def show_status(self, message: str, timeout_ms: int = 8000) -> None: ...

    def add_status_widget(self, widget: QWidget) -> None: ...

    def apply_changes(self, changes: Changes) -> None:
        """Data changed: refresh what shows it, then emit ``changed``."""
        ...

    def refresh(self) -> None:
        """Reload everything (after an import, a restore)."""
        ...

    def selected_account_id(self) -> int | None: ...

    def open_account(self, account_id: int) -> bool:
        """Show that account; False when the user chose to stay (unsaved edits)."""
        ...

    def owner_names(self) -> list[str]:
        """Every owner in the portfolio (as the owner filter lists them)."""
        ...

    def menu(self, name: MenuName) -> QMenu: ...

    def add_account_tab(self, page: QWidget, title: str) -> None:
        """A tab of the account pane, next to Overview, People, Tier history."""
        ...

    def add_close_guard(self, guard: CloseGuard) -> None:
        """``guard()`` runs before the window closes; False keeps it open."""
        ...

    def set_import_handler(self, handler: ImportHandler) -> None:
        """Who opens a file for import (File ▸ Import…, ``crmdesk FILE``, drops)."""
        ...

    def start_import(self, path: str | None = None) -> None: ...
