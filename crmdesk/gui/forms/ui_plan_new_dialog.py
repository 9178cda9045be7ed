# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_new_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QSizePolicy, QWidget)

class Ui_PlanNewDialog(object):
    def setupUi(self, PlanNewDialog):
        if not PlanNewDialog.objectName():
            PlanNewDialog.setObjectName(u"PlanNewDialog")
        PlanNewDialog.resize(380, 170)
        self.form = QFormLayout(PlanNewDialog)
        self.form.setObjectName(u"form")
        self.startLabel = QLabel(PlanNewDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = QDateEdit(PlanNewDialog)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.endLabel = QLabel(PlanNewDialog)
        self.endLabel.setObjectName(u"endLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endEdit = QDateEdit(PlanNewDialog)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setCalendarPopup(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.endEdit)

        self.copyCheck = QCheckBox(PlanNewDialog)
        self.copyCheck.setObjectName(u"copyCheck")
        self.copyCheck.setChecked(True)

        self.form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.copyCheck)

        self.buttons = QDialogButtonBox(PlanNewDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.form.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanNewDialog)

        QMetaObject.connectSlotsByName(PlanNewDialog)
    # setupUi

    def retranslateUi(self, PlanNewDialog):
        PlanNewDialog.setWindowTitle(QCoreApplication.translate("PlanNewDialog", u"New account plan", None))
        self.startLabel.setText(QCoreApplication.translate("PlanNewDialog", u"Period &starts", None))
        self.startEdit.setDisplayFormat(QCoreApplication.translate("PlanNewDialog", u"yyyy-MM-dd", None))
        self.endLabel.setText(QCoreApplication.translate("PlanNewDialog", u"Period &ends", None))
        self.endEdit.setDisplayFormat(QCoreApplication.translate("PlanNewDialog", u"yyyy-MM-dd", None))
        self.copyCheck.setText(QCoreApplication.translate("PlanNewDialog", u"&Copy forward from the previous period's plan (changes are marked)", None))
    # retranslateUi

