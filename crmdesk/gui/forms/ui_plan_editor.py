# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_PlanEditor(object):
    def setupUi(self, PlanEditor):
        if not PlanEditor.objectName():
            PlanEditor.setObjectName(u"PlanEditor")
        PlanEditor.resize(820, 560)
        self.outerLayout = QVBoxLayout(PlanEditor)
        self.outerLayout.setObjectName(u"outerLayout")
        self.headerRow = QHBoxLayout()
        self.headerRow.setObjectName(u"headerRow")
        self.planLabel = QLabel(PlanEditor)
        self.planLabel.setObjectName(u"planLabel")

        self.headerRow.addWidget(self.planLabel)

        self.planCombo = QComboBox(PlanEditor)
        self.planCombo.setObjectName(u"planCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.planCombo.sizePolicy().hasHeightForWidth())
        self.planCombo.setSizePolicy(sizePolicy)

        self.headerRow.addWidget(self.planCombo)

        self.newButton = QPushButton(PlanEditor)
        self.newButton.setObjectName(u"newButton")

        self.headerRow.addWidget(self.newButton)

        self.deleteButton = QPushButton(PlanEditor)
        self.deleteButton.setObjectName(u"deleteButton")

        self.headerRow.addWidget(self.deleteButton)

        self.exportButton = QPushButton(PlanEditor)
        self.exportButton.setObjectName(u"exportButton")

        self.headerRow.addWidget(self.exportButton)


        self.outerLayout.addLayout(self.headerRow)

        self.modeStack = QStackedWidget(PlanEditor)
        self.modeStack.setObjectName(u"modeStack")
        self.noPlanPage = QWidget()
        self.noPlanPage.setObjectName(u"noPlanPage")
        self.noPlanLayout = QVBoxLayout(self.noPlanPage)
        self.noPlanLayout.setObjectName(u"noPlanLayout")
        self.noPlanLabel = QLabel(self.noPlanPage)
        self.noPlanLabel.setObjectName(u"noPlanLabel")
        self.noPlanLabel.setAlignment(Qt.AlignCenter)
        self.noPlanLabel.setWordWrap(True)

        self.noPlanLayout.addWidget(self.noPlanLabel)

        self.startButton = QPushButton(self.noPlanPage)
        self.startButton.setObjectName(u"startButton")

        self.noPlanLayout.addWidget(self.startButton)

        self.noPlanSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.noPlanLayout.addItem(self.noPlanSpacer)

        self.modeStack.addWidget(self.noPlanPage)
        self.editorPage = QWidget()
        self.editorPage.setObjectName(u"editorPage")
        self.editorLayout = QVBoxLayout(self.editorPage)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(0, 0, 0, 0)
        self.periodRow = QHBoxLayout()
        self.periodRow.setObjectName(u"periodRow")
        self.periodLabel = QLabel(self.editorPage)
        self.periodLabel.setObjectName(u"periodLabel")

        self.periodRow.addWidget(self.periodLabel)

        self.startEdit = QDateEdit(self.editorPage)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setCalendarPopup(True)
        self.startEdit.setMinimumSize(QSize(110, 0))

        self.periodRow.addWidget(self.startEdit)

        self.toLabel = QLabel(self.editorPage)
        self.toLabel.setObjectName(u"toLabel")

        self.periodRow.addWidget(self.toLabel)

        self.endEdit = QDateEdit(self.editorPage)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setCalendarPopup(True)
        self.endEdit.setMinimumSize(QSize(110, 0))

        self.periodRow.addWidget(self.endEdit)

        self.statusLabel = QLabel(self.editorPage)
        self.statusLabel.setObjectName(u"statusLabel")

        self.periodRow.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(self.editorPage)
        self.statusCombo.setObjectName(u"statusCombo")

        self.periodRow.addWidget(self.statusCombo)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodRow.addItem(self.periodSpacer)


        self.editorLayout.addLayout(self.periodRow)

        self.banner = QLabel(self.editorPage)
        self.banner.setObjectName(u"banner")
        self.banner.setWordWrap(True)

        self.editorLayout.addWidget(self.banner)

        self.bodyRow = QHBoxLayout()
        self.bodyRow.setObjectName(u"bodyRow")
        self.sectionList = QListWidget(self.editorPage)
        self.sectionList.setObjectName(u"sectionList")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.sectionList.sizePolicy().hasHeightForWidth())
        self.sectionList.setSizePolicy(sizePolicy1)

        self.bodyRow.addWidget(self.sectionList)

        self.pages = QStackedWidget(self.editorPage)
        self.pages.setObjectName(u"pages")
        self.textPage = QWidget()
        self.textPage.setObjectName(u"textPage")
        self.textForm = QFormLayout(self.textPage)
        self.textForm.setObjectName(u"textForm")
        self.textForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.textForm.setRowWrapPolicy(QFormLayout.WrapAllRows)
        self.sinceLabel = QLabel(self.textPage)
        self.sinceLabel.setObjectName(u"sinceLabel")

        self.textForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sinceLabel)

        self.sinceEdit = QPlainTextEdit(self.textPage)
        self.sinceEdit.setObjectName(u"sinceEdit")

        self.textForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sinceEdit)

        self.prioritiesLabel = QLabel(self.textPage)
        self.prioritiesLabel.setObjectName(u"prioritiesLabel")

        self.textForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.prioritiesLabel)

        self.prioritiesEdit = QPlainTextEdit(self.textPage)
        self.prioritiesEdit.setObjectName(u"prioritiesEdit")

        self.textForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.prioritiesEdit)

        self.marketsLabel = QLabel(self.textPage)
        self.marketsLabel.setObjectName(u"marketsLabel")

        self.textForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.marketsLabel)

        self.marketsEdit = QPlainTextEdit(self.textPage)
        self.marketsEdit.setObjectName(u"marketsEdit")

        self.textForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.marketsEdit)

        self.strategyLabel = QLabel(self.textPage)
        self.strategyLabel.setObjectName(u"strategyLabel")

        self.textForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.strategyLabel)

        self.strategyEdit = QPlainTextEdit(self.textPage)
        self.strategyEdit.setObjectName(u"strategyEdit")

        self.textForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.strategyEdit)

        self.propositionLabel = QLabel(self.textPage)
        self.propositionLabel.setObjectName(u"propositionLabel")

        self.textForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.propositionLabel)

        self.propositionEdit = QPlainTextEdit(self.textPage)
        self.propositionEdit.setObjectName(u"propositionEdit")

        self.textForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.propositionEdit)

        self.reviewLabel = QLabel(self.textPage)
        self.reviewLabel.setObjectName(u"reviewLabel")

        self.textForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reviewLabel)

        self.reviewEdit = QPlainTextEdit(self.textPage)
        self.reviewEdit.setObjectName(u"reviewEdit")

        self.textForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reviewEdit)

        self.pages.addWidget(self.textPage)

        self.bodyRow.addWidget(self.pages)

        self.bodyRow.setStretch(1, 1)

        self.editorLayout.addLayout(self.bodyRow)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.stateLabel = QLabel(self.editorPage)
        self.stateLabel.setObjectName(u"stateLabel")

        self.saveRow.addWidget(self.stateLabel)

        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveRow.addItem(self.saveSpacer)

        self.revertButton = QPushButton(self.editorPage)
        self.revertButton.setObjectName(u"revertButton")

        self.saveRow.addWidget(self.revertButton)

        self.saveButton = QPushButton(self.editorPage)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)


        self.editorLayout.addLayout(self.saveRow)

        self.modeStack.addWidget(self.editorPage)

        self.outerLayout.addWidget(self.modeStack)

