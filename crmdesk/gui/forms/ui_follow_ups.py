# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'follow_ups.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_FollowUps(object):
    def setupUi(self, FollowUps):
        if not FollowUps.objectName():
            FollowUps.setObjectName(u"FollowUps")
        self.dialogLayout = QVBoxLayout(FollowUps)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.summaryLabel = QLabel(FollowUps)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.topRow.addWidget(self.summaryLabel)

        self.topSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topRow.addItem(self.topSpacer)

        self.horizon = QComboBox(FollowUps)
        self.horizon.setObjectName(u"horizon")

        self.topRow.addWidget(self.horizon)


        self.dialogLayout.addLayout(self.topRow)

        self.table = QTableView(FollowUps)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(False)

        self.dialogLayout.addWidget(self.table)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.openButton = QPushButton(FollowUps)
        self.openButton.setObjectName(u"openButton")

        self.buttonRow.addWidget(self.openButton)

        self.doneButton = QPushButton(FollowUps)
        self.doneButton.setObjectName(u"doneButton")

        self.buttonRow.addWidget(self.doneButton)

        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.buttons = QDialogButtonBox(FollowUps)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setOrientation(Qt.Orientation.Horizontal)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonRow.addWidget(self.buttons)


        self.dialogLayout.addLayout(self.buttonRow)


        self.retranslateUi(FollowUps)

        QMetaObject.connectSlotsByName(FollowUps)
    # setupUi

    def retranslateUi(self, FollowUps):
        FollowUps.setWindowTitle(QCoreApplication.translate("FollowUps", u"My follow-ups", None))
        self.summaryLabel.setText("")
#if QT_CONFIG(tooltip)
        self.horizon.setToolTip(QCoreApplication.translate("FollowUps", u"How far ahead to look", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("FollowUps", u"Open account", None))
        self.doneButton.setText(QCoreApplication.translate("FollowUps", u"Mark done", None))
    # retranslateUi

