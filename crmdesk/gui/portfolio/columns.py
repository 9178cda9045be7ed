"""Column widths of the portfolio table: the name column stretches and
always keeps room for a long account name ("Kestrel Logistics Nordic AB"
must not become "Kestrel Logist…" beside its twin); on a narrow pane the
least needed columns step aside (Last contact, then Owner, then Status)
and come back when the pane is widened. The name's tooltip carries what a
hidden column would have shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from crmdesk.gui.portfolio.account_table import LAST, NAME, NEXT, OWNER, STATUS, TIER

# characters of an account name the name column always has room for
NAME_CHARS = 24
NAME_SAMPLE = "Kestrel Logistics Nordic AB"[:NAME_CHARS]
# the order in which columns step aside on a narrow pane
OPTIONAL = (LAST, OWNER, STATUS)


class FitColumns(QObject):
    """Installed on the table's viewport: refits the columns whenever it is
    resized."""

    def __init__(self, table: QTableView, widths: dict[int, int]) -> None:
        super().__init__(table)
        self.table = table
        self.widths = widths  # column -> width (every column but the name)
        header = table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        # the viewport's own resize: by then its new width is known
        self.viewport = table.viewport()
        self.viewport.installEventFilter(self)
        self.fit()

    def name_room(self) -> int:
        """The width the name column needs for NAME_CHARS characters."""
        return self.table.fontMetrics().horizontalAdvance(NAME_SAMPLE) + 16

    def fit(self) -> None:
        room = self.table.viewport().width() - self.name_room()
        fixed = [TIER, NEXT, *OPTIONAL]
        hidden: set[int] = set()
        for column in OPTIONAL:
            if sum(self.widths[c] for c in fixed if c not in hidden) <= room:
                break
            hidden.add(column)
        for column in OPTIONAL:
            if self.table.isColumnHidden(column) != (column in hidden):
                self.table.setColumnHidden(column, column in hidden)
                if column not in hidden:
                    self.table.setColumnWidth(column, self.widths[column])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.viewport:
            self.fit()
        return False
