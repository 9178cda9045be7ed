"""What a reader produces and what it may cost: :class:`RawTable` (rows of
typed cells and how they were read) and :class:`Limits`. Shared by the CSV
and workbook readers and the sandbox."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

Cell = str | int | float | bool | date | datetime | time | None


@dataclass(frozen=True)
class Limits:
    """What the sandbox allows one file to cost."""

    max_rows: int = 1_000_000
    max_columns: int = 1_000
    max_file_bytes: int = 300 * 1024 * 1024
    max_unzipped_bytes: int = 1024**3  # what an XLSX/ODS may declare, all members
    memory_bytes: int = 3 * 1024**3
    timeout_s: float = 180.0
    max_cell_chars: int = 128 * 1024  # one limit for CSV and workbooks alike


DEFAULT_LIMITS = Limits()


@dataclass
class RawTable:
    """A sheet as read: rows of typed cells and how they were read."""

    kind: str  # "csv" | "xlsx" | "xls" | "ods"
    rows: list[list[Cell]]
    first_row_number: int = 1  # the file's row number of rows[0]
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    # file row number -> why the row should be looked at (a replaced byte, …):
    # the plan shows these rows as problems
    suspect_rows: dict[int, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # how it was read, in words


def cell_too_large(row: int, column: int | None, limits: Limits) -> str:
    """The one message for a cell over ``limits.max_cell_chars``, CSV or not."""
    where = f"row {row}" + (f", column {_column_letters(column)}" if column is not None else "")
    return (
        f"{where}: a cell is larger than {limits.max_cell_chars // 1024} KB, more than any "
        "contact field holds (a damaged file, or a document pasted into a cell); "
        "it was not imported"
    )


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