#if QT_CONFIG(shortcut)
        self.planLabel.setBuddy(self.planCombo)
        self.statusLabel.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanEditor)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(PlanEditor)
    # setupUi

    def retranslateUi(self, PlanEditor):
        self.planLabel.setText(QCoreApplication.translate("PlanEditor", u"&Plan:", None))
#if QT_CONFIG(tooltip)
        self.planCombo.setToolTip(QCoreApplication.translate("PlanEditor", u"The account's plans, newest period first", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("PlanEditor", u"&New plan\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("PlanEditor", u"Delete plan", None))
        self.exportButton.setText(QCoreApplication.translate("PlanEditor", u"&Export PDF\u2026", None))
        self.noPlanLabel.setText(QCoreApplication.translate("PlanEditor", u"No plan recorded for this account yet.", None))
        self.startButton.setText(QCoreApplication.translate("PlanEditor", u"&Start a plan for this year", None))
        self.periodLabel.setText(QCoreApplication.translate("PlanEditor", u"Period", None))
        self.startEdit.setDisplayFormat(QCoreApplication.translate("PlanEditor", u"yyyy-MM-dd", None))
        self.toLabel.setText(QCoreApplication.translate("PlanEditor", u"to", None))
        self.endEdit.setDisplayFormat(QCoreApplication.translate("PlanEditor", u"yyyy-MM-dd", None))
        self.statusLabel.setText(QCoreApplication.translate("PlanEditor", u"&Status", None))
        self.banner.setStyleSheet(QCoreApplication.translate("PlanEditor", u"background: #fff4e5; border: 1px solid #f0b429; padding: 4px;", None))
        self.sinceLabel.setText(QCoreApplication.translate("PlanEditor", u"Since the last review", None))
        self.prioritiesLabel.setText(QCoreApplication.translate("PlanEditor", u"Customer priorities and goals", None))
        self.marketsLabel.setText(QCoreApplication.translate("PlanEditor", u"Their customers and markets", None))
        self.strategyLabel.setText(QCoreApplication.translate("PlanEditor", u"Relationship strategy", None))
        self.propositionLabel.setText(QCoreApplication.translate("PlanEditor", u"Individual value proposition", None))
        self.reviewLabel.setText(QCoreApplication.translate("PlanEditor", u"Review of the last period", None))
        self.stateLabel.setText("")
        self.revertButton.setText(QCoreApplication.translate("PlanEditor", u"&Revert", None))
        self.saveButton.setText(QCoreApplication.translate("PlanEditor", u"Sa&ve", None))
        pass
    # retranslateUi

