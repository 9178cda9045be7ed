"""The Plan tab, the export and pack actions, the preview and printing, as
real widgets on the offscreen platform."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter

from crmdesk.app import create_window
from crmdesk.core import accounts, plans
from crmdesk.core.portfolio import AccountFilter
from crmdesk.db.enums import Tier
from crmdesk.gui.plans import feature as plan_export
from crmdesk.gui.plans.preview import print_pdf

from .helpers import rich_account


def _window(qtbot, db_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    window = create_window(db_path)
    qtbot.addWidget(window)
    assert window.feature(plan_export.PlanExports) is not None
    selected: list[int | None] = [None]
    monkeypatch.setattr(window, "selected_account_id", lambda: selected[0])

    def select(account_id: int | None) -> None:
        selected[0] = account_id
        window.accountSelected.emit(account_id)

    return window, select


def test_edit_save_and_autosave_on_switch(qtbot, db_path, monkeypatch):
    window, select = _window(qtbot, db_path, monkeypatch)
    db = window.db
    rich = rich_account(db, name="Åkerlund & Søn")
    bare = accounts.create_account(db, name="No Plan Yet", tier="partner").id
    tab = window.feature(plan_export.PlanExports).tab
    assert window.account_pane.tabs.indexOf(tab) >= 0
    select(bare)
    assert tab.ui.modeStack.currentWidget() is tab.ui.noPlanPage
    qtbot.mouseClick(tab.ui.startButton, Qt.MouseButton.LeftButton)
    assert tab.plan is not None and tab.ui.modeStack.currentWidget() is tab.ui.editorPage
    assert tab.ui.marketsEdit.isHidden()  # only strategic plans ask for the customer's markets
    assert tab.lists["objective"].model.rowCount() == 4  # the partner template

    tab.ui.prioritiesEdit.setPlainText("Cut their logistics cost by 10 %")
    risks = tab.lists["risk"].model
    row = risks.append()
    assert not risks.setData(risks.index(row, 1), "sometimes")  # refused, with a message
    assert "choose one of" in tab.ui.banner.text()
    assert risks.setData(risks.index(row, 0), "Key buyer retiring")
    assert risks.setData(risks.index(row, 1), "High")
    assert tab.dirty and tab.ui.saveButton.isEnabled()
    select(rich)  # switching account saves the edits first
    saved = plans.current_plan(db, bare)
    assert saved.customer_priorities == "Cut their logistics cost by 10 %"
    assert [(i.title, i.likelihood) for i in saved.items if i.section.value == "risk"] == [
        ("Key buyer retiring", "high")
    ]
    # the strategic account's plan is shown, with its stakeholders and signals
    assert not tab.ui.marketsEdit.isHidden()
    assert tab.ui.prioritiesEdit.toPlainText() == "Decarbonise the fleet by 2030."
    assert tab.insights_ui.peopleTree.topLevelItem(0).text(0) == "Иван Петров"
    assert tab.insights_ui.signalsList.count() == 2
    before = tab.lists["risk"].model.rowCount()
    tab.insights_ui.adoptButton.click()
    assert tab.lists["risk"].model.rowCount() == before + 2
    tab.ui.saveButton.click()
    assert not tab.dirty
    assert sum(1 for i in plans.current_plan(db, rich).items if i.section.value == "risk") == 3


def test_export_plan_preview_and_print(qtbot, db_path, monkeypatch, tmp_path):
    window, select = _window(qtbot, db_path, monkeypatch)
    account = rich_account(window.db)
    select(account)
    exports = window.feature(plan_export.PlanExports)
    assert exports.export_action.isEnabled()
    assert exports.export_action in window.menu("file").actions()
    assert exports.pack_action in window.menu("file").actions()
    target = tmp_path / "out" / "plan.pdf"
    target.parent.mkdir()
    job = exports.export_plan(target=target, size="letter")
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    assert job.error is None, job.error
    qtbot.waitUntil(lambda: bool(exports.previews), timeout=5000)
    preview = exports.previews[-1]
    reader = PdfReader(target)
    assert preview.page_count == len(reader.pages) >= 2
    assert "page 1 of" in preview.ui.pageLabel.text()
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setResolution(72)
    assert print_pdf(preview.document, printer) == preview.page_count
    assert len(PdfReader(printed).pages) == preview.page_count
    preview.close()


def test_pack_dialog_and_job(qtbot, db_path, monkeypatch, tmp_path):
    window, _select = _window(qtbot, db_path, monkeypatch)
    rich_account(window.db, name="Strategic One")
    accounts.create_account(window.db, name="Partner Two", tier="partner", owner="Chen Wei")
    dialog = plan_export.PackDialog(window)
    qtbot.addWidget(dialog)
    assert "1 account" in dialog.ui.countLabel.text()  # strategic is ticked by default
    dialog.ui.partnerCheck.setChecked(True)
    assert "2 accounts" in dialog.ui.countLabel.text()
    assert dialog.selection().tiers == frozenset({Tier.STRATEGIC, Tier.PARTNER})
    target = tmp_path / "pack.pdf"
    steps: list[tuple[int, int]] = []
    exports = window.feature(plan_export.PlanExports)
    job = exports.run_pack(AccountFilter(tiers=dialog.selection().tiers), target, "a4")
    job.progressed.connect(lambda d, t, _x: steps.append((d, t)))
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert job.error is None, job.error
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Strategic One" in text and "Partner Two" in text
    assert steps and steps[-1][0] <= steps[-1][1]


def test_a_failed_save_keeps_the_edits_on_screen(qtbot, db_path, monkeypatch):
    window, select = _window(qtbot, db_path, monkeypatch)
    db = window.db
    year = date.today().year
    account = accounts.create_account(db, name="Overlap AB").id
    other = accounts.create_account(db, name="Elsewhere AB").id
    plans.create_plan(db, account, date(year - 1, 1, 1), date(year - 1, 12, 31))
    plans.create_plan(db, account, date(year, 1, 1), date(year, 12, 31))
    select(account)
    tab = window.feature(plan_export.PlanExports).tab
    assert tab.plan is not None and tab.plan.period_start.year == year
    tab.ui.startEdit.setDate(QDate(year - 1, 6, 1))  # now overlaps last year's plan
    tab.ui.prioritiesEdit.setPlainText("Keep me")
    select(other)  # the autosave fails: the plan stays open, edits and reason shown
    assert tab.account_id == account and tab.dirty
    assert tab.ui.prioritiesEdit.toPlainText() == "Keep me"
    assert "already has a plan" in tab.ui.banner.text()
    tab.ui.startEdit.setDate(QDate(year, 1, 1))
    assert tab.save()
    select(other)
    assert tab.account_id == other
    assert plans.current_plan(db, account).customer_priorities == "Keep me"


def test_closing_the_window_saves_pending_edits(qtbot, db_path, monkeypatch):
    window, select = _window(qtbot, db_path, monkeypatch)
    account = accounts.create_account(window.db, name="Closing Time Ltd").id
    select(account)
    tab = window.feature(plan_export.PlanExports).tab
    qtbot.mouseClick(tab.ui.startButton, Qt.MouseButton.LeftButton)
    tab.ui.reviewEdit.setPlainText("Written just before closing")
    assert tab.dirty
    window.close()
    assert not tab.dirty
    assert plans.current_plan(window.db, account).review_of_last_period == (
        "Written just before closing"
    )
