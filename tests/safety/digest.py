"""Row counts and a content hash of a SQLite file, to prove two databases
hold the same data (a restore, an upgrade, a crash)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'account_search%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def digest(path: Path, tables: list[str] | None = None) -> tuple[dict[str, int], str]:
    """(rows per table, sha256 over every row of every table in key order)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = tables if tables is not None else user_tables(conn)
        counts: dict[str, int] = {}
        h = hashlib.sha256()
        for name in names:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
            order = ", ".join(f'"{c}"' for c in cols)
            rows = conn.execute(f'SELECT {order} FROM "{name}" ORDER BY {order}').fetchall()
            counts[name] = len(rows)
            h.update(name.encode())
            for row in rows:
                h.update(repr(row).encode())
        return counts, h.hexdigest()
    finally:
        conn.close()


def schema(path: Path) -> list[tuple[str, str, str]]:
    """Every schema object (type, name, SQL), sorted: 'exactly as before'."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        return [tuple(r) for r in rows.fetchall()]
    finally:
        conn.close()
