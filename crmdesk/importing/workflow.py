"""The steps the wizard and the CLI share: read a file (sandboxed), find its
header, propose a mapping (remembered or automatic)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from crmdesk.db.engine import Database
from crmdesk.importing.headers import Sheet, find_header
from crmdesk.importing.mapping import auto_map
from crmdesk.importing.memory import gc_paused
from crmdesk.importing.readers import DEFAULT_LIMITS, Limits, RawTable
from crmdesk.importing.sandbox import read_file
from crmdesk.importing.service import remembered_mapping
from crmdesk.importing.snapshot import Snapshot, load_snapshot


@dataclass
class Loaded:
    path: Path
    raw: RawTable
    sheet: Sheet
    targets: list[str]
    remembered: bool  # the mapping came from an earlier import of this format


def load_file(
    db: Database,
    path: str | Path,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    cancelled: Callable[[], bool] | None = None,
    literal_quotes_from: int | None = None,
) -> Loaded:
    path = Path(path)
    with gc_paused():  # 100k-row files: see crmdesk.importing.memory
        raw = read_file(
            path,
            sheet=sheet,
            encoding=encoding,
            limits=limits,
            cancelled=cancelled,
            literal_quotes_from=literal_quotes_from,
        )
        table = find_header(raw)
    raw.rows = []  # the Sheet holds the data now; don't keep two copies
    remembered = remembered_mapping(db, table.headers)
    targets = remembered or auto_map(table.headers)
    return Loaded(path, raw, table, targets, remembered is not None)


def load_with_snapshot(
    db: Database,
    path: str | Path,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    literal_quotes_from: int | None = None,
) -> tuple[Loaded, Snapshot]:
    """``load_file`` and the database snapshot at once: while the sandboxed
    reader parses the file, this process reads the contacts to match."""
    with (
        gc_paused(),
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="crmdesk-snapshot") as pool,
    ):
        future = pool.submit(load_snapshot, db)
        loaded = load_file(
            db,
            path,
            sheet=sheet,
            encoding=encoding,
            limits=limits,
            literal_quotes_from=literal_quotes_from,
        )
        return loaded, future.result()
