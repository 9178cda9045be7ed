"""Render the application icon from its one source, resources/icons/crmdesk.svg,
into what each platform wants: PNG sizes (Linux hicolor theme, Windows and
macOS inputs), a multi-size ``.ico`` (Windows) and an ``.icns`` (macOS).

Run by ``make dist`` and by the PyInstaller spec; outputs are build products
(``build/icons/`` by default), never committed, so they cannot go stale.
Qt (QSvgRenderer, offscreen) draws; Pillow (a build-time tool, in the
``dist`` extra) writes the .ico and .icns containers.

    python packaging/make_icons.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "crmdesk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)  # 1024: macOS 512@2x
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_pngs(out: Path, source: Path = SOURCE) -> dict[int, Path]:
    """One ``crmdesk-<n>.png`` per size, drawn straight from the vector
    source (not scaled down from a big bitmap, so small sizes stay crisp)."""
    if not os.environ.get("QT_QPA_PLATFORM"):  # make exports it empty
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    # A QApplication (not just QGuiApplication): when this runs inside a test
    # process, later tests create widgets on the same instance.
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {source}")
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[int, Path] = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = out / f"crmdesk-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"make_icons: cannot write {path}")
        paths[size] = path
    return paths


def write_containers(out: Path, pngs: dict[int, Path]) -> tuple[Path, Path]:
    """``crmdesk.ico`` and ``crmdesk.icns``, each frame taken from the PNG of
    its own size."""
    from PIL import Image

    frames = {size: Image.open(path).convert("RGBA") for size, path in pngs.items()}
    ico = out / "crmdesk.ico"
    largest = frames[max(ICO_SIZES)]
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[frames[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    icns = out / "crmdesk.icns"
    frames[max(ICNS_SIZES)].save(
        icns,
        format="ICNS",
        append_images=[frames[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    return ico, icns


def build_icons(out: Path) -> Path:
    pngs = render_pngs(out)
    write_containers(out, pngs)
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "build" / "icons"
    build_icons(out)
    print(f"icons written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
