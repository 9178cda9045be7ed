"""Where the database lives: platformdirs by default, overridable.

Order: an explicit ``--db`` argument, then ``CRMDESK_DB``, then
``<user data dir>/crmdesk.sqlite3``. Either override may be a file path or
a SQLAlchemy URL (so a team can later point it at PostgreSQL).
:func:`resolve_db_file` is the one place that turns that choice into a file;
everything else (CLI, window, lock, checks, backups) asks it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from platformdirs import user_data_path

from crmdesk import APP_AUTHOR, APP_NAME
from crmdesk.atomic import private_folder
from crmdesk.errors import DatabaseError

DB_FILENAME = "crmdesk.sqlite3"
ENV_VAR = "CRMDESK_DB"


def data_dir() -> Path:
    return user_data_path(APP_NAME, APP_AUTHOR)


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def looks_like_url(text: str) -> bool:
    return "://" in text


def sqlite_file_of_url(url: str) -> Path | None:
    """The file a ``sqlite:///…`` URL names; None for an in-memory or a
    server database. Parsed without SQLAlchemy for plain file URLs (the
    launcher imports it only later)."""
    if url.startswith("sqlite:///") and "?" not in url:
        name = url.removeprefix("sqlite:///")
        return None if name in ("", ":memory:") else Path(name)
    if not url.startswith("sqlite"):
        return None
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    if database in (None, "", ":memory:") or str(database).startswith("file:"):
        return None
    return Path(str(database))


def is_explicit(arg: str | None = None) -> bool:
    """Whether the user named the database (``--db`` or CRMDESK_DB) rather
    than taking the default: a typo there must not create a new file."""
    return bool(_choice(arg))


def resolve_db_file(arg: str | None = None) -> Path | None:
    """The database file the user chose (``arg``, else CRMDESK_DB, else the
    default; a path or a ``sqlite:///`` URL), or None for a server URL.

    The default folder is created on first use, user-only (0700); a folder
    the user named must already exist (a typo should not silently create
    directories)."""
    choice = _choice(arg)
    if choice and looks_like_url(choice):
        return sqlite_file_of_url(choice)
    if choice:
        path = Path(choice).expanduser().resolve()
        if not path.parent.is_dir():
            raise DatabaseError(f"the folder {path.parent} does not exist")
        if path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a database file")
        return path
    path = default_db_path()
    private_folder(path.parent)
    with contextlib.suppress(OSError):  # an older crmdesk made it 0755
        if path.parent.stat().st_mode & 0o077:
            os.chmod(path.parent, 0o700)
    return path


def resolve_db_url(arg: str | None = None) -> str:
    """Turn the user's choice (or the default) into a SQLAlchemy URL."""
    choice = _choice(arg)
    if choice and looks_like_url(choice):
        return choice
    return f"sqlite:///{resolve_db_file(arg)}"


def _choice(arg: str | None) -> str | None:
    return arg or os.environ.get(ENV_VAR)
