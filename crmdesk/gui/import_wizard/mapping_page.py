"""The import wizard's column-mapping page as a mixin of :class:`ImportWizard`:
each file column with sample values and the field it goes to, and what still
stops the import from going on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QTableWidgetItem

from crmdesk.importing.mapping import TARGETS, check_mapping
from crmdesk.importing.values import cell_to_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    _Dialog = QDialog  # the mixin's methods run on the ImportWizard dialog
else:
    _Dialog = object


class MappingPage(_Dialog):
    """Needs the attributes ImportWizard sets up (ui, loaded, job, _targets)."""

    ui: Any
    loaded: Any
    job: Any
    _targets: list[str]
    tr: Any

    # --- page 2: mapping ----------------------------------------------------
    def _fill_mapping(self) -> None:
        assert self.loaded is not None
        sheet = self.loaded.sheet
        table = self.ui.mappingTable
        table.setRowCount(len(sheet.headers))
        for col, header in enumerate(sheet.headers):
            table.setItem(col, 0, QTableWidgetItem(header))
            samples = [cell_to_text(r[col]) for r in sheet.rows[:50]]
            samples = [s for s in samples if s.strip()][:3]
            table.setItem(col, 1, QTableWidgetItem("  ·  ".join(samples)))
            combo = QComboBox(table)
            for target, label in TARGETS.items():
                combo.addItem(self.tr(label), target)
            combo.setCurrentIndex(combo.findData(self._targets[col]))
            combo.currentIndexChanged.connect(lambda _i, c=col, box=combo: self._mapped(c, box))
            table.setCellWidget(col, 2, combo)
        table.resizeColumnToContents(0)
        table.setColumnWidth(2, 260)
        self._mapping_info()

    def _mapped(self, column: int, combo: QComboBox) -> None:
        self._targets[column] = combo.currentData()
        self._mapping_info()

    def _mapping_info(self) -> None:
        assert self.loaded is not None
        problems = check_mapping(self._targets)
        text = (
            self.tr("These columns are mapped as last time you imported a file like this.")
            if self.loaded.remembered
            else self.tr("Mapped from the column names; check and change where needed.")
        )
        if problems:
            text += " " + self.tr("Before going on: %s.") % "; ".join(problems)
        self.ui.mappingInfo.setText(text)
        self.ui.nextButton.setEnabled(not problems and self.job is None)
