"""Turn a CSV, XLSX, XLS or ODS file into rows of typed cells.

Runs inside the sandbox process (see :mod:`crmdesk.importing.sandbox`): the
spreadsheet libraries parse untrusted input, and python-calamine can abort
the whole process on a crafted file. Cells keep their types (numbers, dates,
booleans); text conversion happens later, per column, in
:mod:`crmdesk.importing.values`. CSV text is in :mod:`.csv_reader`; the
table type and limits in :mod:`.table`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crmdesk.importing.csv_reader import (  # noqa: F401  (the readers' API)
    detect_encoding,
    mostly_utf8,
    read_csv,
    sniff_delimiter,
)
from crmdesk.importing.errors import ImportFileError
from crmdesk.importing.memory import gc_paused
from crmdesk.importing.table import (  # noqa: F401  (the readers' API)
    DEFAULT_LIMITS,
    Cell,
    Limits,
    RawTable,
    cell_too_large,
)

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_kind(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """What the file really is, from its first bytes (not its name)."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise ImportFileError(f"{path.name} is empty")
    if head.startswith(_OLE_MAGIC):
        return "xls"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                unzipped = sum(info.file_size for info in archive.infolist())
                mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
        except (zipfile.BadZipFile, OSError, EOFError, KeyError):
            raise ImportFileError(
                f"{path.name} is damaged (perhaps only partly downloaded or copied)"
            ) from None
        if unzipped > limits.max_unzipped_bytes:
            raise ImportFileError(
                f"{path.name} would unpack to {unzipped // 2**20:,} MB (a ZIP bomb?); "
                "it was not imported"
            )
        if b"opendocument.spreadsheet" in mimetype:
            return "ods"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise ImportFileError(f"{path.name} is a ZIP archive, not a spreadsheet")
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        raise ImportFileError(
            f"{path.name} is not a real {path.suffix.lower().lstrip('.').upper()} file: it looks "
            f"like text (a CSV file with the wrong name?). Rename it to .csv and try again"
        )
    return "csv"


def read_table(
    path: Path,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    literal_quotes_from: int | None = None,
) -> RawTable:
    """Read one sheet (or the CSV) of ``path``; ImportFileError if it can't.
    ``literal_quotes_from``: a CSV's quotes are ordinary characters from
    that file row on (after an :class:`UnclosedQuoteError`)."""
    if not path.is_file():
        raise ImportFileError(f"{path} does not exist")
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(f"{path.name} is empty")
    if size > limits.max_file_bytes:
        raise ImportFileError(
            f"{path.name} is too large ({size // 2**20} MB; at most "
            f"{limits.max_file_bytes // 2**20} MB)"
        )
    kind = sniff_kind(path, limits)
    if kind == "csv":
        return read_csv(
            path.read_bytes(),
            encoding=encoding,
            limits=limits,
            literal_quotes_from=literal_quotes_from,
        )
    return read_workbook(path, kind, sheet=sheet, limits=limits)


# --- workbooks -------------------------------------------------------------


def read_workbook(path: Path, kind: str, *, sheet: str | None, limits: Limits) -> RawTable:
    """python-calamine for all three formats; openpyxl (read-only, with
    defusedxml) as the fallback for an XLSX calamine rejects."""
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_path(str(path))

        def load(name: str) -> tuple[list[list[Cell]], int]:
            data = book.get_sheet_by_name(name)
            _check_size(data.height, data.width, limits)
            start = data.start
            with gc_paused():  # Rust builds a list per row
                rows: list[list[Any]] = data.to_python()
            return rows, (start[0] + 1) if start else 1

        return _sheet_with_data(kind, list(book.sheet_names), sheet, path, load, limits)
    except (ImportFileError, PermissionError):
        raise
    except pc.PasswordError:
        raise ImportFileError(
            f"{path.name} is protected with a password; save a copy without one and import that"
        ) from None
    except MemoryError:
        raise
    except Exception as exc:  # calamine raises several types for damaged files
        if "limit" in str(exc).lower():
            raise ImportFileError(
                f"{path.name} declares far more cells than a contact list has "
                "(a damaged or deliberately crafted file); it was not imported"
            ) from None
        if kind == "xlsx":
            return _read_xlsx_openpyxl(path, sheet, limits, exc)
        raise ImportFileError(
            f"{path.name} cannot be read: it is damaged or not a spreadsheet"
        ) from None


