# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDateTimeEdit, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QToolButton, QVBoxLayout, QWidget)

class Ui_ActivityPane(object):
    def setupUi(self, ActivityPane):
        if not ActivityPane.objectName():
            ActivityPane.setObjectName(u"ActivityPane")
        self.paneLayout = QVBoxLayout(ActivityPane)
        self.paneLayout.setSpacing(6)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(4, 0, 0, 0)
        self.quickLog = QGroupBox(ActivityPane)
        self.quickLog.setObjectName(u"quickLog")
        self.quickLayout = QGridLayout(self.quickLog)
        self.quickLayout.setSpacing(4)
        self.quickLayout.setObjectName(u"quickLayout")
        self.quickLayout.setContentsMargins(6, 6, 6, 6)
        self.quickKind = QComboBox(self.quickLog)
        self.quickKind.setObjectName(u"quickKind")

        self.quickLayout.addWidget(self.quickKind, 0, 0, 1, 1)

        self.quickSubject = QLineEdit(self.quickLog)
        self.quickSubject.setObjectName(u"quickSubject")

        self.quickLayout.addWidget(self.quickSubject, 0, 1, 1, 2)

        self.quickNotes = QLineEdit(self.quickLog)
        self.quickNotes.setObjectName(u"quickNotes")

        self.quickLayout.addWidget(self.quickNotes, 1, 0, 1, 3)

        self.quickWhen = QDateTimeEdit(self.quickLog)
        self.quickWhen.setObjectName(u"quickWhen")
        self.quickWhen.setCalendarPopup(True)

        self.quickLayout.addWidget(self.quickWhen, 2, 0, 1, 1)

        self.quickPeople = QToolButton(self.quickLog)
        self.quickPeople.setObjectName(u"quickPeople")
        self.quickPeople.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self.quickLayout.addWidget(self.quickPeople, 2, 1, 1, 1)

        self.quickLogButton = QPushButton(self.quickLog)
        self.quickLogButton.setObjectName(u"quickLogButton")

        self.quickLayout.addWidget(self.quickLogButton, 2, 2, 1, 1)

        self.quickFollowUp = QCheckBox(self.quickLog)
        self.quickFollowUp.setObjectName(u"quickFollowUp")

        self.quickLayout.addWidget(self.quickFollowUp, 3, 0, 1, 1)

        self.quickDue = QDateEdit(self.quickLog)
        self.quickDue.setObjectName(u"quickDue")
        self.quickDue.setCalendarPopup(True)
        self.quickDue.setEnabled(False)

        self.quickLayout.addWidget(self.quickDue, 3, 1, 1, 1)


        self.paneLayout.addWidget(self.quickLog)

        self.activitySplitter = QSplitter(ActivityPane)
        self.activitySplitter.setObjectName(u"activitySplitter")
        self.activitySplitter.setOrientation(Qt.Orientation.Vertical)
        self.activitySplitter.setChildrenCollapsible(False)
        self.followUpsBox = QWidget(self.activitySplitter)
        self.followUpsBox.setObjectName(u"followUpsBox")
        self.followLayout = QVBoxLayout(self.followUpsBox)
        self.followLayout.setSpacing(4)
        self.followLayout.setObjectName(u"followLayout")
        self.followLayout.setContentsMargins(0, 0, 0, 0)
        self.followHeader = QHBoxLayout()
        self.followHeader.setSpacing(4)
        self.followHeader.setObjectName(u"followHeader")
        self.followTitle = QLabel(self.followUpsBox)
        self.followTitle.setObjectName(u"followTitle")
        font = QFont()
        font.setBold(True)
        self.followTitle.setFont(font)

        self.followHeader.addWidget(self.followTitle)

        self.followSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.followHeader.addItem(self.followSpacer)

        self.markDoneButton = QPushButton(self.followUpsBox)
        self.markDoneButton.setObjectName(u"markDoneButton")

        self.followHeader.addWidget(self.markDoneButton)


        self.followLayout.addLayout(self.followHeader)

        self.followUpsTable = QTableView(self.followUpsBox)
        self.followUpsTable.setObjectName(u"followUpsTable")
        self.followUpsTable.setAlternatingRowColors(True)
        self.followUpsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.followUpsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.followUpsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.followUpsTable.setWordWrap(False)

        self.followLayout.addWidget(self.followUpsTable)

        self.activitySplitter.addWidget(self.followUpsBox)
        self.timelineBox = QWidget(self.activitySplitter)
        self.timelineBox.setObjectName(u"timelineBox")
        self.timelineLayout = QVBoxLayout(self.timelineBox)
        self.timelineLayout.setSpacing(4)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineLayout.setContentsMargins(0, 0, 0, 0)
        self.timelineHeader = QHBoxLayout()
        self.timelineHeader.setSpacing(4)
        self.timelineHeader.setObjectName(u"timelineHeader")
        self.timelineTitle = QLabel(self.timelineBox)
        self.timelineTitle.setObjectName(u"timelineTitle")
        self.timelineTitle.setFont(font)

        self.timelineHeader.addWidget(self.timelineTitle)

        self.timelineSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timelineHeader.addItem(self.timelineSpacer)

        self.kindFilter = QComboBox(self.timelineBox)
        self.kindFilter.setObjectName(u"kindFilter")

        self.timelineHeader.addWidget(self.kindFilter)


        self.timelineLayout.addLayout(self.timelineHeader)

        self.timelineTable = QTableView(self.timelineBox)
        self.timelineTable.setObjectName(u"timelineTable")
        self.timelineTable.setAlternatingRowColors(True)
        self.timelineTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timelineTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timelineTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timelineTable.setWordWrap(False)

        self.timelineLayout.addWidget(self.timelineTable)

        self.activitySplitter.addWidget(self.timelineBox)

        self.paneLayout.addWidget(self.activitySplitter)


        self.retranslateUi(ActivityPane)

        QMetaObject.connectSlotsByName(ActivityPane)
    # setupUi

    def retranslateUi(self, ActivityPane):
        self.quickLog.setTitle(QCoreApplication.translate("ActivityPane", u"Log an activity", None))
