# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customer_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QTableView, QToolButton, QVBoxLayout,
    QWidget)

class Ui_CustomerPane(object):
    def setupUi(self, CustomerPane):
        if not CustomerPane.objectName():
            CustomerPane.setObjectName(u"CustomerPane")
        self.paneLayout = QVBoxLayout(CustomerPane)
        self.paneLayout.setSpacing(6)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(0, 0, 4, 0)
        self.search = QLineEdit(CustomerPane)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.paneLayout.addWidget(self.search)

        self.tierRow = QHBoxLayout()
        self.tierRow.setSpacing(4)
        self.tierRow.setObjectName(u"tierRow")
        self.tierLabel = QLabel(CustomerPane)
        self.tierLabel.setObjectName(u"tierLabel")

        self.tierRow.addWidget(self.tierLabel)

        self.tierTransactional = QToolButton(CustomerPane)
        self.tierTransactional.setObjectName(u"tierTransactional")
        self.tierTransactional.setCheckable(True)
        self.tierTransactional.setAutoRaise(False)

        self.tierRow.addWidget(self.tierTransactional)

        self.tierPartner = QToolButton(CustomerPane)
        self.tierPartner.setObjectName(u"tierPartner")
        self.tierPartner.setCheckable(True)

        self.tierRow.addWidget(self.tierPartner)

        self.tierStrategic = QToolButton(CustomerPane)
        self.tierStrategic.setObjectName(u"tierStrategic")
        self.tierStrategic.setCheckable(True)

        self.tierRow.addWidget(self.tierStrategic)

        self.tierSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.tierRow.addItem(self.tierSpacer)


        self.paneLayout.addLayout(self.tierRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setSpacing(4)
        self.filterRow.setObjectName(u"filterRow")
        self.statusFilter = QComboBox(CustomerPane)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filterRow.addWidget(self.statusFilter)

        self.ownerFilter = QComboBox(CustomerPane)
        self.ownerFilter.setObjectName(u"ownerFilter")

        self.filterRow.addWidget(self.ownerFilter)

        self.filterRow.setStretch(0, 1)
        self.filterRow.setStretch(1, 1)

        self.paneLayout.addLayout(self.filterRow)

        self.table = QTableView(CustomerPane)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)

        self.paneLayout.addWidget(self.table)

        self.countLabel = QLabel(CustomerPane)
        self.countLabel.setObjectName(u"countLabel")

        self.paneLayout.addWidget(self.countLabel)


        self.retranslateUi(CustomerPane)

        QMetaObject.connectSlotsByName(CustomerPane)
    # setupUi

    def retranslateUi(self, CustomerPane):
        self.search.setPlaceholderText(QCoreApplication.translate("CustomerPane", u"Search accounts, people, e-mails, notes\u2026", None))
        self.tierLabel.setText(QCoreApplication.translate("CustomerPane", u"Tier:", None))
        self.tierTransactional.setText(QCoreApplication.translate("CustomerPane", u"Transactional", None))
        self.tierPartner.setText(QCoreApplication.translate("CustomerPane", u"Partner", None))
        self.tierStrategic.setText(QCoreApplication.translate("CustomerPane", u"Strategic", None))
#if QT_CONFIG(tooltip)
        self.statusFilter.setToolTip(QCoreApplication.translate("CustomerPane", u"Show accounts with this status", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.ownerFilter.setToolTip(QCoreApplication.translate("CustomerPane", u"Show accounts held by this owner", None))
#endif // QT_CONFIG(tooltip)
        self.countLabel.setText("")
        pass
    # retranslateUi

