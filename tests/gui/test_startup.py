"""The launcher's start (crmdesk.app.open_window): the window's frame is on
screen before the storage layer is imported, then the panes fill in behind
the same data-safety guards as before (instance lock, file check)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from crmdesk.app import open_window
from crmdesk.errors import DatabaseError
from crmdesk.gui.instance_lock import InstanceRunningError, lock_path_for
from crmdesk.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def _close(window: Any) -> None:
    window.jobs.cancel_all()
    window.jobs.wait(10_000)
    window.close()
    window.instance_lock.unlock()


def test_frame_shows_first_then_the_portfolio_fills_in(demo_db, settings_dir, qtbot):
    path = Path(demo_db.path)
    demo_db.dispose()
    seen: dict[str, Any] = {}

    def shown() -> None:
        (frame,) = [w for w in _main_windows() if w.isVisible()]
        seen.update(
            attached=frame.attached,
            page=frame.ui.stack.currentWidget().text(),
            title=frame.windowTitle(),
            locked=lock_path_for(path).exists(),
        )

    window = open_window(str(path), shown=shown, interactive=False)
    qtbot.addWidget(window)
    try:
        assert seen == {
            "attached": False,
            "page": "Opening your portfolio …",
            "title": "crmdesk",
            "locked": False,  # nothing touched the file before the frame showed
        }
        assert window.attached and window.isVisible()
        assert window.ui.stack.currentWidget() is window.ui.pageMain
        assert window.customer_pane.model.rowCount() == 60
        assert path.name in window.windowTitle()
        assert window.instance_lock.isLocked()
        qtbot.waitUntil(lambda: window.selected_account_id() is not None)
    finally:
        _close(window)


def test_a_bad_database_choice_closes_the_frame_with_a_clear_error(tmp_path, settings_dir, qtbot):
    before = {id(w) for w in _main_windows() if w.isVisible()}
    with pytest.raises(DatabaseError, match="does not exist"):
        open_window(str(tmp_path / "no-such-folder" / "crm.sqlite3"), interactive=False)
    assert {id(w) for w in _main_windows() if w.isVisible()} == before


def test_a_second_start_on_the_same_database_is_refused(demo_db, settings_dir, qtbot):
    path = str(demo_db.path)
    demo_db.dispose()
    first = open_window(path, interactive=False)
    qtbot.addWidget(first)
    try:
        with pytest.raises(InstanceRunningError):
            open_window(path, interactive=False)
        assert [w for w in _main_windows() if w.isVisible()] == [first]
    finally:
        _close(first)


def test_the_frame_needs_neither_sqlalchemy_nor_the_services(tmp_path):
    """What makes the start fast: keep heavy imports out of the frame's path."""
    code = (
        "import sys\n"
        "from crmdesk.app import _application\n"
        "app = _application()\n"
        "from crmdesk.gui.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'\n"
        "               or m.startswith(('crmdesk.core', 'crmdesk.db.', 'PySide6.QtSvg')))\n"
        "print(heavy)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
