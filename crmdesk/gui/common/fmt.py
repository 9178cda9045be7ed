"""Showing values to people: local dates and numbers through QLocale."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QDateTime, QLocale


def local_qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()


def _c_locale() -> bool:
    """The C/POSIX locale (no LANG set) has no usable date format: use ISO."""
    return QLocale().language() == QLocale.Language.C


def date_format() -> str:
    return "yyyy-MM-dd" if _c_locale() else QLocale().dateFormat(QLocale.FormatType.ShortFormat)


def datetime_format() -> str:
    if _c_locale():
        return "yyyy-MM-dd HH:mm"
    return QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat)


def date_text(value: datetime | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(local_qdatetime(value).date(), date_format())


def datetime_text(value: datetime | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(local_qdatetime(value), datetime_format())


def money_text(value: Decimal | None, currency: str = "") -> str:
    if value is None:
        return ""
    text = QLocale().toString(float(value), "f", 0)
    return f"{text} {currency}".strip()


def plain_money(value: Decimal | None) -> str:
    """Money as the user edits it (no grouping, so it parses back)."""
    if value is None:
        return ""
    return format(value.normalize(), "f") if value == value.to_integral() else f"{value:.2f}"


def count_text(value: int) -> str:
    return QLocale().toString(value)
