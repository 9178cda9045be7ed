"""Issue 13, "me" and Preferences: the first-start question, Edit ▸
Preferences… over crmdesk.preferences, and new accounts owned by me."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from crmdesk.core.accounts import matching_accounts
from crmdesk.gui.preferences.dialog import ask_name_on_first_start, country_name
from crmdesk.gui.preferences.feature import PreferencesFeature
from crmdesk.gui.window_actions import NewAccountDialog
from crmdesk.preferences import Preferences, load_preferences, save_preferences


def test_first_start_asks_for_my_name_and_saves_it(qtbot, on_modal) -> None:  # type: ignore[no-untyped-def]
    def answer(dialog: Any) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("  Ada Lovelace ")
        dialog.accept()

    on_modal(answer)
    assert ask_name_on_first_start(None, ["Grace Hopper"]) == "Ada Lovelace"
    assert load_preferences().me == "Ada Lovelace"
    # known from now on: no second question
    assert ask_name_on_first_start(None) == "Ada Lovelace"


def test_first_start_question_can_be_skipped(qtbot, on_modal) -> None:  # type: ignore[no-untyped-def]
    on_modal(lambda dialog: dialog.reject())
    assert ask_name_on_first_start(None) is None
    assert load_preferences().me is None


def test_preferences_dialog_saves_every_field_with_country_names(window, on_modal) -> None:  # type: ignore[no-untyped-def]
    feature = window.feature(PreferencesFeature)
    assert feature is not None
    edit_actions = [a.objectName() for a in window.menu("edit").actions()]
    assert "actionPreferences" in edit_actions

    def fill(dialog: Any) -> None:
        countries = [dialog.country.itemText(i) for i in range(dialog.country.count())]
        assert any(text.startswith("Germany (+49)") for text in countries)
        assert "DE" not in countries
        dialog.me.setEditText("Ada Lovelace")
        dialog.addresses.setText("Ada@Example.com; ada@home.example")
        dialog.country.setCurrentIndex(dialog.country.findData("DE"))
        dialog.page_size.setCurrentIndex(dialog.page_size.findData(100))
        dialog.start_page.setCurrentIndex(dialog.start_page.findData("week"))
        dialog.accept()

    view = window.actions_.my_follow_ups()
    assert view.owner.findData("me") == -1  # no name yet: everyone's
    on_modal(fill)
    assert feature.open()
    assert view.owner.currentText() == "Mine (Ada Lovelace)"  # the open view follows
    assert load_preferences() == Preferences(
        me="Ada Lovelace",
        my_addresses=("ada@example.com", "ada@home.example"),
        phone_country="DE",
        page_size=100,
        start_page="week",
    )


def test_a_bad_address_is_shown_and_nothing_is_saved(window, on_modal) -> None:  # type: ignore[no-untyped-def]
    feature = window.feature(PreferencesFeature)
    save_preferences(Preferences(me="Ada"))
    shown: list[str] = []

    def fill(dialog: Any) -> None:
        dialog.addresses.setText("not-an-address")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        shown.append(dialog.error.text())
        dialog.reject()

    on_modal(fill)
    assert not feature.open()
    assert "not an e-mail address" in shown[0]
    assert load_preferences() == Preferences(me="Ada")


def test_country_names_not_codes(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert country_name("DE") == "Germany"
    assert country_name("FR") == "France"


def test_a_new_account_is_mine_by_default(window, demo_db, on_modal) -> None:  # type: ignore[no-untyped-def]
    save_preferences(Preferences(me="Ada Lovelace"))
    dialog = NewAccountDialog(window, window.owner_names())
    assert dialog.form.ui.owner.currentText() == "Ada Lovelace"
    dialog.form.ui.name.setText("Lovelace Engines")
    dialog.accept()
    [account] = matching_accounts(demo_db, "Lovelace Engines")
    assert account.owner == "Ada Lovelace"


def test_a_new_account_named_like_an_existing_one_is_warned_about(window, demo_db) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.core.portfolio import list_accounts

    existing = list_accounts(demo_db, limit=1)[0]
    dialog = NewAccountDialog(window, window.owner_names())
    dialog.form.ui.name.setText(existing.name.upper())
    dialog.accept()
    assert "is the existing account" in dialog.ui.errorLabel.text()
    assert existing.name in dialog.ui.errorLabel.text()
    assert len(matching_accounts(demo_db, existing.name)) == 1  # nothing added yet
    dialog.accept()  # OK again: added anyway
    assert len(matching_accounts(demo_db, existing.name)) == 2
