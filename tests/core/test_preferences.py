"""The user's preferences file: typed, checked, shared by window and CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.preferences import (
    Preferences,
    PreferencesError,
    config_path,
    load_preferences,
    resolve_owner,
    save_preferences,
)


def test_defaults_when_no_file() -> None:
    assert not config_path().exists()
    assert load_preferences() == Preferences()


def test_round_trip_is_normalised_and_private() -> None:
    prefs = Preferences().with_changes(
        me="  Ana Ruiz ", my_addresses=("Ana@Example.com", "ana@example.com"), phone_country="de"
    )
    path = save_preferences(prefs)
    assert path == config_path()
    assert path.stat().st_mode & 0o077 == 0
    loaded = load_preferences()
    assert loaded.me == "Ana Ruiz"
    assert loaded.my_addresses == ("ana@example.com",)
    assert loaded.phone_country == "DE"


@pytest.mark.parametrize(
    "changes",
    [
        {"phone_country": "Germany"},
        {"page_size": 7},
        {"start_page": "nowhere"},
        {"my_addresses": ("not-an-address",)},
    ],
)
def test_bad_values_refused(changes: dict[str, object]) -> None:
    with pytest.raises(PreferencesError):
        Preferences().with_changes(**changes)


def test_damaged_file_keeps_usable_keys(tmp_path: Path) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"me": "Ana", "page_size": "lots"}', encoding="utf-8")
    assert load_preferences() == Preferences(me="Ana")
    path.write_text("{not json", encoding="utf-8")
    assert load_preferences() == Preferences()


def test_resolve_owner() -> None:
    assert resolve_owner(None) is None
    assert resolve_owner("ALL") is None
    assert resolve_owner(" Jo Lee ") == "Jo Lee"
    with pytest.raises(PreferencesError, match="does not know your name"):
        resolve_owner("me")
    save_preferences(Preferences(me="Ana Ruiz"))
    assert resolve_owner("Me") == "Ana Ruiz"
