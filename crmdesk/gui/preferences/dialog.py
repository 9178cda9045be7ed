"""The preferences dialog and the first-start question for the user's name,
both over :mod:`crmdesk.preferences` (the same file the command line reads)."""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.preferences import (
    PAGE_SIZES,
    Preferences,
    PreferencesError,
    load_preferences,
    save_preferences,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Preferences", text)


def country_name(code: str) -> str:
    """ "Germany" for "DE" (Qt's territory names); the code when Qt has none."""
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)


def phone_countries() -> list[tuple[str, str]]:
    """(name, code) for every region phonenumbers knows, sorted by name."""
    pairs = [(country_name(code), code) for code in phonenumbers.SUPPORTED_REGIONS]
    return sorted(pairs, key=lambda pair: pair[0].casefold())


class PreferencesDialog(QDialog):
    """Edits the saved preferences; OK saves them whole, a bad value is shown
    in the dialog and nothing is written."""

    def __init__(self, parent: QWidget | None = None, owners: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.prefs = load_preferences()
        form = QFormLayout()
        self.me = QComboBox(self)
        self.me.setObjectName("me")
        self.me.setEditable(True)
        self.me.addItems(owners or [])
        self.me.setEditText(self.prefs.me or "")
        self.me.setToolTip(self.tr("Your name as it appears in the Owner fields"))
        form.addRow(self.tr("&Your name:"), self.me)
        self.addresses = QLineEdit(", ".join(self.prefs.my_addresses), self)
        self.addresses.setObjectName("addresses")
        self.addresses.setPlaceholderText(self.tr("you@example.com, you@private.example"))
        form.addRow(self.tr("Your &e-mail addresses:"), self.addresses)
        self.country = QComboBox(self)
        self.country.setObjectName("phoneCountry")
        self.country.addItem(self.tr("None (numbers need +code)"), None)
        for name, code in phone_countries():
            self.country.addItem(f"{name} (+{phonenumbers.country_code_for_region(code)})", code)
        index = self.country.findData(self.prefs.phone_country)
        self.country.setCurrentIndex(max(index, 0))
        self.country.setToolTip(self.tr("For imported phone numbers written without +code"))
        form.addRow(self.tr("Default phone &country:"), self.country)
        self.page_size = QComboBox(self)
        self.page_size.setObjectName("pageSize")
        for size in PAGE_SIZES:
            self.page_size.addItem(str(size), size)
        self.page_size.setCurrentIndex(max(self.page_size.findData(self.prefs.page_size), 0))
        form.addRow(self.tr("Accounts &loaded at a time:"), self.page_size)
        self.start_page = QComboBox(self)
        self.start_page.setObjectName("startPage")
        self.start_page.addItem(self.tr("Portfolio"), "portfolio")
        self.start_page.addItem(self.tr("My week"), "week")
        self.start_page.setCurrentIndex(max(self.start_page.findData(self.prefs.start_page), 0))
        form.addRow(self.tr("&Start page:"), self.start_page)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def chosen(self) -> Preferences:
        """The preferences as entered (raises PreferencesError when unusable)."""
        addresses = tuple(a for a in self.addresses.text().replace(";", ",").split(","))
        return self.prefs.with_changes(
            me=self.me.currentText().strip() or None,
            my_addresses=addresses,
            phone_country=self.country.currentData(),
            page_size=self.page_size.currentData(),
            start_page=self.start_page.currentData(),
        )

    def accept(self) -> None:
        try:
            prefs = self.chosen()
            save_preferences(prefs)
        except (PreferencesError, OSError) as exc:
            self.error.setText(str(exc))
            return
        self.prefs = prefs
        super().accept()


def ask_name_on_first_start(parent: QWidget | None, owners: list[str] | None = None) -> str | None:
    """On first start (no name saved yet) ask who the user is; Cancel skips
    (asked again next start). Returns the saved name."""
    prefs = load_preferences()
    if prefs.me:
        return prefs.me
    names = owners or []
    name, ok = QInputDialog.getItem(
        parent,
        _tr("Welcome to crmdesk"),
        _tr(
            "What is your name, as it appears in the Owner fields?\n"
            "(Your follow-ups and new accounts use it; change it in Edit ▸ Preferences.)"
        ),
        names,
        0,
        True,
    )
    if not ok or not name.strip():
        return None
    try:
        save_preferences(prefs.with_changes(me=name.strip()))
    except (PreferencesError, OSError):
        return None
    return name.strip()
