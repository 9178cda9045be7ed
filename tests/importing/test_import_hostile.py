"""Hostile and broken files: a clear ImportFileError, the importing process
keeps running, nothing is written."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from conftest import HEADERS, PEOPLE, db_counts

from crmdesk.db.engine import Database
from crmdesk.importing.errors import ImportFileError
from crmdesk.importing.readers import Limits
from crmdesk.importing.sandbox import read_file

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
_MANIFEST = (
    '<?xml version="1.0"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def crafted_xlsx(path: Path) -> Path:
    """Cells at A1 and XFD1048576: calamine allocates the whole grid and aborts."""
    book = openpyxl.Workbook()
    book.active["A1"] = "x"
    book.active["XFD1048576"] = "y"
    book.save(path)
    return path


def crafted_ods(path: Path) -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">'
        '<table:table-row table:number-rows-repeated="2000000000">'
        '<table:table-cell table:number-columns-repeated="16000" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
    return path


def entity_bomb_xlsx(path: Path) -> Path:
    source = path.with_name("plain.xlsx")
    book = openpyxl.Workbook()
    book.active.append(HEADERS)
    book.save(source)
    lol = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{lol}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = bomb.encode()
            out.writestr(item, data)
    return path


def zip_bomb_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(HEADERS)
    book.save(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (64 * 2**20))
    return path


def truncated_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    for row in [HEADERS, *PEOPLE] * 50:
        book.active.append(row)
    book.save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def csv_renamed(path: Path) -> Path:
    path.write_text("\n".join(",".join(r) for r in [HEADERS, *PEOPLE]), encoding="utf-8")
    return path


def random_bytes(path: Path) -> Path:
    path.write_bytes(os.urandom(50_000))
    return path


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


HOSTILE: dict[str, tuple[str, Callable[[Path], Path], str]] = {
    "cells at A1 and XFD1048576": ("huge.xlsx", crafted_xlsx, "more memory|far more cells"),
    "ODS number-rows-repeated": ("huge.ods", crafted_ods, "more memory|far more cells"),
    "XML entity bomb": ("bomb.xlsx", entity_bomb_xlsx, "damaged|cannot be read"),
    "zip bomb": ("zipbomb.xlsx", zip_bomb_xlsx, "ZIP bomb"),
    "truncated": ("cut.xlsx", truncated_xlsx, "damaged"),
    "CSV renamed .xlsx": ("renamed.xlsx", csv_renamed, "looks like text"),
    "random bytes": ("noise.csv", random_bytes, "not a text|not text"),
    "random bytes as .xlsx": ("noise.xlsx", random_bytes, "looks like text|not a real"),
    "empty": ("empty.csv", empty, "empty"),
}
SMALL_ZIP_LIMIT = Limits(max_unzipped_bytes=32 * 2**20)


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_file_gives_a_clear_error(tmp_path: Path, case: str) -> None:
    name, make, message = HOSTILE[case]
    path = make(tmp_path / name)
    with pytest.raises(ImportFileError, match=message) as info:
        read_file(path, limits=SMALL_ZIP_LIMIT)
    assert "Traceback" not in str(info.value)
    # the importing process is alive and reads a good file right after
    good = tmp_path / "good.csv"
    good.write_text("\n".join(",".join(r) for r in [HEADERS, *PEOPLE]), encoding="utf-8")
    assert len(read_file(good).rows) == 4


def test_timeout_stops_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="took longer"):
        read_file(path, limits=Limits(timeout_s=0.01))


def test_cancel_stops_the_reader(tmp_path: Path) -> None:
    from crmdesk.importing.errors import ImportCancelled

    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportCancelled):
        read_file(path, cancelled=lambda: True)


@pytest.mark.parametrize("case", ["cells at A1 and XFD1048576", "CSV renamed .xlsx", "empty"])
def test_cli_reports_hostile_file_and_writes_nothing(
    tmp_path: Path, db: Database, db_path: Path, case: str
) -> None:
    name, make, _ = HOSTILE[case]
    path = make(tmp_path / name)
    before = db_counts(db)
    proc = subprocess.run(
        [sys.executable, "-m", "crmdesk", "--db", str(db_path), "import", str(path), "--yes"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crmdesk: "), proc.stderr
    assert db_counts(db) == before
