"""The window uses core's rules: the quick log writes an activity and its
follow-up in one transaction; the account form checks with the service's
own field checks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import event
from sqlalchemy.orm import Session

from crmdesk.core import accounts
from crmdesk.db.enums import ActivityKind


def test_quick_log_with_follow_up_is_one_transaction(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The defect: two writes and, on failure, a compensating delete."""
    qtbot.waitUntil(lambda: window.selected_account_id() is not None, timeout=3000)
    pane = window.activity_pane
    pane.ui.quickKind.setCurrentIndex(pane.ui.quickKind.findData(ActivityKind.CALL.value))
    pane.ui.quickFollowUp.setChecked(True)
    qtbot.keyClicks(pane.ui.quickSubject, "Renewal terms")
    commits: list[Any] = []

    def wrote(session: Session, _context: Any) -> None:
        session.info["wrote"] = True

    def committed(session: Session) -> None:
        if session.info.pop("wrote", False):
            commits.append(1)  # a transaction that wrote (reads refresh the panes)

    event.listen(Session, "after_flush", wrote)
    event.listen(Session, "after_commit", committed)
    try:
        qtbot.keyClick(pane.ui.quickSubject, Qt.Key.Key_Return)
        logged_commits = len(commits)
        window.undo_stack.undo()
        undo_commits = len(commits) - logged_commits
    finally:
        event.remove(Session, "after_flush", wrote)
        event.remove(Session, "after_commit", committed)
    subjects = {a.subject for a in pane.timeline.rows()}
    assert logged_commits == 1 and undo_commits == 1
    assert "Renewal terms" not in subjects and "Follow up: Renewal terms" not in subjects
    window.undo_stack.redo()
    subjects = {a.subject for a in pane.timeline.rows()}
    assert {"Renewal terms", "Follow up: Renewal terms"} <= subjects


def test_account_form_checks_every_field_as_the_service_does(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.selected_account_id() is not None, timeout=3000)
    account_id = window.selected_account_id()
    form = window.account_pane.form
    assert form.errors() == {}  # a stored account, employee band and all, is valid
    form.ui.industry.setText("x" * 101)  # the form did not check this before
    problems = form.errors()
    assert set(problems) == {"industry"}
    assert problems == accounts.field_problems({"industry": "x" * 101})
    assert window.account_pane.save() is False
    assert accounts.get_account(window.db, account_id).industry != "x" * 101
