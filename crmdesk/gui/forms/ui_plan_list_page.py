# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_list_page.ui'
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
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_PlanListPage(object):
    def setupUi(self, PlanListPage):
        if not PlanListPage.objectName():
            PlanListPage.setObjectName(u"PlanListPage")
        PlanListPage.resize(600, 400)
        self.listLayout = QVBoxLayout(PlanListPage)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.hintLabel = QLabel(PlanListPage)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.listLayout.addWidget(self.hintLabel)

        self.table = QTableView(PlanListPage)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(True)

        self.listLayout.addWidget(self.table)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.addButton = QPushButton(PlanListPage)
        self.addButton.setObjectName(u"addButton")

        self.buttonRow.addWidget(self.addButton)

        self.removeButton = QPushButton(PlanListPage)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonRow.addWidget(self.removeButton)

        self.upButton = QPushButton(PlanListPage)
        self.upButton.setObjectName(u"upButton")

        self.buttonRow.addWidget(self.upButton)

        self.downButton = QPushButton(PlanListPage)
        self.downButton.setObjectName(u"downButton")

        self.buttonRow.addWidget(self.downButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)


        self.listLayout.addLayout(self.buttonRow)


        self.retranslateUi(PlanListPage)

        QMetaObject.connectSlotsByName(PlanListPage)
    # setupUi

    def retranslateUi(self, PlanListPage):
        self.hintLabel.setStyleSheet(QCoreApplication.translate("PlanListPage", u"color: palette(mid);", None))
        self.addButton.setText(QCoreApplication.translate("PlanListPage", u"&Add", None))
        self.removeButton.setText(QCoreApplication.translate("PlanListPage", u"Re&move", None))
        self.upButton.setText(QCoreApplication.translate("PlanListPage", u"&Up", None))
#if QT_CONFIG(tooltip)
        self.upButton.setToolTip(QCoreApplication.translate("PlanListPage", u"Move the entry up", None))
#endif // QT_CONFIG(tooltip)
        self.downButton.setText(QCoreApplication.translate("PlanListPage", u"&Down", None))
#if QT_CONFIG(tooltip)
        self.downButton.setToolTip(QCoreApplication.translate("PlanListPage", u"Move the entry down", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

