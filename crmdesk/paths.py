"""Where the database lives: platformdirs by default, overridable.

Order: an explicit ``--db`` argument, then ``CRMDESK_DB``, then
``<user data dir>/crmdesk.sqlite3``. Either override may be a file path or
a SQLAlchemy URL (so a team can later point it at PostgreSQL).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from crmdesk import APP_AUTHOR, APP_NAME
from crmdesk.errors import DatabaseError

DB_FILENAME = "crmdesk.sqlite3"
ENV_VAR = "CRMDESK_DB"


def data_dir() -> Path:
    return user_data_path(APP_NAME, APP_AUTHOR)


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def looks_like_url(text: str) -> bool:
    return "://" in text


def resolve_db_file(arg: str | None = None) -> Path | None:
    """The database file the user chose (``arg``, else CRMDESK_DB, else the
    default), or None when they gave a URL instead of a file.

    The default folder is created on first use; a folder the user named must
    already exist (a typo should not silently create directories)."""
    choice = _choice(arg)
    if choice and looks_like_url(choice):
        return None
    if choice:
        path = Path(choice).expanduser().resolve()
        if not path.parent.is_dir():
            raise DatabaseError(f"the folder {path.parent} does not exist")
        if path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a database file")
        return path
    path = default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def resolve_db_url(arg: str | None = None) -> str:
    """Turn the user's choice (or the default) into a SQLAlchemy URL."""
    path = resolve_db_file(arg)
    return f"sqlite:///{path}" if path is not None else str(_choice(arg))


def _choice(arg: str | None) -> str | None:
    return arg or os.environ.get(ENV_VAR)
