"""Around the panes: welcome view, sample data in a worker, new account,
menus and shortcuts, settings, icons, export, About."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence

from crmdesk import __version__
from crmdesk.core import accounts
from crmdesk.core.portfolio import count_accounts
from crmdesk.core.stats import stats
from crmdesk.db.enums import ActivityKind, Tier
from crmdesk.gui import window_actions
from crmdesk.gui.common.icons import app_icon, icon, kind_icon
from crmdesk.gui.common.settings import MAIN_SPLITTER


def test_empty_database_shows_welcome_and_loads_sample_data(
    qtbot, open_window, db, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(window_actions, "SAMPLE_ACCOUNTS", 40)
    window = open_window(db.path)
    assert window.ui.stack.currentWidget() is window.ui.pageWelcome
    assert window.welcome.isVisible()
    progress: list[int] = []
    window.welcome.ui.sampleButton.click()
    job = next(j for j in window.jobs.active if j.name.startswith("Loading sample"))
    job.progressed.connect(lambda done, _t, _s: progress.append(done))
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    assert job.error is None, job.error
    assert count_accounts(db) == 40
    assert window.ui.stack.currentWidget() is window.ui.pageMain
    assert window.customer_pane.model.total == 40
    qtbot.waitUntil(lambda: window.selected_account_id() is not None, timeout=3000)
    qtbot.waitUntil(lambda: "40 accounts" in window.status_counts.text(), timeout=5000)


def test_welcome_import_calls_the_import_handler(qtbot, open_window, db) -> None:  # type: ignore[no-untyped-def]
    window = open_window(db.path)
    calls: list[Any] = []
    window.import_handler = calls.append
    window.welcome.ui.importButton.click()
    window.ui.action_import.trigger()
    assert calls == [None, None]


def test_new_account_dialog_validates_and_creates(qtbot, open_window, db, on_modal) -> None:  # type: ignore[no-untyped-def]
    window = open_window(db.path)

    def fill(dialog: Any) -> None:
        dialog.accept()  # empty name: refused with a message
        assert "Name is required" in dialog.ui.errorLabel.text()
        dialog.form.ui.name.setText("Harbour Foods AG")
        dialog.form.ui.tier.setCurrentIndex(dialog.form.ui.tier.findData(Tier.PARTNER.value))
        dialog.form.ui.website.setText("harbourfoods.example")
        dialog.accept()

    on_modal(fill)
    window.welcome.ui.newAccountButton.click()
    created = accounts.find_account(db, "Harbour Foods AG")
    assert created.tier is Tier.PARTNER and created.website == "https://harbourfoods.example"
    assert window.selected_account_id() == created.id
    assert window.ui.stack.currentWidget() is window.ui.pageMain
    window.undo_stack.undo()
    assert count_accounts(db) == 0
    assert window.ui.stack.currentWidget() is window.ui.pageWelcome


def test_standard_shortcuts(window) -> None:  # type: ignore[no-untyped-def]
    ui = window.ui
    std = QKeySequence.StandardKey
    for action, key in (
        (ui.action_new_account, std.New),
        (ui.action_find, std.Find),
        (ui.action_save, std.Save),
        (ui.action_quit, std.Quit),
        (ui.action_refresh, std.Refresh),
        (window.actions_.undo_action, std.Undo),
        (window.actions_.redo_action, std.Redo),
    ):
        assert action.shortcut() == QKeySequence(key), action.text()
    assert ui.action_log_activity.shortcut() == QKeySequence("Ctrl+L")
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:5] == ["&File", "&Edit", "&View", "&Tools", "&Help"]
    edit = [a.text() for a in window.menu("edit").actions()]
    assert edit[:2] == ["&Undo", "&Redo"]


def test_find_shortcut_focuses_search(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.ui.action_find.trigger()
    qtbot.waitUntil(window.customer_pane.ui.search.hasFocus, timeout=2000)


def test_splitters_and_geometry_persist(qtbot, demo_db, settings_dir) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.app import create_window

    first = create_window(demo_db.path)
    qtbot.addWidget(first)
    first.resize(1100, 650)
    first.show()
    qtbot.waitExposed(first)
    first.ui.splitter.setSizes([500, 300, 280])
    sizes = first.ui.splitter.sizes()
    first.close()
    assert list(settings_dir.rglob("*.conf")) or list(settings_dir.rglob("*.ini"))
    second = create_window(demo_db.path)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    # the offscreen screen is small: Qt fits the restored geometry onto it
    screen = second.screen().availableGeometry()
    assert second.height() == min(650, screen.height()) or second.height() == 650
    assert second.settings.get(MAIN_SPLITTER) == sizes
    if second.width() >= sum(sizes):
        assert second.ui.splitter.sizes() == sizes
    second.close()


def test_every_icon_renders(qtbot) -> None:  # type: ignore[no-untyped-def]
    for kind in ActivityKind:
        image = kind_icon(kind).pixmap(32, 32).toImage()
        assert not image.isNull()
        assert any(image.pixelColor(x, y).alpha() for x in range(32) for y in range(32)), kind
    for name in ("undo", "redo", "save", "delete", "tier", "follow-up", "import"):
        assert not icon(name).pixmap(16, 16).isNull()
    assert not app_icon().pixmap(64, 64).isNull()


def test_status_bar_counts(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    counts = stats(demo_db)
    qtbot.waitUntil(lambda: "60 accounts" in window.status_counts.text(), timeout=5000)
    assert f"{counts.contacts:,}".replace(",", "") in window.status_counts.text().replace(",", "")
    if counts.overdue_follow_ups:
        assert str(counts.overdue_follow_ups) in window.status_counts.overdue.text()


def test_export_runs_in_a_worker(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dest = tmp_path / "accounts.csv"
    job = window.actions_.export_to("accounts", str(dest))
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    assert job.error is None, job.error
    with dest.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 61
    assert "accounts.csv" in window.statusBar().currentMessage()


def test_about_shows_version(window, message_boxes) -> None:  # type: ignore[no-untyped-def]
    window.ui.action_about.trigger()
    assert message_boxes and message_boxes[0][0] == "about"
    assert __version__ in message_boxes[0][1]


def test_bad_input_from_a_service_shows_a_dialog(window, message_boxes) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.errors import InvalidValueError

    window.show_error(InvalidValueError("Website 'x' is not a web address (like example.com)"))
    window.show_error(RuntimeError("disk on fire"))
    assert message_boxes[0] == ("warning", "Website 'x' is not a web address (like example.com)")
    assert message_boxes[1][0] == "critical" and "disk on fire" in message_boxes[1][1]


def test_window_title_names_the_database(window) -> None:  # type: ignore[no-untyped-def]
    assert Path(window.db.path).name in window.windowTitle()


def test_cancelling_sample_data_leaves_nothing_behind(qtbot, open_window, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    monkeypatch.setattr(window_actions, "SAMPLE_ACCOUNTS", 5000)
    window = open_window(db.path)
    job = window.actions_.load_sample()
    seen: list[int] = []
    job.progressed.connect(lambda done, _t, _s: seen.append(done))
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    (cancel,) = job.dialog.findChildren(QPushButton)
    with qtbot.waitSignal(job.cancelled, timeout=20_000):
        cancel.click()
    assert count_accounts(db) == 0  # one transaction: rolled back
    assert window.ui.stack.currentWidget() is window.ui.pageWelcome