#if QT_CONFIG(tooltip)
        self.quickKind.setToolTip(QCoreApplication.translate("ActivityPane", u"Kind of interaction", None))
#endif // QT_CONFIG(tooltip)
        self.quickSubject.setPlaceholderText(QCoreApplication.translate("ActivityPane", u"Subject \u2014 what happened?", None))
        self.quickNotes.setPlaceholderText(QCoreApplication.translate("ActivityPane", u"Notes (optional)", None))
#if QT_CONFIG(tooltip)
        self.quickWhen.setToolTip(QCoreApplication.translate("ActivityPane", u"When it happened (defaults to now)", None))
#endif // QT_CONFIG(tooltip)
        self.quickPeople.setText(QCoreApplication.translate("ActivityPane", u"People", None))
#if QT_CONFIG(tooltip)
        self.quickPeople.setToolTip(QCoreApplication.translate("ActivityPane", u"The contacts involved", None))
#endif // QT_CONFIG(tooltip)
        self.quickLogButton.setText(QCoreApplication.translate("ActivityPane", u"Log", None))
#if QT_CONFIG(tooltip)
        self.quickLogButton.setToolTip(QCoreApplication.translate("ActivityPane", u"Log it (Enter in the subject or notes field)", None))
#endif // QT_CONFIG(tooltip)
        self.quickFollowUp.setText(QCoreApplication.translate("ActivityPane", u"Follow up by", None))
        self.followTitle.setText(QCoreApplication.translate("ActivityPane", u"Follow-ups", None))
        self.markDoneButton.setText(QCoreApplication.translate("ActivityPane", u"Mark done", None))
#if QT_CONFIG(tooltip)
        self.markDoneButton.setToolTip(QCoreApplication.translate("ActivityPane", u"Mark the selected follow-up done", None))
#endif // QT_CONFIG(tooltip)
        self.timelineTitle.setText(QCoreApplication.translate("ActivityPane", u"Timeline", None))
#if QT_CONFIG(tooltip)
        self.kindFilter.setToolTip(QCoreApplication.translate("ActivityPane", u"Show only this kind of activity", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

