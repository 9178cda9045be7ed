"""Charts drawn with reportlab graphics: activities per month by kind
(stacked bars) and satisfaction scores over time (a line with points)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from crmdesk.core.plan_data import ActivitySeries
from crmdesk.reports import fonts
from crmdesk.reports.styles import ACCENT, INK, MUTED, RULE

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


def activity_chart(series: ActivitySeries, width: float, height: float = 170) -> Drawing:
    drawing = Drawing(width, height)
    _title(drawing, "Activities per month, last 12 months, by kind", width, height)
    legend_w = 105
    chart = VerticalBarChart()
    chart.x, chart.y = 26, 24
    chart.width, chart.height = width - chart.x - legend_w - 10, height - 24 - 22
    chart.data = [list(values) for _label, values in series.series]
    chart.categoryAxis.categoryNames = [
        m.strftime("%b\n%y") if m.month == 1 or i == 0 else m.strftime("%b")
        for i, m in enumerate(series.months)
    ]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = RULE
    totals = [sum(col) for col in zip(*chart.data, strict=True)] or [0]
    top, step = _nice_max(max(totals))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#edf0f3")
    chart.valueAxis.gridStrokeWidth = 0.5
    chart.barSpacing = 0
    chart.groupSpacing = 4
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - legend_w, height - 30
    legend.alignment = "right"
    legend.fontName, legend.fontSize = fonts.REGULAR, 7
    legend.boxAnchor = "nw"
    legend.columnMaximum = 8
    legend.deltay = 11
    legend.dx = legend.dy = 7
    legend.strokeWidth = 0
    legend.colorNamePairs = [
        (SERIES_COLOURS[i % len(SERIES_COLOURS)], f"{lbl} ({sum(vals)})")
        for i, (lbl, vals) in enumerate(series.series)
    ]
    drawing.add(legend)
    if series.total == 0:
        drawing.add(String(chart.x + chart.width / 2, chart.y + chart.height / 2,
                           "No activity in the last 12 months", fontName=fonts.REGULAR,
                           fontSize=8, fillColor=MUTED, textAnchor="middle"))  # fmt: skip
    return drawing


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
    """Scores 0–10 over time; at least the last 12 months are shown."""
    drawing = Drawing(width, height)
    _title(drawing, "Satisfaction over time (score 0–10)", width, height)
    year_ago = date(today.year - 1, today.month, 1)
    first = min([year_ago, *(d for d, _s in points)])
    ticks = _month_ordinals(first, today)
    every = max(1, -(-len(ticks) // 8))
    plot = LinePlot()
    plot.x, plot.y = 26, 22
    plot.width, plot.height = width - plot.x - 12, height - 22 - 22
    plot.data = [[(d.toordinal(), s) for d, s in points]] if points else [[(ticks[0], 0)]]
    plot.lines[0].strokeColor = ACCENT
    plot.lines[0].strokeWidth = 1.4
    plot.lines[0].symbol = makeMarker("FilledCircle", size=3.5, fillColor=ACCENT)
    if not points:
        plot.lines[0].strokeColor = None
        plot.lines[0].symbol = None
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = ticks[0], ticks[-1]
    plot.xValueAxis.valueSteps = ticks[::every]
    plot.xValueAxis.labelTextFormat = lambda v: date.fromordinal(int(v)).strftime("%b %y")
    plot.xValueAxis.labels.fontName = fonts.REGULAR
    plot.xValueAxis.labels.fontSize = 6.5
    plot.xValueAxis.strokeColor = RULE
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax, plot.yValueAxis.valueStep = 0, 10, 2
    plot.yValueAxis.labels.fontName = fonts.REGULAR
    plot.yValueAxis.labels.fontSize = 6.5
    plot.yValueAxis.strokeColor = RULE
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#edf0f3")
    plot.yValueAxis.gridStrokeWidth = 0.5
    drawing.add(plot)
    if not points:
        drawing.add(String(plot.x + plot.width / 2, plot.y + plot.height / 2,
                           "No satisfaction checks recorded", fontName=fonts.REGULAR,
                           fontSize=8, fillColor=MUTED, textAnchor="middle"))  # fmt: skip
    return drawing
