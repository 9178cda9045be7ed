"""Before the window starts on Linux/X11: can Qt's xcb platform plugin load?

When a system library it links against is missing, Qt prints "could not
load the Qt platform plugin "xcb"" and aborts, naming nothing useful. On a
fresh Debian/Ubuntu machine that is the first thing a new user sees. So the
launcher asks the dynamic loader first (``ldd`` on the plugin, or a trial
``dlopen`` where there is no ``ldd``) and, when libraries are missing, says
which and prints the ``apt install`` line that brings them. Qt-free: it
only reads files, so it runs before QApplication exists.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Everything Qt 6's xcb plugin (and its GLX/EGL integrations) needs from the
# system, as Debian/Ubuntu packages (checked with ldd on PySide6 6.x's
# plugins/platforms/libqxcb.so and plugins/xcbglintegrations/*.so). The
# README's install line is this list; a test keeps them equal.
PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_DLOPEN_MISSING = re.compile(r"(\S+\.so[.\d]*): cannot open shared object file")


def install_line(packages: list[str] | None = None) -> str:
    names = sorted(set(PACKAGES.values())) if packages is None else packages
    return "sudo apt install " + " ".join(names)


def package_for(library: str) -> str:
    """The Debian package that ships ``library`` (a soname): from the table,
    else by Debian's naming rule (libfoo.so.3 -> libfoo3, libfoo-x11.so.0 ->
    libfoo-x11-0)."""
    if library in PACKAGES:
        return PACKAGES[library]
    stem, _so, version = library.partition(".so.")
    stem = stem.lower()
    return f"{stem}-{version}" if stem[-1:].isdigit() else f"{stem}{version}"


def plugin_path() -> Path | None:
    """Where the xcb plugin Qt will load is: QT_QPA_PLATFORM_PLUGIN_PATH,
    else PySide6's own plugins folder (found without importing Qt)."""
    folders = []
    if os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.append(Path(os.environ["QT_QPA_PLATFORM_PLUGIN_PATH"]))
    spec = importlib.util.find_spec("PySide6")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folders.append(Path(location) / "Qt" / "plugins" / "platforms")
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folders.append(Path(frozen) / "PySide6" / "Qt" / "plugins" / "platforms")
    return next((f / "libqxcb.so" for f in folders if (f / "libqxcb.so").is_file()), None)


def loads(plugin: Path) -> str | None:
    """None when the loader can load ``plugin`` (the usual case, and cheap:
    Qt loads the same libraries a moment later), else its complaint."""
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as exc:
        return str(exc)
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries ``plugin`` needs that the loader cannot find
    (all of them with ldd; the first one with dlopen)."""
    ldd = shutil.which("ldd")
    if ldd:
        try:
            done = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.SubprocessError):
            done = None
        if done is not None and (done.returncode == 0 or "not found" in done.stdout):
            return sorted(set(_NOT_FOUND.findall(done.stdout)))
    complaint = loads(plugin)
    found = _DLOPEN_MISSING.search(complaint or "")
    return [found.group(1)] if found else []


def wants_xcb(environ: os._Environ[str] | dict[str, str] = os.environ) -> bool:
    """Whether Qt will need the xcb plugin: on Linux, asked for or the
    default, and no Wayland session to fall back on."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def problem() -> str | None:
    """A message for the user when the window cannot start on X11 for want
    of system libraries, else None."""
    if not wants_xcb():
        return None
    plugin = plugin_path()
    if plugin is None or loads(plugin) is None:
        return None  # no plugin: not ours to judge, Qt says what it cannot find
    missing = missing_libraries(plugin)
    if not missing:
        return None
    packages = sorted({package_for(lib) for lib in missing})
    return (
        "the window cannot start: Qt's X11 platform plugin needs system libraries that are "
        f"missing: {', '.join(missing)}.\n"
        f"On Debian or Ubuntu install them with: {install_line(packages)}\n"
        f"(everything Qt needs, as in the README: {install_line()})"
    )
