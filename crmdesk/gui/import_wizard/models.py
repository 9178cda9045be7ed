"""Table models of the import wizard: the sheet as read, and the plan.

The plan model keeps no copies: it reads ``plan.rows`` in ``data()``, so a
100,000-row preview costs nothing until rows scroll into view. Edits go back
to the wizard through ``cellEdited`` (fix a value) and the plan's own
``set_action`` (create / update / skip).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from crmdesk.importing.headers import Sheet
from crmdesk.importing.plan import Plan
from crmdesk.importing.values import cell_to_text

Index = QModelIndex | QPersistentModelIndex
ACTION_LABELS = {"create": "Create", "update": "Update", "skip": "Skip", "reject": "Rejected"}
# (title, contact field shown, target whose source column an edit changes)
COLUMNS = [
    ("Row", None, None),
    ("Action", None, None),
    ("First name", "first_name", "first_name"),
    ("Last name", "last_name", "last_name"),
    ("Company", "company", "company"),
    ("E-mail", "email", "email"),
    ("Phone", "phone", "phone"),
    ("Problem", None, None),
]
_ROOT = QModelIndex()
_REJECT = QColor("#fde2e1")
_DUPLICATE = QColor("#fff4d6")
_WARNING = QColor("#eef3fb")


class SheetModel(QAbstractTableModel):
    """The first rows of the sheet under its detected header (read-only)."""

    def __init__(self, sheet: Sheet, limit: int = 200) -> None:
        super().__init__()
        self.sheet = sheet
        self.limit = limit

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else min(len(self.sheet.rows), self.limit)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.sheet.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return cell_to_text(self.sheet.rows[index.row()][index.column()])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.sheet.headers[section]
        return str(self.sheet.row_numbers[section])


class PlanModel(QAbstractTableModel):
    """One line per row of the file: action, the cleaned values, the problem."""

    cellEdited = Signal(int, str, str)  # plan row index, target, new text

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan
        self.visible: list[int] = list(range(len(plan.rows)))
        self._sources = {t: i for i, t in enumerate(plan.options.targets) if t}

    def set_plan(self, plan: Plan, problems_only: bool) -> None:
        self.beginResetModel()
        self.plan = plan
        self._sources = {t: i for i, t in enumerate(plan.options.targets) if t}
        self.visible = [r.index for r in (plan.problems() if problems_only else plan.rows)]
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(COLUMNS[section][0])
        return None

    def row_at(self, index: Index) -> Any:
        return self.plan.rows[self.visible[index.row()]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return row.row_number
            if column == 1:
                if row.action == "update" and not row.changes:
                    return self.tr("Unchanged")
                return self.tr(ACTION_LABELS[row.action])
            if column == 7:
                return row.problem
            field = COLUMNS[column][1]
            value = row.values.company if field == "company" else row.values.fields.get(field or "")
            if not value and row.action == "reject" and field in self._sources:
                # show what the file says, so the user sees what to fix
                return cell_to_text(self.plan.sheet.rows[row.index][self._sources[field]])
            return value or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 7:
            return row.problem or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.action == "reject":
                return _REJECT
            if row.match_kind:
                return _DUPLICATE
            if row.values.warnings:
                return _WARNING
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        row = self.row_at(index)
        column = index.column()
        if column == 1 and row.action != "reject":
            return base | Qt.ItemFlag.ItemIsEditable
        target = COLUMNS[column][2]
        if target and target in self._sources:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.row_at(index)
        if index.column() == 1:
            action = next((k for k, v in ACTION_LABELS.items() if self.tr(v) == value), value)
            self.plan.set_action(row.index, action)
            self.dataChanged.emit(index, index.sibling(index.row(), len(COLUMNS) - 1))
            return True
        target = COLUMNS[index.column()][2]
        if target:
            self.cellEdited.emit(row.index, target, str(value))
            return True
        return False


class ActionDelegate(QStyledItemDelegate):
    """A combo box with the actions this row allows."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        model = index.model()
        row = model.row_at(index)  # type: ignore[attr-defined]
        combo = QComboBox(parent)
        for action in ("create", "update", "skip"):
            if action == "update" and row.match_id is None:
                continue
            combo.addItem(model.tr(ACTION_LABELS[action]), action)  # type: ignore[union-attr]
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        row = index.model().row_at(index)  # type: ignore[attr-defined]
        editor.setCurrentIndex(max(0, editor.findData(row.action)))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
