"""Uncaught errors in the window: a dialog and a rotating log file in the
user log folder (the frozen Windows build has no console to print them)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from crmdesk.errors import InvalidValueError
from crmdesk.gui import crash_report


@pytest.fixture
def file_log(tmp_path: Path) -> Iterator[Any]:
    handler = crash_report.setup_file_log(tmp_path / "logs")
    yield handler
    crash_report.close_file_log(handler)


@pytest.fixture
def hook(window: Any, file_log: Any) -> Iterator[crash_report.ExceptHook]:
    installed = crash_report.install(window, file_log)
    assert sys.excepthook is installed
    yield installed
    installed.uninstall()


def _log_text(handler: Any) -> str:
    handler.flush()
    return Path(handler.baseFilename).read_text("utf-8")


@pytest.mark.qt_no_exception_capture  # the test is about who catches it
def test_an_error_in_a_slot_is_shown_and_logged(
    qtbot: Any, hook: Any, file_log: Any, message_boxes: list[tuple[str, str]]
) -> None:
    def broken_slot() -> None:
        {}["no such key"]  # noqa: B018 - a bug in a slot, raised from the event loop

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=5000)
    kind, text = message_boxes[0]
    assert kind == "critical"
    assert "Something went wrong" in text and "no such key" in text
    assert file_log.baseFilename in text  # the dialog says where the details are
    logged = _log_text(file_log)
    assert "uncaught KeyError" in logged
    assert "Traceback" in logged and "broken_slot" in logged


def test_a_user_error_shows_its_message(
    hook: Any, file_log: Any, message_boxes: list[tuple[str, str]]
) -> None:
    exc = InvalidValueError("annual value must be a number")
    hook(type(exc), exc, None)
    assert message_boxes == [("warning", "annual value must be a number")]


def test_an_error_while_the_dialog_is_up_is_logged_not_stacked(
    hook: Any, file_log: Any, message_boxes: list[tuple[str, str]], monkeypatch: Any
) -> None:
    def error_again(*_a: Any) -> None:
        exc = RuntimeError("second")
        hook(RuntimeError, exc, None)
        message_boxes.append(("critical", "first"))

    monkeypatch.setattr(crash_report.QMessageBox, "critical", error_again)
    hook(RuntimeError, RuntimeError("first"), None)
    assert message_boxes == [("critical", "first")]
    assert "uncaught RuntimeError" in _log_text(file_log)


def test_the_log_rotates(tmp_path: Path) -> None:
    handler = crash_report.setup_file_log(tmp_path, max_bytes=2_000, backups=2)
    try:
        assert crash_report.setup_file_log(tmp_path, max_bytes=2_000, backups=2) is handler
        logger = logging.getLogger("crmdesk.test")
        for n in range(200):
            logger.warning("line %d of a long session", n)
        handler.flush()
    finally:
        crash_report.close_file_log(handler)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["crmdesk.log", "crmdesk.log.1", "crmdesk.log.2"]
    assert all(p.stat().st_size <= 2_100 for p in tmp_path.iterdir())
    assert "line 199" in (tmp_path / "crmdesk.log").read_text("utf-8")


def test_the_default_folder_is_the_user_log_folder(monkeypatch: Any, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = crash_report.log_folder()
    if sys.platform.startswith("linux"):
        assert folder.is_relative_to(tmp_path / "state")
    assert "crmdesk" in folder.parts
