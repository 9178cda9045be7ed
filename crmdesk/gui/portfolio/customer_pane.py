"""The customer pane: the portfolio with search and filters.

Search filters as you type (a short debounce, then one SQL query for a page
and one for the count); tier buttons show how many accounts each tier has
under the other filters. Selecting a row drives the other panes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QToolButton, QWidget

from crmdesk.core.portfolio import AccountFilter, owners, tier_counts
from crmdesk.db.engine import Database
from crmdesk.db.enums import AccountStatus, Tier
from crmdesk.gui.common import fmt
from crmdesk.gui.common.icons import icon
from crmdesk.gui.common.style import TIER_COLOURS, TierBadgeDelegate, compact
from crmdesk.gui.forms.ui_customer_pane import Ui_CustomerPane
from crmdesk.gui.portfolio.account_table import ID_ROLE, NAME, TIER, AccountTableModel
from crmdesk.gui.portfolio.columns import FitColumns

SEARCH_DEBOUNCE_MS = 150


class CustomerPane(QWidget):
    """Emits ``currentAccountChanged(id | None)`` when the selection moves.
    ``guard`` (set by the window) may veto a move, e.g. over unsaved edits."""

    currentAccountChanged = Signal(object)
    filterApplied = Signal()  # the table shows the new filter
    countsUpdated = Signal()  # the tier labels and the count caught up

    def __init__(self, db: Database, parent: QWidget | None = None, jobs: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPane")
        self.db = db
        self.ui = Ui_CustomerPane()
        self.ui.setupUi(self)
        self.table = self.ui.table
        self.guard = lambda: True
        self.owner_names: list[str] = []  # every owner in the portfolio
        self.jobs = jobs
        self._count_generation = 0
        self._current: int | None = None
        self._moving_back = False
        self.model = AccountTableModel(db, parent=self)
        self.tier_buttons: dict[Tier, QToolButton] = {
            Tier.TRANSACTIONAL: self.ui.tierTransactional,
            Tier.PARTNER: self.ui.tierPartner,
            Tier.STRATEGIC: self.ui.tierStrategic,
        }
        self._setup_filters()
        self._setup_table()
        self.no_match_label = QLabel(self.ui.table.viewport())
        self.no_match_label.setObjectName("noMatchLabel")
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setEnabled(False)  # the palette's placeholder look
        self.no_match_label.hide()
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.ui.search.textChanged.connect(lambda _t: self._debounce.start())
        self.ui.search.returnPressed.connect(self.apply_filter)
        self.ui.search.addAction(icon("search"), self.ui.search.ActionPosition.LeadingPosition)

    def _setup_filters(self) -> None:
        for tier, button in self.tier_buttons.items():
            button.setToolTip(self.tr("Show %s accounts (click again to show all)") % tier.label)
            colour = TIER_COLOURS[tier].name()
            button.setStyleSheet(
                f"QToolButton {{ border-left: 4px solid {colour}; padding: 2px 6px; }}"
                f"QToolButton:checked {{ background: {colour}; color: white; }}"
            )
            button.toggled.connect(lambda _on: self.apply_filter())
        self.ui.statusFilter.addItem(self.tr("Any status"), None)
        for status in AccountStatus:
            self.ui.statusFilter.addItem(status.label, status)
        self.ui.statusFilter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.ui.ownerFilter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.reload_owners()

    def _setup_table(self) -> None:
        table = self.ui.table
        table.setModel(self.model)
        self._tier_delegate = TierBadgeDelegate(table)  # keep the Python object alive
        table.setItemDelegateForColumn(TIER, self._tier_delegate)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        date_width = metrics.horizontalAdvance("2026-12-31") + 16
        widths = [
            0,
            metrics.horizontalAdvance("Transactional") + 26,
            metrics.horizontalAdvance("At risk") + 14,
            metrics.horizontalAdvance("Greta Lindqv") + 12,
            date_width,
            max(date_width, metrics.horizontalAdvance(self.tr("Next follow-up")) + 24),
        ]
        self.columns = FitColumns(table, {c: w for c, w in enumerate(widths) if c != NAME})
        header.setMinimumSectionSize(48)
        for combo in (self.ui.statusFilter, self.ui.ownerFilter):
            compact(combo)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._restore_selection)

    # --- filters ----------------------------------------------------------
    def current_filter(self) -> AccountFilter:
        tiers = frozenset(t for t, b in self.tier_buttons.items() if b.isChecked())
        status = self.ui.statusFilter.currentData()
        owner = self.ui.ownerFilter.currentData()
        return AccountFilter(
            text=self.ui.search.text(),
            tiers=tiers,
            statuses=frozenset({status}) if status else frozenset(),
            owner=owner or None,
        )

    def apply_filter(self) -> None:
        """Run the filter now (the search box calls this after the debounce)."""
        self._debounce.stop()
        flt = self.current_filter()
        self.model.set_filter(flt)  # one page query: the table updates now
        self._show_no_match(flt)
        self.filterApplied.emit()
        self.update_counts()

    def _show_no_match(self, flt: AccountFilter) -> None:
        """Nothing matches: say so over the empty list, and close the account
        the panes showed (it is not listed), unless it has unsaved edits."""
        nothing = self.model.rowCount() == 0 and not self.model.canFetchMore()
        label = self.no_match_label
        if nothing and (flt.text.strip() or flt.tiers or flt.statuses or flt.owner):
            text = flt.text.strip()
            label.setText(
                self.tr("No account matches “%s”.") % text
                if text
                else self.tr("No account matches these filters.")
            )
            label.resize(self.ui.table.viewport().width(), label.sizeHint().height() * 3)
            label.show()
            if self._current is not None and self.guard():
                self.forget_current()
        else:
            label.hide()

    def update_counts(self) -> None:
        """Count per tier under the current filter, off the GUI thread when
        a worker runner is available (the table does not wait for it)."""
        flt = self.model.filter
        self._count_generation += 1
        generation = self._count_generation
        db = self.db

        def show(counts: dict[Tier, int]) -> None:
            if generation == self._count_generation and flt == self.model.filter:
                self.model.total = sum(counts[t] for t in (flt.tiers or counts))
                self._update_counts(flt, counts)
                self.countsUpdated.emit()

        if self.jobs is None:
            show(tier_counts(db, flt))
        else:
            self.jobs.run(lambda _ctx: tier_counts(db, flt), on_result=show)

    def _update_counts(self, flt: AccountFilter, counts: dict[Tier, int]) -> None:
        for tier, button in self.tier_buttons.items():
            button.setText(f"{tier.label} ({fmt.count_text(counts[tier])})")
        shown, total = self.model.total, sum(counts.values())
        if flt.tiers:
            self.ui.countLabel.setText(
                self.tr("%1 of %2 accounts shown")
                .replace("%1", fmt.count_text(shown))
                .replace("%2", fmt.count_text(total))
            )
        elif shown == 1:
            self.ui.countLabel.setText(self.tr("1 account"))
        else:
            self.ui.countLabel.setText(self.tr("%1 accounts").replace("%1", fmt.count_text(shown)))

    def reload_owners(self) -> None:
        combo = self.ui.ownerFilter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Any owner"), None)
        self.owner_names = owners(self.db)
        for name in self.owner_names:
            combo.addItem(name, name)
        index = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def clear_search_if_focused(self) -> bool:
        """Escape in the search box clears it; True when it did."""
        if not self.ui.search.hasFocus():
            return False
        self.ui.search.clear()
        return True

    def focus_search(self) -> None:
        self.ui.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.search.selectAll()

    # --- selection --------------------------------------------------------
    def current_account_id(self) -> int | None:
        return self._current

    def row_count(self) -> int:
        """Rows loaded so far (0: nothing matches, or no accounts at all)."""
        return self.model.rowCount()

    def select_first(self) -> None:
        self.ui.table.selectRow(0)

    def refresh_accounts(self, account_ids: list[int]) -> None:
        """Re-read these accounts' rows after an edit (narrow updates); an
        account not listed yet (new, restored) may now belong in the list."""
        unlisted = any(self.model.row_of(i) is None for i in account_ids)
        self.model.refresh_accounts(account_ids)
        if unlisted:
            self.apply_filter()

    def select_account(self, account_id: int | None, max_pages: int = 3) -> bool:
        """Select the account's row, loading at most ``max_pages`` more pages
        to find it (bounded work on the GUI thread); False when not found."""
        if account_id is None:
            self.ui.table.clearSelection()
            return True
        row = self.model.row_of(account_id)
        pages = 0
        while row is None and self.model.canFetchMore() and pages < max_pages:
            self.model.fetchMore()
            pages += 1
            row = self.model.row_of(account_id)
        if row is None:
            return False
        self.ui.table.selectRow(row)
        self.ui.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        rows = self.ui.table.selectionModel().selectedRows()
        new = rows[0].data(ID_ROLE) if rows else None
        if new == self._current or self._moving_back:
            return
        if not self.guard():
            self._moving_back = True
            try:
                self.select_account(self._current)
            finally:
                self._moving_back = False
            return
        self._current = new
        self.currentAccountChanged.emit(new)

    def _restore_selection(self) -> None:
        """After a reload keep the same account selected when it is still
        listed. When a filter hides it, the account stays open in the other
        panes (its unsaved edits too) until the user picks another one."""
        if self._current is None:
            return
        row = self.model.row_of(self._current)
        if row is not None:
            self._moving_back = True
            try:
                self.ui.table.selectRow(row)
            finally:
                self._moving_back = False

    def show_unlisted(self, account_id: int) -> None:
        """Open an account that is not among the loaded rows (filtered out,
        or thousands of rows down): the panes show it, no row is selected."""
        self._moving_back = True
        try:
            self.ui.table.clearSelection()
        finally:
            self._moving_back = False
        self._current = account_id
        self.currentAccountChanged.emit(account_id)

    def forget_current(self) -> None:
        """The current account is gone (deleted): clear the selection."""
        self._current = None
        self.ui.table.clearSelection()
        self.currentAccountChanged.emit(None)

    def index_of(self, account_id: int) -> QModelIndex:
        row = self.model.row_of(account_id)
        return self.model.index(row, 0) if row is not None else QModelIndex()
