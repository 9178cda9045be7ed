"""The editable list of one plan section (objectives, SWOT entries,
competitors, opportunities, risks, actions) as a Qt table model.

Rows are the core's frozen ``ItemData``; an edit replaces the row with a
changed copy after checking the value, so a bad date or amount is refused
in the cell (with a message) instead of failing later at save time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from crmdesk.core import validation as v
from crmdesk.core.plan_data import ItemData
from crmdesk.core.plan_templates import LIKELIHOODS, PARTIES
from crmdesk.errors import CrmError, InvalidValueError

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    kind: str = "text"  # text, date, money, choice
    choices: tuple[str, ...] = ()


_TITLE = Column("title", "Title")
_DETAIL = Column("detail", "Detail")
_OWNER = Column("owner", "Owner")
_STATUS = Column("status", "Status", "choice", ("open", "in progress", "done", "cancelled"))
_DUE = Column("due_date", "Due", "date")
COLUMNS: dict[str, tuple[Column, ...]] = {
    "objective": (
        _TITLE, Column("party", "Whose", "choice", PARTIES), _OWNER, _DUE, _STATUS,
        Column("measure", "Measure"), _DETAIL,
    ),
    "strength": (_TITLE, _DETAIL),
    "weakness": (_TITLE, _DETAIL),
    "swot_opportunity": (_TITLE, _DETAIL),
    "threat": (_TITLE, _DETAIL),
    "competitor": (
        Column("title", "Competitor"), Column("detail", "Position and notes"),
        Column("impact", "Threat", "choice", LIKELIHOODS),
    ),
    "opportunity": (
        _TITLE, Column("value", "Value", "money"), Column("stage", "Stage"),
        Column("expected_close", "Expected close", "date"), _OWNER, _DETAIL,
    ),
    "risk": (
        _TITLE, Column("likelihood", "Likelihood", "choice", LIKELIHOODS),
        Column("impact", "Impact", "choice", LIKELIHOODS), Column("mitigation", "Mitigation"),
        _DETAIL,
    ),
    "action": (_TITLE, _OWNER, _DUE, _STATUS, _DETAIL),
}  # fmt: skip


def _parse(column: Column, text: str) -> Any:
    text = text.strip()
    if not text:
        if column.field == "title":
            raise InvalidValueError("a title is required")
        return None
    if column.kind == "date":
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InvalidValueError(
                f"{column.title}: '{text}' is not a date (YYYY-MM-DD)"
            ) from None
    if column.kind == "money":
        return v.parse_money(text, column.title)
    if column.kind == "choice" and text.lower() not in column.choices:
        raise InvalidValueError(f"{column.title}: choose one of {', '.join(column.choices)}")
    return text.lower() if column.kind == "choice" else text


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class PlanItemsModel(QAbstractTableModel):
    """One section's items; ``edited`` fires on every change (for the dirty
    flag), ``refused`` with a message when a typed value is not accepted."""

    edited = Signal()
    refused = Signal(str)

    def __init__(self, section: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.section = section
        self.columns = COLUMNS[section]
        self._items: list[ItemData] = []

    # -- content -----------------------------------------------------------
    def items(self) -> list[ItemData]:
        return list(self._items)

    def set_items(self, items: list[ItemData]) -> None:
        self.beginResetModel()
        self._items = [i for i in items if i.section == self.section]
        self.endResetModel()

    def append(self, item: ItemData | None = None) -> int:
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item or ItemData(self.section, "New entry"))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()
            self.edited.emit()

    def move(self, row: int, step: int) -> int:
        target = row + step
        if not (0 <= row < len(self._items) and 0 <= target < len(self._items)):
            return row
        dest = target + 1 if step > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self._items.insert(target, self._items.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return target

    # -- Qt model API ------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._items[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = _show(getattr(item, column.field))
            if role == Qt.ItemDataRole.DisplayRole and column.kind == "money" and value:
                return f"{float(value):,.2f}"
            return value
        if role == Qt.ItemDataRole.ToolTipRole and item.changed and index.column() == 0:
            return self.tr("Changed since the previous period's plan")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: E501, N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tr(self.columns[section].title)
        return "●" if self._items[section].changed else str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self.columns[index.column()]
        try:
            parsed = _parse(column, "" if value is None else str(value))
        except CrmError as exc:
            self.refused.emit(str(exc))
            return False
        row = index.row()
        if getattr(self._items[row], column.field) == parsed:
            return True
        self._items[row] = replace(self._items[row], **{column.field: parsed})
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        self.edited.emit()
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for columns with a fixed set of values (plus empty)."""

    def __init__(self, model: PlanItemsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:  # noqa: N802
        column = self.model.columns[index.column()]
        if column.kind != "choice":
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItems(["", *column.choices])
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        else:
            super().setModelData(editor, model, index)
