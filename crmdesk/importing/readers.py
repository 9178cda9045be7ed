"""Turn a CSV, XLSX, XLS or ODS file into rows of typed cells.

Runs inside the sandbox process (see :mod:`crmdesk.importing.sandbox`): the
spreadsheet libraries parse untrusted input, and python-calamine can abort
the whole process on a crafted file. Cells keep their types (numbers, dates,
booleans); text conversion happens later, per column, in
:mod:`crmdesk.importing.values`.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import charset_normalizer

from crmdesk.formula_guard import unneutralise
from crmdesk.importing.errors import ImportFileError, UnclosedQuoteError
from crmdesk.importing.memory import gc_paused

Cell = str | int | float | bool | date | datetime | time | None

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_BYTES = 256 * 1024
_REPLACEMENT = "\ufffd"
_REPLACEMENT_UTF8 = _REPLACEMENT.encode("utf-8")
# Single-byte guesses charset-normalizer makes for Western European text; a
# Windows Excel CSV from that region is cp1252, which it ranks lower.
_WESTERN = {"cp1252", "cp1250", "latin_1", "iso8859_15", "cp1257", "cp775", "mac_latin2"}


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


# --- CSV -------------------------------------------------------------------


def detect_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with BOM, else charset-normalizer's
    guess, preferring cp1252 among Western single-byte candidates."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if mostly_utf8(data):
        return "utf-8"  # read_csv replaces the stray bytes and names their rows
    sample = data[:_SAMPLE_BYTES]
    matches = charset_normalizer.from_bytes(sample)
    best = matches.best()
    if best is None:
        raise ImportFileError("the file is not text that crmdesk can read (binary data?)")
    candidates = [m.encoding for m in matches]
    if best.encoding in _WESTERN and "cp1252" in candidates:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding


def mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few stray bytes (a damaged copy, one cell pasted from
    elsewhere)? Valid multi-byte sequences are the tell: cp1252 or Latin-1
    text almost never forms them, so when there are at least as many valid
    non-ASCII characters as invalid bytes, the file is UTF-8 — guessing a
    code page instead turns every "ü" into mojibake (issue 21, defect 7)."""
    text = data.decode("utf-8", "replace")
    invalid = text.count(_REPLACEMENT) - data.count(_REPLACEMENT_UTF8)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    valid = non_ascii - text.count(_REPLACEMENT)
    return 0 < invalid <= valid


