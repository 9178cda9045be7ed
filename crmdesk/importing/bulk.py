"""Fast inserts for big imports: one ``executemany`` of plain tuples per
chunk, with no per-row SQLAlchemy parameter processing (which cost more than
SQLite itself at 100,000 rows). Values that need a storage format (UUIDs,
UTC timestamps) go through the columns' own SQLAlchemy bind processors, so
they are stored exactly as the ORM stores them; enum fields arrive as their
stored values."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table

from crmdesk.db import fts
from crmdesk.db.backup import backup_before
from crmdesk.db.models import Contact
from crmdesk.db.models_imports import ImportChange
from crmdesk.db.types import utcnow
from crmdesk.importing.errors import ImportFileError

CHUNK = 2000
BULK_FTS_ROWS = 300  # from here on, pause the search triggers and re-index once


def _processor(table: Table, column: str, conn: Connection) -> Callable[[Any], Any]:
    """The column's whole bind processing for this dialect, as the ORM applies
    it (for a TypeDecorator: its own step, then the dialect type's: a UTC
    datetime becomes SQLite's text form here, not in sqlite3's deprecated
    default adapter, once per row)."""
    kind = table.c[column].type
    process = kind.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    return process or (lambda value: value)


class BulkWriter:
    """Inserts into ``contacts`` and ``import_changes`` on one connection;
    ``columns``: the contact fields written besides the account."""

    def __init__(self, conn: Connection, columns: tuple[str, ...]) -> None:
        self.conn = conn
        self.columns = columns
        table: Table = Contact.__table__  # type: ignore[assignment]
        self._uuid = _processor(table, "uuid", conn)
        sample = uuid.uuid4()
        self._hex_uuids = self._uuid(sample) == sample.hex  # stored as 32 hex digits
        self._stamp = _processor(table, "created_at", conn)(utcnow())
        names = ("uuid", "created_at", "updated_at", "account_id", *columns)
        self._contact_sql = (
            f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        )
        changes: Table = ImportChange.__table__  # type: ignore[assignment]
        into = f"INSERT INTO {changes.name} (batch_id, entity, entity_id, action) "
        self._change_sql = into + "VALUES (?, ?, ?, ?)"
        self._change_copy_sql = (  # a run of contact ids, copied in SQL
            into + f"SELECT ?, ?, id, 'created' FROM {table.name} "
            "WHERE id BETWEEN ? AND ? ORDER BY id"
        )

    def contacts(self, rows: list[tuple[int, dict[str, Any]]]) -> range:
        """Insert (account id, contact fields) rows; their new ids, in order."""
        stamp, columns = self._stamp, self.columns
        if self._hex_uuids:
            uuids = uuid4_hexes(len(rows))
        else:
            uuids = [self._uuid(uuid.uuid4()) for _ in rows]
        params = [
            (key, stamp, stamp, account_id, *map(fields.get, columns))
            for key, (account_id, fields) in zip(uuids, rows, strict=True)
        ]
        return self._insert(self._contact_sql, params)

    def _insert(self, sql: str, params: list[tuple[Any, ...]]) -> range:
        """SQLite numbers new rows max(id) + 1, + 2, …: the ids are that
        range when exactly as many rows as inserted lie above the old maximum
        (nobody else writes inside this transaction; checked, not assumed)."""
        table = Contact.__table__.name
        before = self.conn.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar() or 0
        self.conn.exec_driver_sql(sql, params)
        count, last = self.conn.exec_driver_sql(
            f"SELECT count(*), max(id) FROM {table} WHERE id > ?", (before,)
        ).one()
        if count != len(params) or (params and last != before + len(params)):
            raise ImportFileError("the database changed during the import; nothing was imported")
        return range(before + 1, before + 1 + len(params))

    def created(self, batch_id: int, entity: str, ids: Sequence[int]) -> None:
        if entity == "contact" and isinstance(ids, range) and ids.step == 1 and ids:
            # the ids contacts() returned: exactly the rows it inserted
            self.conn.exec_driver_sql(self._change_copy_sql, (batch_id, entity, ids[0], ids[-1]))
            return
        self.conn.exec_driver_sql(
            self._change_sql, [(batch_id, entity, entity_id, "created") for entity_id in ids]
        )


_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def uuid4_hexes(count: int) -> list[str]:
    """``uuid.uuid4().hex`` ``count`` times, from one ``os.urandom`` call:
    the same random bits with the same version (4) and variant bits set,
    without a UUID object per row (a third of the time of building rows)."""
    data = os.urandom(16 * count)
    out = []
    for start in range(0, 16 * count, 16):
        digits = data[start : start + 16].hex()
        out.append(f"{digits[:12]}4{digits[13:16]}{_VARIANT[digits[16]]}{digits[17:]}")
    return out


def chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def index_paused(conn: Connection, accounts: set[int]) -> AbstractContextManager[None]:
    """Like :func:`crmdesk.db.fts.triggers_suspended`, but re-indexes only the
    accounts the import touched (``accounts``, filled while the block runs),
    not every account with all its activities: 0.1 s instead of many seconds
    on a large portfolio. Same transaction, so a failure restores the triggers."""
    return fts.triggers_suspended(conn, reindex=accounts)


BULK_CACHE_KIB = 64 * 1024


@contextmanager
def big_cache(conn: Connection, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """A bigger SQLite page cache for this connection while the block runs.
    Rows inserted in file order land all over the contacts indexes (uuid,
    e-mail, last name, account); with the default 2 MB cache those index
    pages are evicted and written to the WAL again and again (100k rows:
    ~2 s of inserts instead of ~1.3 s). The connection gets its old size
    back (SQLite frees the extra pages as the transaction commits)."""
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


@contextmanager
def backup_alongside(
    database: Path | None, *, wal: bool = True
) -> Iterator[Callable[[], str | None]]:
    """``backup_before(database, "before-import")`` in a thread while the
    block writes (SQLite's backup API copies with the GIL released, so this
    takes a second core). The block gets a function that waits for the
    backup and returns its path, raising its error: call it before the
    import's transaction commits. Leaving the block waits for the thread.

    Only a WAL database can be read like that beside a writer (the reader
    sees the last commit, never this transaction); otherwise (``wal``
    False) the backup is taken first, before the block."""
    if database is None:
        yield lambda: None
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="crmdesk-backup") as pool:
        future = pool.submit(backup_before, database, "before-import")
        if not wal:
            future.result()
        yield lambda: str(future.result())
