"""The status bar's counts: accounts, people, activities and overdue
follow-ups over the whole database, counted in a worker (300,000
activities take a moment to count); a newer count cancels an older one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QStatusBar

from crmdesk.gui.common import fmt
from crmdesk.gui.common.style import OVERDUE

if TYPE_CHECKING:
    from crmdesk.core.stats import Stats
    from crmdesk.db.engine import Database
    from crmdesk.gui.common.jobs import Job, Jobs


class StatusCounts(QLabel):
    """The counts label (and the overdue one beside it) of a status bar."""

    def __init__(self, bar: QStatusBar, db: Database, jobs: Jobs) -> None:
        super().__init__(bar)
        self.db, self.jobs = db, jobs
        self.overdue = QLabel(bar)
        self.overdue.setStyleSheet(f"color: {OVERDUE.name()}; font-weight: 600;")
        bar.addPermanentWidget(self.overdue)
        bar.addPermanentWidget(self)
        self._job: Job | None = None

    def update_counts(self) -> None:
        if self._job is not None and not self._job.done:
            self._job.cancel()
        from crmdesk.core.stats import stats

        db = self.db
        self._job = self.jobs.run(lambda _ctx: stats(db), on_result=self.show_counts)

    def show_counts(self, counts: Stats) -> None:
        self.setText(
            self.tr("%1 accounts · %2 people · %3 activities")
            .replace("%1", fmt.count_text(counts.accounts))
            .replace("%2", fmt.count_text(counts.contacts))
            .replace("%3", fmt.count_text(counts.activities))
        )
        overdue = counts.overdue_follow_ups
        self.overdue.setText(
            (
                self.tr("%n overdue follow-up", "", overdue)
                if overdue == 1
                else self.tr("%n overdue follow-ups", "", overdue)
            )
            if overdue
            else ""
        )
