"""SVG icons from ``resources/icons`` (through crmdesk.assets, so they load
the same from a checkout, a wheel and a frozen build).

Icons are drawn with ``currentColor``; they are rendered in the palette's
text colour at whatever size and device-pixel ratio Qt asks for, so they stay
crisp on high-DPI screens and readable in light and dark palettes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from crmdesk.assets import resource_path


@cache
def _svg_text(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


class _SvgEngine(QIconEngine):
    """Renders the SVG at the requested size, coloured for the mode."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def _colour(self, mode: QIcon.Mode) -> QColor:
        palette = QApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        if mode == QIcon.Mode.Selected:
            return palette.color(QPalette.ColorRole.HighlightedText)
        return palette.color(QPalette.ColorRole.WindowText)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        svg = _svg_text(self.name).replace("currentColor", self._colour(mode).name())
        QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgEngine(self.name)


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; raises FileNotFoundError when
    it is missing (a packaging mistake should fail loudly in tests)."""
    _svg_text(name)
    return QIcon(_SvgEngine(name))


def app_icon() -> QIcon:
    """The full-colour application icon (not tinted)."""
    return QIcon(str(resource_path("icons", "crmdesk.svg")))


def kind_icon(kind: object) -> QIcon:
    return icon(f"kind-{getattr(kind, 'value', kind)}")
