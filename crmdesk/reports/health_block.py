"""Relationship health in the printed plan and the review pack: the score,
its components with points and the sentence that explains each, and the
score over time from the weekly snapshots. Renders only what
crmdesk.core.plan_document gathered (no database, no Qt)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, TableStyle

from crmdesk.core.health import GREEN_FROM, YELLOW_FROM, AccountHealth
from crmdesk.core.health_store import HistoryPoint
from crmdesk.core.plan_data import PlanDocument
from crmdesk.reports import blocks as b
from crmdesk.reports import fonts
from crmdesk.reports.styles import ACCENT, INK, MUTED, RULE, Styles

BAND_COLOURS = {
    "green": colors.HexColor("#2f9e44"),
    "yellow": colors.HexColor("#e8a200"),
    "red": colors.HexColor("#c92a2a"),
}
BAND_TINTS = {
    "green": colors.HexColor("#ebfbee"),
    "yellow": colors.HexColor("#fff9db"),
    "red": colors.HexColor("#fff5f5"),
}


def summary_line(h: AccountHealth) -> str:
    touch = (f"last touch {h.days_since_touch} days ago" if h.days_since_touch is not None
             else "no touch recorded")  # fmt: skip
    attention = " · needs attention" if h.needs_attention else ""
    return (
        f'<b>{h.score}/100</b> · <font color="#{BAND_COLOURS[h.band.value].hexval()[2:]}">'
        f"<b>{h.band.value}</b></font>{attention} · {touch}; cadence {h.cadence.describe()}"
    )


def health_section(s: Styles, doc: PlanDocument, width: float) -> list[Flowable]:
    """The 'Relationship health' block under the plan's cover."""
    h = doc.health
    out: list[Flowable] = [Paragraph("Relationship health", s.h2)]
    if h is None:
        return [*out, b.note(s, "No health score: the account is marked lost.")]
    out.append(Paragraph(summary_line(h), s.body))
    rows = [(c.title, f"{c.points}/{c.weight}", c.text) for c in h.components]
    table_parts = b.table(s, ("Component", "Points", "Why"), rows, (0.22, 0.1, 0.68), width)
    grid = table_parts[0]
    for i, c in enumerate(h.components, start=1):
        grid.setStyle(TableStyle([
            ("BACKGROUND", (1, i), (1, i), BAND_TINTS[c.band.value]),
            ("TEXTCOLOR", (1, i), (1, i), BAND_COLOURS[c.band.value]),
        ]))  # fmt: skip
    out += table_parts
    out.append(health_chart(doc.health_history, width))
    return [KeepTogether(out[:2]), *out[2:], Spacer(1, 4)]


def health_chart(points: Sequence[HistoryPoint], width: float, height: float = 120) -> Drawing:
    """Weekly scores 0–100 as a line over the red / yellow / green zones."""
    d = Drawing(width, height)
    d.add(String(0, height - 10, "Health over time (weekly snapshots)", fontName=fonts.BOLD,
                 fontSize=8.5, fillColor=INK))  # fmt: skip
    x0, y0 = 26.0, 22.0
    w, h = width - x0 - 14, height - y0 - 22
    for low, high, band in ((0, YELLOW_FROM, "red"), (YELLOW_FROM, GREEN_FROM, "yellow"),
                            (GREEN_FROM, 100, "green")):  # fmt: skip
        d.add(Rect(x0, y0 + h * low / 100, w, h * (high - low) / 100,
                   fillColor=BAND_TINTS[band], strokeColor=None))  # fmt: skip
    for tick in (0, YELLOW_FROM, GREEN_FROM, 100):
        y = y0 + h * tick / 100
        d.add(Line(x0, y, x0 + w, y, strokeColor=RULE, strokeWidth=0.4))
        d.add(String(x0 - 4, y - 2.2, str(tick), fontName=fonts.REGULAR, fontSize=6.5,
                     fillColor=MUTED, textAnchor="end"))  # fmt: skip
    if not points:
        d.add(String(x0 + w / 2, y0 + h / 2, "No weekly snapshots yet (crmdesk health "
                     "--snapshot, or open the window)", fontName=fonts.REGULAR, fontSize=8,
                     fillColor=MUTED, textAnchor="middle"))  # fmt: skip
        return d
    first, last = points[0].day.toordinal(), points[-1].day.toordinal()
    span = max(last - first, 7)

    def x_of(ordinal: int) -> float:
        return x0 + w * (ordinal - first) / span

    coords = [(x_of(p.day.toordinal()), y0 + h * p.score / 100) for p in points]
    if len(coords) > 1:
        d.add(PolyLine([v for xy in coords for v in xy], strokeColor=ACCENT, strokeWidth=1.4))
    for (x, y), p in zip(coords, points, strict=True):
        d.add(Circle(x, y, 2.2, fillColor=BAND_COLOURS.get(p.band, ACCENT), strokeColor=None))
    every = max(1, -(-len(points) // 8))
    for (x, _y), p in list(zip(coords, points, strict=True))[::every]:
        d.add(String(x, y0 - 10, p.day.strftime("%d %b"), fontName=fonts.REGULAR, fontSize=6.5,
                     fillColor=INK, textAnchor="middle"))  # fmt: skip
    return d


def pack_reason(score: int | None, reasons: str) -> str:
    """The review pack's 'why' for an at-risk account: its score first."""
    head = f"Health {score}/100" if score is not None else ""
    return ": ".join(part for part in (head, reasons) if part) or "—"
