"""The import wizard dialog (File ▸ Import…, or a file dropped on the window):
pick file → sheet and encoding → column mapping → preview with problems →
result. Reading, checking and writing run as jobs on the window's
background helper with a progress bar and Cancel; Cancel leaves the
database untouched (the commit is one transaction). This module holds the
first pages and the job plumbing; the preview, commit and result pages are
in :mod:`crmdesk.gui.import_wizard.preview`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QWidget,
)

from crmdesk.db.enums import AcquisitionSource
from crmdesk.gui.common import settings as keys
from crmdesk.gui.common.sizing import fit_to_screen
from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.forms.ui_import_wizard import Ui_ImportWizard
from crmdesk.gui.import_wizard.mapping_page import MappingPage
from crmdesk.gui.import_wizard.models import ActionDelegate, PlanModel, SheetModel
from crmdesk.gui.import_wizard.preview import PreviewPages
from crmdesk.importing import plan as planning
from crmdesk.importing import service
from crmdesk.importing.errors import ImportCancelled, UnclosedQuoteError
from crmdesk.importing.values import default_region
from crmdesk.importing.workflow import Loaded, load_file

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "iso8859-15", "cp1250",
             "mac_roman"]  # fmt: skip
REGIONS = ["DE", "AT", "CH", "FR", "NL", "BE", "IT", "ES", "GB", "IE", "US", "CA", "PL",
           "SE", "DK", "NO", "FI"]  # fmt: skip
TITLES = [
    ("Choose a file", "Step 1 of 4"),
    ("Sheet and encoding", "Step 2 of 4"),
    ("Columns", "Step 3 of 4"),
    ("Preview", "Step 4 of 4"),
    ("Done", ""),
]


class ImportWizard(MappingPage, PreviewPages, QDialog):
    def __init__(
        self, window: WindowApi, path: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent or window.as_widget())
        self.window_api = window
        self.db = window.db
        self.ui = Ui_ImportWizard()
        self.ui.setupUi(self)
        fit_to_screen(self, QSize(900, 620), 0.75)
        self.loaded: Loaded | None = None
        self.plan: planning.Plan | None = None
        self.import_result: service.ImportResult | None = None
        self.job: Any = None
        self._targets: list[str] = []
        self.model: PlanModel | None = None
        # the last read's arguments, for re-reading after an unclosed quote
        self._pending: tuple[str, str | None, str | None] | None = None
        self._literal_quotes_from: int | None = None
        self._setup_widgets()
        self._show_page(0)
        self._load_recent()
        if path:
            self.ui.fileEdit.setText(path)
            self.next_page()

    # --- setup ------------------------------------------------------------
    def _setup_widgets(self) -> None:
        ui = self.ui
        font = ui.titleLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        ui.titleLabel.setFont(font)
        ui.fileError.setStyleSheet("color: #b3261e;")
        ui.encodingCombo.addItems(ENCODINGS)
        region = default_region()
        ui.regionCombo.addItems(sorted(set(REGIONS) | {region}))
        ui.regionCombo.setCurrentText(region)
        for source in AcquisitionSource:
            ui.sourceCombo.addItem(source.label, source)
        ui.sourceCombo.setCurrentIndex(ui.sourceCombo.findData(AcquisitionSource.ENQUIRY))
        for combo, choices in (
            (ui.emailDupCombo, [("update", "Update"), ("skip", "Skip"), ("create", "Create")]),
            (ui.probableDupCombo, [("skip", "Skip"), ("create", "Create")]),
            (ui.updateModeCombo, [("fill", "Fill empty fields"), ("overwrite", "Overwrite")]),
        ):
            for key, label in choices:
                combo.addItem(self.tr(label), key)
        ui.mappingTable.setColumnCount(3)
        ui.mappingTable.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Import as")]
        )
        ui.mappingTable.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        ui.mappingTable.verticalHeader().setVisible(False)
        ui.mappingTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ui.previewTable.setItemDelegateForColumn(1, ActionDelegate(ui.previewTable))
        ui.previewTable.verticalHeader().setVisible(False)
        ui.previewTable.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        ui.progressBar.setVisible(False)
        ui.progressLabel.setVisible(False)
        ui.cancelJobButton.setVisible(False)
        ui.browseButton.clicked.connect(self.browse)
        ui.nextButton.clicked.connect(self.next_page)
        ui.backButton.clicked.connect(self.back_page)
        ui.closeButton.clicked.connect(self.reject)
        ui.cancelJobButton.clicked.connect(self.cancel_job)
        ui.sheetCombo.activated.connect(lambda _i: self._reload())
        ui.encodingCombo.activated.connect(lambda _i: self._reload())
        ui.problemsOnly.toggled.connect(lambda _on: self._refresh_preview())
        ui.emailDupCombo.activated.connect(lambda _i: self._bulk("email", ui.emailDupCombo))
        ui.probableDupCombo.activated.connect(lambda _i: self._bulk_probable())
        ui.updateModeCombo.activated.connect(lambda _i: self._build_plan())
        ui.saveRejectedButton.clicked.connect(self.save_rejected)
        ui.saveRejectedButton2.clicked.connect(self.save_rejected)
        ui.undoImportButton.clicked.connect(self.undo_import)
        ui.undoBatchButton.clicked.connect(self.undo_selected)
        ui.recentList.itemSelectionChanged.connect(self._recent_selected)
        ui.undoBatchButton.setEnabled(False)

    def _show_page(self, page: int) -> None:
        ui = self.ui
        ui.pages.setCurrentIndex(page)
        title, step = TITLES[page]
        ui.titleLabel.setText(self.tr(title))
        ui.stepLabel.setText(self.tr(step))
        ui.backButton.setEnabled(0 < page < 4)
        ui.backButton.setVisible(page < 4)
        ui.nextButton.setVisible(page < 4)
        ui.nextButton.setText(self.tr("&Import") if page == 3 else self.tr("&Next"))
        ui.closeButton.setText(self.tr("Close") if page == 4 else self.tr("Cancel"))
        self._set_subtitle(page)

    def _set_subtitle(self, page: int) -> None:
        texts = {
            0: self.tr("Contacts from a spreadsheet: each row becomes a person at an account."),
            1: self.tr("Check that the names look right; change the sheet or encoding if not."),
            2: self.tr(
                "Choose which contact field each column fills. Unmapped columns can be "
                "kept in the contact's notes."
            ),  # fmt: skip
            3: self.tr("Nothing has been written yet. Check the problems, then Import."),
            4: "",
        }
        self.ui.subtitleLabel.setText(texts[page])

    # --- navigation -------------------------------------------------------
    def next_page(self) -> None:
        page = self.ui.pages.currentIndex()
        if self.job is not None:
            return
        if page == 0:
            self._load(self.ui.fileEdit.text().strip(), None, None)
        elif page == 1:
            self._fill_mapping()
            self._show_page(2)
        elif page == 2:
            self._build_plan(go_to=3)
        elif page == 3:
            self._commit()

    def back_page(self) -> None:
        page = self.ui.pages.currentIndex()
        if self.job is None and 0 < page < 4:
            self._show_page(page - 1)

    def browse(self) -> None:
        settings = self.window_api.settings
        folder = settings.get(keys.IMPORT_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import contacts"),
            folder,
            self.tr("Spreadsheets (*.csv *.xlsx *.xlsm *.xls *.ods *.txt *.tsv);;All files (*)"),
        )
        if path:
            settings.set(keys.IMPORT_FOLDER, str(Path(path).parent))
            self.ui.fileEdit.setText(path)
            self.next_page()

    # --- jobs -------------------------------------------------------------
    def _run(self, text: str, func: Any, on_result: Any) -> None:
        ui = self.ui
        for widget in (ui.progressBar, ui.progressLabel, ui.cancelJobButton):
            widget.setVisible(True)
        ui.progressLabel.setText(text)
        ui.progressBar.setRange(0, 0)
        ui.nextButton.setEnabled(False)
        ui.backButton.setEnabled(False)
        ui.cancelJobButton.setEnabled(True)

        def finished() -> None:
            self.job = None
            for widget in (ui.progressBar, ui.progressLabel, ui.cancelJobButton):
                widget.setVisible(False)
            ui.nextButton.setEnabled(True)
            ui.backButton.setEnabled(0 < ui.pages.currentIndex() < 4)

        self.job = self.window_api.jobs.run(
            func,
            name=text,
            on_result=on_result,
            on_error=self._failed,
            on_progress=self._progress,
        )
        self.job.finished.connect(finished)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.ui.progressBar.setRange(0, max(total, 0))
        if total:
            self.ui.progressBar.setValue(min(done, total))
        if text:
            self.ui.progressLabel.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportCancelled):
            return
        if isinstance(exc, UnclosedQuoteError) and self._pending is not None:
            if self.ask_literal_quotes(exc):
                path, sheet, encoding = self._pending
                self._load(path, sheet, encoding, literal_quotes_from=exc.row)
                return
        if self.ui.pages.currentIndex() == 0:
            self.ui.fileError.setText(str(exc))
        else:
            self.window_api.show_error(exc)

    def cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.ui.cancelJobButton.setEnabled(False)
            self.ui.progressLabel.setText(self.tr("Cancelling…"))

    def reject(self) -> None:  # Esc / Cancel / Close
        if self.job is not None:
            self.cancel_job()
            self.window_api.jobs.wait(30000)
        super().reject()

    def ask_literal_quotes(self, exc: UnclosedQuoteError) -> bool:
        """Offer to read the CSV with quotes as ordinary characters from the
        row whose quote is never closed (tests replace this)."""
        text = self.tr(
            "%1.\n\nRead the file again with quotes as ordinary characters from row %2 on?"
        )
        answer = QMessageBox.question(
            self, self.tr("A quote is never closed"),
            text.replace("%1", str(exc)[:1].upper() + str(exc)[1:]).replace("%2", str(exc.row)),
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    # --- page 1: read the file --------------------------------------------
    def _load(
        self,
        path: str,
        sheet: str | None,
        encoding: str | None,
        literal_quotes_from: int | None = None,
    ) -> None:
        if not path:
            self.ui.fileError.setText(self.tr("Choose a file first."))
            return
        self.ui.fileError.setText("")
        db = self.db
        self._pending = (path, sheet, encoding) if literal_quotes_from is None else None
        self._literal_quotes_from = literal_quotes_from

        def work(ctx: Any) -> Loaded:
            ctx.progress(0, 0, self.tr("Reading %s…") % Path(path).name)
            return load_file(
                db,
                path,
                sheet=sheet,
                encoding=encoding,
                cancelled=lambda: ctx.cancelled,
                literal_quotes_from=literal_quotes_from,
            )

        self._run(self.tr("Reading the file…"), work, self._loaded)

    def _reload(self) -> None:
        if self.loaded is None or self.job is not None:
            return
        raw = self.loaded.raw
        sheet = self.ui.sheetCombo.currentText() if raw.kind != "csv" else None
        encoding = self.ui.encodingCombo.currentText() if raw.kind == "csv" else None
        self._load(str(self.loaded.path), sheet, encoding, self._literal_quotes_from)

    def _loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self._targets = list(loaded.targets)
        ui = self.ui
        raw = loaded.raw
        is_csv = raw.kind == "csv"
        ui.sheetCombo.clear()
        ui.sheetCombo.addItems(raw.sheets)
        ui.sheetCombo.setCurrentText(raw.sheet or "")
        for widget in (ui.sheetCombo, ui.sheetLabel):
            widget.setVisible(not is_csv)
        for widget in (ui.encodingCombo, ui.encodingLabel):
            widget.setVisible(is_csv)
        if is_csv and raw.encoding:
            if ui.encodingCombo.findText(raw.encoding) < 0:
                ui.encodingCombo.addItem(raw.encoding)
            ui.encodingCombo.setCurrentText(raw.encoding)
        ui.rawTable.setModel(SheetModel(loaded.sheet))
        ui.rawTable.resizeColumnsToContents()
        rows = len(loaded.sheet.rows)
        facts = [
            self.tr("%n contact row", "", rows)
            if rows == 1
            else self.tr("%n contact rows", "", rows)
        ]
        if loaded.sheet.header_row_number:
            facts.append(self.tr("column names on row %1").replace(
                "%1", str(loaded.sheet.header_row_number)))  # fmt: skip
        if is_csv:
            names = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
            text = self.tr("encoding %1 (detected), separated by %2")
            text = text.replace("%1", raw.encoding or "?")
            facts.append(text.replace("%2", names.get(raw.delimiter or "", "?")))
        facts += loaded.sheet.notes
        ui.sourceInfo.setText("; ".join(facts) + ".")
        self._show_page(1)
