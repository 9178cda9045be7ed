"""Charts of the portfolio analysis (plain reportlab shapes, as
crmdesk.reports.charts, for the same reason: speed): grouped bars, horizontal
bars and lines. Each takes plain numbers, so it knows nothing of the domain."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, PolyLine, Rect, String
from reportlab.lib import colors

from crmdesk.reports import fonts
from crmdesk.reports.charts import _axis, _title
from crmdesk.reports.styles import INK, MUTED

Series = tuple[str, colors.Color, Sequence[float | None]]


def _top(values: Sequence[float], floor: float = 1.0) -> tuple[float, float]:
    """An axis maximum and a round step giving 3-6 ticks."""
    peak = max([floor, *values])
    for step in (0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 5:
            return -(-peak // step) * step, step
    step = 10 ** len(str(int(peak / 5)))
    return -(-peak // step) * step, step


def _legend(d: Drawing, series: Sequence[Series], x: float, y: float) -> None:
    for label, colour, _values in series:
        d.add(Rect(x, y - 1, 7, 7, fillColor=colour, strokeColor=None))
        d.add(String(x + 10, y, label, fontName=fonts.REGULAR, fontSize=7, fillColor=INK))
        x += 14 + fonts.text_width(label, fonts.REGULAR, 7) + 8


def _empty(d: Drawing, x: float, y: float, text: str) -> None:
    d.add(String(x, y, text, fontName=fonts.REGULAR, fontSize=8, fillColor=MUTED,
                 textAnchor="middle"))  # fmt: skip


def grouped_bars(
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    width: float,
    height: float = 160,
    *,
    fmt: str = "{:g}",
    floor: float = 1.0,
) -> Drawing:
    """One group of bars per label, one bar per series."""
    d = Drawing(width, height)
    _title(d, title, width, height)
    x0, y0 = 30.0, 30.0
    w, h = width - x0 - 6, height - y0 - 34
    values = [v for _l, _c, vs in series for v in vs if v is not None]
    top, step = _top(values, floor)
    _axis(d, x0, y0, w, h, top, step, fmt)
    slot = w / max(len(labels), 1)
    bar = slot * 0.8 / max(len(series), 1)
    for i, label in enumerate(labels):
        x = x0 + i * slot + slot * 0.1
        for _name, colour, vs in series:
            v = vs[i]
            if v:
                d.add(Rect(x, y0, bar, h * v / top, fillColor=colour, strokeColor=None))
            x += bar
        d.add(String(x0 + i * slot + slot / 2, y0 - 9, label, fontName=fonts.REGULAR,
                     fontSize=6.5, fillColor=INK, textAnchor="middle"))  # fmt: skip
    _legend(d, series, x0, height - 24)
    if not values:
        _empty(d, x0 + w / 2, y0 + h / 2, "Nothing recorded in these periods")
    return d


def lines(
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    width: float,
    height: float = 160,
    *,
    top: float = 10,
    step: float = 2,
) -> Drawing:
    """One line per series over the labels; gaps where a value is missing."""
    d = Drawing(width, height)
    _title(d, title, width, height)
    x0, y0 = 30.0, 30.0
    w, h = width - x0 - 12, height - y0 - 34
    _axis(d, x0, y0, w, h, top, step)
    slot = w / max(len(labels), 1)
    for i, label in enumerate(labels):
        d.add(String(x0 + i * slot + slot / 2, y0 - 9, label, fontName=fonts.REGULAR,
                     fontSize=6.5, fillColor=INK, textAnchor="middle"))  # fmt: skip
    drawn = False
    for _name, colour, vs in series:
        run: list[float] = []
        for i, v in enumerate([*vs, None]):
            if v is not None:
                x, y = x0 + i * slot + slot / 2, y0 + h * min(v, top) / top
                run += [x, y]
                d.add(Circle(x, y, 1.8, fillColor=colour, strokeColor=None))
                drawn = True
            elif run:
                if len(run) > 2:
                    d.add(PolyLine(run, strokeColor=colour, strokeWidth=1.4))
                run = []
    _legend(d, series, x0, height - 24)
    if not drawn:
        _empty(d, x0 + w / 2, y0 + h / 2, "No satisfaction checks in these periods")
    return d


def horizontal_bars(
    title: str,
    rows: Sequence[tuple[str, Sequence[float]]],
    colours: Sequence[colors.Color],
    width: float,
    *,
    fmt: str = "{:g}",
    bar_height: float = 9,
    legend: Sequence[str] = (),
) -> Drawing:
    """One bar per row, stacked by part (e.g. lost, then reduced)."""
    label_w = max([fonts.text_width(r[0], fonts.REGULAR, 7) for r in rows] + [40]) + 8
    height = 40 + len(rows) * (bar_height + 5) + (12 if legend else 0)
    d = Drawing(width, height)
    _title(d, title, width, height)
    x0, w = label_w, width - label_w - 60
    totals = [sum(parts) for _l, parts in rows]
    top, _step = _top(totals)
    y = height - 26 - (12 if legend else 0)
    for (label, parts), total in zip(rows, totals, strict=True):
        y -= bar_height + 5
        d.add(String(x0 - 6, y + 2, label, fontName=fonts.REGULAR, fontSize=7, fillColor=INK,
                     textAnchor="end"))  # fmt: skip
        x = x0
        for part, colour in zip(parts, colours, strict=False):
            if part:
                d.add(Rect(x, y, w * part / top, bar_height, fillColor=colour, strokeColor=None))
                x += w * part / top
        d.add(String(x + 4, y + 2, fmt.format(total), fontName=fonts.REGULAR, fontSize=7,
                     fillColor=MUTED))  # fmt: skip
    if legend:
        _legend(d, [(n, c, ()) for n, c in zip(legend, colours, strict=False)], x0,
                height - 24)  # fmt: skip
    return d
