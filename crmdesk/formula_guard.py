"""Formula injection: text that a spreadsheet would run as a formula.

Exports write such text with a leading apostrophe (CSV) so Excel and
LibreOffice show it as text; the importer strips that apostrophe again, so
our own exports round-trip. Shared by ``core.export`` and the importer's
readers (which run in a sandbox process and must stay light).
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """The CSV form of a text cell: formula-looking text gets an apostrophe."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise` (for the importer reading our own exports)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text
