"""Alembic environment: migrations run in one transaction with foreign keys
off (batch table rebuilds would otherwise cascade-delete child rows), and
``PRAGMA foreign_key_check`` must be clean before the commit."""

from __future__ import annotations

import warnings
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection
from sqlalchemy.types import TypeDecorator

from crmdesk.db import fts
from crmdesk.db.engine import make_engine
from crmdesk.db.schema import metadata
from crmdesk.errors import DatabaseError
from crmdesk.paths import resolve_db_url

config = context.config
target_metadata = metadata

FTS_PREFIXES = ("account_search",)

# Alembic can't reflect expression indexes on SQLite and says so on every
# comparison; migration 0003 creates this one by hand and a test checks it.
for _pattern in (
    r"autogenerate skipping .*expression-based index 'ix_accounts_name_lower'",
    r"Skipped unsupported reflection of expression-based index ix_accounts_name_lower",
):
    warnings.filterwarnings("ignore", message=_pattern)


def include_name(name: str | None, type_: str, _parent: object) -> bool:
    """Keep FTS5 virtual and shadow tables out of autogenerate comparisons."""
    if type_ == "table" and name is not None:
        return not name.startswith(FTS_PREFIXES)
    if type_ == "index" and name is not None and name.startswith("ixp_"):
        return False  # partial indexes written by hand (0005)
    return True


def render_item(type_: str, obj: Any, _autogen_context: AutogenContext) -> str | Literal[False]:
    """Render the app's column types as their plain storage types, so that a
    migration never depends on application code that may change later."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl_instance!r}"
    return False


def _run(connection: Connection) -> None:
    is_sqlite = connection.dialect.name == "sqlite"
    if connection.in_transaction():
        connection.commit()
    # PRAGMA foreign_keys is a no-op inside a transaction, and SQLAlchemy
    # would autobegin one: set it on the driver connection directly.
    driver: Any = connection.connection.driver_connection
    if is_sqlite:
        driver.execute("PRAGMA foreign_keys = OFF")
    try:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=is_sqlite,
            include_name=include_name,
            render_item=render_item,
            compare_type=True,
            transaction_per_migration=False,
            # Alembic treats SQLite DDL as non-transactional and would commit
            # after each revision; our engine emits BEGIN itself, so DDL is
            # transactional: one transaction for the whole upgrade.
            transactional_ddl=True,
        )
        with context.begin_transaction():
            # The FTS sync triggers name accounts/contacts/activities; a batch
            # rebuild's RENAME fails on them. Drop them for the upgrade and
            # recreate them (and the index) after, in the same transaction.
            suspend = is_sqlite and fts.fts_available(connection)
            if suspend:
                fts.drop_triggers(connection)
            context.run_migrations()
            if suspend and fts.fts_available(connection):
                fts.drop_triggers(connection)
                fts.create_triggers(connection)
                fts.rebuild(connection)
            if is_sqlite:
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DatabaseError(
                        f"the upgrade would break {len(problems)} references; nothing was changed"
                    )
    finally:
        if is_sqlite:
            if connection.in_transaction():
                connection.rollback()
            driver.execute("PRAGMA foreign_keys = ON")


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or resolve_db_url()
    engine = make_engine(url)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("crmdesk migrations run online only")
run_migrations_online()