def _sheet_with_data(
    kind: str,
    names: list[str],
    sheet: str | None,
    path: Path,
    load: Callable[[str], tuple[list[list[Cell]], int]],
    limits: Limits,
) -> RawTable:
    """The chosen sheet, or without a choice the first sheet that has data:
    an empty first sheet is said to be empty, with the sheets named, instead
    of "no column is mapped to the last name"."""
    listed = ", ".join(f"'{n}'" for n in names)
    candidates = [_choose_sheet(names, sheet, path)] if sheet is not None else names
    if not candidates:
        raise ImportFileError(f"{path.name} has no sheets")
    empty: list[str] = []
    for name in candidates:
        rows, first_row = load(name)
        if not any(_has_text(row) for row in rows):
            empty.append(name)
            continue
        _check_cells(rows, first_row, limits)
        table = RawTable(kind, rows, first_row_number=first_row, sheet=name, sheets=names)
        if empty:
            skipped = ", ".join(f"'{n}'" for n in empty)
            table.notes.append(f"sheet {skipped} is empty; read sheet '{name}'")
        return table
    if sheet is not None:
        raise ImportFileError(
            f"sheet '{candidates[0]}' of {path.name} is empty (its sheets: {listed})"
        )
    raise ImportFileError(f"{path.name} has no data: every sheet is empty ({listed})")


def _has_text(row: list[Cell]) -> bool:
    return any(c is not None and (type(c) is not str or c.strip()) for c in row)


def _check_cells(rows: list[list[Cell]], first_row: int, limits: Limits) -> None:
    """The same per-cell limit as a CSV's (a 50 MB cell is no contact)."""
    most = limits.max_cell_chars
    for offset, row in enumerate(rows):
        for column, cell in enumerate(row):
            if type(cell) is str and len(cell) > most:
                raise ImportFileError(cell_too_large(first_row + offset, column, limits))


def _choose_sheet(names: list[str], sheet: str | None, path: Path) -> str:
    if not names:
        raise ImportFileError(f"{path.name} has no sheets")
    if sheet is None:
        return names[0]
    if sheet in names:
        return sheet
    folded = {n.casefold(): n for n in names}
    if sheet.casefold() in folded:
        return folded[sheet.casefold()]
    raise ImportFileError(f"{path.name} has no sheet '{sheet}' (it has: {', '.join(names)})")


def _check_size(height: int, width: int, limits: Limits) -> None:
    if height > limits.max_rows:
        raise ImportFileError(
            f"the sheet has {height:,} rows; crmdesk reads at most {limits.max_rows:,}"
        )
    if width > limits.max_columns:
        raise ImportFileError(
            f"the sheet has {width:,} columns; crmdesk reads at most {limits.max_columns:,}"
        )


def _read_xlsx_openpyxl(
    path: Path, sheet: str | None, limits: Limits, first: Exception
) -> RawTable:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:
        raise ImportFileError(
            f"{path.name} cannot be read: it is damaged or not a spreadsheet "
            f"({type(first).__name__})"
        ) from None

    def load(name: str) -> tuple[list[list[Cell]], int]:
        rows: list[list[Cell]] = []
        for values in book[name].iter_rows(values_only=True):
            if len(values) > limits.max_columns:
                _check_size(0, len(values), limits)
            rows.append(list(values))
            if len(rows) > limits.max_rows:
                _check_size(len(rows), 0, limits)
        return rows, 1

    try:
        return _sheet_with_data("xlsx", list(book.sheetnames), sheet, path, load, limits)
    except ImportFileError:
        raise
    except Exception:
        raise ImportFileError(
            f"{path.name} cannot be read: it is damaged or not a spreadsheet"
        ) from None
    finally:
        book.close()
