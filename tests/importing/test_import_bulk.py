"""What makes big imports fast keeps them exact: the bulk commit path (300
rows and more: the backup taken beside the writes holds the database as it
was, a failed backup imports nothing, ids, uuids and times as the ORM
writes them, the connection and the collector left as found) and the
sandbox's memo-less transfer of the table."""

from __future__ import annotations

import gc
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crmdesk.db.backup import list_backups
from crmdesk.db.engine import Database
from crmdesk.db.models import Contact
from crmdesk.db.models_imports import ImportChange
from crmdesk.errors import DatabaseError
from crmdesk.importing import bulk, service
from crmdesk.importing import plan as planning
from crmdesk.importing.memory import gc_paused
from crmdesk.importing.readers import read_table
from crmdesk.importing.sandbox import read_file
from crmdesk.importing.snapshot import load_snapshot
from crmdesk.importing.workflow import load_file

ROWS = bulk.BULK_FTS_ROWS + 50


def big_plan(db: Database, csv_file) -> tuple[planning.Plan, Path]:  # type: ignore[no-untyped-def]
    rows = [["First", "Last", "Company", "E-mail"]]
    rows += [[f"P{i}", f"Bulkname{i}", f"Firma {i}", f"p{i}@firma.de"] for i in range(ROWS)]
    path = csv_file(rows)
    loaded = load_file(db, path)
    options = planning.ImportOptions(loaded.targets, region="DE")
    return planning.build_plan(loaded.sheet, options, load_snapshot(db)), path


def contact_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Contact)) or 0)


def test_backup_beside_the_writes_holds_the_database_before_the_import(
    demo_db: Database, csv_file
) -> None:
    before = contact_count(demo_db)
    plan, path = big_plan(demo_db, csv_file)
    result = service.commit(demo_db, plan, file_path=path)
    assert result.created == ROWS and contact_count(demo_db) == before + ROWS
    assert result.backup is not None
    copy = sqlite3.connect(result.backup)
    try:
        assert copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM contacts").fetchone()[0] == before
        assert copy.execute("SELECT count(*) FROM import_batches").fetchone()[0] == 0
    finally:
        copy.close()


def test_a_failed_backup_imports_nothing(demo_db: Database, csv_file, monkeypatch) -> None:
    def broken(source: Path, reason: str) -> Path:
        raise DatabaseError("the disk is full")

    monkeypatch.setattr(bulk, "backup_before", broken)
    before = contact_count(demo_db)
    plan, path = big_plan(demo_db, csv_file)
    with pytest.raises(DatabaseError, match="disk is full"):
        service.commit(demo_db, plan, file_path=path)
    assert contact_count(demo_db) == before


def test_contact_ids_follow_the_file_order(db: Database, csv_file) -> None:
    plan, path = big_plan(db, csv_file)
    service.commit(db, plan, file_path=path, backup=False)
    with db.session() as session:
        names = list(session.scalars(select(Contact.last_name).order_by(Contact.id)))
    assert names == [f"Bulkname{i}" for i in range(ROWS)]


def test_the_connection_gets_its_cache_size_back(db: Database) -> None:
    with db.engine.connect() as conn:
        before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        with bulk.big_cache(conn, 8192):
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -8192
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == before


def test_gc_paused_restores_the_collector() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block found it off and left it off
        raise RuntimeError
    assert gc.isenabled()


def test_the_changes_list_every_created_contact_once(db: Database, csv_file) -> None:
    plan, path = big_plan(db, csv_file)
    service.commit(db, plan, file_path=path, backup=False)
    with db.session() as session:
        contacts = list(session.scalars(select(Contact.id).order_by(Contact.id)))
        changes = list(
            session.scalars(
                select(ImportChange.entity_id)
                .where(ImportChange.entity == "contact", ImportChange.action == "created")
                .order_by(ImportChange.id)
            )
        )
    assert changes == contacts and len(contacts) == ROWS


def test_uuid4_hexes_are_uuid4s_of_the_same_random_bytes(monkeypatch) -> None:
    data = bytes(range(256)) * 2  # 32 uuids' worth
    monkeypatch.setattr(bulk.os, "urandom", lambda size: data[:size])
    got = bulk.uuid4_hexes(32)
    want = [uuid.UUID(bytes=data[i : i + 16], version=4).hex for i in range(0, 512, 16)]
    assert got == want


def test_bulk_uuids_are_stored_as_the_orm_stores_them(db: Database, csv_file) -> None:
    plan, path = big_plan(db, csv_file)
    service.commit(db, plan, file_path=path, backup=False)
    with db.session() as session:
        keys = list(session.scalars(select(Contact.uuid)))
    assert len(set(keys)) == ROWS
    assert all(isinstance(k, uuid.UUID) and k.version == 4 for k in keys)


def test_bulk_times_are_stored_in_the_orms_text_form(db: Database, csv_file, monkeypatch) -> None:
    """SQLAlchemy's own SQLite form, microseconds always written (sqlite3's
    default adapter would drop them on a whole second)."""
    whole_second = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    monkeypatch.setattr(bulk, "utcnow", lambda: whole_second)
    plan, path = big_plan(db, csv_file)
    service.commit(db, plan, file_path=path, backup=False)
    with db.engine.connect() as conn:
        stored = set(conn.exec_driver_sql("SELECT created_at, updated_at FROM contacts"))
    assert stored == {("2030-01-02 03:04:05.000000", "2030-01-02 03:04:05.000000")}
    with db.session() as session:
        stamps = set(session.scalars(select(Contact.created_at)))
    assert stamps == {whole_second}  # and the ORM reads them back


def test_the_sandbox_hands_back_the_table_as_read(xlsx_file, csv_file) -> None:
    """Sent without the pickle memo: typed and repeated cells arrive as read."""
    when = datetime(2024, 5, 6, 7, 8)
    rows = [["Last", "Company", "Met", "Score", "VIP", "Empty"]]
    rows += [["Schmidt", "ACME", when, 1.5, True, None]] * 3
    for path in (xlsx_file(rows), csv_file([[str(c) for c in r] for r in rows])):
        assert read_file(path).rows == read_table(path).rows


def test_without_wal_the_backup_is_taken_before_the_writes(db: Database, db_path: Path) -> None:
    with bulk.backup_alongside(db_path, wal=False) as backup_done:
        taken = list_backups(db_path)  # already there when the block starts
        assert len(taken) == 1
        assert backup_done() == str(taken[0].path)
