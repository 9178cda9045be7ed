"""Desktop integration files say what the app does and pass the validators
that distributions and software centres run; the icon renders in every size
and container each platform wants."""

from __future__ import annotations

import configparser
import importlib.util
import plistlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.crmdesk.CrmDesk"
SPREADSHEET_TYPES = {
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel",
    "application/vnd.oasis.opendocument.spreadsheet",
}


def _validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream)")
    return path


def _load(name: str):  # type: ignore[no-untyped-def]
    """A module of packaging/ (not a package: that name is taken on PyPI)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_opens_spreadsheets_with_crmdesk() -> None:
    entry = _desktop_entry()
    assert entry["Exec"] == "crmdesk %f"  # the file argument opens the import wizard
    assert entry["Icon"] == APP_ID
    assert set(filter(None, entry["MimeType"].split(";"))) == SPREADSHEET_TYPES
    assert entry["Terminal"] == "false"


def test_desktop_file_validates() -> None:
    done = subprocess.run(
        [_validator("desktop-file-validate"), str(LINUX / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr


def test_metainfo_validates_and_matches_the_app() -> None:
    metainfo = LINUX / f"{APP_ID}.metainfo.xml"
    done = subprocess.run(
        [_validator("appstreamcli"), "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = metainfo.read_text(encoding="utf-8")
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text
    from crmdesk import __version__

    assert f'<release version="{__version__}"' in text, "add a <release> for the new version"
    assert SPREADSHEET_TYPES <= set(re.findall(r"<mediatype>([^<]+)</mediatype>", text))


def test_icons_render_in_every_size_and_container(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _load("make_icons").build_icons(tmp_path)

    from PIL import Image

    for size in (16, 32, 48, 256, 512):
        image = Image.open(tmp_path / f"crmdesk-{size}.png")
        assert image.size == (size, size)
        alpha = image.convert("RGBA").getchannel("A")
        assert alpha.getpixel((0, 0)) == 0, "corners are transparent"
        assert alpha.getpixel((size // 2, size // 2)) == 255, "the centre is drawn"
    ico = Image.open(tmp_path / "crmdesk.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    icns = Image.open(tmp_path / "crmdesk.icns")
    assert (512, 512, 2) in icns.info["sizes"]


def test_windows_installer_script_matches_the_app() -> None:
    iss = (ROOT / "packaging" / "windows" / "crmdesk.iss").read_text(encoding="utf-8")
    for extension in (".csv", ".xlsx", ".xls", ".ods"):
        assert f'"{extension}"' in iss or f"{extension}\\" in iss, f"{extension} not associated"
    assert "crmdeskw.exe" in iss  # file types open the windowed program
    assert '"%1"' in iss
    assert "crmdesk.ico" in iss


def test_macos_bundle_settings_declare_the_document_types() -> None:
    bundle = _load("macos_bundle")
    from crmdesk import __version__

    plist = plistlib.loads(plistlib.dumps(bundle.info_plist(__version__)))
    assert plist["CFBundleIdentifier"] == APP_ID
    assert plist["CFBundleShortVersionString"] == __version__
    utis = {uti for kind in plist["CFBundleDocumentTypes"] for uti in kind["LSItemContentTypes"]}
    assert utis == {
        "public.comma-separated-values-text",
        "org.openxmlformats.spreadsheetml.sheet",
        "com.microsoft.excel.xls",
        "org.oasis-open.opendocument.spreadsheet",
    }
    spec = (ROOT / "packaging" / "crmdesk.spec").read_text(encoding="utf-8")
    assert "info_plist=macos_bundle.info_plist(VERSION)" in spec


def test_windows_version_resource_numbers() -> None:
    to_tuple = _load("windows_version").version_tuple
    assert to_tuple("0.1.0") == (0, 1, 0, 0)
    assert to_tuple("1.2rc1") == (1, 2, 0, 0)
    assert to_tuple("2.0.3.dev4") == (2, 0, 3, 0)
