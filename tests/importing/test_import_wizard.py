"""The import wizard in the real window: every page, duplicates, commit,
undo, Cancel, drag and drop. Set CRMDESK_SCREENSHOTS=DIR to keep a PNG of
each page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import db_counts, live_counts, write_xlsx
from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from crmdesk.app import create_window
from crmdesk.db.models import Contact
from crmdesk.gui.import_wizard.feature import ImportFeature, ImportWizard

FIRST = ["Anna", "Jürgen", "Zoë", "Lukas", "Mia", "Noah", "Emma", "Felix", "Lea", "Paul",
         "Sofia", "Jonas", "Marie", "Elias", "Hannah", "Ben", "Clara", "Finn"]  # fmt: skip
LAST = ["Schmidt", "MÜLLER", "Lefèvre", "weber", "Wagner", "Becker", "Hoffmann", "Schulz",
        "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun", "Zimmermann",
        "Hartmann", "Krüger"]  # fmt: skip
FIRMS = ["Bäckerei Größe GmbH", "Stadtwerke Hannover AG", "Müller & Söhne KG", "Nordlicht Logistik"]


def trade_show_file(path: Path, existing_email: str) -> Path:
    header = ["Anrede", "Vorname", "Nachname", "Firma", "Position", "E-Mail", "Telefon",
              "Mobil", "Ort", "Erfasst am", "Bemerkung"]  # fmt: skip
    rows: list[list[Any]] = [["Kontakte Hannover Messe 2024"], [], header]
    for i, (first, last) in enumerate(zip(FIRST, LAST, strict=True)):
        mail = f"{first.lower()}.{last.lower()}@example.de".replace("ü", "ue").replace("ë", "e")
        mail = mail.replace("è", "e").replace("ö", "oe")
        rows.append(["Frau" if i % 2 else "Herr", first, last, FIRMS[i % 4], "Einkauf", mail,
                     4930_1234_500 + i, f"0170 55{i:05d}", "Hannover", date(2024, 4, 22 + i % 5),
                     "Stand B12" if i % 3 == 0 else None])  # fmt: skip
    rows[5][5] = "kein-mail"  # invalid
    rows[6][3] = None  # no company
    rows[7][5] = existing_email.upper()  # already in the database
    rows.append(["Anna", "Schmidt", "Schmidt", FIRMS[0]])  # a probable duplicate in the file
    rows[-1] = [None, "Anna", "Schmidt", FIRMS[0], "Einkauf", None, None, None, None, None, None]
    rows += [[], ["Summe", len(FIRST)]]
    return write_xlsx(path, rows, title="Messe")


@pytest.fixture
def window(qtbot: Any, demo_db: Any, tmp_path: Path) -> Iterator[Any]:
    folder = tmp_path / "settings"
    folder.mkdir()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    win = create_window(demo_db.path)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.errors = []
    win.show_error = win.errors.append  # a dialog would block the test; fail instead
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.account_pane.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    win.jobs.cancel_all()
    win.jobs.wait(10_000)


def shot(widget: Any, name: str) -> None:
    folder = os.environ.get("CRMDESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def existing_email(db: Any) -> str:
    with db.session() as session:
        return session.scalar(select(Contact.email).where(Contact.email.is_not(None)).limit(1))


def open_on(window: Any, qtbot: Any, path: Path | None) -> ImportWizard:
    window.start_import(str(path) if path else None)
    wizard = window.feature(ImportFeature).wizard
    wizard.resize(1000, 680)
    return wizard


def wait_page(qtbot: Any, wizard: ImportWizard, page: int) -> None:
    def arrived() -> bool:
        assert not wizard.window_api.errors, wizard.window_api.errors
        return wizard.ui.pages.currentIndex() == page and wizard.job is None

    qtbot.waitUntil(arrived, timeout=30_000)


def test_wizard_pages_commit_and_undo(
    window: Any, qtbot: Any, demo_db: Any, tmp_path: Path
) -> None:
    path = trade_show_file(tmp_path / "Messe Hannover 2024.xlsx", existing_email(demo_db))
    before = db_counts(demo_db)
    live_before = live_counts(demo_db)
    wizard = open_on(window, qtbot, None)
    wizard.ui.fileEdit.setText(str(path))
    shot(wizard, "1-file")
    wizard.ui.nextButton.click()
    wait_page(qtbot, wizard, 1)
    assert "19 contact rows" in wizard.ui.sourceInfo.text()
    assert wizard.ui.rawTable.model().headerData(1, Qt.Orientation.Horizontal, 0) == "Vorname"
    wizard.ui.regionCombo.setCurrentText("DE")  # the mobiles are written 0170 …
    shot(wizard, "2-source")
    wizard.ui.nextButton.click()
    wait_page(qtbot, wizard, 2)
    combo = wizard.ui.mappingTable.cellWidget(7, 2)
    assert combo.currentData() == "mobile"
    keep = wizard.ui.mappingTable.cellWidget(9, 2)  # "Erfasst am": keep in notes
    keep.setCurrentIndex(keep.findData("keep"))
    shot(wizard, "3-mapping")
    wizard.ui.nextButton.click()
    wait_page(qtbot, wizard, 3)
    counts = wizard.plan.counts()
    assert counts["reject"] == 2 and counts["duplicates"] == 2
    assert counts["create"] == 15
    wizard.ui.problemsOnly.setChecked(True)
    assert wizard.model.rowCount() == 4
    shot(wizard, "4-preview")
    wizard.ui.problemsOnly.setChecked(False)
    wizard.ui.nextButton.click()
    wait_page(qtbot, wizard, 4)
    shot(wizard, "5-result")
    assert wizard.import_result is not None and wizard.import_result.created == 15
    assert db_counts(demo_db)[0] == before[0] + 15
    # the e-mail duplicate was updated, not duplicated; notes keep the date
    with demo_db.session() as session:
        notes = session.scalars(select(Contact.notes).where(Contact.notes.like("%Erfasst am%")))
        assert any("2024-04-2" in n for n in notes)
    QApplication.processEvents()
    wizard._undo = lambda batch: wizard._run(
        "undo", lambda ctx: _undo(demo_db, batch), wizard._undone
    )  # type: ignore[method-assign]
    wizard.undo_import()
    qtbot.waitUntil(lambda: wizard.job is None and "undone" in wizard.ui.resultLabel.text())
    assert live_counts(demo_db) == live_before
    wizard.reject()
    again = open_on(window, qtbot, None)
    assert again.ui.recentList.count() == 1
    assert "(undone)" in again.ui.recentList.item(0).text()
    shot(again, "6-file-with-recent")


def _undo(db: Any, batch: str) -> Any:
    from crmdesk.importing import service

    return service.undo(db, batch)


def test_fix_a_problem_row_in_place(window: Any, qtbot: Any, demo_db: Any, tmp_path: Path) -> None:
    path = trade_show_file(tmp_path / "messe.xlsx", "nobody@example.org")
    wizard = open_on(window, qtbot, path)
    wait_page(qtbot, wizard, 1)
    wizard.ui.regionCombo.setCurrentText("DE")
    wizard.ui.nextButton.click()
    wait_page(qtbot, wizard, 2)
    wizard.ui.nextButton.click()
    wait_page(qtbot, wizard, 3)
    rejected = next(i for i, r in enumerate(wizard.plan.rows) if "kein-mail" in r.problem)
    model = wizard.model
    model.setData(model.index(rejected, 5), "fixed@example.de")
    qtbot.waitUntil(lambda: wizard.job is None and wizard.plan.rows[rejected].action == "create")
    assert wizard.plan.rows[rejected].values.fields["email"] == "fixed@example.de"
    model.setData(model.index(rejected, 1), "skip")
    assert wizard.plan.rows[rejected].action == "skip"


def test_bad_file_shows_message_and_stays(
    window: Any, qtbot: Any, demo_db: Any, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.xlsx"
    path.write_text("First,Last\nAnna,Schmidt\n", encoding="utf-8")
    before = db_counts(demo_db)
    wizard = open_on(window, qtbot, path)
    qtbot.waitUntil(lambda: wizard.job is None and wizard.ui.fileError.text() != "", timeout=30_000)
    assert "looks like text" in wizard.ui.fileError.text()
    assert wizard.ui.pages.currentIndex() == 0
    shot(wizard, "0-bad-file")
    assert db_counts(demo_db) == before


@pytest.mark.slow
def test_cancel_commit_leaves_database_untouched(
    window: Any, qtbot: Any, demo_db: Any, tmp_path: Path
) -> None:
    rows = [["First", "Last", "Company"]] + [
        [f"P{i}", f"Person{i}", f"Firm {i % 50}"] for i in range(6000)
    ]
    path = write_xlsx(tmp_path / "many.xlsx", rows)
    before = db_counts(demo_db)
    wizard = open_on(window, qtbot, path)
    wait_page(qtbot, wizard, 1)
    wizard.ui.nextButton.click()
    wait_page(qtbot, wizard, 2)
    wizard.ui.nextButton.click()
    wait_page(qtbot, wizard, 3)
    wizard.ui.nextButton.click()
    wizard.cancel_job()
    qtbot.waitUntil(lambda: wizard.job is None, timeout=30_000)
    assert wizard.import_result is None and wizard.ui.pages.currentIndex() == 3
    assert db_counts(demo_db) == before


def test_drop_a_file_on_the_window_opens_the_wizard(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    path = tmp_path / "drop.csv"
    path.write_text("First name,Last name,Company\nAnna,Schmidt,ACME\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(*args))
    wizard = window.feature(ImportFeature).wizard
    wait_page(qtbot, wizard, 1)
    assert wizard.loaded is not None and wizard.loaded.path == path


def test_models_pass_qtmodeltester(qtmodeltester: Any, db: Any, tmp_path: Path) -> None:
    from crmdesk.gui.import_wizard.models import PlanModel, SheetModel
    from crmdesk.importing import plan as planning
    from crmdesk.importing.snapshot import load_snapshot
    from crmdesk.importing.workflow import load_file

    path = trade_show_file(tmp_path / "messe.xlsx", "nobody@example.org")
    loaded = load_file(db, path)
    options = planning.ImportOptions(loaded.targets, region="DE")
    plan = planning.build_plan(loaded.sheet, options, load_snapshot(db))
    qtmodeltester.check(SheetModel(loaded.sheet))
    model = PlanModel(plan)
    model.set_plan(plan, problems_only=False)
    qtmodeltester.check(model)
