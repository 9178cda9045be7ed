"""The Plan tab of the account pane: edit the account plan for a period.

Saving is explicit (Save) and automatic: a few seconds after the last edit,
before switching plan or account, and before the window closes. A save
that fails (a period overlapping another plan, say) keeps the edits on
screen with the reason in a banner; nothing is dropped silently.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidgetItem,
    QWidget,
)  # fmt: skip

from crmdesk.core import plans
from crmdesk.core.changes import Changes
from crmdesk.core.plan_data import ItemData
from crmdesk.core.plan_document import build_plan_document
from crmdesk.core.plan_templates import template_for
from crmdesk.db.models_plans import AccountPlan, PlanStatus
from crmdesk.errors import CrmError
from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.forms.ui_plan_editor import Ui_PlanEditor
from crmdesk.gui.forms.ui_plan_insights import Ui_PlanInsights
from crmdesk.gui.forms.ui_plan_list_page import Ui_PlanListPage
from crmdesk.gui.forms.ui_plan_new_dialog import Ui_PlanNewDialog
from crmdesk.gui.plans.models import ChoiceDelegate, PlanItemsModel

AUTOSAVE_MS = 3000
# (section, page title, hint, template section that shows it)
LIST_PAGES = (
    ("objective", "Objectives", "Ours, the customer's and joint objectives with owner, due "
     "date, status and measure.", "objectives"),
    ("strength", "Strengths", "What we do well for this customer.", "swot"),
    ("weakness", "Weaknesses", "Where we fall short.", "swot"),
    ("swot_opportunity", "Opportunities (SWOT)", "Openings in the customer's business.", "swot"),
    ("threat", "Threats", "What could take the business away.", "swot"),
    ("competitor", "Competitors", "Who else sells to them and how strong they are.",
     "competitors"),
    ("opportunity", "Opportunities (deals)", "Deals: value, stage, expected close.",
     "opportunities"),
    ("risk", "Risks", "Likelihood, impact and mitigation; add defection signals from the "
     "Stakeholders page.", "risks"),
    ("action", "Action plan", "Actions with owner, due date and status.", "actions"),
)  # fmt: skip


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _ListPage(QWidget):
    def __init__(self, section: str, hint: str, on_error: Any) -> None:
        super().__init__()
        self.ui = Ui_PlanListPage()
        self.ui.setupUi(self)
        self.ui.hintLabel.setText(self.tr(hint))
        self.model = PlanItemsModel(section, self)
        self.model.refused.connect(on_error)
        table = self.ui.table
        table.setModel(self.model)
        table.setItemDelegate(ChoiceDelegate(self.model, table))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 200)
        self.ui.addButton.clicked.connect(self._add)
        self.ui.removeButton.clicked.connect(lambda: self.model.remove(self._row()))
        self.ui.upButton.clicked.connect(lambda: self._move(-1))
        self.ui.downButton.clicked.connect(lambda: self._move(1))

    def _row(self) -> int:
        index = self.ui.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _add(self) -> None:
        row = self.model.append()
        index = self.model.index(row, 0)
        self.ui.table.setCurrentIndex(index)
        self.ui.table.edit(index)

    def _move(self, step: int) -> None:
        row = self.model.move(self._row(), step)
        self.ui.table.setCurrentIndex(self.model.index(row, 0))


class PlanTab(QWidget):
    """Edits the plans of the selected account; ``saved`` fires after a save."""

    saved = Signal(int)  # plan id
    exportRequested = Signal()

    def __init__(self, window: WindowApi) -> None:
        super().__init__()
        self.window_ = window
        self.db = window.db
        self.ui = Ui_PlanEditor()
        self.ui.setupUi(self)
        self.account_id: int | None = None
        self.plan: AccountPlan | None = None
        self.plan_list: list[AccountPlan] = []
        self.dirty = False
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(lambda: self.save(quiet=True))
        for status in PlanStatus:
            self.ui.statusCombo.addItem(self.tr(status.label), status.value)
        self.texts: dict[str, QPlainTextEdit] = {
            "since_last_review": self.ui.sinceEdit, "customer_priorities": self.ui.prioritiesEdit,
            "customer_markets": self.ui.marketsEdit, "relationship_strategy": self.ui.strategyEdit,
            "value_proposition": self.ui.propositionEdit,
            "review_of_last_period": self.ui.reviewEdit,
        }  # fmt: skip
        for edit in self.texts.values():
            edit.textChanged.connect(self._edited)
        self.ui.sectionList.addItem(self.tr("Overview"))
        self.lists: dict[str, _ListPage] = {}
        for section, title, hint, _tpl in LIST_PAGES:
            page = _ListPage(section, hint, self._refused)
            page.model.edited.connect(self._edited)
            self.lists[section] = page
            self.ui.pages.addWidget(page)
            self.ui.sectionList.addItem(self.tr(title))
        self.insights = QWidget()
        self.insights_ui = Ui_PlanInsights()
        self.insights_ui.setupUi(self.insights)
        self.insights_ui.adoptButton.clicked.connect(self._adopt_signals)
        self.ui.pages.addWidget(self.insights)
        self.ui.sectionList.addItem(self.tr("Stakeholders"))
        self.ui.sectionList.currentRowChanged.connect(self.ui.pages.setCurrentIndex)
        self.ui.sectionList.setCurrentRow(0)
        frame = 2 * self.ui.sectionList.frameWidth() + 8
        self.ui.sectionList.setFixedWidth(self.ui.sectionList.sizeHintForColumn(0) + frame)
        self.ui.startEdit.dateChanged.connect(self._edited)
        self.ui.endEdit.dateChanged.connect(self._edited)
        self.ui.statusCombo.currentIndexChanged.connect(self._edited)
        self.ui.saveButton.clicked.connect(lambda: self.save())
        self.ui.revertButton.clicked.connect(self._revert)
        self.ui.newButton.clicked.connect(self._new_plan)
        self.ui.startButton.clicked.connect(lambda: self._create(*self._this_year(), True))
        self.ui.deleteButton.clicked.connect(self._delete)
        self.ui.exportButton.clicked.connect(self.exportRequested)
        self.ui.planCombo.activated.connect(self._switch_plan)
        window.add_close_guard(self.confirm_close)
        window.changed.connect(self._data_changed)
        self.set_account(None)

    # -- loading -----------------------------------------------------------
    def set_account(self, account_id: int | None) -> None:
        if account_id == self.account_id and account_id is not None:
            if not self.dirty:  # the window refreshed: show what changed elsewhere
                self.reload(self.plan.id if self.plan else None)
            return
        if not self.save(quiet=True):
            self.ui.banner.setText(self.tr(
                "The changes to this plan could not be saved, so it stays open: %s"
            ) % self.ui.banner.text())  # fmt: skip
            return
        self.account_id = account_id
        self.reload()

    def reload(self, plan_id: int | None = None) -> None:
        try:
            self.plan_list = (
                plans.plans_for_account(self.db, self.account_id) if self.account_id else []
            )
        except CrmError:  # the account was deleted meanwhile
            self.account_id, self.plan_list = None, []
        self.setEnabled(self.account_id is not None)
        self.ui.planCombo.clear()
        for p in self.plan_list:
            self.ui.planCombo.addItem(
                f"{p.period_start.isoformat()} – {p.period_end.isoformat()} ({p.status.label})",
                p.id,
            )
        chosen = next((p for p in self.plan_list if p.id == plan_id), None)
        chosen = chosen or plans.pick_current(self.plan_list, date.today())
        chosen = chosen or (self.plan_list[0] if self.plan_list else None)
        self._show(chosen)

    def _show(self, plan: AccountPlan | None) -> None:
        self._loading = True
        try:
            self.plan = plan
            has = plan is not None
            self.ui.modeStack.setCurrentWidget(self.ui.editorPage if has else self.ui.noPlanPage)
            self.ui.deleteButton.setEnabled(has)
            self.ui.banner.hide()
            if plan is not None:
                self.ui.planCombo.setCurrentIndex(self.ui.planCombo.findData(plan.id))
                self.ui.startEdit.setDate(_qdate(plan.period_start))
                self.ui.endEdit.setDate(_qdate(plan.period_end))
                self.ui.statusCombo.setCurrentIndex(self.ui.statusCombo.findData(plan.status.value))
                for name, edit in self.texts.items():
                    edit.setPlainText(getattr(plan, name) or "")
                items = [plans.item_data(row) for row in plan.items]
                for page in self.lists.values():
                    page.model.set_items(items)
            self._apply_template()
            self._fill_insights()
        finally:
            self._loading = False
        self._set_dirty(False)

    def _apply_template(self) -> None:
        if self.account_id is None:
            return
        from crmdesk.core.accounts import get_account

        template = template_for(get_account(self.db, self.account_id).tier)
        self.ui.marketsEdit.setVisible(template.shows_markets)
        self.ui.marketsLabel.setVisible(template.shows_markets)
        self.ui.strategyEdit.setPlaceholderText(self.tr(template.strategy_prompt))
        for row, (section, _t, _h, tpl) in enumerate(LIST_PAGES, start=1):
            shown = tpl in template.sections or bool(self.lists[section].model.rowCount())
            self.ui.sectionList.item(row).setHidden(not shown)

    def _fill_insights(self) -> None:
        tree, ui = self.insights_ui.peopleTree, self.insights_ui
        tree.clear()
        ui.signalsList.clear()
        if self.account_id is None:
            return
        doc = build_plan_document(self.db, self.account_id)
        self._signals = list(doc.signals)
        nodes: dict[int, QTreeWidgetItem] = {}
        ids = {p.id for p in doc.stakeholders}
        pending = list(doc.stakeholders)
        while pending:  # parents before children; broken or cyclic links become top level
            progressed = False
            for p in list(pending):
                parent = nodes.get(p.reports_to_id) if p.reports_to_id in ids else None
                if p.reports_to_id in ids and parent is None:
                    continue
                last = p.last_contact.isoformat() if p.last_contact else self.tr("never")
                row = [
                    p.name,
                    p.job_title or "",
                    p.level or "",
                    p.buying_role or "",
                    (p.stance or "").capitalize(),
                    p.relationship_holder or "",
                    last,
                ]
                item = QTreeWidgetItem(row)
                if parent is not None:
                    parent.addChild(item)
                else:
                    tree.addTopLevelItem(item)
                nodes[p.id] = item
                pending.remove(p)
                progressed = True
            if not progressed:
                ids -= {p.reports_to_id for p in pending}
        tree.expandAll()
        tree.header().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        gaps = doc.coverage_gaps
        ui.gapsLabel.setText(
            self.tr("<b>Coverage gaps</b><br>") + "<br>".join(f"• {g}" for g in gaps)
            if gaps else self.tr("No coverage gaps found.")
        )  # fmt: skip
        for s in self._signals:
            entry = QListWidgetItem(f"{s.title}: {s.detail}")
            ui.signalsList.addItem(entry)
        if not self._signals:
            ui.signalsList.addItem(self.tr("No defection signals in the data."))
        ui.adoptButton.setEnabled(bool(self._signals) and self.plan is not None)

    # -- editing -----------------------------------------------------------
    def _edited(self, *_args: Any) -> None:
        if not self._loading and self.plan is not None:
            self._set_dirty(True)
            self._timer.start()

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.ui.saveButton.setEnabled(dirty)
        self.ui.revertButton.setEnabled(dirty)
        if dirty:
            self.ui.stateLabel.setText(self.tr("Unsaved changes"))

    def _refused(self, message: str) -> None:
        self.ui.banner.setText(message)
        self.ui.banner.show()

    def _adopt_signals(self) -> None:
        rows = sorted({i.row() for i in self.insights_ui.signalsList.selectedIndexes()})
        chosen = [self._signals[r] for r in rows if r < len(self._signals)] or self._signals
        for signal in chosen:
            self.lists["risk"].model.append(ItemData(
                "risk", signal.title, detail=signal.detail, likelihood=signal.likelihood,
                impact=signal.impact, mitigation=signal.mitigation,
            ))  # fmt: skip

    def collect(self) -> dict[str, Any]:
        items = [i for section, *_r in LIST_PAGES for i in self.lists[section].model.items()]
        return {
            "texts": {name: edit.toPlainText() for name, edit in self.texts.items()},
            "items": items,
            "period": (_pydate(self.ui.startEdit.date()), _pydate(self.ui.endEdit.date())),
            "status": self.ui.statusCombo.currentData(),
        }

    def save(self, *, quiet: bool = False) -> bool:
        """Save the open plan if it changed; False (edits kept) on failure."""
        self._timer.stop()
        if not self.dirty or self.plan is None:
            return True
        try:
            saved = plans.save_plan(self.db, self.plan.id, **self.collect())
        except CrmError as exc:
            self._refused(str(exc))
            if not quiet:
                self.window_.show_error(exc)
            return False
        self.reload(saved.id)
        self.ui.stateLabel.setText(self.tr("Saved at %s") % QTime.currentTime().toString("HH:mm"))
        self.saved.emit(saved.id)
        return True

    def _revert(self) -> None:
        self._set_dirty(False)
        self.reload(self.plan.id if self.plan else None)

    def _switch_plan(self, index: int) -> None:
        wanted = self.ui.planCombo.itemData(index)
        if self.plan is not None and wanted == self.plan.id:
            return
        if self.save(quiet=True):
            self.reload(wanted)
        else:
            self.ui.planCombo.setCurrentIndex(self.ui.planCombo.findData(self.plan.id))  # type: ignore[union-attr]

    def _this_year(self) -> tuple[date, date]:
        year = date.today().year
        return date(year, 1, 1), date(year, 12, 31)

    def _new_plan(self) -> None:
        if self.account_id is None or not self.save():
            return
        dialog = QDialog(self)
        ui = Ui_PlanNewDialog()
        ui.setupUi(dialog)
        latest = self.plan_list[0].period_end if self.plan_list else None
        start = date(latest.year + 1, 1, 1) if latest else self._this_year()[0]
        ui.startEdit.setDate(_qdate(start))
        ui.endEdit.setDate(_qdate(date(start.year, 12, 31)))
        ui.copyCheck.setEnabled(bool(self.plan_list))
        ui.buttons.accepted.connect(dialog.accept)
        ui.buttons.rejected.connect(dialog.reject)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._create(_pydate(ui.startEdit.date()), _pydate(ui.endEdit.date()),
                         ui.copyCheck.isChecked())  # fmt: skip

    def _create(self, start: date, end: date, copy_forward: bool) -> None:
        if self.account_id is None:
            return
        try:
            plan = plans.create_plan(self.db, self.account_id, start, end,
                                     copy_forward=copy_forward)  # fmt: skip
        except CrmError as exc:
            self.window_.show_error(exc)
            return
        self.reload(plan.id)

    def _delete(self) -> None:
        if self.plan is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete plan"), self.tr(
            "Delete the plan for %s – %s? Its entries go with it."
        ) % (self.plan.period_start.isoformat(), self.plan.period_end.isoformat()))  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            plans.delete_plan(self.db, self.plan.id)
            self._set_dirty(False)
            self.reload()

    def _data_changed(self, changes: Changes) -> None:
        """Something changed elsewhere (a tier change, an import, a
        restore): show it, unless the plan has edits of its own."""
        if changes.touches_account(self.account_id) and not self.dirty:
            self.reload(self.plan.id if self.plan else None)

    def confirm_close(self) -> bool:
        """Before the window closes: save, or ask before losing edits."""
        if not self.dirty or self.save(quiet=True):
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved plan"),
            self.tr("The plan could not be saved: %s\n\nClose and lose these changes?")
            % self.ui.banner.text(),
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes
