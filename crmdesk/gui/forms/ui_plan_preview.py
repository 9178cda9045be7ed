# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_preview.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_PlanPreview(object):
    def setupUi(self, PlanPreview):
        if not PlanPreview.objectName():
            PlanPreview.setObjectName(u"PlanPreview")
        PlanPreview.resize(820, 900)
        self.previewLayout = QVBoxLayout(PlanPreview)
        self.previewLayout.setObjectName(u"previewLayout")
        self.toolRow = QHBoxLayout()
        self.toolRow.setObjectName(u"toolRow")
        self.fileLabel = QLabel(PlanPreview)
        self.fileLabel.setObjectName(u"fileLabel")

        self.toolRow.addWidget(self.fileLabel)

        self.toolSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolRow.addItem(self.toolSpacer)

        self.pageLabel = QLabel(PlanPreview)
        self.pageLabel.setObjectName(u"pageLabel")

        self.toolRow.addWidget(self.pageLabel)

        self.fitButton = QPushButton(PlanPreview)
        self.fitButton.setObjectName(u"fitButton")

        self.toolRow.addWidget(self.fitButton)

        self.printButton = QPushButton(PlanPreview)
        self.printButton.setObjectName(u"printButton")

        self.toolRow.addWidget(self.printButton)

        self.closeButton = QPushButton(PlanPreview)
        self.closeButton.setObjectName(u"closeButton")

        self.toolRow.addWidget(self.closeButton)


        self.previewLayout.addLayout(self.toolRow)

        self.viewHost = QWidget(PlanPreview)
        self.viewHost.setObjectName(u"viewHost")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.viewHost.sizePolicy().hasHeightForWidth())
        self.viewHost.setSizePolicy(sizePolicy)
        self.hostLayout = QVBoxLayout(self.viewHost)
        self.hostLayout.setObjectName(u"hostLayout")
        self.hostLayout.setContentsMargins(0, 0, 0, 0)

        self.previewLayout.addWidget(self.viewHost)


        self.retranslateUi(PlanPreview)

        QMetaObject.connectSlotsByName(PlanPreview)
    # setupUi

    def retranslateUi(self, PlanPreview):
        PlanPreview.setWindowTitle(QCoreApplication.translate("PlanPreview", u"Preview", None))
        self.fileLabel.setText("")
        self.pageLabel.setText("")
        self.fitButton.setText(QCoreApplication.translate("PlanPreview", u"Fit &width", None))
        self.printButton.setText(QCoreApplication.translate("PlanPreview", u"&Print\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("PlanPreview", u"&Close", None))
    # retranslateUi

