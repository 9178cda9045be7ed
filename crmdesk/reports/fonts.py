"""Embedded Unicode fonts, with a fallback for characters DejaVu lacks.

Names like "Petrov", "Петров", "Παπαδόπουλος" and "王" must print and be
copy-pasted back out of the PDF intact. DejaVu Sans covers Latin, Cyrillic
and Greek; Chinese, Japanese and Korean come from Droid Sans Fallback,
loaded only when a document needs it. Paragraph text goes through
:func:`markup`, canvas text through :func:`draw_text`; both switch font per
run of characters.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from crmdesk.assets import resource_path

REGULAR = "CrmSans"
BOLD = "CrmSans-Bold"
FALLBACK = "CrmFallback"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
}
_lock = threading.Lock()
_covered: frozenset[int] = frozenset()


_loaded: dict[str, TTFont] = {}


def _register(name: str) -> TTFont:
    font = _loaded.get(name)
    if font is not None:
        return font
    with _lock:
        try:
            font = pdfmetrics.getFont(name)  # type: ignore[assignment]
            _loaded[name] = font
            return font
        except KeyError:
            font = TTFont(name, str(resource_path("fonts", _FILES[name])))
            _loaded[name] = font
            pdfmetrics.registerFont(font)
            if name == FALLBACK:  # one face serves for bold too
                pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name,
                                              boldItalic=name)  # fmt: skip
            return font


def register() -> None:
    """Register the main fonts (cheap after the first call)."""
    global _covered
    regular = _register(REGULAR)
    _register(BOLD)
    if not _covered:
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                      boldItalic=BOLD)  # fmt: skip
        _covered = frozenset(regular.face.charToGlyph)


def _needs_fallback(ch: str) -> bool:
    return ord(ch) not in _covered and not ch.isspace()


@lru_cache(maxsize=4096)
def runs(text: str) -> tuple[tuple[bool, str], ...]:
    """Split text into (needs_fallback, chunk) runs."""
    register()
    return tuple((flag, "".join(chars)) for flag, chars in groupby(text, _needs_fallback))


def markup(text: str | None) -> str:
    """Paragraph markup for plain text: escaped, line breaks kept, fallback
    font around characters the main font lacks."""
    if not text:
        return ""
    parts = []
    for fallback, chunk in runs(str(text)):
        chunk = escape(chunk).replace("\n", "<br/>")
        if fallback:
            _register(FALLBACK)
            parts.append(f'<font name="{FALLBACK}">{chunk}</font>')
        else:
            parts.append(chunk)
    return "".join(parts)


def text_width(text: str, font: str, size: float) -> float:
    total = 0.0
    for fallback, chunk in runs(text):
        if fallback:
            _register(FALLBACK)
        total += stringWidth(chunk, FALLBACK if fallback else font, size)
    return total


def fit(text: str, font: str, size: float, width: float) -> str:
    """The text, cut with an ellipsis so that it fits ``width``."""
    if text_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(text[:mid].rstrip() + "…", font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, *, align: str = "left"
) -> None:
    """Draw one line of text at (x, y) with per-run font fallback."""
    if align != "left":
        width = text_width(text, font, size)
        x -= width if align == "right" else width / 2
    for fallback, chunk in runs(text):
        name = FALLBACK if fallback else font
        if fallback:
            _register(FALLBACK)
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += stringWidth(chunk, name, size)
