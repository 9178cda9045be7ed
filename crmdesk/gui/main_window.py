"""Minimal main window (the three-pane window replaces it)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from crmdesk import __version__
from crmdesk.core.stats import stats
from crmdesk.db.engine import Database


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.setWindowTitle(f"crmdesk {__version__}")
        counts = stats(db)
        self.setCentralWidget(QLabel(self.tr("%n account(s)", "", counts.accounts)))
        self.resize(1200, 760)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.db.dispose()
        super().closeEvent(event)
