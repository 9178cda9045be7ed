# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'tier_change.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_TierChange(object):
    def setupUi(self, TierChange):
        if not TierChange.objectName():
            TierChange.setObjectName(u"TierChange")
        self.dialogLayout = QVBoxLayout(TierChange)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(TierChange)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.currentLabel = QLabel(TierChange)
        self.currentLabel.setObjectName(u"currentLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.currentTier = QLabel(TierChange)
        self.currentTier.setObjectName(u"currentTier")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentTier)

        self.newTierLabel = QLabel(TierChange)
        self.newTierLabel.setObjectName(u"newTierLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newTierLabel)

        self.newTier = QComboBox(TierChange)
        self.newTier.setObjectName(u"newTier")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newTier)

        self.reasonLabel = QLabel(TierChange)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QPlainTextEdit(TierChange)
        self.reason.setObjectName(u"reason")
        self.reason.setTabChangesFocus(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reason)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(TierChange)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(TierChange)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setOrientation(Qt.Orientation.Horizontal)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.currentLabel.setBuddy(self.currentTier)
        self.newTierLabel.setBuddy(self.newTier)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TierChange)

        QMetaObject.connectSlotsByName(TierChange)
    # setupUi

    def retranslateUi(self, TierChange):
        TierChange.setWindowTitle(QCoreApplication.translate("TierChange", u"Change tier", None))
        self.introLabel.setText("")
        self.currentLabel.setText(QCoreApplication.translate("TierChange", u"Current tier:", None))
        self.currentTier.setText("")
        self.newTierLabel.setText(QCoreApplication.translate("TierChange", u"&New tier:", None))
        self.reasonLabel.setText(QCoreApplication.translate("TierChange", u"&Reason:", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("TierChange", u"Why does the relationship move? (recorded in the tier history)", None))
        self.errorLabel.setText("")
    # retranslateUi

