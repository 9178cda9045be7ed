"""My follow-ups: open follow-ups across every account (overdue first), to
work through the day's list; opens the account or marks one done."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDialog, QWidget

from crmdesk.core import activities as svc
from crmdesk.core.changes import Changes, Kind
from crmdesk.gui.activity.models import FollowUpModel
from crmdesk.gui.common.icons import icon
from crmdesk.gui.common.style import compact_table
from crmdesk.gui.common.undo import perform

if TYPE_CHECKING:
    from crmdesk.gui.common.window_api import WindowApi
from crmdesk.gui.forms.ui_follow_ups import Ui_FollowUps

HORIZONS = [
    (0, QT_TRANSLATE_NOOP("FollowUpsView", "Overdue and due today")),
    (7, QT_TRANSLATE_NOOP("FollowUpsView", "Next 7 days")),
    (30, QT_TRANSLATE_NOOP("FollowUpsView", "Next 30 days")),
    (None, QT_TRANSLATE_NOOP("FollowUpsView", "All")),
]


class FollowUpsView(QDialog):
    def __init__(self, window_api: WindowApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myFollowUps")
        self.window_api = window_api
        self.db = window_api.db
        self.ui = Ui_FollowUps()
        self.ui.setupUi(self)
        self.setWindowIcon(icon("follow-up"))
        self.setModal(False)
        for days, label in HORIZONS:
            self.ui.horizon.addItem(self.tr(str(label)), days)
        self.ui.horizon.setCurrentIndex(1)
        self.model = FollowUpModel(self, with_account=True)
        table = self.ui.table
        table.setModel(self.model)
        samples = ["Due today", "2026-12-31", "Oakridge Hospitality Inc.", "Follow-up"]
        compact_table(table, samples, stretch=3)
        self.ui.openButton.setIcon(icon("overview"))
        self.ui.doneButton.setIcon(icon("done"))
        self.ui.horizon.currentIndexChanged.connect(lambda _i: self.reload())
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.doneButton.clicked.connect(self.mark_done)
        table.doubleClicked.connect(lambda _i: self.open_selected())
        table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.ui.buttons.rejected.connect(self.close)
        self.resize(760, 460)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(svc.follow_ups(self.db, horizon_days=self.ui.horizon.currentData()))
        counts = self.model.counts()
        self.ui.summaryLabel.setText(
            self.tr("%1 overdue · %2 due today · %3 upcoming")
            .replace("%1", str(counts["overdue"]))
            .replace("%2", str(counts["today"]))
            .replace("%3", str(counts["upcoming"]))
        )
        self._update_buttons()

    def selected(self) -> Any:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.ui.openButton.setEnabled(has)
        self.ui.doneButton.setEnabled(has)

    def open_selected(self) -> None:
        follow_up = self.selected()
        if follow_up is not None:
            self.window_api.open_account(follow_up.activity.account_id)
            self.window_api.as_widget().activateWindow()

    def mark_done(self) -> None:
        follow_up = self.selected()
        if follow_up is None:
            return
        activity = follow_up.activity
        perform(
            self.window_api,
            self.tr("Mark %s done") % activity.subject,
            lambda: svc.set_done(self.db, activity.id, True),
            lambda _r: svc.set_done(self.db, activity.id, False),
            changes=Changes.of(Kind.ACTIVITY, accounts=[activity.account_id]),
        )

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