def _is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    return control > max(2, len(sample) // 200)


def sniff_delimiter(text: str) -> str:
    """The delimiter giving the most lines with the same number (>1) of fields."""
    lines = text[:65536].splitlines()[:60]
    sample = "\n".join(lines)
    best, best_score = ",", -1
    for delimiter in _DELIMITERS:
        counts: dict[int, int] = {}
        try:
            for row in csv.reader(io.StringIO(sample), delimiter=delimiter):
                if len(row) > 1:
                    counts[len(row)] = counts.get(len(row), 0) + 1
        except csv.Error:
            continue
        if not counts:
            continue
        width, frequency = max(counts.items(), key=lambda item: (item[1], item[0]))
        score = frequency * 1000 + width
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(
    data: bytes,
    *,
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    literal_quotes_from: int | None = None,
) -> RawTable:
    if not data:
        raise ImportFileError("the file is empty")
    chosen = encoding or detect_encoding(data)
    replaced = False
    try:
        text = data.decode(chosen)
    except LookupError:
        raise ImportFileError(f"'{encoding}' is not an encoding crmdesk knows") from None
    except UnicodeDecodeError as exc:
        if not (_is_utf8(chosen) and mostly_utf8(data)):
            raise ImportFileError(
                f"the file is not valid {chosen} text (byte {exc.start}); choose another encoding"
            ) from None
        text, replaced = data.decode(chosen, "replace"), True
    if text.startswith("\ufeff"):
        text = text[1:]
    if _looks_binary(text):
        raise ImportFileError("the file is not a text (CSV) file; it looks like binary data")
    first_row = 1
    first_line, _, rest = text.partition("\n")
    delimiter: str | None = None
    if first_line.strip().lower().startswith("sep=") and len(first_line.strip()) == 5:
        delimiter = first_line.strip()[4]
        text, first_row = rest, 2
    delimiter = delimiter or sniff_delimiter(text)
    rows: list[list[Cell]] = []
    csv.field_size_limit(limits.max_cell_chars)
    try:
        with gc_paused():  # a list per row, no cycles: see crmdesk.importing.memory
            _csv_rows(text, delimiter, rows, first_row, limits, literal_quotes_from)
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise ImportFileError(_cell_too_large(len(rows) + first_row, None, limits)) from None
        raise ImportFileError(
            f"the CSV file is malformed near row {len(rows) + 1}: {exc}"
        ) from None
    if not any(any(str(c).strip() for c in row) for row in rows):
        raise ImportFileError("the file has no data")
    table = RawTable(
        kind="csv", rows=rows, first_row_number=first_row, encoding=chosen, delimiter=delimiter
    )
    if replaced:
        _mark_replaced(table)
    return table


def _mark_replaced(table: RawTable) -> None:
    note = (
        f"bytes that are not valid {table.encoding} text were replaced by "
        f"'{_REPLACEMENT}' in this row; check it (or choose another encoding)"
    )
    for offset, row in enumerate(table.rows):
        if any(type(c) is str and _REPLACEMENT in c for c in row):
            table.suspect_rows[table.first_row_number + offset] = note


def _csv_rows(
    text: str,
    delimiter: str,
    rows: list[list[Cell]],
    first_row: int,
    limits: Limits,
    literal_from: int | None = None,
) -> None:
    """Parse ``text`` into ``rows``. A quote left open at the end of the file
    swallows every line after it into one cell ("1 rows", then "Last name is
    too long"): that is refused with the row named, and ``literal_from``
    reads from that row on with quotes as ordinary characters."""
    source = io.StringIO(text, newline="")
    lines: list[str] | None = None
    if literal_from is not None:
        lines = source.readlines()
    reader = csv.reader(source if lines is None else iter(lines), delimiter=delimiter)
    start_line = 0  # physical lines consumed before the last record read
    while literal_from is None or len(rows) + first_row < literal_from:
        before = reader.line_num
        try:
            row = next(reader)
        except StopIteration:
            break
        start_line = before
        _append_row(rows, row, first_row, limits)
    else:
        assert lines is not None
        rest = lines[reader.line_num :]
        for row in csv.reader(rest, delimiter=delimiter, quoting=csv.QUOTE_NONE):
            _append_row(rows, row, first_row, limits)
        return
    if rows and reader.line_num - start_line > 1:
        _check_last_record(text, start_line, delimiter, len(rows) - 1 + first_row)


def _check_last_record(text: str, start_line: int, delimiter: str, number: int) -> None:
    """Raise :class:`UnclosedQuoteError` if the file ends inside the quoted
    cell of its last record (which then spans several lines)."""
    last = io.StringIO(text, newline="").readlines()[start_line:]
    try:
        for _row in csv.reader(last, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        if "end of data" not in str(exc):
            return
        raise UnclosedQuoteError(number, len(last)) from None


def _append_row(rows: list[list[Cell]], row: list[str], first_row: int, limits: Limits) -> None:
    if len(row) > limits.max_columns:
        raise ImportFileError(
            f"row {len(rows) + first_row} has {len(row)} columns; "
            f"crmdesk reads at most {limits.max_columns}"
        )
    rows.append([unneutralise(cell) for cell in row])  # our own exports
    if len(rows) > limits.max_rows:
        raise ImportFileError(f"the file has more than {limits.max_rows:,} rows")


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
                raise ImportFileError(_cell_too_large(first_row + offset, column, limits))


def _cell_too_large(row: int, column: int | None, limits: Limits) -> str:
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
