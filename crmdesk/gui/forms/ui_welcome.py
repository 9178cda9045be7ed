# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welcome.ui'
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
from PySide6.QtWidgets import (QApplication, QCommandLinkButton, QHBoxLayout, QLabel,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_Welcome(object):
    def setupUi(self, Welcome):
        if not Welcome.objectName():
            Welcome.setObjectName(u"Welcome")
        self.outer = QHBoxLayout(Welcome)
        self.outer.setObjectName(u"outer")
        self.leftSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer.addItem(self.leftSpacer)

        self.column = QVBoxLayout()
        self.column.setSpacing(10)
        self.column.setObjectName(u"column")
        self.topSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column.addItem(self.topSpacer)

        self.logo = QLabel(Welcome)
        self.logo.setObjectName(u"logo")
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.column.addWidget(self.logo)

        self.title = QLabel(Welcome)
        self.title.setObjectName(u"title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.column.addWidget(self.title)

        self.intro = QLabel(Welcome)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.column.addWidget(self.intro)

        self.importButton = QCommandLinkButton(Welcome)
        self.importButton.setObjectName(u"importButton")

        self.column.addWidget(self.importButton)

        self.newAccountButton = QCommandLinkButton(Welcome)
        self.newAccountButton.setObjectName(u"newAccountButton")

        self.column.addWidget(self.newAccountButton)

        self.sampleButton = QCommandLinkButton(Welcome)
        self.sampleButton.setObjectName(u"sampleButton")

        self.column.addWidget(self.sampleButton)

        self.bottomSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column.addItem(self.bottomSpacer)


        self.outer.addLayout(self.column)

        self.rightSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer.addItem(self.rightSpacer)

        self.outer.setStretch(0, 1)
        self.outer.setStretch(1, 2)
        self.outer.setStretch(2, 1)

        self.retranslateUi(Welcome)

        QMetaObject.connectSlotsByName(Welcome)
    # setupUi

    def retranslateUi(self, Welcome):
        self.logo.setText("")
        self.title.setText(QCoreApplication.translate("Welcome", u"Welcome to crmdesk", None))
        self.intro.setText(QCoreApplication.translate("Welcome", u"Your portfolio is empty. Bring in the accounts you manage, or start with sample data to look around.", None))
        self.importButton.setText(QCoreApplication.translate("Welcome", u"Import contacts from a spreadsheet\u2026", None))
        self.newAccountButton.setText(QCoreApplication.translate("Welcome", u"New account", None))
        self.sampleButton.setText(QCoreApplication.translate("Welcome", u"Load sample data", None))
        pass
    # retranslateUi

