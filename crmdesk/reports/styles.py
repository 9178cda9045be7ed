"""Page sizes, paragraph styles, colours and value formatting shared by the
account plan and the review pack."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from crmdesk.errors import InvalidValueError
from crmdesk.reports import fonts

PAGE_SIZES = {"a4": A4, "letter": LETTER}
MARGIN = 16 * mm
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#cbd2d9")
HEAD_BG = colors.HexColor("#e4ebf5")
ZEBRA = colors.HexColor("#f5f7fa")
WARN = colors.HexColor("#b42318")
STANCE_COLOURS = {
    "preferer": colors.HexColor("#2f9e44"),
    "knower": colors.HexColor("#1c7ed6"),
    "indifferent": colors.HexColor("#adb5bd"),
    "rejecter": colors.HexColor("#e03131"),
    None: colors.HexColor("#dee2e6"),
}
TIER_COLOURS = {
    "strategic": colors.HexColor("#5f3dc4"),
    "partner": colors.HexColor("#1971c2"),
    "transactional": colors.HexColor("#495057"),
}


def page_size(name: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[name.strip().lower()]
    except KeyError:
        raise InvalidValueError(f"page size '{name}' is not one of: a4, letter") from None


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    empty: ParagraphStyle
    bullet: ParagraphStyle
    toc0: ParagraphStyle


def make_styles() -> Styles:
    fonts.register()
    r, b = fonts.REGULAR, fonts.BOLD

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": r,
            "fontSize": 9,
            "leading": 12,
            "textColor": INK,
            "splitLongWords": 1,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    return Styles(
        title=style("Title", fontName=b, fontSize=20, leading=25, textColor=ACCENT),
        subtitle=style("Subtitle", fontSize=11, leading=15, textColor=MUTED),
        h1=style(
            "H1", fontName=b, fontSize=15, leading=19, spaceBefore=4, spaceAfter=6,
            textColor=ACCENT, keepWithNext=1,
        ),
        h2=style(
            "H2", fontName=b, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=4,
            textColor=ACCENT, keepWithNext=1,
        ),
        h3=style("H3", fontName=b, fontSize=9.5, leading=12, spaceBefore=6, spaceAfter=2,
                 keepWithNext=1),
        body=style("Body", spaceAfter=4),
        small=style("Small", fontSize=7.5, leading=9.5, textColor=MUTED),
        cell=style("Cell", fontSize=8, leading=10),
        cell_bold=style("CellBold", fontName=b, fontSize=8, leading=10),
        cell_head=style("CellHead", fontName=b, fontSize=7.5, leading=9.5, textColor=ACCENT),
        empty=style("Empty", fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=4),
        bullet=style("Bullet", fontSize=8.5, leading=11, leftIndent=10, bulletIndent=2),
        toc0=style("TOC0", fontSize=9.5, leading=13),
    )  # fmt: skip


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d")
    return value.isoformat()


def fmt_datetime(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def fmt_money(value: Decimal | None, currency: str = "") -> str:
    if value is None:
        return "—"
    whole = f"{value:,.0f}"
    return f"{whole} {currency}".strip()


def label(value: str | None) -> str:
    return value.replace("_", " ").capitalize() if value else "—"
