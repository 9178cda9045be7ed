"""Window and dialog sizes taken from the screen they open on, so that no
window opens cut off at 1366×768, off-screen at 150 % scaling, or as a
small island on a large monitor; and remembered geometry that no longer
fits any screen (a monitor unplugged, a resolution changed) is put back."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# What a title bar and frame take around a window's client area: Qt only
# knows the real frame once the window is shown, so leave this much room.
FRAME_ALLOWANCE = QSize(16, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available geometry (without panels/taskbar) of the screen
    ``widget`` is on (or its parent's, or the primary screen)."""
    screen: QScreen | None = None
    if widget is not None:
        anchor = widget.parentWidget() or widget
        screen = anchor.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def fitted_size(preferred: QSize, area: QRect, fraction: float = 0.9) -> QSize:
    """``preferred`` grown towards ``fraction`` of ``area`` when the screen
    is large, never beyond what fits inside ``area`` with its frame."""
    room = QSize(
        max(area.width() - FRAME_ALLOWANCE.width(), 200),
        max(area.height() - FRAME_ALLOWANCE.height(), 150),
    )
    width = min(max(preferred.width(), int(area.width() * fraction)), room.width())
    height = min(max(preferred.height(), int(area.height() * fraction)), room.height())
    return QSize(width, height)


def fit_to_screen(
    widget: QWidget, preferred: QSize, fraction: float = 0.0, area: QRect | None = None
) -> QSize:
    """Resize ``widget`` to ``preferred``, grown to ``fraction`` of its
    screen's available area (0: not grown) and shrunk to fit it; a
    top-level window is centred on that area. Returns the size set."""
    area = area if area is not None else available_geometry(widget)
    size = fitted_size(preferred, area, fraction)
    widget.resize(size)
    if widget.isWindow() and widget.parentWidget() is None:
        centre = area.center()
        widget.move(
            max(area.left(), centre.x() - size.width() // 2),
            max(area.top(), centre.y() - (size.height() + FRAME_ALLOWANCE.height()) // 2),
        )
    return size


def corrected_rect(rect: QRect, areas: list[QRect]) -> QRect | None:
    """``rect`` (a window's frame) moved and shrunk onto the area it
    overlaps most (the first area if none), or None when it already fits
    inside one."""
    if not areas:
        return None
    if any(area.contains(rect) for area in areas):
        return None

    def overlap(area: QRect) -> int:
        common = area.intersected(rect)
        return common.width() * common.height() if common.isValid() else 0

    area = max(areas, key=overlap) if any(overlap(a) for a in areas) else areas[0]
    width = min(rect.width(), area.width())
    height = min(rect.height(), area.height())
    x = min(max(rect.x(), area.left()), area.left() + area.width() - width)
    y = min(max(rect.y(), area.top()), area.top() + area.height() - height)
    return QRect(QPoint(x, y), QSize(width, height))


def screen_areas() -> list[QRect]:
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


def keep_on_screen(widget: QWidget, areas: list[QRect] | None = None) -> bool:
    """Move/shrink a top-level ``widget`` whose (restored) geometry does
    not fit inside any screen's available area. True when it was moved."""
    areas = areas if areas is not None else screen_areas()
    frame = widget.frameGeometry()
    # Before the first show the frame equals the client rect: allow for it.
    if not widget.isVisible():
        frame = QRect(
            frame.topLeft(),
            QSize(
                frame.width() + FRAME_ALLOWANCE.width(), frame.height() + FRAME_ALLOWANCE.height()
            ),
        )
    fixed = corrected_rect(frame, areas)
    if fixed is None:
        return False
    extra = QSize(frame.width() - widget.width(), frame.height() - widget.height())
    widget.resize(
        max(fixed.width() - extra.width(), 200), max(fixed.height() - extra.height(), 150)
    )
    widget.move(fixed.topLeft())
    return True
