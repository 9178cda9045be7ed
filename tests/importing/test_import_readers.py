"""Reader rules: encodings, delimiters, line ends, typed spreadsheet cells."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import FIXTURES, HEADERS, PEOPLE, write_csv

from crmdesk.importing.errors import ImportFileError
from crmdesk.importing.headers import find_header
from crmdesk.importing.readers import Limits, read_csv, read_table, sniff_delimiter
from crmdesk.importing.values import cell_to_text

ACCENTED = [
    ["Vorname", "Nachname", "Firma"],
    ["Jürgen", "Müller", "Bäckerei Größe"],
    ["François", "Lefèvre", "Société – Générale"],
    ["Zoë", "O’Brien", "Café “Noir”"],
]


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1252", "cp1252")],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, expected: str) -> None:
    path = write_csv(tmp_path / "x.csv", ACCENTED, encoding=encoding, delimiter=";")
    table = read_table(path)
    assert table.encoding == expected
    assert table.delimiter == ";"
    assert table.rows == ACCENTED


def test_encoding_can_be_overridden(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ACCENTED, encoding="cp1252")
    assert read_table(path, encoding="latin-1").rows[1] == ["Jürgen", "Müller", "Bäckerei Größe"]
    with pytest.raises(ImportFileError, match="not valid utf-8"):
        read_table(path, encoding="utf-8")
    with pytest.raises(ImportFileError, match="not an encoding"):
        read_table(path, encoding="klingon")


def test_excel_sep_line_sets_the_delimiter(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "x.csv", [["a,b", "c"], ["1,5", "2"]], delimiter=";", preamble="sep=;\r\n"
    )
    table = read_table(path)
    assert table.delimiter == ";"
    assert table.rows == [["a,b", "c"], ["1,5", "2"]]
    assert table.first_row_number == 2


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_sniffing(delimiter: str) -> None:
    text = "\n".join(delimiter.join(row) for row in [HEADERS, *PEOPLE])
    assert sniff_delimiter(text) == delimiter


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_line_ends_and_multiline_quoted_fields(tmp_path: Path, newline: str) -> None:
    rows = [["Name", "Notes"], ["Anna", "line one\nline two"], ["Bob", "plain"]]
    path = write_csv(tmp_path / "x.csv", rows, newline=newline, quoting=csv.QUOTE_ALL)
    assert read_table(path).rows == rows


def test_csv_rows_are_capped(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["a", "b"]] * 20)
    with pytest.raises(ImportFileError, match="more than 10 rows"):
        read_table(path, limits=Limits(max_rows=10))


def test_binary_text_is_refused() -> None:
    with pytest.raises(ImportFileError):
        read_csv(bytes(range(256)) * 40)


def test_xlsx_keeps_types(xlsx_file) -> None:
    path = xlsx_file(
        [
            ["Name", "Phone", "Met", "When"],
            ["Anna", 4930123456, date(2023, 3, 15), datetime(2023, 3, 15, 9, 30)],
        ]
    )
    table = read_table(path)
    assert table.kind == "xlsx"
    name, phone, met, when = table.rows[1]
    assert cell_to_text(phone) == "4930123456"
    assert met == date(2023, 3, 15) or met == datetime(2023, 3, 15)
    assert isinstance(when, datetime)


def test_sheet_choice(xlsx_file) -> None:
    path = xlsx_file([["Notes only"]], title="Cover", extra={"People": [HEADERS, *PEOPLE]})
    table = read_table(path, sheet="people")
    assert table.sheet == "People" and table.sheets == ["Cover", "People"]
    assert table.rows[1][0] == "Anna"
    with pytest.raises(ImportFileError, match="no sheet 'Leads'.*Cover, People"):
        read_table(path, sheet="Leads")


@pytest.mark.parametrize("name", ["messe.xls", "messe.ods", "messe.xlsx"])
def test_real_xls_and_ods_files(name: str) -> None:
    """Files converted by LibreOffice (tests/fixtures/import/make_fixtures.py)."""
    table = read_table(FIXTURES / name)
    assert table.sheets == ["Messe Hannover", "Notizen"]
    sheet = find_header(table)
    assert sheet.header_row_number == 3
    assert sheet.headers[:3] == ["Vorname", "Nachname", "Firma"]
    assert [r[0] for r in sheet.rows] == ["Jürgen", "Zoë", "Anna"]  # stops before "Summe"
    assert cell_to_text(sheet.rows[0][5]) == "4930123456"
    assert sheet.rows[0][6] in (date(2024, 4, 22), datetime(2024, 4, 22))


def test_openpyxl_fallback_reads_xlsx_with_types(xlsx_file) -> None:
    """The read-only openpyxl path (used when calamine rejects an XLSX)."""
    from crmdesk.importing.readers import _read_xlsx_openpyxl

    path = xlsx_file([["Name", "Phone", "Met"], ["Anna", 4930123456, date(2023, 3, 15)]])
    table = _read_xlsx_openpyxl(path, None, Limits(), RuntimeError("calamine"))
    assert table.rows[0] == ["Name", "Phone", "Met"]
    assert cell_to_text(table.rows[1][1]) == "4930123456"
    assert table.rows[1][2] in (date(2023, 3, 15), datetime(2023, 3, 15))


def test_openpyxl_fallback_refuses_entities(tmp_path: Path) -> None:
    """defusedxml guards the fallback against entity bombs."""
    import openpyxl.xml
    from test_import_hostile import entity_bomb_xlsx

    from crmdesk.importing.readers import _read_xlsx_openpyxl

    assert openpyxl.xml.DEFUSEDXML
    path = entity_bomb_xlsx(tmp_path / "bomb.xlsx")
    with pytest.raises(ImportFileError, match="damaged"):
        _read_xlsx_openpyxl(path, None, Limits(), RuntimeError("calamine"))
