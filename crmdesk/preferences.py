"""The user's own preferences, shared by the window and the command line.

Who "me" is, the user's own e-mail addresses, the default phone country for
imports, the portfolio page size and the start page belong to the person, not
to the database (a team database has many users) and not to Qt (the command
line has no QSettings). They live in one small JSON file in the platform's
user config folder, ``CRMDESK_CONFIG`` naming another file (tests, a second
profile). Window-only state (geometry, last folder) stays in QSettings.

Every preference is declared once, typed, in :class:`Preferences`.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

from crmdesk import APP_AUTHOR, APP_NAME
from crmdesk.atomic import atomic_write
from crmdesk.errors import CrmError

ENV_VAR = "CRMDESK_CONFIG"
FILENAME = "preferences.json"
START_PAGES = ("portfolio", "week")
PAGE_SIZES = (50, 100, 200, 500)

#: words that stand for an owner filter rather than a person's name
OWNER_ME = "me"
OWNER_ALL = "all"


@dataclass(frozen=True)
class Preferences:
    """What the user told crmdesk about themselves and how they like to work."""

    me: str | None = None
    """the user's name as it appears in the owner fields"""
    my_addresses: tuple[str, ...] = field(default_factory=tuple)
    """the user's own e-mail addresses (lower case): tells sent from received mail"""
    phone_country: str | None = None
    """ISO 3166 region (e.g. "DE") for phone numbers written without +code"""
    page_size: int = 200
    """portfolio rows fetched at a time"""
    start_page: str = "portfolio"
    """what the window shows first when the database has data"""

    def with_changes(self, **changes: Any) -> Preferences:
        """A copy with ``changes`` applied and checked."""
        return _checked(dataclasses.replace(self, **changes))


class PreferencesError(CrmError):
    """The preferences file or a value for it is not usable."""


def config_path() -> Path:
    """The preferences file: ``CRMDESK_CONFIG`` or the user config folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return user_config_path(APP_NAME, APP_AUTHOR) / FILENAME


def load_preferences(path: Path | None = None) -> Preferences:
    """The saved preferences; defaults where the file or a key is missing.

    A damaged file is not fatal (preferences are a convenience): its usable
    keys are taken and the rest fall back to defaults."""
    path = path or config_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(raw, dict):
        return Preferences()
    prefs = Preferences()
    for name in (f.name for f in dataclasses.fields(Preferences)):
        if name not in raw:
            continue
        value = raw[name]
        if name == "my_addresses" and isinstance(value, list):
            value = tuple(str(v) for v in value)
        try:
            prefs = prefs.with_changes(**{name: value})
        except (PreferencesError, TypeError, ValueError):
            continue
    return prefs


def save_preferences(prefs: Preferences, path: Path | None = None) -> Path:
    """Write ``prefs`` whole (atomically, user-only permissions)."""
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = dataclasses.asdict(prefs)
    data["my_addresses"] = list(prefs.my_addresses)
    with atomic_write(path, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
    try:
        path.chmod(0o600)
    except OSError:
        pass
    return path


def resolve_owner(value: str | None, prefs: Preferences | None = None) -> str | None:
    """Turn an owner filter as the user types it into a name, or None for all.

    ``"me"`` is the user's own name (an error when it was never set);
    ``"all"`` or nothing means every owner; any other text is a name."""
    if value is None or value.strip().lower() in ("", OWNER_ALL):
        return None
    if value.strip().lower() == OWNER_ME:
        me = (prefs or load_preferences()).me
        if not me:
            raise PreferencesError(
                "crmdesk does not know your name yet: set it with "
                "'crmdesk me \"Your Name\"' or in Preferences"
            )
        return me
    return value.strip()


def _checked(prefs: Preferences) -> Preferences:
    me = prefs.me.strip() if isinstance(prefs.me, str) else None
    if prefs.me is not None and not isinstance(prefs.me, str):
        raise PreferencesError("your name must be text")
    addresses = tuple(sorted({a.strip().lower() for a in prefs.my_addresses if a and a.strip()}))
    for address in addresses:
        if "@" not in address:
            raise PreferencesError(f"{address!r} is not an e-mail address")
    country = prefs.phone_country.strip().upper() if prefs.phone_country else None
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise PreferencesError(f"{prefs.phone_country!r} is not a two-letter country code")
    if not isinstance(prefs.page_size, int) or prefs.page_size not in PAGE_SIZES:
        raise PreferencesError(f"page size must be one of {', '.join(map(str, PAGE_SIZES))}")
    if prefs.start_page not in START_PAGES:
        raise PreferencesError(f"start page must be one of {', '.join(START_PAGES)}")
    return dataclasses.replace(prefs, me=me or None, my_addresses=addresses, phone_country=country)
