"""CSV text: the encoding (UTF-8 preferred, also with a few stray bytes),
the delimiter, and the records, with a quote that is never closed refused
by name instead of swallowing the rest of the file."""

from __future__ import annotations

import codecs
import csv
import io

import charset_normalizer

from crmdesk.formula_guard import unneutralise
from crmdesk.importing.errors import ImportFileError, UnclosedQuoteError
from crmdesk.importing.memory import gc_paused
from crmdesk.importing.table import DEFAULT_LIMITS, Cell, Limits, RawTable, cell_too_large

_DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_BYTES = 256 * 1024
_REPLACEMENT = "\ufffd"
_REPLACEMENT_UTF8 = _REPLACEMENT.encode("utf-8")
# Single-byte guesses charset-normalizer makes for Western European text; a
# Windows Excel CSV from that region is cp1252, which it ranks lower.
_WESTERN = {"cp1252", "cp1250", "latin_1", "iso8859_15", "cp1257", "cp775", "mac_latin2"}


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
            raise ImportFileError(cell_too_large(len(rows) + first_row, None, limits)) from None
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
