# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_form.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ContactForm(object):
    def setupUi(self, ContactForm):
        if not ContactForm.objectName():
            ContactForm.setObjectName(u"ContactForm")
        self.dialogLayout = QVBoxLayout(ContactForm)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.firstNameLabel = QLabel(ContactForm)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstName = QLineEdit(ContactForm)
        self.firstName.setObjectName(u"firstName")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstName)

        self.lastNameLabel = QLabel(ContactForm)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastName = QLineEdit(ContactForm)
        self.lastName.setObjectName(u"lastName")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastName)

        self.jobTitleLabel = QLabel(ContactForm)
        self.jobTitleLabel.setObjectName(u"jobTitleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.jobTitleLabel)

        self.jobTitle = QLineEdit(ContactForm)
        self.jobTitle.setObjectName(u"jobTitle")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.jobTitle)

        self.departmentLabel = QLabel(ContactForm)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.department = QLineEdit(ContactForm)
        self.department.setObjectName(u"department")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.department)

        self.levelLabel = QLabel(ContactForm)
        self.levelLabel.setObjectName(u"levelLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.level = QComboBox(ContactForm)
        self.level.setObjectName(u"level")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.level)

        self.buyingRoleLabel = QLabel(ContactForm)
        self.buyingRoleLabel.setObjectName(u"buyingRoleLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.buyingRoleLabel)

        self.buyingRole = QComboBox(ContactForm)
        self.buyingRole.setObjectName(u"buyingRole")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.buyingRole)

        self.stanceLabel = QLabel(ContactForm)
        self.stanceLabel.setObjectName(u"stanceLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.stanceLabel)

        self.stance = QComboBox(ContactForm)
        self.stance.setObjectName(u"stance")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.stance)

        self.reportsToLabel = QLabel(ContactForm)
        self.reportsToLabel.setObjectName(u"reportsToLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.reportsToLabel)

        self.reportsTo = QComboBox(ContactForm)
        self.reportsTo.setObjectName(u"reportsTo")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.reportsTo)

        self.emailLabel = QLabel(ContactForm)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(ContactForm)
        self.email.setObjectName(u"email")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.email)

        self.email2Label = QLabel(ContactForm)
        self.email2Label.setObjectName(u"email2Label")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.email2Label)

        self.emailSecondary = QLineEdit(ContactForm)
        self.emailSecondary.setObjectName(u"emailSecondary")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.emailSecondary)

        self.phoneLabel = QLabel(ContactForm)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(ContactForm)
        self.phone.setObjectName(u"phone")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.phone)

        self.mobileLabel = QLabel(ContactForm)
        self.mobileLabel.setObjectName(u"mobileLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.mobileLabel)

        self.mobile = QLineEdit(ContactForm)
        self.mobile.setObjectName(u"mobile")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.mobile)

        self.holderLabel = QLabel(ContactForm)
        self.holderLabel.setObjectName(u"holderLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.holderLabel)

        self.relationshipHolder = QLineEdit(ContactForm)
        self.relationshipHolder.setObjectName(u"relationshipHolder")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.relationshipHolder)

        self.notesLabel = QLabel(ContactForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notes = QPlainTextEdit(ContactForm)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 80))

        self.formLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.notes)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ContactForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(ContactForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setOrientation(Qt.Orientation.Horizontal)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstName)
        self.lastNameLabel.setBuddy(self.lastName)
        self.jobTitleLabel.setBuddy(self.jobTitle)
        self.departmentLabel.setBuddy(self.department)
        self.levelLabel.setBuddy(self.level)
        self.buyingRoleLabel.setBuddy(self.buyingRole)
        self.stanceLabel.setBuddy(self.stance)
        self.reportsToLabel.setBuddy(self.reportsTo)
        self.emailLabel.setBuddy(self.email)
        self.email2Label.setBuddy(self.emailSecondary)
        self.phoneLabel.setBuddy(self.phone)
        self.mobileLabel.setBuddy(self.mobile)
        self.holderLabel.setBuddy(self.relationshipHolder)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ContactForm)

        QMetaObject.connectSlotsByName(ContactForm)
    # setupUi

    def retranslateUi(self, ContactForm):
        ContactForm.setWindowTitle(QCoreApplication.translate("ContactForm", u"Person", None))
        self.firstNameLabel.setText(QCoreApplication.translate("ContactForm", u"&First name:", None))
        self.lastNameLabel.setText(QCoreApplication.translate("ContactForm", u"&Last name:", None))
        self.lastName.setPlaceholderText(QCoreApplication.translate("ContactForm", u"Required", None))
        self.jobTitleLabel.setText(QCoreApplication.translate("ContactForm", u"&Job title:", None))
        self.departmentLabel.setText(QCoreApplication.translate("ContactForm", u"&Department:", None))
        self.levelLabel.setText(QCoreApplication.translate("ContactForm", u"Le&vel:", None))
        self.buyingRoleLabel.setText(QCoreApplication.translate("ContactForm", u"&Buying role:", None))
        self.stanceLabel.setText(QCoreApplication.translate("ContactForm", u"&Stance:", None))
        self.reportsToLabel.setText(QCoreApplication.translate("ContactForm", u"&Reports to:", None))
        self.emailLabel.setText(QCoreApplication.translate("ContactForm", u"&E-mail:", None))
        self.email.setPlaceholderText(QCoreApplication.translate("ContactForm", u"name@example.com", None))
        self.email2Label.setText(QCoreApplication.translate("ContactForm", u"Second e-&mail:", None))
        self.phoneLabel.setText(QCoreApplication.translate("ContactForm", u"&Phone:", None))
        self.mobileLabel.setText(QCoreApplication.translate("ContactForm", u"&Mobile:", None))
        self.holderLabel.setText(QCoreApplication.translate("ContactForm", u"Relationship &holder:", None))
        self.relationshipHolder.setPlaceholderText(QCoreApplication.translate("ContactForm", u"Who on our side knows this person", None))
        self.notesLabel.setText(QCoreApplication.translate("ContactForm", u"N&otes:", None))
        self.errorLabel.setText("")
    # retranslateUi

