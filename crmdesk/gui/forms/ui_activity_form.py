# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_form.ui'
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
    QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_ActivityForm(object):
    def setupUi(self, ActivityForm):
        if not ActivityForm.objectName():
            ActivityForm.setObjectName(u"ActivityForm")
        self.dialogLayout = QVBoxLayout(ActivityForm)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kindLabel = QLabel(ActivityForm)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(ActivityForm)
        self.kind.setObjectName(u"kind")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.directionLabel = QLabel(ActivityForm)
        self.directionLabel.setObjectName(u"directionLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.directionLabel)

        self.direction = QComboBox(ActivityForm)
        self.direction.setObjectName(u"direction")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.direction)

        self.subjectLabel = QLabel(ActivityForm)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subject = QLineEdit(ActivityForm)
        self.subject.setObjectName(u"subject")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subject)

        self.whenLabel = QLabel(ActivityForm)
        self.whenLabel.setObjectName(u"whenLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.whenLabel)

        self.when = QDateTimeEdit(ActivityForm)
        self.when.setObjectName(u"when")
        self.when.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.when)

        self.dueLabel = QLabel(ActivityForm)
        self.dueLabel.setObjectName(u"dueLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueRow = QHBoxLayout()
        self.dueRow.setObjectName(u"dueRow")
        self.hasDue = QCheckBox(ActivityForm)
        self.hasDue.setObjectName(u"hasDue")

        self.dueRow.addWidget(self.hasDue)

        self.due = QDateTimeEdit(ActivityForm)
        self.due.setObjectName(u"due")
        self.due.setCalendarPopup(True)

        self.dueRow.addWidget(self.due)

        self.dueRow.setStretch(1, 1)

        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.dueRow)

        self.doneLabel = QLabel(ActivityForm)
        self.doneLabel.setObjectName(u"doneLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.doneLabel)

        self.done = QCheckBox(ActivityForm)
        self.done.setObjectName(u"done")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.done)

        self.outcomeLabel = QLabel(ActivityForm)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcome = QLineEdit(ActivityForm)
        self.outcome.setObjectName(u"outcome")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.outcome)

        self.complaintLabel = QLabel(ActivityForm)
        self.complaintLabel.setObjectName(u"complaintLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.complaintLabel)

        self.complaintStatus = QComboBox(ActivityForm)
        self.complaintStatus.setObjectName(u"complaintStatus")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.complaintStatus)

        self.scoreLabel = QLabel(ActivityForm)
        self.scoreLabel.setObjectName(u"scoreLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.scoreLabel)

        self.score = QSpinBox(ActivityForm)
        self.score.setObjectName(u"score")
        self.score.setMinimum(-1)
        self.score.setMaximum(10)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.score)

        self.notesLabel = QLabel(ActivityForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notes = QPlainTextEdit(ActivityForm)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.notes)


        self.dialogLayout.addLayout(self.formLayout)

        self.peopleLabel = QLabel(ActivityForm)
        self.peopleLabel.setObjectName(u"peopleLabel")
        self.peopleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.peopleLabel)

        self.errorLabel = QLabel(ActivityForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(ActivityForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setOrientation(Qt.Orientation.Horizontal)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kind)
        self.directionLabel.setBuddy(self.direction)
        self.subjectLabel.setBuddy(self.subject)
        self.whenLabel.setBuddy(self.when)
        self.dueLabel.setBuddy(self.hasDue)
        self.doneLabel.setBuddy(self.done)
        self.outcomeLabel.setBuddy(self.outcome)
        self.complaintLabel.setBuddy(self.complaintStatus)
        self.scoreLabel.setBuddy(self.score)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActivityForm)

        QMetaObject.connectSlotsByName(ActivityForm)
    # setupUi

    def retranslateUi(self, ActivityForm):
        ActivityForm.setWindowTitle(QCoreApplication.translate("ActivityForm", u"Activity", None))
        self.kindLabel.setText(QCoreApplication.translate("ActivityForm", u"&Kind:", None))
        self.directionLabel.setText(QCoreApplication.translate("ActivityForm", u"&Direction:", None))
        self.subjectLabel.setText(QCoreApplication.translate("ActivityForm", u"&Subject:", None))
        self.subject.setPlaceholderText(QCoreApplication.translate("ActivityForm", u"Required", None))
        self.whenLabel.setText(QCoreApplication.translate("ActivityForm", u"&When:", None))
        self.dueLabel.setText(QCoreApplication.translate("ActivityForm", u"Follow &up by:", None))
        self.hasDue.setText("")
        self.doneLabel.setText(QCoreApplication.translate("ActivityForm", u"D&one:", None))
        self.done.setText(QCoreApplication.translate("ActivityForm", u"This follow-up is done", None))
        self.outcomeLabel.setText(QCoreApplication.translate("ActivityForm", u"O&utcome:", None))
        self.complaintLabel.setText(QCoreApplication.translate("ActivityForm", u"&Complaint status:", None))
        self.scoreLabel.setText(QCoreApplication.translate("ActivityForm", u"S&atisfaction (0\u201310):", None))
        self.score.setSpecialValueText(QCoreApplication.translate("ActivityForm", u"\u2014", None))
        self.notesLabel.setText(QCoreApplication.translate("ActivityForm", u"&Notes:", None))
        self.peopleLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

