# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_insights.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget)

class Ui_PlanInsights(object):
    def setupUi(self, PlanInsights):
        if not PlanInsights.objectName():
            PlanInsights.setObjectName(u"PlanInsights")
        PlanInsights.resize(600, 480)
        self.insightsLayout = QVBoxLayout(PlanInsights)
        self.insightsLayout.setObjectName(u"insightsLayout")
        self.insightsLayout.setContentsMargins(0, 0, 0, 0)
        self.peopleTitle = QLabel(PlanInsights)
        self.peopleTitle.setObjectName(u"peopleTitle")

        self.insightsLayout.addWidget(self.peopleTitle)

        self.peopleTree = QTreeWidget(PlanInsights)
        self.peopleTree.setObjectName(u"peopleTree")
        self.peopleTree.setAlternatingRowColors(True)
        self.peopleTree.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.insightsLayout.addWidget(self.peopleTree)

        self.gapsLabel = QLabel(PlanInsights)
        self.gapsLabel.setObjectName(u"gapsLabel")
        self.gapsLabel.setWordWrap(True)

        self.insightsLayout.addWidget(self.gapsLabel)

        self.signalsTitle = QLabel(PlanInsights)
        self.signalsTitle.setObjectName(u"signalsTitle")

        self.insightsLayout.addWidget(self.signalsTitle)

        self.signalsList = QListWidget(PlanInsights)
        self.signalsList.setObjectName(u"signalsList")
        self.signalsList.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.signalsList.setWordWrap(True)

        self.insightsLayout.addWidget(self.signalsList)

        self.signalsRow = QHBoxLayout()
        self.signalsRow.setObjectName(u"signalsRow")
        self.adoptButton = QPushButton(PlanInsights)
        self.adoptButton.setObjectName(u"adoptButton")

        self.signalsRow.addWidget(self.adoptButton)

        self.signalsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signalsRow.addItem(self.signalsSpacer)


        self.insightsLayout.addLayout(self.signalsRow)


        self.retranslateUi(PlanInsights)

        QMetaObject.connectSlotsByName(PlanInsights)
    # setupUi

    def retranslateUi(self, PlanInsights):
        self.peopleTitle.setText(QCoreApplication.translate("PlanInsights", u"<b>Stakeholder map</b> (from the account's contacts)", None))
        ___qtreewidgetitem = self.peopleTree.headerItem()
        ___qtreewidgetitem.setText(6, QCoreApplication.translate("PlanInsights", u"Last contact", None))
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("PlanInsights", u"Our holder", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("PlanInsights", u"Stance", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("PlanInsights", u"Buying role", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("PlanInsights", u"Level", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("PlanInsights", u"Job title", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("PlanInsights", u"Name", None))
        self.signalsTitle.setText(QCoreApplication.translate("PlanInsights", u"<b>Defection signals proposed from the data</b>", None))
        self.adoptButton.setText(QCoreApplication.translate("PlanInsights", u"Add selected signals to the plan's &risks", None))
        pass
    # retranslateUi

