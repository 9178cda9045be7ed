"""The welcome view, shown instead of the panes while the database has no
accounts: import a spreadsheet, create an account, or load sample data."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from crmdesk.gui.common.icons import app_icon, icon
from crmdesk.gui.forms.ui_welcome import Ui_Welcome


class WelcomeView(QWidget):
    importRequested = Signal()
    newAccountRequested = Signal()
    sampleRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeView")
        self.ui = Ui_Welcome()
        self.ui.setupUi(self)
        self.ui.logo.setPixmap(app_icon().pixmap(96, 96))
        font = QFont(self.ui.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.ui.title.setFont(font)
        self.ui.intro.setTextFormat(Qt.TextFormat.PlainText)
        buttons = (
            (self.ui.importButton, "import", self.importRequested),
            (self.ui.newAccountButton, "account-new", self.newAccountRequested),
            (self.ui.sampleButton, "sample-data", self.sampleRequested),
        )
        for button, name, signal in buttons:
            button.setIcon(icon(name))
            button.clicked.connect(signal.emit)
        self.ui.importButton.setDescription(
            self.tr("CSV, Excel or LibreOffice files — headers are matched for you.")
        )
        self.ui.newAccountButton.setDescription(self.tr("Type in the first customer by hand."))
        self.ui.sampleButton.setDescription(
            self.tr("500 realistic sample accounts with people and a year of activity.")
        )
