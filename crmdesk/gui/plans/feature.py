"""Feature: the Plan tab, File ▸ Export plan as PDF… and File ▸ Print
review pack…; PDFs are written by a background job with progress and
cancel, then shown in the in-app preview with a Print button."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from crmdesk.core.accounts import find_account, get_account
from crmdesk.core.plan_document import build_pack, build_plan_document
from crmdesk.core.portfolio import AccountFilter, count_accounts, owners
from crmdesk.db.enums import AccountStatus, Tier
from crmdesk.errors import CrmError
from crmdesk.gui.common import settings as keys
from crmdesk.gui.common.jobs import JobContext
from crmdesk.gui.common.settings import Settings
from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.forms.ui_plan_pack_dialog import Ui_PlanPackDialog
from crmdesk.gui.plans.tab import PlanTab

if TYPE_CHECKING:  # reportlab and QtPdf load on first use, not at start-up
    from crmdesk.gui.plans.preview import PdfPreview


def default_page_size(settings: Settings) -> str:
    """The paper chosen last time; else Letter where Letter is the norm
    (the US, Canada, ...), else A4."""
    saved = settings.get(keys.PAPER_SIZE)
    if saved is not None:
        return saved
    letter = {QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
              QLocale.Country.Philippines, QLocale.Country.Chile}  # fmt: skip
    return "letter" if QLocale.system().territory() in letter else "a4"


def _safe_name(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in " -_.&" else "_" for ch in text).strip() or "plan"


class PlanExports:
    """Owns the actions and the open previews of one window."""

    def __init__(self, window: WindowApi) -> None:
        self.window = window
        self.widget = widget = window.as_widget()
        self.previews: list[PdfPreview] = []
        self.tab = PlanTab(window)
        window.add_account_tab(self.tab, widget.tr("Plan"))
        window.accountSelected.connect(self.tab.set_account)
        self.tab.exportRequested.connect(self.export_plan)
        self.export_action = QAction(widget.tr("&Export plan as PDF…"), widget)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.triggered.connect(self.export_plan)
        self.pack_action = QAction(widget.tr("&Print review pack…"), widget)
        self.pack_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.pack_action.triggered.connect(self.print_pack)
        menu = window.menu("file")
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [self.export_action, self.pack_action])  # type: ignore[arg-type]
        menu.insertSeparator(first) if first else None
        window.accountSelected.connect(self._selection_changed)
        self._selection_changed(window.selected_account_id())

    def _selection_changed(self, account_id: Any) -> None:
        self.export_action.setEnabled(account_id is not None)

    def _ask_target(self, title: str, name: str) -> Path | None:
        settings = self.window.settings
        folder = settings.get(keys.REPORTS_FOLDER) or str(Path.home())
        path, _filter = QFileDialog.getSaveFileName(
            self.widget, title, str(Path(folder) / name), self.widget.tr("PDF files (*.pdf)")
        )
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        settings.set(keys.REPORTS_FOLDER, str(target.parent))
        return target

    def export_plan(self, _checked: bool = False, *, target: Path | None = None,
                    size: str | None = None) -> Any:  # fmt: skip
        """Export the selected account's plan (saving pending edits first)."""
        account_id = self.window.selected_account_id()
        if account_id is None or not self.tab.save():
            return None
        db = self.window.db
        try:
            name = get_account(db, account_id).name
        except CrmError as exc:
            self.window.show_error(exc)
            return None
        target = target or self._ask_target(self.widget.tr("Export plan as PDF"),
                                            f"{_safe_name(name)} plan.pdf")  # fmt: skip
        if target is None:
            return None
        paper = size or default_page_size(self.window.settings)

        def job(ctx: JobContext) -> Path:
            from crmdesk.reports.plan_pdf import write_plan_pdf

            ctx.progress(0, 2, self.widget.tr("Gathering the plan…"))
            document = build_plan_document(db, account_id)
            ctx.progress(1, 2, self.widget.tr("Writing the PDF…"))
            return write_plan_pdf(document, target, size=paper)

        return self.window.jobs.run_with_dialog(
            self.widget, self.widget.tr("Exporting the plan of %s") % name, job,
            on_result=self.show_preview, on_error=self.window.show_error,
        )  # fmt: skip

    def print_pack(self, _checked: bool = False) -> Any:
        dialog = PackDialog(self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        target = self._ask_target(self.widget.tr("Save review pack as PDF"), "Review pack.pdf")
        if target is None:
            return None
        return self.run_pack(dialog.selection(), target, dialog.page_size(), dialog.names)

    def run_pack(self, flt: AccountFilter, target: Path, size: str,
                 names: list[str] | None = None) -> Any:  # fmt: skip
        db = self.window.db
        tr = self.widget.tr

        def job(ctx: JobContext) -> Path:
            from crmdesk.reports.pack_pdf import write_pack_pdf

            pack = build_pack(
                db, flt, names=names or [], cancelled=lambda: ctx.cancelled,
                progress=lambda d, t: ctx.progress(d, 2 * t, tr("Gathering %d accounts…") % t),
            )  # fmt: skip
            n = len(pack.plans)
            return write_pack_pdf(
                pack, target, size=size, cancelled=lambda: ctx.cancelled,
                progress=lambda d, t: ctx.progress(n + d, 2 * n, tr("Laying out account %d of %d")
                                                   % (d, t)),
            )  # fmt: skip

        return self.window.jobs.run_with_dialog(
            self.widget, tr("Printing the review pack"), job,
            on_result=self.show_preview, on_error=self.window.show_error,
        )  # fmt: skip

    def show_preview(self, path: Path) -> PdfPreview:
        from crmdesk.gui.plans.preview import PdfPreview

        preview = PdfPreview(path, self.widget)
        preview.finished.connect(lambda _r: self.previews.remove(preview))
        self.previews.append(preview)
        preview.show()
        return preview


class PackDialog(QDialog):
    """Choose the accounts (tier, status, owner, explicit names) and paper."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window.as_widget())
        self.window_ = window
        self.ui = Ui_PlanPackDialog()
        self.ui.setupUi(self)
        self.names: list[str] = []
        self.ui.ownerCombo.addItem(self.tr("Any owner"), None)
        for owner in owners(window.db):
            self.ui.ownerCombo.addItem(owner, owner)
        self.ui.sizeCombo.addItem("A4", "a4")
        self.ui.sizeCombo.addItem("US Letter", "letter")
        size = default_page_size(window.settings)
        self.ui.sizeCombo.setCurrentIndex(self.ui.sizeCombo.findData(size))
        self.tiers = {Tier.STRATEGIC: self.ui.strategicCheck, Tier.PARTNER: self.ui.partnerCheck,
                      Tier.TRANSACTIONAL: self.ui.transactionalCheck}  # fmt: skip
        self.statuses = {AccountStatus.ACTIVE: self.ui.activeCheck,
                         AccountStatus.AT_RISK: self.ui.atRiskCheck,
                         AccountStatus.LOST: self.ui.lostCheck}  # fmt: skip
        for box in (*self.tiers.values(), *self.statuses.values()):
            box.toggled.connect(self._count)
        self.ui.ownerCombo.currentIndexChanged.connect(self._count)
        self.ui.buttons.accepted.connect(self._accept)
        self.ui.buttons.rejected.connect(self.reject)
        self._count()

    def selection(self, ids: frozenset[int] | None = None) -> AccountFilter:
        return AccountFilter(
            tiers=frozenset(t for t, box in self.tiers.items() if box.isChecked()),
            statuses=frozenset(s for s, box in self.statuses.items() if box.isChecked()),
            owner=self.ui.ownerCombo.currentData(),
            ids=ids if ids is not None else getattr(self, "_ids", None),
        )

    def page_size(self) -> str:
        return str(self.ui.sizeCombo.currentData())

    def _count(self) -> None:
        n = count_accounts(self.window_.db, self.selection(ids=None))
        text = self.tr("1 account matches.") if n == 1 else self.tr("%d accounts match.") % n
        self.ui.countLabel.setText(text)

    def _accept(self) -> None:
        """Resolve typed account names; an unknown or ambiguous name is
        explained and the dialog stays open."""
        text = self.ui.accountsEdit.text().strip()
        ids: set[int] = set()
        self.names = []
        try:
            for part in (p.strip() for p in text.split(";") if p.strip()):
                account = find_account(self.window_.db, part)
                ids.add(account.id)
                self.names.append(account.name)
            self._ids = frozenset(ids) if ids else None
            if count_accounts(self.window_.db, self.selection()) == 0:
                raise CrmError(self.tr("No accounts match this selection."))
        except CrmError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.window_.settings.set(keys.PAPER_SIZE, self.page_size())
        self.accept()


def install(window: WindowApi) -> PlanExports:
    return PlanExports(window)
