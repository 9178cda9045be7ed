"""Engine, connection pragmas and the unit-of-work context manager.

SQLite connections get WAL, ``synchronous=FULL``, foreign keys and a busy
timeout on every connect. The driver's own transaction handling is switched
off and ``BEGIN`` is emitted by us (SQLAlchemy's documented pysqlite recipe)
so that DDL runs inside transactions too and a failing migration rolls back
whole.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        if sys.platform == "darwin":
            cursor.execute("PRAGMA fullfsync = ON")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine for a SQLAlchemy URL, with SQLite made safe."""
    engine = create_engine(url, **kwargs)
    if make_url(url).get_backend_name() == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


class Database:
    """One database: its engine and a factory of short-lived sessions.

    ``with db.session() as s:`` is one unit of work: committed when the block
    ends, rolled back whole if it raises. Objects stay readable after the
    block (``expire_on_commit=False``) so callers never lazy-load later.
    """

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def has_fts(self) -> bool:
        """Whether the full-text index exists (checked once per open)."""
        from crmdesk.db.fts import fts_available

        with self.engine.connect() as conn:
            return fts_available(conn)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> str | None:
        """The file behind a SQLite database, or None."""
        url = make_url(self.url)
        if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
            return None
        return url.database

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
