# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_pack_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PlanPackDialog(object):
    def setupUi(self, PlanPackDialog):
        if not PlanPackDialog.objectName():
            PlanPackDialog.setObjectName(u"PlanPackDialog")
        PlanPackDialog.resize(460, 330)
        self.packLayout = QVBoxLayout(PlanPackDialog)
        self.packLayout.setObjectName(u"packLayout")
        self.tierBox = QGroupBox(PlanPackDialog)
        self.tierBox.setObjectName(u"tierBox")
        self.tierRow = QHBoxLayout(self.tierBox)
        self.tierRow.setObjectName(u"tierRow")
        self.strategicCheck = QCheckBox(self.tierBox)
        self.strategicCheck.setObjectName(u"strategicCheck")
        self.strategicCheck.setChecked(True)

        self.tierRow.addWidget(self.strategicCheck)

        self.partnerCheck = QCheckBox(self.tierBox)
        self.partnerCheck.setObjectName(u"partnerCheck")

        self.tierRow.addWidget(self.partnerCheck)

        self.transactionalCheck = QCheckBox(self.tierBox)
        self.transactionalCheck.setObjectName(u"transactionalCheck")

        self.tierRow.addWidget(self.transactionalCheck)


        self.packLayout.addWidget(self.tierBox)

        self.statusBox = QGroupBox(PlanPackDialog)
        self.statusBox.setObjectName(u"statusBox")
        self.statusRow = QHBoxLayout(self.statusBox)
        self.statusRow.setObjectName(u"statusRow")
        self.activeCheck = QCheckBox(self.statusBox)
        self.activeCheck.setObjectName(u"activeCheck")

        self.statusRow.addWidget(self.activeCheck)

        self.atRiskCheck = QCheckBox(self.statusBox)
        self.atRiskCheck.setObjectName(u"atRiskCheck")

        self.statusRow.addWidget(self.atRiskCheck)

        self.lostCheck = QCheckBox(self.statusBox)
        self.lostCheck.setObjectName(u"lostCheck")

        self.statusRow.addWidget(self.lostCheck)


        self.packLayout.addWidget(self.statusBox)

        self.optionsForm = QFormLayout()
        self.optionsForm.setObjectName(u"optionsForm")
        self.ownerLabel = QLabel(PlanPackDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.optionsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerCombo = QComboBox(PlanPackDialog)
        self.ownerCombo.setObjectName(u"ownerCombo")

        self.optionsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.accountsLabel = QLabel(PlanPackDialog)
        self.accountsLabel.setObjectName(u"accountsLabel")

        self.optionsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.accountsLabel)

        self.accountsEdit = QLineEdit(PlanPackDialog)
        self.accountsEdit.setObjectName(u"accountsEdit")

        self.optionsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.accountsEdit)

        self.sizeLabel = QLabel(PlanPackDialog)
        self.sizeLabel.setObjectName(u"sizeLabel")

        self.optionsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sizeLabel)

        self.sizeCombo = QComboBox(PlanPackDialog)
        self.sizeCombo.setObjectName(u"sizeCombo")

        self.optionsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sizeCombo)


        self.packLayout.addLayout(self.optionsForm)

        self.countLabel = QLabel(PlanPackDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.packLayout.addWidget(self.countLabel)

        self.buttons = QDialogButtonBox(PlanPackDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.packLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.ownerLabel.setBuddy(self.ownerCombo)
        self.accountsLabel.setBuddy(self.accountsEdit)
        self.sizeLabel.setBuddy(self.sizeCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanPackDialog)

        QMetaObject.connectSlotsByName(PlanPackDialog)
    # setupUi

    def retranslateUi(self, PlanPackDialog):
        PlanPackDialog.setWindowTitle(QCoreApplication.translate("PlanPackDialog", u"Print review pack", None))
        self.tierBox.setTitle(QCoreApplication.translate("PlanPackDialog", u"Tiers (none ticked: every tier)", None))
        self.strategicCheck.setText(QCoreApplication.translate("PlanPackDialog", u"&Strategic", None))
        self.partnerCheck.setText(QCoreApplication.translate("PlanPackDialog", u"&Partner", None))
        self.transactionalCheck.setText(QCoreApplication.translate("PlanPackDialog", u"&Transactional", None))
        self.statusBox.setTitle(QCoreApplication.translate("PlanPackDialog", u"Status (none ticked: every status)", None))
        self.activeCheck.setText(QCoreApplication.translate("PlanPackDialog", u"A&ctive", None))
        self.atRiskCheck.setText(QCoreApplication.translate("PlanPackDialog", u"At &risk", None))
        self.lostCheck.setText(QCoreApplication.translate("PlanPackDialog", u"&Lost", None))
        self.ownerLabel.setText(QCoreApplication.translate("PlanPackDialog", u"&Owner", None))
        self.accountsLabel.setText(QCoreApplication.translate("PlanPackDialog", u"O&nly these accounts", None))
        self.accountsEdit.setPlaceholderText(QCoreApplication.translate("PlanPackDialog", u"names or UUIDs, separated by semicolons (optional)", None))
        self.sizeLabel.setText(QCoreApplication.translate("PlanPackDialog", u"Paper si&ze", None))
        self.countLabel.setText("")
    # retranslateUi

