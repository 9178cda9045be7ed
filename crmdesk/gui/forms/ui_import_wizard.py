# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_wizard.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDialog, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QTableView, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_ImportWizard(object):
    def setupUi(self, ImportWizard):
        if not ImportWizard.objectName():
            ImportWizard.setObjectName(u"ImportWizard")
        ImportWizard.resize(900, 620)
        self.wizardLayout = QVBoxLayout(ImportWizard)
        self.wizardLayout.setObjectName(u"wizardLayout")
        self.titleLabel = QLabel(ImportWizard)
        self.titleLabel.setObjectName(u"titleLabel")

        self.wizardLayout.addWidget(self.titleLabel)

        self.subtitleLabel = QLabel(ImportWizard)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setWordWrap(True)

        self.wizardLayout.addWidget(self.subtitleLabel)

        self.pages = QStackedWidget(ImportWizard)
        self.pages.setObjectName(u"pages")
        self.pageFile = QWidget()
        self.pageFile.setObjectName(u"pageFile")
        self.fileLayout = QVBoxLayout(self.pageFile)
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileIntro = QLabel(self.pageFile)
        self.fileIntro.setObjectName(u"fileIntro")
        self.fileIntro.setWordWrap(True)

        self.fileLayout.addWidget(self.fileIntro)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileLabel = QLabel(self.pageFile)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileRow.addWidget(self.fileLabel)

        self.fileEdit = QLineEdit(self.pageFile)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileRow.addWidget(self.fileEdit)

        self.browseButton = QPushButton(self.pageFile)
        self.browseButton.setObjectName(u"browseButton")

        self.fileRow.addWidget(self.browseButton)


        self.fileLayout.addLayout(self.fileRow)

        self.fileError = QLabel(self.pageFile)
        self.fileError.setObjectName(u"fileError")
        self.fileError.setWordWrap(True)

        self.fileLayout.addWidget(self.fileError)

        self.recentLabel = QLabel(self.pageFile)
        self.recentLabel.setObjectName(u"recentLabel")

        self.fileLayout.addWidget(self.recentLabel)

        self.recentList = QListWidget(self.pageFile)
        self.recentList.setObjectName(u"recentList")

        self.fileLayout.addWidget(self.recentList)

        self.recentRow = QHBoxLayout()
        self.recentRow.setObjectName(u"recentRow")
        self.recentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recentRow.addItem(self.recentSpacer)

        self.undoBatchButton = QPushButton(self.pageFile)
        self.undoBatchButton.setObjectName(u"undoBatchButton")

        self.recentRow.addWidget(self.undoBatchButton)


        self.fileLayout.addLayout(self.recentRow)

        self.fileVSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.fileLayout.addItem(self.fileVSpacer)

        self.pages.addWidget(self.pageFile)
        self.pageSource = QWidget()
        self.pageSource.setObjectName(u"pageSource")
        self.sourceLayout = QVBoxLayout(self.pageSource)
        self.sourceLayout.setObjectName(u"sourceLayout")
        self.sourceForm = QFormLayout()
        self.sourceForm.setObjectName(u"sourceForm")
        self.sheetLabel = QLabel(self.pageSource)
        self.sheetLabel.setObjectName(u"sheetLabel")

        self.sourceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sheetLabel)

        self.sheetCombo = QComboBox(self.pageSource)
        self.sheetCombo.setObjectName(u"sheetCombo")

        self.sourceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sheetCombo)

        self.encodingLabel = QLabel(self.pageSource)
        self.encodingLabel.setObjectName(u"encodingLabel")

        self.sourceForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.encodingLabel)

        self.encodingCombo = QComboBox(self.pageSource)
        self.encodingCombo.setObjectName(u"encodingCombo")
        self.encodingCombo.setEditable(True)

        self.sourceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.encodingCombo)

        self.regionLabel = QLabel(self.pageSource)
        self.regionLabel.setObjectName(u"regionLabel")

        self.sourceForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.regionLabel)

        self.regionCombo = QComboBox(self.pageSource)
        self.regionCombo.setObjectName(u"regionCombo")

        self.sourceForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.regionCombo)

        self.sourceLabel = QLabel(self.pageSource)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.sourceForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceCombo = QComboBox(self.pageSource)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.sourceForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sourceCombo)


        self.sourceLayout.addLayout(self.sourceForm)

        self.sourceInfo = QLabel(self.pageSource)
        self.sourceInfo.setObjectName(u"sourceInfo")
        self.sourceInfo.setWordWrap(True)

        self.sourceLayout.addWidget(self.sourceInfo)

        self.rawTable = QTableView(self.pageSource)
        self.rawTable.setObjectName(u"rawTable")
        self.rawTable.setAlternatingRowColors(True)
        self.rawTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.sourceLayout.addWidget(self.rawTable)

        self.pages.addWidget(self.pageSource)
        self.pageMapping = QWidget()
        self.pageMapping.setObjectName(u"pageMapping")
        self.mappingLayout = QVBoxLayout(self.pageMapping)
        self.mappingLayout.setObjectName(u"mappingLayout")
        self.mappingInfo = QLabel(self.pageMapping)
        self.mappingInfo.setObjectName(u"mappingInfo")
        self.mappingInfo.setWordWrap(True)

        self.mappingLayout.addWidget(self.mappingInfo)

        self.mappingTable = QTableWidget(self.pageMapping)
        self.mappingTable.setObjectName(u"mappingTable")
        self.mappingTable.setAlternatingRowColors(True)
        self.mappingTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.mappingLayout.addWidget(self.mappingTable)

        self.mappingForm = QFormLayout()
        self.mappingForm.setObjectName(u"mappingForm")
        self.defaultAccountLabel = QLabel(self.pageMapping)
        self.defaultAccountLabel.setObjectName(u"defaultAccountLabel")

        self.mappingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.defaultAccountLabel)

        self.defaultAccountEdit = QLineEdit(self.pageMapping)
        self.defaultAccountEdit.setObjectName(u"defaultAccountEdit")

        self.mappingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.defaultAccountEdit)


        self.mappingLayout.addLayout(self.mappingForm)

        self.pages.addWidget(self.pageMapping)
        self.pagePreview = QWidget()
        self.pagePreview.setObjectName(u"pagePreview")
        self.previewLayout = QVBoxLayout(self.pagePreview)
        self.previewLayout.setObjectName(u"previewLayout")
        self.countsLabel = QLabel(self.pagePreview)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setWordWrap(True)

        self.previewLayout.addWidget(self.countsLabel)

        self.bulkRow = QHBoxLayout()
        self.bulkRow.setObjectName(u"bulkRow")
        self.emailDupLabel = QLabel(self.pagePreview)
        self.emailDupLabel.setObjectName(u"emailDupLabel")

        self.bulkRow.addWidget(self.emailDupLabel)

        self.emailDupCombo = QComboBox(self.pagePreview)
        self.emailDupCombo.setObjectName(u"emailDupCombo")

        self.bulkRow.addWidget(self.emailDupCombo)

        self.probableDupLabel = QLabel(self.pagePreview)
        self.probableDupLabel.setObjectName(u"probableDupLabel")

        self.bulkRow.addWidget(self.probableDupLabel)

        self.probableDupCombo = QComboBox(self.pagePreview)
        self.probableDupCombo.setObjectName(u"probableDupCombo")

        self.bulkRow.addWidget(self.probableDupCombo)

        self.updateModeLabel = QLabel(self.pagePreview)
        self.updateModeLabel.setObjectName(u"updateModeLabel")

        self.bulkRow.addWidget(self.updateModeLabel)

        self.updateModeCombo = QComboBox(self.pagePreview)
        self.updateModeCombo.setObjectName(u"updateModeCombo")

        self.bulkRow.addWidget(self.updateModeCombo)

        self.bulkSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bulkRow.addItem(self.bulkSpacer)


        self.previewLayout.addLayout(self.bulkRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.problemsOnly = QCheckBox(self.pagePreview)
        self.problemsOnly.setObjectName(u"problemsOnly")

        self.filterRow.addWidget(self.problemsOnly)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)

        self.saveRejectedButton = QPushButton(self.pagePreview)
        self.saveRejectedButton.setObjectName(u"saveRejectedButton")

        self.filterRow.addWidget(self.saveRejectedButton)


        self.previewLayout.addLayout(self.filterRow)

        self.previewTable = QTableView(self.pagePreview)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.previewLayout.addWidget(self.previewTable)

        self.previewHint = QLabel(self.pagePreview)
        self.previewHint.setObjectName(u"previewHint")
        self.previewHint.setWordWrap(True)

        self.previewLayout.addWidget(self.previewHint)

        self.pages.addWidget(self.pagePreview)
        self.pageResult = QWidget()
        self.pageResult.setObjectName(u"pageResult")
        self.resultLayout = QVBoxLayout(self.pageResult)
        self.resultLayout.setObjectName(u"resultLayout")
        self.resultLabel = QLabel(self.pageResult)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)

        self.resultLayout.addWidget(self.resultLabel)

        self.resultRow = QHBoxLayout()
        self.resultRow.setObjectName(u"resultRow")
        self.undoImportButton = QPushButton(self.pageResult)
        self.undoImportButton.setObjectName(u"undoImportButton")

        self.resultRow.addWidget(self.undoImportButton)

        self.saveRejectedButton2 = QPushButton(self.pageResult)
        self.saveRejectedButton2.setObjectName(u"saveRejectedButton2")

        self.resultRow.addWidget(self.saveRejectedButton2)

        self.resultSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.resultRow.addItem(self.resultSpacer)


        self.resultLayout.addLayout(self.resultRow)

        self.resultVSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.resultLayout.addItem(self.resultVSpacer)

        self.pages.addWidget(self.pageResult)

        self.wizardLayout.addWidget(self.pages)

        self.progressRow = QHBoxLayout()
        self.progressRow.setObjectName(u"progressRow")
        self.progressLabel = QLabel(ImportWizard)
        self.progressLabel.setObjectName(u"progressLabel")

        self.progressRow.addWidget(self.progressLabel)

        self.progressBar = QProgressBar(ImportWizard)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setTextVisible(False)

        self.progressRow.addWidget(self.progressBar)

        self.cancelJobButton = QPushButton(ImportWizard)
        self.cancelJobButton.setObjectName(u"cancelJobButton")

        self.progressRow.addWidget(self.cancelJobButton)


        self.wizardLayout.addLayout(self.progressRow)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.stepLabel = QLabel(ImportWizard)
        self.stepLabel.setObjectName(u"stepLabel")

        self.buttonRow.addWidget(self.stepLabel)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.backButton = QPushButton(ImportWizard)
        self.backButton.setObjectName(u"backButton")

        self.buttonRow.addWidget(self.backButton)

        self.nextButton = QPushButton(ImportWizard)
        self.nextButton.setObjectName(u"nextButton")

        self.buttonRow.addWidget(self.nextButton)

        self.closeButton = QPushButton(ImportWizard)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.wizardLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
        self.sheetLabel.setBuddy(self.sheetCombo)
        self.encodingLabel.setBuddy(self.encodingCombo)
        self.regionLabel.setBuddy(self.regionCombo)
        self.sourceLabel.setBuddy(self.sourceCombo)
        self.defaultAccountLabel.setBuddy(self.defaultAccountEdit)
        self.emailDupLabel.setBuddy(self.emailDupCombo)
        self.probableDupLabel.setBuddy(self.probableDupCombo)
        self.updateModeLabel.setBuddy(self.updateModeCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportWizard)

        QMetaObject.connectSlotsByName(ImportWizard)
    # setupUi

    def retranslateUi(self, ImportWizard):
        ImportWizard.setWindowTitle(QCoreApplication.translate("ImportWizard", u"Import contacts", None))
        self.titleLabel.setText("")
        self.subtitleLabel.setText("")
        self.fileIntro.setText(QCoreApplication.translate("ImportWizard", u"Choose a CSV, Excel (XLSX, XLS) or OpenDocument (ODS) file with contacts: an Outlook, Google or LinkedIn export, another CRM's report, a colleague's list. Nothing is changed until you press Import on the last page.", None))
        self.fileLabel.setText(QCoreApplication.translate("ImportWizard", u"&File:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportWizard", u"Drop a file here or choose one", None))
        self.browseButton.setText(QCoreApplication.translate("ImportWizard", u"&Browse\u2026", None))
        self.fileError.setText("")
        self.recentLabel.setText(QCoreApplication.translate("ImportWizard", u"Recent imports:", None))
        self.undoBatchButton.setText(QCoreApplication.translate("ImportWizard", u"&Undo selected import\u2026", None))
        self.sheetLabel.setText(QCoreApplication.translate("ImportWizard", u"&Sheet:", None))
        self.encodingLabel.setText(QCoreApplication.translate("ImportWizard", u"&Encoding:", None))
        self.regionLabel.setText(QCoreApplication.translate("ImportWizard", u"&Phone numbers without + are from:", None))
        self.sourceLabel.setText(QCoreApplication.translate("ImportWizard", u"New accounts' &acquisition source:", None))
        self.sourceInfo.setText("")
        self.mappingInfo.setText("")
        self.defaultAccountLabel.setText(QCoreApplication.translate("ImportWizard", u"Account for rows &without a company:", None))
        self.defaultAccountEdit.setPlaceholderText(QCoreApplication.translate("ImportWizard", u"leave empty to reject such rows", None))
        self.countsLabel.setText("")
        self.emailDupLabel.setText(QCoreApplication.translate("ImportWizard", u"Same e-mail as an existing contact:", None))
        self.probableDupLabel.setText(QCoreApplication.translate("ImportWizard", u"Probable duplicates:", None))
        self.updateModeLabel.setText(QCoreApplication.translate("ImportWizard", u"Updates:", None))
        self.problemsOnly.setText(QCoreApplication.translate("ImportWizard", u"Show only rows with &problems", None))
        self.saveRejectedButton.setText(QCoreApplication.translate("ImportWizard", u"Save &rejected rows\u2026", None))
        self.previewHint.setText(QCoreApplication.translate("ImportWizard", u"Double-click a cell to fix a value; choose Skip in the Action column to leave a row out.", None))
        self.resultLabel.setText("")
        self.undoImportButton.setText(QCoreApplication.translate("ImportWizard", u"&Undo this import", None))
        self.saveRejectedButton2.setText(QCoreApplication.translate("ImportWizard", u"Save &rejected rows\u2026", None))
        self.progressLabel.setText("")
        self.cancelJobButton.setText(QCoreApplication.translate("ImportWizard", u"Cancel", None))
        self.stepLabel.setText("")
        self.backButton.setText(QCoreApplication.translate("ImportWizard", u"&Back", None))
        self.nextButton.setText(QCoreApplication.translate("ImportWizard", u"&Next", None))
        self.closeButton.setText(QCoreApplication.translate("ImportWizard", u"Close", None))
    # retranslateUi

