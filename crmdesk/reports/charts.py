"""Charts drawn with reportlab graphics: activities per month by kind
(stacked bars) and satisfaction scores over time (a line with points).

Built from plain shapes rather than reportlab's chart widgets: a review
pack draws two charts per account, and the widgets' layout machinery made
them a third of the pack's time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors

from crmdesk.core.plan_data import ActivitySeries
from crmdesk.reports import fonts
from crmdesk.reports.styles import ACCENT, INK, MUTED, RULE

GRID = colors.HexColor("#edf0f3")
SERIES_COLOURS = [
    colors.HexColor("#1c7ed6"),
    colors.HexColor("#74c0fc"),
    colors.HexColor("#2f9e44"),
    colors.HexColor("#e03131"),
    colors.HexColor("#adb5bd"),
]


def _nice_max(value: int) -> tuple[int, int]:
    """An axis maximum and step that give 3–6 round ticks."""
    value = max(value, 1)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if value / step <= 5:
            top = -(-value // step) * step
            return top, step
    return value, max(1, value // 5)


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(String(0, height - 10, text, fontName=fonts.BOLD, fontSize=8.5, fillColor=INK))
    del width


def _axis(d: Drawing, x0: float, y0: float, w: float, h: float, top: float, step: float,
          fmt: str = "{:g}") -> None:  # fmt: skip
    """Horizontal grid lines with value labels, and the base line."""
    value = 0.0
    while value <= top + 1e-9:
        y = y0 + h * value / top
        d.add(Line(x0, y, x0 + w, y, strokeColor=GRID, strokeWidth=0.5))
        d.add(String(x0 - 4, y - 2.2, fmt.format(value), fontName=fonts.REGULAR, fontSize=6.5,
                     fillColor=MUTED, textAnchor="end"))  # fmt: skip
        value += step
    d.add(Line(x0, y0, x0 + w, y0, strokeColor=RULE, strokeWidth=0.8))


def activity_chart(series: ActivitySeries, width: float, height: float = 170) -> Drawing:
    """Stacked bars, one per month, coloured by kind of activity."""
    d = Drawing(width, height)
    _title(d, "Activities per month, last 12 months, by kind", width, height)
    legend_w = 110
    x0, y0 = 26.0, 26.0
    w, h = width - x0 - legend_w - 10, height - y0 - 22
    months = series.months
    totals = [sum(values[i] for _l, values in series.series) for i in range(len(months))]
    top, step = _nice_max(max(totals, default=0))
    _axis(d, x0, y0, w, h, top, step)
    slot = w / max(len(months), 1)
    bar = slot * 0.68
    for i, month in enumerate(months):
        x = x0 + i * slot + (slot - bar) / 2
        y = y0
        for k, (_label, values) in enumerate(series.series):
            if values[i]:
                bh = h * values[i] / top
                d.add(Rect(x, y, bar, bh, fillColor=SERIES_COLOURS[k % len(SERIES_COLOURS)],
                           strokeColor=None))  # fmt: skip
                y += bh
        cx = x + bar / 2
        d.add(String(cx, y0 - 9, month.strftime("%b"), fontName=fonts.REGULAR, fontSize=6.5,
                     fillColor=INK, textAnchor="middle"))  # fmt: skip
        if i == 0 or month.month == 1:
            d.add(String(cx, y0 - 17, month.strftime("%Y"), fontName=fonts.REGULAR,
                         fontSize=6.5, fillColor=MUTED, textAnchor="middle"))  # fmt: skip
    ly = height - 30
    for k, (label, values) in enumerate(series.series):
        d.add(Rect(width - legend_w, ly - 1, 7, 7, strokeColor=None,
                   fillColor=SERIES_COLOURS[k % len(SERIES_COLOURS)]))  # fmt: skip
        d.add(String(width - legend_w + 11, ly, f"{label} ({sum(values)})",
                     fontName=fonts.REGULAR, fontSize=7, fillColor=INK))  # fmt: skip
        ly -= 12
    if series.total == 0:
        d.add(
            String(
                x0 + w / 2,
                y0 + h / 2,
                "No activity in the last 12 months",
                fontName=fonts.REGULAR,
                fontSize=8,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    return d


def _month_ordinals(first: date, last: date) -> list[int]:
    out, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(date(year, month, 1).toordinal())
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    out.append(date(year, month, 1).toordinal())
    return out


def satisfaction_chart(
    points: Sequence[tuple[date, int]], today: date, width: float, height: float = 150
) -> Drawing:
    """Scores 0–10 as a line with points; at least the last 12 months."""
    d = Drawing(width, height)
    _title(d, "Satisfaction over time (score 0–10)", width, height)
    year_ago = date(today.year - 1, today.month, 1)
    first = min([year_ago, *(day for day, _s in points)])
    ticks = _month_ordinals(first, today)
    x0, y0 = 26.0, 24.0
    w, h = width - x0 - 14, height - y0 - 22
    _axis(d, x0, y0, w, h, 10, 2)
    lo, hi = ticks[0], ticks[-1]

    def x_of(ordinal: float) -> float:
        return x0 + w * (ordinal - lo) / (hi - lo)

    every = max(1, -(-len(ticks) // 8))
    for tick in ticks[::every]:
        x = x_of(tick)
        d.add(Line(x, y0, x, y0 - 2.5, strokeColor=RULE, strokeWidth=0.6))
        d.add(
            String(
                x,
                y0 - 10,
                date.fromordinal(tick).strftime("%b %y"),
                fontName=fonts.REGULAR,
                fontSize=6.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    coords = [(x_of(day.toordinal()), y0 + h * score / 10) for day, score in points]
    if len(coords) > 1:
        flat = [value for xy in coords for value in xy]
        d.add(PolyLine(flat, strokeColor=ACCENT, strokeWidth=1.4))
    for x, y in coords:
        d.add(Circle(x, y, 2.2, fillColor=ACCENT, strokeColor=None))
    if not points:
        d.add(
            String(
                x0 + w / 2,
                y0 + h / 2,
                "No satisfaction checks recorded",
                fontName=fonts.REGULAR,
                fontSize=8,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    return d
