"""Colours that carry meaning (tier badges, status, overdue), chosen to stay
readable on both light and dark palettes, and the tier badge delegate."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from crmdesk.db.enums import AccountStatus, Tier

# badge background, white text on all of them (contrast >= 4.5:1)
TIER_COLOURS = {
    Tier.TRANSACTIONAL: QColor("#5b6573"),
    Tier.PARTNER: QColor("#1f6fb2"),
    Tier.STRATEGIC: QColor("#8a3fb8"),
}
# status text colours (mid-tones: legible on white and on a dark grey)
STATUS_COLOURS = {
    AccountStatus.ACTIVE: None,
    AccountStatus.AT_RISK: QColor("#c26a00"),
    AccountStatus.REDUCED: QColor("#a35200"),
    AccountStatus.LOST: QColor("#c62828"),
    AccountStatus.WON_BACK: QColor("#2b8a3e"),
}
OVERDUE = QColor("#c62828")
TODAY = QColor("#c26a00")

TIER_ROLE = Qt.ItemDataRole.UserRole + 10


def compact(combo: QComboBox, chars: int = 8) -> None:
    """Let a combo box shrink on narrow screens (long labels elide)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)


def compact_table(table: QTableView, samples: list[str], stretch: int | None = None) -> None:
    """Row height from the font, no row numbers, each column as wide as its
    sample text (a long list is never measured cell by cell)."""
    table.verticalHeader().hide()
    metrics = table.fontMetrics()
    table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, sample in enumerate(samples):
        table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 20)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)


def wrap_rows(table: QTableView) -> None:
    """Wrap long text (a reason, a problem) inside its cell and let each row
    grow to it: for short lists where that text is the point."""
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def tint(colour: QColor, alpha: int = 40) -> QColor:
    """A light wash of ``colour`` for row backgrounds (works on dark too)."""
    wash = QColor(colour)
    wash.setAlpha(alpha)
    return wash


def badge_stylesheet(tier: Tier) -> str:
    colour = TIER_COLOURS[tier].name()
    return (
        f"QLabel {{ background: {colour}; color: white; border-radius: 8px;"
        " padding: 2px 10px; font-weight: 600; }"
    )


ModelIndex = QModelIndex | QPersistentModelIndex


class TierBadgeDelegate(QStyledItemDelegate):
    """Paints the tier as a coloured rounded badge (value in TIER_ROLE)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        try:  # Qt hands a str-based enum back as a plain str
            tier = Tier(index.data(TIER_ROLE))
        except ValueError:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        text = tier.label
        metrics = QFontMetrics(opt.font)
        width = min(metrics.horizontalAdvance(text) + 14, opt.rect.width() - 6)
        height = min(metrics.height() + 4, opt.rect.height() - 4)
        rect = QRectF(opt.rect.x() + 3, opt.rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TIER_COLOURS[tier])
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.setFont(opt.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 16, hint.height() + 4)
