"""Fast inserts for big imports: one ``executemany`` of plain tuples per
chunk, with no per-row SQLAlchemy parameter processing (which cost more than
SQLite itself at 100,000 rows). Values that need a storage format (UUIDs,
UTC timestamps) go through the columns' own SQLAlchemy bind processors, so
they are stored exactly as the ORM stores them; enum fields arrive as their
stored values."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection, Table, func, select

from crmdesk.db import fts
from crmdesk.db.models import Contact
from crmdesk.db.models_imports import ImportChange
from crmdesk.db.types import utcnow
from crmdesk.importing.errors import ImportFileError

CHUNK = 2000
BULK_FTS_ROWS = 300  # from here on, pause the search triggers and re-index once


def _processor(table: Table, column: str, conn: Connection) -> Callable[[Any], Any]:
    process = table.c[column].type.bind_processor(conn.dialect)
    return process or (lambda value: value)


class BulkWriter:
    """Inserts into ``contacts`` and ``import_changes`` on one connection."""

    def __init__(self, conn: Connection, columns: tuple[str, ...]) -> None:
        self.conn = conn
        self.columns = columns
        table: Table = Contact.__table__  # type: ignore[assignment]
        self._uuid = _processor(table, "uuid", conn)
        self._stamp = _processor(table, "created_at", conn)(utcnow())
        names = ("uuid", "created_at", "updated_at", *columns)
        self._contact_sql = (
            f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        )
        changes: Table = ImportChange.__table__  # type: ignore[assignment]
        self._change_sql = (
            f"INSERT INTO {changes.name} (batch_id, entity, entity_id, action) VALUES (?, ?, ?, ?)"
        )

    def contacts(self, rows: list[dict[str, Any]]) -> list[int]:
        """Insert rows (dicts of ``columns``); their new ids, in order."""
        table = Contact.__table__
        before = self.conn.execute(select(func.max(table.c.id))).scalar() or 0
        stamp, make_uuid = self._stamp, self._uuid
        params = [
            (make_uuid(uuid.uuid4()), stamp, stamp, *(row.get(c) for c in self.columns))
            for row in rows
        ]
        self.conn.exec_driver_sql(self._contact_sql, params)
        ids = list(
            self.conn.execute(
                select(table.c.id).where(table.c.id > before).order_by(table.c.id)
            ).scalars()
        )
        if len(ids) != len(rows):  # pragma: no cover - would mean a concurrent writer
            raise ImportFileError("the database changed during the import; nothing was imported")
        return ids

    def created(self, batch_id: int, entity: str, ids: list[int]) -> None:
        self.conn.exec_driver_sql(
            self._change_sql, [(batch_id, entity, entity_id, "created") for entity_id in ids]
        )


def chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def index_paused(conn: Connection, accounts: set[int]) -> AbstractContextManager[None]:
    """Like :func:`crmdesk.db.fts.triggers_suspended`, but re-indexes only the
    accounts the import touched (``accounts``, filled while the block runs),
    not every account with all its activities: 0.1 s instead of many seconds
    on a large portfolio. Same transaction, so a failure restores the triggers."""
    return fts.triggers_suspended(conn, reindex=accounts)
