"""The window's own state in QSettings, every key declared once, typed.

Only window state belongs here (geometry, splitter sizes, the last folder
or paper size chosen in a dialog). The user's preferences (who "me" is, page
size, start page …) are not Qt's business: they live in
:mod:`crmdesk.preferences`, shared with the command line.

A stored value of the wrong type (an old version, a hand-edited file) reads
as the key's default instead of failing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from crmdesk import APP_NAME

T = TypeVar("T")


@dataclass(frozen=True)
class Key(Generic[T]):
    """One setting: its QSettings name, its default and how to read it back
    (QSettings returns strings or lists of strings from an INI file)."""

    name: str
    default: T
    read: Callable[[object], T]


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray | bytes):
        return QByteArray(value)
    raise TypeError(value)


def _int_list(value: object) -> list[int]:
    if isinstance(value, str | int):
        value = [value]
    if not isinstance(value, list | tuple):
        raise TypeError(value)
    return [int(v) for v in value]


def _int(value: object) -> int | None:
    if isinstance(value, str | int):
        return int(value)
    raise TypeError(value)


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(value)


def _paper(value: object) -> str | None:
    if value in ("a4", "letter"):
        return str(value)
    raise ValueError(value)


GEOMETRY = Key[QByteArray | None]("window/geometry", None, _bytes)
MAIN_SPLITTER = Key[list[int]]("window/splitter", [], _int_list)
ACTIVITY_SPLITTER = Key[list[int]]("window/activitySplitter", [], _int_list)
LAST_ACCOUNT = Key[int | None]("window/lastAccount", None, _int)
IMPORT_FOLDER = Key[str]("import/last_folder", "", _text)
REPORTS_FOLDER = Key[str]("reports/last_folder", "", _text)
PAPER_SIZE = Key[str | None]("reports/page_size", None, _paper)
"""the paper last chosen for a review pack: "a4" or "letter" """


class Settings:
    """Typed access to one QSettings store (the application's by default)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(APP_NAME, APP_NAME)

    def get(self, key: Key[T]) -> T:
        raw = self.store.value(key.name)
        if raw is None:
            return key.default
        try:
            return key.read(raw)
        except (TypeError, ValueError):
            return key.default

    def set(self, key: Key[T], value: T) -> None:
        if value is None:
            self.store.remove(key.name)
        else:
            self.store.setValue(key.name, value)

    def sync(self) -> None:
        self.store.sync()
