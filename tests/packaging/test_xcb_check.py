"""The launcher names the system libraries Qt's xcb plugin is missing
(issue 13, Setup) instead of Qt's "could not load the Qt platform plugin"
abort. The missing libraries are made real: a copy of PySide6's own
libqxcb.so whose NEEDED entries for two libraries are renamed to sonames
no system has, loaded from a plugin path the way Qt loads it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from crmdesk import xcb_check

ROOT = Path(__file__).resolve().parents[2]
REAL = xcb_check.plugin_path() if sys.platform.startswith("linux") else None
pytestmark = pytest.mark.skipif(REAL is None, reason="needs Linux and PySide6's xcb plugin")
HIDDEN = {"libxcb-icccm.so.4": "libxcb-icqqm.so.4", "libxcb-keysyms.so.1": "libxcb-kqysyms.so.1"}


@pytest.fixture
def broken_plugin(tmp_path: Path) -> Path:
    """plugins/platforms/libqxcb.so beside a lib/ that is PySide6's Qt/lib
    (the plugin's RUNPATH is $ORIGIN/../../lib), needing two libraries
    that do not exist."""
    assert REAL is not None
    folder = tmp_path / "plugins" / "platforms"
    folder.mkdir(parents=True)
    (tmp_path / "lib").symlink_to(REAL.parents[2] / "lib")
    data = REAL.read_bytes()
    for real, fake in HIDDEN.items():
        assert len(real) == len(fake) and data.count(real.encode() + b"\0") == 1
        data = data.replace(real.encode() + b"\0", fake.encode() + b"\0")
    plugin = folder / "libqxcb.so"
    plugin.write_bytes(data)
    return plugin


def test_the_real_plugin_has_everything_on_this_machine() -> None:
    assert REAL is not None
    assert xcb_check.loads(REAL) is None
    assert xcb_check.missing_libraries(REAL) == []


def test_missing_libraries_are_named_by_ldd_and_by_dlopen(broken_plugin, monkeypatch) -> None:
    assert xcb_check.missing_libraries(broken_plugin) == sorted(HIDDEN.values())
    monkeypatch.setattr(xcb_check.shutil, "which", lambda _name: None)  # no ldd: dlopen says one
    assert xcb_check.missing_libraries(broken_plugin)[0] in HIDDEN.values()
    assert xcb_check.package_for("libxcb-icqqm.so.4") == "libxcb-icqqm4"
    assert xcb_check.package_for("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"


def test_launcher_prints_the_missing_libraries_and_the_apt_line(broken_plugin, tmp_path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugin.parent),
        "DISPLAY": ":97",
    }
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "crmdesk", "--db", str(tmp_path / "x.sqlite3")],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert "libxcb-icqqm.so.4, libxcb-kqysyms.so.1" in done.stderr
    assert "sudo apt install libxcb-icqqm4 libxcb-kqysyms1" in done.stderr
    assert "Traceback" not in done.stderr and "could not load the Qt platform" not in done.stderr
    assert not (tmp_path / "x.sqlite3").exists()  # nothing created before the refusal


def test_which_platform_needs_xcb(monkeypatch) -> None:
    monkeypatch.setattr(xcb_check.sys, "platform", "linux")
    assert xcb_check.wants_xcb({})
    assert xcb_check.wants_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not xcb_check.wants_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not xcb_check.wants_xcb({"WAYLAND_DISPLAY": "wayland-0"})  # Qt may use Wayland
    monkeypatch.setattr(xcb_check.sys, "platform", "darwin")
    assert not xcb_check.wants_xcb({})


def test_readme_quick_start_names_every_package_in_one_apt_line() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    lines = [ln for ln in quick.splitlines() if re.match(r"\s*sudo apt install ", ln)]
    assert lines, "no apt install line in the quick start"
    named = set(lines[0].split("#")[0].split()[3:])
    assert set(xcb_check.PACKAGES.values()) <= named, set(xcb_check.PACKAGES.values()) - named
