# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QMainWindow, QMenu, QMenuBar,
    QSizePolicy, QSplitter, QStackedWidget, QStatusBar,
    QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 760)
        self.action_new_account = QAction(MainWindow)
        self.action_new_account.setObjectName(u"action_new_account")
        self.action_new_contact = QAction(MainWindow)
        self.action_new_contact.setObjectName(u"action_new_contact")
        self.action_log_activity = QAction(MainWindow)
        self.action_log_activity.setObjectName(u"action_log_activity")
        self.action_import = QAction(MainWindow)
        self.action_import.setObjectName(u"action_import")
        self.action_export = QAction(MainWindow)
        self.action_export.setObjectName(u"action_export")
        self.action_quit = QAction(MainWindow)
        self.action_quit.setObjectName(u"action_quit")
        self.action_find = QAction(MainWindow)
        self.action_find.setObjectName(u"action_find")
        self.action_save = QAction(MainWindow)
        self.action_save.setObjectName(u"action_save")
        self.action_change_tier = QAction(MainWindow)
        self.action_change_tier.setObjectName(u"action_change_tier")
        self.action_delete_account = QAction(MainWindow)
        self.action_delete_account.setObjectName(u"action_delete_account")
        self.action_my_follow_ups = QAction(MainWindow)
        self.action_my_follow_ups.setObjectName(u"action_my_follow_ups")
        self.action_refresh = QAction(MainWindow)
        self.action_refresh.setObjectName(u"action_refresh")
        self.action_load_sample = QAction(MainWindow)
        self.action_load_sample.setObjectName(u"action_load_sample")
        self.action_about = QAction(MainWindow)
        self.action_about.setObjectName(u"action_about")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(4, 4, 4, 0)
        self.stack = QStackedWidget(self.centralwidget)
        self.stack.setObjectName(u"stack")
        self.pageWelcome = QWidget()
        self.pageWelcome.setObjectName(u"pageWelcome")
        self.welcomeLayout = QVBoxLayout(self.pageWelcome)
        self.welcomeLayout.setObjectName(u"welcomeLayout")
        self.welcomeLayout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.pageWelcome)
        self.pageMain = QWidget()
        self.pageMain.setObjectName(u"pageMain")
        self.mainLayout = QVBoxLayout(self.pageMain)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(self.pageMain)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)

        self.mainLayout.addWidget(self.splitter)

        self.stack.addWidget(self.pageMain)

        self.centralLayout.addWidget(self.stack)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menu_file = QMenu(self.menubar)
        self.menu_file.setObjectName(u"menu_file")
        self.menu_edit = QMenu(self.menubar)
        self.menu_edit.setObjectName(u"menu_edit")
        self.menu_view = QMenu(self.menubar)
        self.menu_view.setObjectName(u"menu_view")
        self.menu_tools = QMenu(self.menubar)
        self.menu_tools.setObjectName(u"menu_tools")
        self.menu_help = QMenu(self.menubar)
        self.menu_help.setObjectName(u"menu_help")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menu_file.menuAction())
        self.menubar.addAction(self.menu_edit.menuAction())
        self.menubar.addAction(self.menu_view.menuAction())
        self.menubar.addAction(self.menu_tools.menuAction())
        self.menubar.addAction(self.menu_help.menuAction())
        self.menu_file.addAction(self.action_new_account)
        self.menu_file.addAction(self.action_new_contact)
        self.menu_file.addAction(self.action_log_activity)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_import)
        self.menu_file.addAction(self.action_export)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_quit)
        self.menu_edit.addAction(self.action_find)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.action_save)
        self.menu_edit.addAction(self.action_change_tier)
        self.menu_edit.addAction(self.action_delete_account)
        self.menu_view.addAction(self.action_my_follow_ups)
        self.menu_view.addAction(self.action_refresh)
        self.menu_tools.addAction(self.action_load_sample)
        self.menu_help.addAction(self.action_about)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"crmdesk", None))
        self.action_new_account.setText(QCoreApplication.translate("MainWindow", u"&New account\u2026", None))
        self.action_new_contact.setText(QCoreApplication.translate("MainWindow", u"New &contact\u2026", None))
        self.action_log_activity.setText(QCoreApplication.translate("MainWindow", u"&Log activity", None))
        self.action_import.setText(QCoreApplication.translate("MainWindow", u"&Import contacts from a spreadsheet\u2026", None))
        self.action_export.setText(QCoreApplication.translate("MainWindow", u"&Export accounts to CSV\u2026", None))
        self.action_quit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.action_find.setText(QCoreApplication.translate("MainWindow", u"&Find\u2026", None))
        self.action_save.setText(QCoreApplication.translate("MainWindow", u"&Save account", None))
        self.action_change_tier.setText(QCoreApplication.translate("MainWindow", u"Change &tier\u2026", None))
        self.action_delete_account.setText(QCoreApplication.translate("MainWindow", u"&Delete account", None))
        self.action_my_follow_ups.setText(QCoreApplication.translate("MainWindow", u"&My follow-ups", None))
        self.action_refresh.setText(QCoreApplication.translate("MainWindow", u"&Refresh", None))
        self.action_load_sample.setText(QCoreApplication.translate("MainWindow", u"Load &sample data\u2026", None))
        self.action_about.setText(QCoreApplication.translate("MainWindow", u"&About crmdesk", None))
        self.menu_file.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menu_edit.setTitle(QCoreApplication.translate("MainWindow", u"&Edit", None))
        self.menu_view.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menu_tools.setTitle(QCoreApplication.translate("MainWindow", u"&Tools", None))
        self.menu_help.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

