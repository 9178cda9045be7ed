"""Undo and redo for user actions.

Each command wraps a pair of service calls. The action runs first, outside
the stack; only when it succeeded is the command pushed (with its first
``redo`` skipped), so a failed save never leaves a bogus undo entry. Deletes
are soft, so undoing one restores the row.

Every run (the action, each undo and redo) hands the action's
:class:`~crmdesk.core.changes.Changes` to the window, which refreshes what
shows them: no action calls a list of reloads of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from crmdesk.core.changes import Changes

if TYPE_CHECKING:
    from crmdesk.gui.common.window_api import WindowApi

Action = Callable[[], Any]


class ServiceCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        redo: Action,
        undo: Action,
        after: Callable[[], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(text)
        self._redo, self._undo = redo, undo
        self._after, self._on_error = after, on_error
        self._skip = True

    def redo(self) -> None:
        if self._skip:  # the action already ran when the command was pushed
            self._skip = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, action: Action) -> None:
        try:
            action()
        except Exception as exc:  # e.g. the row was changed elsewhere
            self.setObsolete(True)
            self._on_error(exc)
        self._after()


def perform(
    window: WindowApi,
    text: str,
    do: Action,
    undo: Callable[[Any], Any],
    redo: Callable[[Any], Any] | None = None,
    *,
    changes: Changes | Callable[[Any], Changes],
) -> Any:
    """Run ``do`` now; if it succeeds push an undoable command on the
    window's stack and return its result. ``undo(result)`` reverses it;
    ``redo(result)`` repeats it (by default ``do`` again; creations pass a
    restore instead, so the row keeps its identity). ``changes`` (or
    ``changes(result)``, for a record whose id only the action knows) says
    what the window must refresh. Errors propagate to the caller and
    nothing is pushed."""
    result = do()
    changed = changes if isinstance(changes, Changes) else changes(result)
    again = (lambda: redo(result)) if redo else do

    def after() -> None:
        window.apply_changes(changed)

    window.undo_stack.push(
        ServiceCommand(text, again, lambda: undo(result), after, window.show_error)
    )
    after()
    return result
