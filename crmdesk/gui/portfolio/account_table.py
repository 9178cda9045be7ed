"""The portfolio table model: rows come a page at a time from
``core.portfolio.list_accounts``; filtering and sorting run in SQL.

The model keeps plain ``AccountRow`` values (never ORM objects), grows with
``canFetchMore``/``fetchMore`` as the view scrolls, and updates single rows
with narrow ``dataChanged`` signals so selection and scroll survive edits.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from crmdesk.core.activities import start_of_local_day
from crmdesk.core.portfolio import (
    AccountFilter,
    AccountRow,
    SortKey,
    account_rows,
    count_accounts,
    list_accounts,
)
from crmdesk.db.engine import Database
from crmdesk.db.types import utcnow
from crmdesk.gui.common import fmt
from crmdesk.gui.common.style import OVERDUE, STATUS_COLOURS, TIER_ROLE

# the first page only has to fill the screen: a keystroke in the search field
# costs one small query; scrolling then loads page_size rows at a time
FIRST_PAGE = 80
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = (
    (QT_TRANSLATE_NOOP("AccountTableModel", "Name"), SortKey.NAME),
    (QT_TRANSLATE_NOOP("AccountTableModel", "Tier"), SortKey.TIER),
    (QT_TRANSLATE_NOOP("AccountTableModel", "Status"), SortKey.STATUS),
    (QT_TRANSLATE_NOOP("AccountTableModel", "Owner"), SortKey.OWNER),
    (QT_TRANSLATE_NOOP("AccountTableModel", "Last contact"), SortKey.LAST_INTERACTION),
    (QT_TRANSLATE_NOOP("AccountTableModel", "Next follow-up"), SortKey.NEXT_FOLLOW_UP),
)
NAME, TIER, STATUS, OWNER, LAST, NEXT = range(len(COLUMNS))
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ROLES = frozenset(
    {_DISPLAY, _TOOLTIP, _FOREGROUND, int(Qt.ItemDataRole.FontRole), int(ID_ROLE), int(TIER_ROLE)}
)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class AccountTableModel(QAbstractTableModel):
    """Loads ``page_size`` rows at a time. More pages are offered while the
    last one came back full, so a filter costs one page query; ``total`` (the
    filtered count) is counted only when someone asks, or set by the pane
    from counts it made in a worker."""

    loaded = Signal()  # after a reset (new filter or sort)

    def __init__(self, db: Database, page_size: int = 200, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.page_size = page_size
        self.filter = AccountFilter()
        self.sort_key = SortKey.NAME
        self.descending = False
        self._total: int | None = 0
        self._more = False
        self._rows: list[AccountRow] = []
        self._texts: dict[int, tuple[str, ...]] = {}  # row number -> display texts
        self._announcing_reset = False
        self._fetching = False
        self._loaded = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._today = start_of_local_day(utcnow())

    # --- loading ----------------------------------------------------------
    @property
    def total(self) -> int:
        if self._total is None:
            self._total = (
                len(self._rows) if not self._more else count_accounts(self.db, self.filter)
            )
        return self._total

    @total.setter
    def total(self, value: int | None) -> None:
        self._total = value

    def set_filter(self, flt: AccountFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        """Back to the first page under the current filter and sort."""
        self.beginResetModel()
        self._loaded = True
        self._today = start_of_local_day(utcnow())
        first = min(self.page_size, FIRST_PAGE)
        self._rows = self._page(0, first)
        self._texts = {}
        self._more = len(self._rows) == first
        self._total = None if self._more else len(self._rows)
        # Views and testers react to modelReset by asking for more rows; rows
        # inserted while the reset is still being announced would interleave
        # two changes, so more pages are offered only once it is done.
        self._announcing_reset = True
        try:
            self.endResetModel()
        finally:
            self._announcing_reset = False
        self.loaded.emit()

    def _page(self, offset: int, limit: int | None = None) -> list[AccountRow]:
        return list_accounts(
            self.db,
            self.filter,
            sort=self.sort_key,
            descending=self.descending,
            offset=offset,
            limit=limit or self.page_size,
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._announcing_reset or self._fetching:
            return False
        return self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._announcing_reset or self._fetching:
            return
        self._fetching = True  # listeners of rowsAboutToBeInserted may call us again
        try:
            self._fetch_next_page()
        finally:
            self._fetching = False

    def _fetch_next_page(self) -> None:
        more = self._page(len(self._rows))
        known = {row.id for row in self._rows}
        more = [row for row in more if row.id not in known]
        self._more = len(more) == self.page_size
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and not self._loaded:
            return  # the view announcing its initial sort: the first filter loads
        self.sort_key, self.descending = key, descending
        self.reload()

    def refresh_accounts(self, ids: list[int]) -> None:
        """Re-read the given accounts: changed rows emit dataChanged, rows
        that no longer exist (deleted) are removed."""
        fresh = account_rows(self.db, ids)
        for account_id in ids:
            row = self.row_of(account_id)
            if row is None:
                continue
            if account_id in fresh:
                self._rows[row] = fresh[account_id]
                self._texts.pop(row, None)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            else:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._texts = {}
                if self._total is not None:
                    self._total -= 1
                self.endRemoveRows()

    # --- lookup -----------------------------------------------------------
    def row_of(self, account_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == account_id:
                return number
        return None

    def account_at(self, row: int) -> AccountRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- Qt model API -----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(str(COLUMNS[section][0]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each repaint: leave
        # early for roles this model does not answer, read cached texts.
        role = int(role)
        if role not in _ROLES:
            return None
        number = index.row()
        if not index.isValid() or not 0 <= number < len(self._rows):
            return None
        column = index.column()
        if role == _DISPLAY:
            return self._text(number)[column]
        row = self._rows[number]
        if role == ID_ROLE:
            return row.id
        if role == TIER_ROLE:
            return row.tier if column == TIER else None
        overdue = column == NEXT and self._overdue(row.next_follow_up)
        if role == _TOOLTIP:
            if column == NAME:
                return row.name
            return self.tr("Overdue follow-up") if overdue else None
        if role == _FOREGROUND:
            if column == STATUS:
                return STATUS_COLOURS.get(row.status)
            return OVERDUE if overdue else None
        return self._bold if overdue else None  # FontRole

    def _text(self, number: int) -> tuple[str, ...]:
        texts = self._texts.get(number)
        if texts is None:
            row = self._rows[number]
            texts = (
                row.name,
                row.tier.label,
                row.status.label,
                row.owner or "",
                fmt.date_text(row.last_interaction),
                fmt.date_text(row.next_follow_up),
            )
            self._texts[number] = texts
        return texts

    def _overdue(self, when: datetime | None) -> bool:
        return when is not None and when < self._today

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
