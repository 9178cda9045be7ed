"""macOS bundle settings (Info.plist values) for the PyInstaller spec's
BUNDLE, kept as plain data so a test can write them as a real plist.

Finder offers crmdesk in "Open With" for CSV, XLSX, XLS and ODS files (rank
Alternate: never taking over the default); the document arrives as a
QFileOpenEvent that crmdesk/gui/common/file_open.py forwards to the import wizard.
"""

from __future__ import annotations

from typing import Any

BUNDLE_ID = "io.github.crmdesk.CrmDesk"
DOCUMENT_TYPES = (
    ("CSV file", "public.comma-separated-values-text", "csv"),
    ("Excel workbook", "org.openxmlformats.spreadsheetml.sheet", "xlsx"),
    ("Excel 97-2003 workbook", "com.microsoft.excel.xls", "xls"),
    ("OpenDocument spreadsheet", "org.oasis-open.opendocument.spreadsheet", "ods"),
)


def _document_type(name: str, uti: str, extension: str) -> dict[str, Any]:
    return {
        "CFBundleTypeName": name,
        "CFBundleTypeRole": "Viewer",  # opened to import, never saved back
        "LSHandlerRank": "Alternate",
        "LSItemContentTypes": [uti],
        "CFBundleTypeExtensions": [extension],
        "CFBundleTypeIconFile": "crmdesk.icns",
    }


def info_plist(version: str) -> dict[str, Any]:
    return {
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleName": "crmdesk",
        "CFBundleDisplayName": "crmdesk",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSApplicationCategoryType": "public.app-category.business",
        "LSMinimumSystemVersion": "11.0",
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,
        "NSHumanReadableCopyright": "crmdesk engineers",
        "CFBundleDocumentTypes": [_document_type(*kind) for kind in DOCUMENT_TYPES],
    }
