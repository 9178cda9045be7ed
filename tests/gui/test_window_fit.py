"""The window and its dialogs fit the screen they open on (issue 13)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QMainWindow, QPushButton, QStyle

from crmdesk.gui.common import settings as keys
from crmdesk.gui.common.settings import Settings
from crmdesk.gui.common.sizing import FRAME_ALLOWANCE, corrected_rect, fit_to_screen
from crmdesk.gui.window_state import restore_geometry

LAPTOP = QRect(0, 0, 1366, 768 - 32)  # a panel takes 32 px
FULL_HD = QRect(0, 0, 1920, 1080 - 40)
SCALED = QRect(0, 0, 1280, 720 - 27)  # 1920×1080 at 150 %


def _fits(size: QSize, area: QRect) -> bool:
    return (
        size.width() + FRAME_ALLOWANCE.width() <= area.width()
        and size.height() + FRAME_ALLOWANCE.height() <= area.height()
    )


def test_first_window_fits_small_screens_and_fills_large_ones(
    qtbot: Any, settings_dir: Any
) -> None:
    for area in (LAPTOP, FULL_HD, SCALED):
        window = QMainWindow()
        qtbot.addWidget(window)
        restore_geometry(window, Settings(QSettings()), areas=[area])
        assert _fits(window.size(), area), (area, window.size())
        assert area.contains(window.geometry())
    big = QMainWindow()
    qtbot.addWidget(big)
    restore_geometry(big, Settings(QSettings()), areas=[FULL_HD])
    assert big.width() >= 1600 and big.height() >= 900  # no island on 1080p


def test_remembered_geometry_off_every_screen_is_corrected(qtbot: Any, settings_dir: Any) -> None:
    settings = Settings(QSettings())
    first = QMainWindow()
    qtbot.addWidget(first)
    first.setGeometry(5000, 5000, 3000, 2000)
    settings.set(keys.GEOMETRY, first.saveGeometry())
    second = QMainWindow()
    qtbot.addWidget(second)
    restore_geometry(second, settings, areas=[LAPTOP])
    frame = QRect(second.pos(), second.size() + FRAME_ALLOWANCE)
    assert LAPTOP.contains(frame), frame


def test_corrected_rect_picks_the_screen_it_overlaps() -> None:
    left, right = QRect(0, 0, 1920, 1040), QRect(1920, 0, 1366, 736)
    fixed = corrected_rect(QRect(2900, 100, 1800, 900), [left, right])
    assert fixed is not None and right.contains(fixed)
    assert corrected_rect(QRect(100, 100, 800, 600), [left, right]) is None


def test_dialog_fit_to_screen_stays_inside(qtbot: Any) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, QSize(820, 900), area=LAPTOP)
    assert _fits(dialog.size(), LAPTOP)
    assert dialog.width() == 820


# --- nothing important cut off, at 1366×768 (the window fixture's size) ----


def test_name_column_is_the_widest_and_keeps_a_long_name(qtbot: Any, window: Any) -> None:
    from crmdesk.gui.portfolio.account_table import NAME
    from crmdesk.gui.portfolio.columns import NAME_CHARS, NAME_SAMPLE

    table = window.customer_pane.table
    qtbot.waitUntil(lambda: window.customer_pane.row_count() > 0)
    shown = [c for c in range(table.model().columnCount()) if not table.isColumnHidden(c)]
    widths = {c: table.columnWidth(c) for c in shown}
    assert max(widths, key=widths.__getitem__) == NAME, widths
    assert len(NAME_SAMPLE) == NAME_CHARS >= 24
    assert widths[NAME] >= table.fontMetrics().horizontalAdvance(NAME_SAMPLE)
    # the name's tooltip carries the full name and what hidden columns show
    tip = table.model().index(0, NAME).data(Qt.ItemDataRole.ToolTipRole)
    row = table.model().account_at(0)
    assert row.name in tip and (row.owner or "") in tip


def test_columns_come_back_when_the_pane_is_wide(qtbot: Any, window: Any) -> None:
    from crmdesk.gui.portfolio.account_table import LAST, OWNER, STATUS

    qtbot.waitUntil(lambda: window.customer_pane.table.isColumnHidden(LAST))  # at 1366
    window.resize(1920, 1050)
    qtbot.waitUntil(lambda: window.ui.splitter.width() > 1800)
    splitter = window.ui.splitter
    total = sum(splitter.sizes())
    splitter.setSizes([total - 400, 200, 200])
    table = window.customer_pane.table
    qtbot.waitUntil(lambda: not any(table.isColumnHidden(c) for c in (LAST, OWNER, STATUS)))


def test_people_tab_has_mobile_and_uncut_contact_details(qtbot: Any, window: Any) -> None:
    from crmdesk.core import contacts
    from crmdesk.gui.account.people import EMAIL, MOBILE

    account_id = window.selected_account_id() or _first_account(qtbot, window)
    person = contacts.create_contact(
        window.db,
        account_id,
        first_name="Ada",
        last_name="Okafor-Lindqvist",
        email="ada.okafor-lindqvist@kestrel-logistics.example",
        mobile="+47 912 34 567",
    )
    window.account_pane.people.load(account_id)
    model = window.account_pane.people.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Mobile" in titles
    row = model.row_of(person.id)
    assert model.index(row, MOBILE).data() == "+4791234567"
    table = window.account_pane.people.table
    email = model.index(row, EMAIL)
    assert table.columnWidth(EMAIL) >= table.fontMetrics().horizontalAdvance(email.data())
    assert email.data(Qt.ItemDataRole.ToolTipRole) == person.email


def test_tier_reason_wraps_and_tooltips(qtbot: Any, window: Any) -> None:
    table = window.account_pane.ui.historyTable
    assert table.wordWrap()
    mode = table.verticalHeader().sectionResizeMode(0)
    assert mode == QHeaderView.ResizeMode.ResizeToContents
    history = window.account_pane.history
    if history.rowCount():
        index = history.index(0, 2)
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()


def _first_account(qtbot: Any, window: Any) -> int:
    qtbot.waitUntil(lambda: window.selected_account_id() is not None)
    account_id: int = window.selected_account_id()
    return account_id


# --- the plan editor at 1366×768 ------------------------------------------


def _plan_tab(window: Any) -> Any:
    from crmdesk.gui.plans.feature import PlanExports

    feature = window.feature(PlanExports)
    assert feature is not None
    return feature.tab


def _clipped_buttons(widget: Any) -> list[str]:
    clipped = []
    for button in widget.findChildren(QPushButton):
        if not button.isVisible():
            continue
        text = button.text().replace("&", "")
        room = button.width() - 2 * button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin)
        if not button.icon().isNull():
            room -= button.iconSize().width() + 4
        if button.fontMetrics().horizontalAdvance(text) > room:
            clipped.append(text)
    return clipped


def test_plan_editor_is_comfortable_at_1366(qtbot: Any, window: Any) -> None:
    from crmdesk.core import plans

    account_id = _first_account(qtbot, window)
    plans.create_plan(window.db, account_id, "2026-01-01", "2026-12-31")
    tab = _plan_tab(window)
    tab.set_account(account_id)
    before = window.ui.splitter.sizes()
    window.account_pane.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: not window.activity_pane.isVisible())
    qtbot.waitUntil(lambda: tab.width() > 600)  # the activity pane's width is the editor's
    assert _clipped_buttons(tab) == []
    combo = tab.ui.planCombo
    label = combo.currentText()
    assert label and combo.fontMetrics().horizontalAdvance(label) <= combo.width() - 30
    # the period's dates neither overlap each other nor "Status", and show whole
    start, end, status = tab.ui.startEdit, tab.ui.endEdit, tab.ui.statusLabel
    assert start.geometry().right() < end.geometry().left()
    assert end.geometry().right() < status.geometry().left()
    for edit in (start, end):
        assert edit.width() >= edit.minimumSizeHint().width()
    tab.ui.sectionList.setCurrentRow(1)  # Objectives
    grid = tab.lists["objective"].ui.table
    qtbot.waitUntil(grid.isVisible)
    columns = grid.model().columnCount()
    assert columns >= 6
    used = sum(grid.columnWidth(c) for c in range(columns))
    assert used <= grid.viewport().width() + 2, (used, grid.viewport().width())
    assert all(grid.columnWidth(c) >= 40 for c in range(columns))
    assert grid.columnWidth(0) == max(grid.columnWidth(c) for c in range(columns))  # the title
    # leaving the Plan tab brings the activity pane back at its width
    window.account_pane.tabs.setCurrentIndex(0)
    qtbot.waitUntil(window.activity_pane.isVisible)
    assert window.ui.splitter.sizes() == before


def test_import_preview_keeps_room_for_the_problem(qtbot: Any) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from crmdesk.gui.import_wizard.preview import VALUE_CHARS, WRAP_ROWS, fit_preview_columns

    model = QStandardItemModel(3, 8)
    long_value = "sales.department.nordics@kestrel-logistics-nordic.example"
    problem = "E-mail address is not valid and the phone number has too few digits"
    for row in range(3):
        for column in range(7):
            model.setItem(row, column, QStandardItem(long_value))
        model.setItem(row, 7, QStandardItem(problem))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(900, 400)
    table.show()
    fit_preview_columns(table, model.rowCount())
    cap = table.fontMetrics().horizontalAdvance("M" * VALUE_CHARS)
    assert all(table.columnWidth(c) <= cap for c in range(2, 7))
    header = table.horizontalHeader()
    assert header.sectionResizeMode(7) == QHeaderView.ResizeMode.Stretch
    assert table.wordWrap() and model.rowCount() <= WRAP_ROWS
    # a long file: no per-row measuring, the tooltips carry the text
    fit_preview_columns(table, WRAP_ROWS + 1)
    assert not table.wordWrap()
