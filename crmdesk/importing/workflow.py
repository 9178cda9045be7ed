"""The steps the wizard and the CLI share: read a file (sandboxed), find its
header, propose a mapping (remembered or automatic)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crmdesk.db.engine import Database
from crmdesk.importing.headers import Sheet, find_header
from crmdesk.importing.mapping import auto_map
from crmdesk.importing.readers import DEFAULT_LIMITS, Limits, RawTable
from crmdesk.importing.sandbox import read_file
from crmdesk.importing.service import remembered_mapping


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
) -> Loaded:
    path = Path(path)
    raw = read_file(path, sheet=sheet, encoding=encoding, limits=limits, cancelled=cancelled)
    table = find_header(raw)
    raw.rows = []  # the Sheet holds the data now; don't keep two copies
    remembered = remembered_mapping(db, table.headers)
    targets = remembered or auto_map(table.headers)
    return Loaded(path, raw, table, targets, remembered is not None)
