"""A small read-only table model over a list of plain rows, for the short
lists of one account (people, tier history, timeline, follow-ups): these are
bounded, so they load whole; the portfolio uses the paged AccountTableModel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str
    text: Callable[[T], str]
    icon: Callable[[T], Any] | None = None
    foreground: Callable[[T], Any] | None = None
    tooltip: Callable[[T], str | None] | None = None
    font: Callable[[T], Any] | None = None
    """this column's font (a bold due date), before the row's"""


class RowsModel(QAbstractTableModel, Generic[T]):
    def __init__(
        self,
        columns: Sequence[Column[T]],
        row_id: Callable[[T], int],
        parent: Any = None,
        background: Callable[[T], Any] | None = None,
        font: Callable[[T], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._row_id = row_id
        self._background = background
        self._font = font
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if self._row_id(row) == row_id:
                return number
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ID_ROLE:
            return self._row_id(row)
        if role == Qt.ItemDataRole.DecorationRole and column.icon:
            return column.icon(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            return column.foreground(row)
        if role == Qt.ItemDataRole.ToolTipRole:  # the full text of a cut cell
            return column.tooltip(row) if column.tooltip else (column.text(row) or None)
        if role == Qt.ItemDataRole.BackgroundRole and self._background:
            return self._background(row)
        if role == Qt.ItemDataRole.FontRole and column.font:
            return column.font(row)
        if role == Qt.ItemDataRole.FontRole and self._font:
            return self._font(row)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
