"""How much of a long field a document lays out.

A plan entry may hold anything a person pasted into it: a hundred short
lines, three hundred blank ones, a 100,000-character e-mail thread. Laying
all of that out costs time that grows with the text (reportlab re-wraps a
paragraph on every page it splits across) and a table row taller than a
page cannot be placed at all. So every field is tidied (runs of blank
lines become one), a table cell shows a bounded number of wrapped lines
and characters, and the full text printed below it is bounded too; every
cut says so on the page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from crmdesk.reports import fonts

CELL_CHARS = 700  # characters a table cell shows before "continued below"
CELL_LINES = 18  # wrapped lines a table cell shows before "continued below"
TEXT_CHARS = 60_000  # characters of one field printed in full (about twenty pages)
TEXT_LINES = 1_500  # lines of one field printed in full
CHUNK_LINES = 10  # lines per paragraph, so splitting one across pages stays cheap
CHUNK_CHARS = 3_000

CONTINUED = " … (continued below)"
_BLANK_RUNS = re.compile(r"\n[ \t\f\v]*(?:\n[ \t\f\v]*)+")
_TRAILING = re.compile(r"[ \t\f\v]+\n")


def tidy(text: str | None) -> str:
    """Line endings as ``\\n``, no trailing blanks, at most one blank line
    in a row, none at either end."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING.sub("\n", text)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def _cut(text: str, chars: int, lines: int) -> str:
    """The first ``lines`` lines and at most ``chars`` characters of
    ``text``, ended at a word where one is near."""
    start = 0
    for _ in range(lines):
        start = text.find("\n", start) + 1
        if start == 0:
            break
    else:
        text = text[: start - 1]
    if len(text) <= chars:
        return text
    head = text[:chars]
    space = max(head.rfind(" "), head.rfind("\n"))
    return head[:space] if space > chars * 0.8 else head


def shortened_note(total: int, shown: int) -> str:
    return (
        f"… shortened for print: {total - shown:,} more characters of {total:,} are not "
        "printed (the full text is in crmdesk)."
    )


def for_print(text: str | None) -> tuple[str, str | None]:
    """A field's text as printed in full, and the note to print after it
    when it had to be shortened (else None)."""
    text = tidy(text)
    shown = _cut(text, TEXT_CHARS, TEXT_LINES)
    if len(shown) == len(text):
        return text, None
    return shown, shortened_note(len(text), len(shown))


def wrapped_lines(text: str, font: str, size: float, room: float) -> int:
    """About how many lines ``text`` takes in a column ``room`` wide (a
    little high rather than low: word wrap wastes some of each line)."""
    total = 0
    for line in text.split("\n"):
        width = fonts.text_width(line, font, size) * 1.08
        total += max(1, math.ceil(width / room)) if room > 0 else 1
    return total


def for_cell(text: str, font: str, size: float, room: float) -> tuple[str, bool]:
    """What a table cell ``room`` wide shows of ``text`` (already tidied),
    and whether that is less than all of it."""
    head = _cut(text, CELL_CHARS, CELL_LINES)
    if len(head) == len(text) and wrapped_lines(head, font, size, room) <= CELL_LINES:
        return text, False
    lines: list[str] = []
    used = 0
    for line in head.split("\n"):
        n = wrapped_lines(line, font, size, room)
        if used + n > CELL_LINES:
            left = CELL_LINES - used
            if left > 0:  # part of this line: as many characters as its share of lines
                lines.append(_cut(line, max(1, len(line) * left // n), 1))
            break
        lines.append(line)
        used += n
    shown = "\n".join(lines).rstrip()
    return (shown or head[:40]) + CONTINUED, True


def chunks(block: str) -> Iterator[str]:
    """A paragraph of text in pieces of at most CHUNK_LINES lines (and
    about CHUNK_CHARS characters, ended at a word)."""
    lines = block.split("\n")
    piece: list[str] = []
    size = 0
    for line in lines:
        while len(line) > CHUNK_CHARS:
            head = _cut(line, CHUNK_CHARS, 1)
            if piece:
                yield "\n".join(piece)
                piece, size = [], 0
            yield head
            line = line[len(head) :].lstrip(" ")
        if piece and (len(piece) >= CHUNK_LINES or size + len(line) > CHUNK_CHARS):
            yield "\n".join(piece)
            piece, size = [], 0
        piece.append(line)
        size += len(line) + 1
    if piece:
        yield "\n".join(piece)
