"""The import wizard's later pages as a mixin of :class:`ImportWizard`:
preview (plan, bulk actions, in-place fixes, rejected rows), commit, result
and undo, and the list of recent imports on the first page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QMessageBox,
    QTableView,
)

from crmdesk.core.changes import Changes
from crmdesk.db.enums import AcquisitionSource
from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.import_wizard.models import PlanModel
from crmdesk.importing import plan as planning
from crmdesk.importing import service
from crmdesk.importing.snapshot import load_snapshot

if TYPE_CHECKING:
    _Dialog = QDialog  # the mixin's methods run on the ImportWizard dialog
else:
    _Dialog = object


class PreviewPages(_Dialog):
    """Needs the attributes ImportWizard sets up (ui, db, window_api, loaded,
    plan, result, model, _targets) and its ``_run``/``_show_page``."""

    ui: Any
    db: Any
    window_api: WindowApi
    loaded: Any
    plan: planning.Plan | None
    import_result: service.ImportResult | None
    model: PlanModel | None
    job: Any
    _targets: list[str]
    _run: Any
    _show_page: Any
    tr: Any

    # --- page 3: preview ------------------------------------------------------
    def _options(self) -> planning.ImportOptions:
        ui = self.ui
        return planning.ImportOptions(
            targets=list(self._targets),
            region=ui.regionCombo.currentText().strip().upper() or "US",
            acquisition_source=AcquisitionSource(ui.sourceCombo.currentData()),
            update_mode=ui.updateModeCombo.currentData(),
            default_account=ui.defaultAccountEdit.text(),
        )

    def _build_plan(self, go_to: int | None = None) -> None:
        if self.loaded is None or self.job is not None:
            return
        sheet, db, options = self.loaded.sheet, self.db, self._options()
        overrides = dict(self.plan.overrides) if self.plan is not None and go_to is None else {}

        def work(ctx: Any) -> planning.Plan:
            def progress(done: int, total: int) -> None:
                ctx.progress(done, total, self.tr("Checking rows and duplicates…"))

            return planning.build_plan(
                sheet, options, load_snapshot(db), overrides=overrides, progress=progress
            )

        def done(plan: planning.Plan) -> None:
            self.plan = plan
            if go_to is not None:
                self.ui.emailDupCombo.setCurrentIndex(0)
                self.ui.probableDupCombo.setCurrentIndex(0)
                self._show_page(go_to)
            self._refresh_preview()

        self._run(self.tr("Checking rows…"), work, done)

    def _refresh_preview(self) -> None:
        if self.plan is None:
            return
        only = self.ui.problemsOnly.isChecked()
        if self.model is None:
            self.model = PlanModel(self.plan)
            self.model.cellEdited.connect(self._cell_edited)
            self.model.dataChanged.connect(lambda *_: self._show_counts())
            self.ui.previewTable.setModel(self.model)
        self.model.set_plan(self.plan, only)
        fit_preview_columns(self.ui.previewTable, self.model.rowCount())
        self._show_counts()

    def _show_counts(self) -> None:
        assert self.plan is not None
        c = self.plan.counts()
        text = self.tr(
            "<b>%1</b> new, <b>%2</b> updated, <b>%3</b> unchanged, <b>%4</b> skipped, "
            "<b>%5</b> invalid; %6 duplicates found; %7 new accounts (transactional)."
        )
        for i, key in enumerate(
            ("create", "update", "unchanged", "skip", "reject", "duplicates", "accounts_new"), 1
        ):
            text = text.replace(f"%{i}", f"{c[key]:,}")
        for col, order in self.plan.date_orders.items():
            parts = "/".join({"d": "day", "m": "month", "y": "year"}[ch] for ch in order)
            line = self.tr("Dates in “%1” read as %2.").replace("%1", self.plan.sheet.headers[col])
            text += "<br>" + line.replace("%2", parts)
        self.ui.countsLabel.setText(text)
        self.ui.saveRejectedButton.setEnabled(c["reject"] > 0)
        self.ui.nextButton.setEnabled(c["create"] + c["update"] > 0 and self.job is None)

    def _bulk(self, kind: str, combo: QComboBox) -> None:
        if self.plan is not None:
            self.plan.set_bulk(kind, combo.currentData())
            self._refresh_preview()

    def _bulk_probable(self) -> None:
        if self.plan is not None:
            action = self.ui.probableDupCombo.currentData()
            for kind in ("probable", "file-probable"):
                self.plan.set_bulk(kind, action)
            self._refresh_preview()

    def _cell_edited(self, row_index: int, target: str, text: str) -> None:
        """A fixed value goes into the sheet's cell, then the plan is rebuilt
        (keeping the actions chosen so far)."""
        assert self.loaded is not None
        column = self._targets.index(target)
        self.loaded.sheet.rows[row_index][column] = text
        self._build_plan()

    def save_rejected(self) -> None:
        if self.plan is None or self.loaded is None:
            return
        suggested = self.loaded.path.with_name(self.loaded.path.stem + "-rejected.csv")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save rejected rows"), str(suggested), self.tr("CSV files (*.csv)")
        )
        if path:
            count = service.save_rejected(self.plan, path)
            self.ui.resultLabel.setToolTip(path)
            QMessageBox.information(
                self,
                self.tr("Rejected rows"),
                (
                    self.tr("Saved %n row with the reason.", "", count)
                    if count == 1
                    else self.tr("Saved %n rows with the reason.", "", count)
                ),
            )

    # --- page 4: commit and result -----------------------------------------
    def _commit(self) -> None:
        assert self.plan is not None and self.loaded is not None
        plan, db, loaded = self.plan, self.db, self.loaded

        def work(ctx: Any) -> service.ImportResult:
            def progress(done: int, total: int) -> None:
                ctx.progress(done, total, self.tr("Importing…"))

            return service.commit(
                db,
                plan,
                file_path=loaded.path,
                sheet=loaded.raw.sheet,
                encoding=loaded.raw.encoding,
                progress=progress,
            )

        self._run(self.tr("Importing…"), work, self._committed)

    def _committed(self, result: service.ImportResult) -> None:
        self.import_result = result
        self.window_api.apply_changes(Changes.all())
        text = self.tr(
            "<p><b>Imported.</b> %1 contacts created, %2 updated, %3 skipped, %4 rejected; "
            "%5 new accounts.</p><p>The whole import can be undone, here or later from "
            "File ▸ Import… (recent imports). A backup was taken first.</p>"
        )
        for i, value in enumerate(
            (result.created, result.updated, result.skipped, result.rejected,
             result.accounts_created), 1,
        ):  # fmt: skip
            text = text.replace(f"%{i}", f"{value:,}")
        self.ui.resultLabel.setText(text)
        self.ui.saveRejectedButton2.setVisible(result.rejected > 0)
        self.ui.undoImportButton.setEnabled(True)
        self._show_page(4)

    def undo_import(self) -> None:
        if self.import_result is not None:
            self._undo(self.import_result.batch)

    def _undo(self, batch: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Undo import"),
            self.tr(
                "Remove the contacts and accounts this import created and restore what it changed?"
            ),  # fmt: skip
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db = self.db
        self._run(self.tr("Undoing…"), lambda ctx: service.undo(db, batch), self._undone)

    def _undone(self, result: service.UndoResult) -> None:
        self.window_api.apply_changes(Changes.all())
        text = self.tr("Import undone: %1 contacts and %2 accounts removed, %3 contacts restored.")
        for i, value in enumerate(
            (result.removed_contacts, result.removed_accounts, result.restored_contacts), 1
        ):
            text = text.replace(f"%{i}", str(value))
        if result.kept:
            text += "\n" + "\n".join(result.kept[:10])
        self.ui.resultLabel.setText(text)
        self.ui.undoImportButton.setEnabled(False)
        self._load_recent()

    # --- recent imports -------------------------------------------------------
    def _load_recent(self) -> None:
        self.ui.recentList.clear()
        for batch in service.recent_batches(self.db, 10):
            when = batch.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            text = self.tr("%1  %2: %3 created, %4 updated").replace("%1", when).replace(
                "%2", batch.file_name).replace("%3", str(batch.created)).replace(
                "%4", str(batch.updated))  # fmt: skip
            if batch.undone_at is not None:
                text += self.tr(" (undone)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(batch.uuid) if not batch.undone_at else "")
            self.ui.recentList.addItem(item)
        has = self.ui.recentList.count() > 0
        self.ui.recentList.setVisible(has)
        self.ui.recentLabel.setVisible(has)
        self.ui.undoBatchButton.setVisible(has)

    def _recent_selected(self) -> None:
        item = self.ui.recentList.currentItem()
        self.ui.undoBatchButton.setEnabled(bool(item and item.data(Qt.ItemDataRole.UserRole)))

    def undo_selected(self) -> None:
        item = self.ui.recentList.currentItem()
        if item and item.data(Qt.ItemDataRole.UserRole):
            self._undo(item.data(Qt.ItemDataRole.UserRole))


# Problems are the point of the preview: the values' columns are capped at
# this many characters (their tooltips carry the rest) so the Problem column
# keeps room; up to WRAP_ROWS rows its text wraps onto as many lines as needed.
VALUE_CHARS = 24
WRAP_ROWS = 400


def fit_preview_columns(table: QTableView, rows: int) -> None:
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    cap = table.fontMetrics().horizontalAdvance("M" * VALUE_CHARS)
    for column in range(2, 7):
        table.setColumnWidth(column, min(table.columnWidth(column), cap))
    header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(rows <= WRAP_ROWS)
    mode = (
        QHeaderView.ResizeMode.ResizeToContents
        if rows <= WRAP_ROWS
        else QHeaderView.ResizeMode.Interactive
    )
    table.verticalHeader().setSectionResizeMode(mode)
