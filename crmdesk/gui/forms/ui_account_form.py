# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'account_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QWidget)

class Ui_AccountForm(object):
    def setupUi(self, AccountForm):
        if not AccountForm.objectName():
            AccountForm.setObjectName(u"AccountForm")
        self.formLayout = QFormLayout(AccountForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.formLayout.setContentsMargins(0, 0, 0, 0)
        self.nameLabel = QLabel(AccountForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(AccountForm)
        self.name.setObjectName(u"name")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.tierLabel = QLabel(AccountForm)
        self.tierLabel.setObjectName(u"tierLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.tierLabel)

        self.tier = QComboBox(AccountForm)
        self.tier.setObjectName(u"tier")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.tier)

        self.statusLabel = QLabel(AccountForm)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(AccountForm)
        self.status.setObjectName(u"status")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.status)

        self.defectionTypeLabel = QLabel(AccountForm)
        self.defectionTypeLabel.setObjectName(u"defectionTypeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.defectionTypeLabel)

        self.defectionType = QComboBox(AccountForm)
        self.defectionType.setObjectName(u"defectionType")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.defectionType)

        self.defectionReasonLabel = QLabel(AccountForm)
        self.defectionReasonLabel.setObjectName(u"defectionReasonLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.defectionReasonLabel)

        self.defectionReason = QLineEdit(AccountForm)
        self.defectionReason.setObjectName(u"defectionReason")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.defectionReason)

        self.stageLabel = QLabel(AccountForm)
        self.stageLabel.setObjectName(u"stageLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.lifecycleStage = QComboBox(AccountForm)
        self.lifecycleStage.setObjectName(u"lifecycleStage")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.lifecycleStage)

        self.sourceLabel = QLabel(AccountForm)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.acquisitionSource = QComboBox(AccountForm)
        self.acquisitionSource.setObjectName(u"acquisitionSource")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.acquisitionSource)

        self.ownerLabel = QLabel(AccountForm)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.owner = QComboBox(AccountForm)
        self.owner.setObjectName(u"owner")
        self.owner.setEditable(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.owner)

        self.industryLabel = QLabel(AccountForm)
        self.industryLabel.setObjectName(u"industryLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.industryLabel)

        self.industry = QLineEdit(AccountForm)
        self.industry.setObjectName(u"industry")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.industry)

        self.bandLabel = QLabel(AccountForm)
        self.bandLabel.setObjectName(u"bandLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.bandLabel)

        self.employeeBand = QComboBox(AccountForm)
        self.employeeBand.setObjectName(u"employeeBand")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.employeeBand)

        self.websiteLabel = QLabel(AccountForm)
        self.websiteLabel.setObjectName(u"websiteLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.websiteLabel)

        self.website = QLineEdit(AccountForm)
        self.website.setObjectName(u"website")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.website)

        self.countryLabel = QLabel(AccountForm)
        self.countryLabel.setObjectName(u"countryLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.country = QLineEdit(AccountForm)
        self.country.setObjectName(u"country")
        self.country.setMaxLength(2)

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.country)

        self.addressLabel = QLabel(AccountForm)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.address = QPlainTextEdit(AccountForm)
        self.address.setObjectName(u"address")
        self.address.setTabChangesFocus(True)
        self.address.setMaximumSize(QSize(16777215, 64))

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.address)

        self.annualLabel = QLabel(AccountForm)
        self.annualLabel.setObjectName(u"annualLabel")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.annualLabel)

        self.valueRow = QHBoxLayout()
        self.valueRow.setSpacing(4)
        self.valueRow.setObjectName(u"valueRow")
        self.annualValue = QLineEdit(AccountForm)
        self.annualValue.setObjectName(u"annualValue")

        self.valueRow.addWidget(self.annualValue)

        self.currency = QLineEdit(AccountForm)
        self.currency.setObjectName(u"currency")
        self.currency.setMaxLength(3)
        self.currency.setMaximumSize(QSize(60, 16777215))

        self.valueRow.addWidget(self.currency)

        self.valueRow.setStretch(0, 1)

        self.formLayout.setLayout(13, QFormLayout.ItemRole.FieldRole, self.valueRow)

        self.potentialLabel = QLabel(AccountForm)
        self.potentialLabel.setObjectName(u"potentialLabel")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.potentialLabel)

        self.potentialValue = QLineEdit(AccountForm)
        self.potentialValue.setObjectName(u"potentialValue")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.FieldRole, self.potentialValue)

        self.notesLabel = QLabel(AccountForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(15, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notes = QPlainTextEdit(AccountForm)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(15, QFormLayout.ItemRole.FieldRole, self.notes)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.tierLabel.setBuddy(self.tier)
        self.statusLabel.setBuddy(self.status)
        self.defectionTypeLabel.setBuddy(self.defectionType)
        self.defectionReasonLabel.setBuddy(self.defectionReason)
        self.stageLabel.setBuddy(self.lifecycleStage)
        self.sourceLabel.setBuddy(self.acquisitionSource)
        self.ownerLabel.setBuddy(self.owner)
        self.industryLabel.setBuddy(self.industry)
        self.bandLabel.setBuddy(self.employeeBand)
        self.websiteLabel.setBuddy(self.website)
        self.countryLabel.setBuddy(self.country)
        self.addressLabel.setBuddy(self.address)
        self.annualLabel.setBuddy(self.annualValue)
        self.potentialLabel.setBuddy(self.potentialValue)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AccountForm)

        QMetaObject.connectSlotsByName(AccountForm)
    # setupUi

    def retranslateUi(self, AccountForm):
        self.nameLabel.setText(QCoreApplication.translate("AccountForm", u"&Name:", None))
        self.name.setPlaceholderText(QCoreApplication.translate("AccountForm", u"Company name (required)", None))
        self.tierLabel.setText(QCoreApplication.translate("AccountForm", u"&Tier:", None))
        self.statusLabel.setText(QCoreApplication.translate("AccountForm", u"&Status:", None))
        self.defectionTypeLabel.setText(QCoreApplication.translate("AccountForm", u"&Defection type:", None))
        self.defectionReasonLabel.setText(QCoreApplication.translate("AccountForm", u"Defection &reason:", None))
        self.defectionReason.setPlaceholderText(QCoreApplication.translate("AccountForm", u"Why did they leave or reduce business?", None))
        self.stageLabel.setText(QCoreApplication.translate("AccountForm", u"&Life-cycle stage:", None))
        self.sourceLabel.setText(QCoreApplication.translate("AccountForm", u"Acquisition s&ource:", None))
        self.ownerLabel.setText(QCoreApplication.translate("AccountForm", u"O&wner:", None))
        self.industryLabel.setText(QCoreApplication.translate("AccountForm", u"&Industry:", None))
        self.bandLabel.setText(QCoreApplication.translate("AccountForm", u"Si&ze:", None))
        self.websiteLabel.setText(QCoreApplication.translate("AccountForm", u"&Website:", None))
        self.website.setPlaceholderText(QCoreApplication.translate("AccountForm", u"example.com", None))
        self.countryLabel.setText(QCoreApplication.translate("AccountForm", u"Co&untry:", None))
        self.country.setPlaceholderText(QCoreApplication.translate("AccountForm", u"Two letters, e.g. DE", None))
        self.addressLabel.setText(QCoreApplication.translate("AccountForm", u"&Address:", None))
        self.annualLabel.setText(QCoreApplication.translate("AccountForm", u"Annual &value:", None))
        self.annualValue.setPlaceholderText(QCoreApplication.translate("AccountForm", u"e.g. 125000", None))
        self.currency.setPlaceholderText(QCoreApplication.translate("AccountForm", u"EUR", None))
        self.potentialLabel.setText(QCoreApplication.translate("AccountForm", u"&Potential:", None))
        self.potentialValue.setPlaceholderText(QCoreApplication.translate("AccountForm", u"e.g. 250000", None))
        self.notesLabel.setText(QCoreApplication.translate("AccountForm", u"N&otes:", None))
        pass
    # retranslateUi

