"""GUI fixtures: the real window (crmdesk.app.create_window) on a real
SQLite file, with settings in tmp_path, and a helper for modal dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from crmdesk.app import create_window


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Static message boxes are recorded instead of blocking the test:
    (kind, text). ``question`` answers Yes."""
    seen: list[tuple[str, str]] = []

    def record(kind: str, answer: Any) -> Any:
        def box(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
            seen.append((kind, text))
            return answer

        return staticmethod(box)

    ok = QMessageBox.StandardButton.Ok
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind, ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "about", record("about", None))
    return seen


@pytest.fixture
def settings_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "settings"
    folder.mkdir()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def open_window(qtbot: Any, settings_dir: Path) -> Iterator[Callable[[Any], Any]]:
    """``open_window(path)``: the main window on that database, shown."""
    windows = []

    def make(path: Any) -> Any:
        window = create_window(path)
        # never block on "save changes?" (tests that care replace this)
        window.account_pane.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:  # a test that left edits behind must not block teardown
        window.account_pane.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        window.jobs.cancel_all()
        window.jobs.wait(10_000)


@pytest.fixture
def window(open_window: Callable[[Any], Any], demo_db: Any) -> Any:
    win = open_window(demo_db.path)
    # first account selected once the event loop ran
    return win


@pytest.fixture
def on_modal() -> Callable[..., None]:
    return on_next_modal


def on_next_modal(handler: Callable[[Any], None], timeout_ms: int = 5000) -> None:
    """Run ``handler(dialog)`` as soon as a modal dialog is open (call this
    before the code that opens and exec()s it)."""
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            waited[0] += 10
            if waited[0] < timeout_ms:
                QTimer.singleShot(10, poll)
            return
        handler(dialog)

    QTimer.singleShot(0, poll)
