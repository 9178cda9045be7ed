"""Engine, connection pragmas and the unit-of-work context manager.

SQLite connections get WAL, ``synchronous=FULL``, foreign keys and a busy
timeout on every connect. The driver's own transaction handling is switched
off and ``BEGIN`` is emitted by us (SQLAlchemy's documented pysqlite recipe)
so that DDL runs inside transactions too and a failing migration rolls back
whole.

A unit of work starts with ``BEGIN IMMEDIATE``: it takes the write lock
first, so SQLite's busy timeout can make it *wait* for another writer. A
deferred ``BEGIN`` reads first (the ORM loads the row, the search-index
triggers read the FTS table) and then cannot upgrade to a write while
another connection writes: SQLite fails that at once, without waiting.
Reads that must never wait for a writer use :meth:`Database.reading`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from crmdesk.db.errors import translate

BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "crmdesk_write"  # execution option: BEGIN IMMEDIATE


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


def _on_read_only_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    dbapi_connection.execute("PRAGMA query_only = ON")


def _on_sqlite_begin(connection: Any) -> None:
    if connection.get_execution_options().get(WRITE_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:  # Core reads (checks, migrations' probes) and Database.reading()
        connection.exec_driver_sql("BEGIN")


def _on_read_only_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine for a SQLAlchemy URL, with SQLite made safe."""
    from crmdesk.atomic import private_file
    from crmdesk.paths import sqlite_file_of_url

    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        path = sqlite_file_of_url(url)
        if path is not None and path.parent.is_dir():
            private_file(path)  # created user-only; its -wal/-shm follow
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def make_read_only_engine(path: Path) -> Engine:
    """An engine that only reads ``path`` (a read-only folder, medium or
    file): every connection comes from :func:`rawsqlite.connect_ro`."""
    from crmdesk.db.rawsqlite import connect_ro

    engine = create_engine("sqlite://", creator=lambda: connect_ro(path))
    event.listen(engine, "connect", _on_read_only_connect)
    event.listen(engine, "begin", _on_read_only_begin)
    return engine


class Database:
    """One database: its engine and a factory of short-lived sessions.

    ``with db.session() as s:`` is one unit of work: committed when the block
    ends, rolled back whole if it raises. Objects stay readable after the
    block (``expire_on_commit=False``) so callers never lazy-load later.
    SQLite's environment errors (busy, read-only, disk full) leave it as the
    project's :class:`~crmdesk.errors.DatabaseError` with a sentence.
    """

    def __init__(self, url: str, engine: Engine | None = None, *, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        self.engine = engine or make_engine(url)
        writer = self.engine if read_only else self.engine.execution_options(**{WRITE_OPTION: True})
        self._sessions = sessionmaker(writer, expire_on_commit=False)
        self._readers = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open_read_only(cls, path: Path) -> Database:
        return cls(f"sqlite:///{path}", make_read_only_engine(path), read_only=True)

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
        from crmdesk.paths import sqlite_file_of_url

        found = sqlite_file_of_url(self.url)
        return None if found is None else str(found)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work that may write (``BEGIN IMMEDIATE``)."""
        with self._translated(), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads: a deferred ``BEGIN``, so it never
        waits for another connection's write (WAL readers see a snapshot)."""
        with self._translated(), self._readers() as session, session.begin():
            yield session

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            mapped = translate(exc.orig, self.path) if exc.orig is not None else None
            if mapped is None:
                raise
            raise mapped from exc

    def dispose(self) -> None:
        self.engine.dispose()
