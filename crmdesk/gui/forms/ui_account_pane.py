# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'account_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_AccountPane(object):
    def setupUi(self, AccountPane):
        if not AccountPane.objectName():
            AccountPane.setObjectName(u"AccountPane")
        self.paneLayout = QVBoxLayout(AccountPane)
        self.paneLayout.setSpacing(6)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(4, 0, 4, 0)
        self.headerBox = QVBoxLayout()
        self.headerBox.setSpacing(2)
        self.headerBox.setObjectName(u"headerBox")
        self.nameLabel = QLabel(AccountPane)
        self.nameLabel.setObjectName(u"nameLabel")

        self.headerBox.addWidget(self.nameLabel)

        self.headerRow = QHBoxLayout()
        self.headerRow.setSpacing(8)
        self.headerRow.setObjectName(u"headerRow")
        self.tierBadge = QLabel(AccountPane)
        self.tierBadge.setObjectName(u"tierBadge")

        self.headerRow.addWidget(self.tierBadge)

        self.statusLabel = QLabel(AccountPane)
        self.statusLabel.setObjectName(u"statusLabel")

        self.headerRow.addWidget(self.statusLabel)

        self.headerSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerRow.addItem(self.headerSpacer)

        self.changeTierButton = QPushButton(AccountPane)
        self.changeTierButton.setObjectName(u"changeTierButton")

        self.headerRow.addWidget(self.changeTierButton)


        self.headerBox.addLayout(self.headerRow)


        self.paneLayout.addLayout(self.headerBox)

        self.subtitleLabel = QLabel(AccountPane)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setWordWrap(True)

        self.paneLayout.addWidget(self.subtitleLabel)

        self.tabs = QTabWidget(AccountPane)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
        self.overviewTab = QWidget()
        self.overviewTab.setObjectName(u"overviewTab")
        self.overviewLayout = QVBoxLayout(self.overviewTab)
        self.overviewLayout.setObjectName(u"overviewLayout")
        self.overviewLayout.setContentsMargins(6, 6, 6, 6)
        self.overviewScroll = QScrollArea(self.overviewTab)
        self.overviewScroll.setObjectName(u"overviewScroll")
        self.overviewScroll.setWidgetResizable(True)
        self.overviewScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.overviewHost = QWidget()
        self.overviewHost.setObjectName(u"overviewHost")
        self.overviewHostLayout = QVBoxLayout(self.overviewHost)
        self.overviewHostLayout.setObjectName(u"overviewHostLayout")
        self.overviewHostLayout.setContentsMargins(0, 0, 0, 0)
        self.overviewScroll.setWidget(self.overviewHost)

        self.overviewLayout.addWidget(self.overviewScroll)

        self.overviewError = QLabel(self.overviewTab)
        self.overviewError.setObjectName(u"overviewError")
        self.overviewError.setWordWrap(True)

        self.overviewLayout.addWidget(self.overviewError)

        self.overviewButtons = QHBoxLayout()
        self.overviewButtons.setSpacing(6)
        self.overviewButtons.setObjectName(u"overviewButtons")
        self.dirtyLabel = QLabel(self.overviewTab)
        self.dirtyLabel.setObjectName(u"dirtyLabel")

        self.overviewButtons.addWidget(self.dirtyLabel)

        self.overviewSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.overviewButtons.addItem(self.overviewSpacer)

        self.revertButton = QPushButton(self.overviewTab)
        self.revertButton.setObjectName(u"revertButton")

        self.overviewButtons.addWidget(self.revertButton)

        self.saveButton = QPushButton(self.overviewTab)
        self.saveButton.setObjectName(u"saveButton")

        self.overviewButtons.addWidget(self.saveButton)


        self.overviewLayout.addLayout(self.overviewButtons)

        self.tabs.addTab(self.overviewTab, "")
        self.peopleTab = QWidget()
        self.peopleTab.setObjectName(u"peopleTab")
        self.peopleLayout = QVBoxLayout(self.peopleTab)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.peopleLayout.setContentsMargins(6, 6, 6, 6)
        self.peopleButtons = QHBoxLayout()
        self.peopleButtons.setSpacing(4)
        self.peopleButtons.setObjectName(u"peopleButtons")
        self.addContactButton = QPushButton(self.peopleTab)
        self.addContactButton.setObjectName(u"addContactButton")

        self.peopleButtons.addWidget(self.addContactButton)

        self.editContactButton = QPushButton(self.peopleTab)
        self.editContactButton.setObjectName(u"editContactButton")

        self.peopleButtons.addWidget(self.editContactButton)

        self.removeContactButton = QPushButton(self.peopleTab)
        self.removeContactButton.setObjectName(u"removeContactButton")

        self.peopleButtons.addWidget(self.removeContactButton)

        self.peopleSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.peopleButtons.addItem(self.peopleSpacer)


        self.peopleLayout.addLayout(self.peopleButtons)

        self.contactsTable = QTableView(self.peopleTab)
        self.contactsTable.setObjectName(u"contactsTable")
        self.contactsTable.setAlternatingRowColors(True)
        self.contactsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contactsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contactsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contactsTable.setWordWrap(False)

        self.peopleLayout.addWidget(self.contactsTable)

        self.tabs.addTab(self.peopleTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyLayout.setContentsMargins(6, 6, 6, 6)
        self.historyTable = QTableView(self.historyTab)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyTable.setWordWrap(False)

        self.historyLayout.addWidget(self.historyTable)

        self.tabs.addTab(self.historyTab, "")

        self.paneLayout.addWidget(self.tabs)

        self.emptyLabel = QLabel(AccountPane)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.paneLayout.addWidget(self.emptyLabel)


        self.retranslateUi(AccountPane)

        self.tabs.setCurrentIndex(0)
        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(AccountPane)
    # setupUi

    def retranslateUi(self, AccountPane):
        self.nameLabel.setText("")
        self.tierBadge.setText("")
        self.statusLabel.setText("")
        self.changeTierButton.setText(QCoreApplication.translate("AccountPane", u"Change tier\u2026", None))
#if QT_CONFIG(tooltip)
        self.changeTierButton.setToolTip(QCoreApplication.translate("AccountPane", u"Move this account to another tier (asks for a reason)", None))
#endif // QT_CONFIG(tooltip)
        self.subtitleLabel.setText("")
        self.overviewError.setText("")
        self.dirtyLabel.setText("")
        self.revertButton.setText(QCoreApplication.translate("AccountPane", u"Revert", None))
        self.saveButton.setText(QCoreApplication.translate("AccountPane", u"Save", None))
        self.tabs.setTabText(self.tabs.indexOf(self.overviewTab), QCoreApplication.translate("AccountPane", u"Overview", None))
        self.addContactButton.setText(QCoreApplication.translate("AccountPane", u"Add person\u2026", None))
        self.editContactButton.setText(QCoreApplication.translate("AccountPane", u"Edit\u2026", None))
        self.removeContactButton.setText(QCoreApplication.translate("AccountPane", u"Remove", None))
        self.tabs.setTabText(self.tabs.indexOf(self.peopleTab), QCoreApplication.translate("AccountPane", u"People", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("AccountPane", u"Tier history", None))
        self.emptyLabel.setText(QCoreApplication.translate("AccountPane", u"Select an account on the left to see its details.", None))
        pass
    # retranslateUi

