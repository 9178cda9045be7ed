"""The Windows version resource of crmdesk.exe / crmdeskw.exe (what
Explorer's Properties > Details and installers show), built from
crmdesk.__version__ for the PyInstaller spec."""

from __future__ import annotations

import re
from typing import Any


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3rc1"`` -> ``(1, 2, 3, 0)``: Windows wants four integers."""
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", version)
    numbers = [int(n) for n in match.groups() if n is not None] if match else []
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_info(version: str, program: str) -> Any:
    """A VSVersionInfo for EXE(version=...). Windows only: PyInstaller's
    version-resource module needs pefile, installed with it there."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = version_tuple(version)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo(
                [
                    StringTable(
                        "040904B0",  # U.S. English, Unicode
                        [
                            StringStruct("CompanyName", "crmdesk engineers"),
                            StringStruct(
                                "FileDescription", "crmdesk - a CRM for key-account managers"
                            ),
                            StringStruct("FileVersion", version),
                            StringStruct("InternalName", program),
                            StringStruct("OriginalFilename", f"{program}.exe"),
                            StringStruct("ProductName", "crmdesk"),
                            StringStruct("ProductVersion", version),
                        ],
                    )
                ]
            ),
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
