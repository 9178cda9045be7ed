# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backups.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_BackupsDialog(object):
    def setupUi(self, BackupsDialog):
        if not BackupsDialog.objectName():
            BackupsDialog.setObjectName(u"BackupsDialog")
        BackupsDialog.resize(640, 420)
        self.layout = QVBoxLayout(BackupsDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(BackupsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.folderLabel = QLabel(BackupsDialog)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.folderLabel.setWordWrap(True)

        self.layout.addWidget(self.folderLabel)

        self.table = QTableWidget(BackupsDialog)
        if (self.table.columnCount() < 3):
            self.table.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setColumnCount(3)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.layout.addWidget(self.table)

        self.emptyLabel = QLabel(BackupsDialog)
        self.emptyLabel.setObjectName(u"emptyLabel")

        self.layout.addWidget(self.emptyLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.backupButton = QPushButton(BackupsDialog)
        self.backupButton.setObjectName(u"backupButton")

        self.buttonRow.addWidget(self.backupButton)

        self.restoreButton = QPushButton(BackupsDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonRow.addWidget(self.restoreButton)

        self.folderButton = QPushButton(BackupsDialog)
        self.folderButton.setObjectName(u"folderButton")

        self.buttonRow.addWidget(self.folderButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.spacer)

        self.buttons = QDialogButtonBox(BackupsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.buttonRow.addWidget(self.buttons)


        self.layout.addLayout(self.buttonRow)


        self.retranslateUi(BackupsDialog)

        QMetaObject.connectSlotsByName(BackupsDialog)
    # setupUi

    def retranslateUi(self, BackupsDialog):
        BackupsDialog.setWindowTitle(QCoreApplication.translate("BackupsDialog", u"Backups", None))
        self.introLabel.setText(QCoreApplication.translate("BackupsDialog", u"crmdesk keeps verified copies of your database: when it starts (at most once a day), when it quits, and before every upgrade, import and restore. Older copies are thinned to one a day, a week and a month.", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("BackupsDialog", u"Taken", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("BackupsDialog", u"Why", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("BackupsDialog", u"Size", None))
        self.emptyLabel.setText(QCoreApplication.translate("BackupsDialog", u"No backups yet. Use \u201cBack up now\u201d to take the first one.", None))
        self.backupButton.setText(QCoreApplication.translate("BackupsDialog", u"&Back up now", None))
        self.restoreButton.setText(QCoreApplication.translate("BackupsDialog", u"&Restore\u2026", None))
        self.folderButton.setText(QCoreApplication.translate("BackupsDialog", u"Show &folder", None))
    # retranslateUi

