"""Full-text search with SQLite FTS5, kept in sync by triggers.

One FTS5 document per account (rowid = account id) holds its name, its live
contacts' names and e-mails, and its live activities' subjects and notes.
Triggers rebuild an account's document whenever any of those change, whoever
writes (ORM, bulk insert, import). A search is then a single FTS lookup whose
cost grows with the number of matching *accounts*, not activities, and
terms may match across an account's records ("müller audit").

Where FTS5 is missing (another engine, an SQLite built without it) search
falls back to ``LIKE``; ``fts_available`` tells which.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Integer, Select, column, literal_column, select, table

FTS_TABLE = "account_search"
TOKENIZER = "unicode61 remove_diacritics 2"
# Prefix indexes for one- and two-character prefixes: what people type first
# ("s", "so") would otherwise expand to thousands of terms (30 ms -> 1 ms on a
# 10k-account portfolio) at about twice the index size.
PREFIX_INDEXES = "1 2"

_DOC_SELECT = """
SELECT a.id, a.name,
  (SELECT group_concat(coalesce(c.first_name, '') || ' ' || c.last_name || ' ' ||
                       coalesce(c.email, '') || ' ' || coalesce(c.email_secondary, ''), ' ')
     FROM contacts c WHERE c.account_id = a.id AND c.deleted_at IS NULL),
  (SELECT group_concat(x.subject || ' ' || coalesce(x.notes, ''), ' ')
     FROM activities x WHERE x.account_id = a.id AND x.deleted_at IS NULL)
FROM accounts a"""


def _refresh(account_expr: str) -> str:
    return (
        f"DELETE FROM {FTS_TABLE} WHERE rowid = {account_expr}; "
        f"INSERT INTO {FTS_TABLE}(rowid, name, people, activity) "
        f"{_DOC_SELECT} WHERE a.id = {account_expr};"
    )


def _triggers() -> list[str]:
    statements = [
        f"CREATE TRIGGER accounts_fts_ai AFTER INSERT ON accounts BEGIN {_refresh('new.id')} END",
        f"CREATE TRIGGER accounts_fts_au AFTER UPDATE OF name ON accounts "
        f"BEGIN {_refresh('new.id')} END",
        f"CREATE TRIGGER accounts_fts_ad AFTER DELETE ON accounts "
        f"BEGIN DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END",
    ]
    watched = {
        "contacts": "first_name, last_name, email, email_secondary, deleted_at, account_id",
        "activities": "subject, notes, deleted_at, account_id",
    }
    for child, columns in watched.items():
        statements += [
            f"CREATE TRIGGER {child}_fts_ai AFTER INSERT ON {child} "
            f"BEGIN {_refresh('new.account_id')} END",
            f"CREATE TRIGGER {child}_fts_ad AFTER DELETE ON {child} "
            f"BEGIN {_refresh('old.account_id')} END",
            f"CREATE TRIGGER {child}_fts_au AFTER UPDATE OF {columns} ON {child} "
            f"BEGIN {_refresh('old.account_id')} {_refresh('new.account_id')} END",
        ]
    return statements


def drop_triggers(conn: Connection) -> None:
    for name in ("accounts", "contacts", "activities"):
        for suffix in ("ai", "ad", "au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}_fts_{suffix}")


def create_triggers(conn: Connection) -> None:
    for statement in _triggers():
        conn.exec_driver_sql(statement)


def rebuild(conn: Connection) -> None:
    """Re-index every account from scratch."""
    conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, name, people, activity) {_DOC_SELECT}")


def sqlite_has_fts5(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    options = {row[0] for row in conn.exec_driver_sql("PRAGMA compile_options")}
    return "ENABLE_FTS5" in options


def fts_available(conn: Connection) -> bool:
    """True when the search index exists on this database."""
    if conn.dialect.name != "sqlite":
        return False
    row = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (FTS_TABLE,)
    ).first()
    return row is not None


def create_fts(conn: Connection, *, populate: bool = True) -> None:
    """Create the index and its triggers, and (``populate``) index what is
    already there."""
    if not sqlite_has_fts5(conn):
        return
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(name, people, activity, "
        f"tokenize='{TOKENIZER}', prefix='{PREFIX_INDEXES}')"
    )
    create_triggers(conn)
    if populate:
        rebuild(conn)


def drop_fts(conn: Connection) -> None:
    drop_triggers(conn)
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def reindex_accounts(conn: Connection, account_ids: Collection[int]) -> None:
    """Rebuild the documents of just these accounts."""
    ordered = sorted(account_ids)
    for start in range(0, len(ordered), 500):
        chunk = tuple(ordered[start : start + 500])
        marks = ",".join("?" * len(chunk))
        conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)
        conn.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}(rowid, name, people, activity) "
            f"{_DOC_SELECT} WHERE a.id IN ({marks})",
            chunk,
        )


@contextmanager
def triggers_suspended(conn: Connection, reindex: Collection[int] | None = None) -> Iterator[None]:
    """For bulk loads: drop the sync triggers, then bring the index up to date
    once at the end (far faster than a trigger per row). Same transaction, so
    a failure rolls the triggers back too.

    ``reindex``: only these accounts (read when the block ends, so it may be
    filled inside it); None re-indexes every account."""
    if not fts_available(conn):
        yield
        return
    drop_triggers(conn)
    yield
    create_triggers(conn)
    if reindex is None:
        rebuild(conn)
    else:
        reindex_accounts(conn, reindex)


_TOKEN = re.compile(r"\w+", re.UNICODE)


def match_query(user_text: str) -> str | None:
    """Turn what a person typed into an FTS5 MATCH expression.

    Each whitespace-separated term becomes a phrase of its word tokens with a
    prefix match on the last one, so ``anna.sch`` finds ``anna.schmidt@…``
    and ``müll`` finds ``Müller``. Terms are ANDed. Returns None when the
    text has no searchable word.
    """
    phrases = []
    for term in user_text.split():
        tokens = _TOKEN.findall(term)
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"*')
    return " AND ".join(phrases) if phrases else None


def like_pattern(user_text: str) -> str:
    escaped = user_text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching_account_ids(query: str) -> Select[Any]:
    """``SELECT rowid FROM account_search WHERE account_search MATCH :query``."""
    rowid = column("rowid", Integer)
    return (
        select(rowid)
        .select_from(table(FTS_TABLE, rowid))
        .where(literal_column(FTS_TABLE).op("MATCH")(query))
    )
