"""The review pack's "Portfolio analysis" section: defection, value lost,
retention by source, the life-cycle funnel, complaints, satisfaction by
tier and referrals. Renders a crmdesk.core.analysis.PortfolioAnalysis
(gathered by the pack's core), without the database."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph

from crmdesk.core.analysis import PortfolioAnalysis
from crmdesk.reports import blocks as b
from crmdesk.reports.analysis_charts import grouped_bars, horizontal_bars, lines
from crmdesk.reports.layout import Anchor
from crmdesk.reports.styles import TIER_COLOURS, Styles, fmt_money

LOST, REDUCED = colors.HexColor("#c92a2a"), colors.HexColor("#f59f00")
OPENED, CLOSED = colors.HexColor("#1c7ed6"), colors.HexColor("#2f9e44")
KEPT = colors.HexColor("#1d4e89")
KEY = "analysis"
TITLE = "Portfolio analysis"


def _short(quarter: str) -> str:
    return quarter.replace("20", "’", 1) if quarter.startswith("20") else quarter


def _month(label: str) -> str:
    names = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    return names[int(label[5:7]) - 1]


def _money(value: Decimal) -> str:
    return fmt_money(value) if value else "—"


def _tiers(a: PortfolioAnalysis) -> list[Any]:
    """The tiers as the analysis lists them, highest first (no db import here)."""
    return list(reversed(dict.fromkeys(d.tier for d in a.defection)))


def analysis_section(a: PortfolioAnalysis, s: Styles, width: float) -> list[Flowable]:
    """The section's flowables, starting on a new page."""
    out: list[Flowable] = [
        PageBreak(),
        Anchor(TITLE, 0, KEY, header=TITLE),
        Paragraph(TITLE, s.h1),
        b.note(
            s,
            f"The whole portfolio as of {a.as_of.isoformat()}; quarters and months in "
            "UTC. Definitions: README, “Retention”.",
        ),  # fmt: skip
    ]
    out += _defection(a, s, width)
    out += _value_lost(a, s, width)
    out += _sources_and_funnel(a, s, width)
    out += _complaints(a, s, width)
    out += _satisfaction(a, s, width)
    out += _referrals(a, s, width)
    return out


def _defection(a: PortfolioAnalysis, s: Styles, width: float) -> list[Flowable]:
    series = [
        (t.label, TIER_COLOURS[t.value], [a.rate(q, t).rate for q in a.quarters]) for t in _tiers(a)
    ]
    chart = grouped_bars("Defection rate per quarter and tier (% of customers at its start)",
                         [_short(q) for q in a.quarters], series, width, fmt="{:g} %")  # fmt: skip
    rows = [
        (t.label, *(f"{d.lost}/{d.at_start}" for d in (a.rate(q, t) for q in a.quarters[-4:])))
        for t in _tiers(a)
    ]
    head = ("Lost / customers", *a.quarters[-4:])
    parts: list[Flowable] = [Paragraph("Defection", s.h2), chart]
    parts += b.table(s, head, rows, (0.28, 0.18, 0.18, 0.18, 0.18), width)
    if a.undated_losses:
        text = (
            f"{a.undated_losses} lost account(s) have no known date of loss (recorded before "
            "the status history began) and are not counted."
        )
        parts.append(b.note(s, text))
    return [KeepTogether(parts[:2]), *parts[2:]]


def _value_lost(a: PortfolioAnalysis, s: Styles, width: float) -> list[Flowable]:
    rows = [
        (v.defection_type.label, (float(v.lost_value), float(v.reduced_value)))
        for v in a.value_lost
    ]
    chart = horizontal_bars("Annual value lost by defection type", rows, (LOST, REDUCED), width,
                            fmt="{:,.0f}", legend=("Lost", "Reduced"))  # fmt: skip
    table_rows = [
        (v.defection_type.label, str(v.lost), _money(v.lost_value), str(v.reduced),
         _money(v.reduced_value))
        for v in a.value_lost
    ]  # fmt: skip
    head = ("Defection type", "Lost", "Value lost", "Reduced", "Value reduced")
    return [
        CondPageBreak(chart.height + 40),
        Paragraph("Lost and reduced value", s.h2),
        chart,
        *b.table(s, head, table_rows, (0.28, 0.12, 0.24, 0.12, 0.24), width),
    ]


def _sources_and_funnel(a: PortfolioAnalysis, s: Styles, width: float) -> list[Flowable]:
    rows = [
        ((src.source.label if src.source else "Unknown"), (float(src.rate or 0),))
        for src in a.by_source
    ]
    sources = horizontal_bars("Retention by acquisition source (% of its accounts not lost)",
                              rows, (KEPT,), width, fmt="{:g} %")  # fmt: skip
    table_rows = [
        ((src.source.label if src.source else "Unknown"), str(src.accounts), str(src.retained),
         str(src.lost), str(src.won_back))
        for src in a.by_source
    ]  # fmt: skip
    funnel = horizontal_bars(
        "Life-cycle funnel: live accounts that reached each stage",
        [(f.stage.label, (float(f.reached),)) for f in a.funnel], (KEPT,), width,
    )  # fmt: skip
    return [
        CondPageBreak(sources.height + 40),
        Paragraph("Which sources bring customers who stay", s.h2),
        sources,
        *b.table(s, ("Source", "Accounts", "Kept", "Lost", "Won back"), table_rows,
                 (0.4, 0.15, 0.15, 0.15, 0.15), width),
        CondPageBreak(funnel.height + 30),
        Paragraph("Life-cycle stages", s.h2),
        funnel,
    ]  # fmt: skip


def _complaints(a: PortfolioAnalysis, s: Styles, width: float) -> list[Flowable]:
    labels = [_month(c.month) for c in a.complaints]
    series = [
        ("Opened", OPENED, [float(c.opened) for c in a.complaints]),
        ("Closed", CLOSED, [float(c.closed) for c in a.complaints]),
    ]
    chart = grouped_bars("Complaints opened and closed per month", labels, series, width)
    rows = [
        (r.category.label, str(r.resolved),
         "—" if r.median_days is None else f"{r.median_days:g} days")
        for r in a.resolution
    ]  # fmt: skip
    return [
        CondPageBreak(chart.height + 40),
        Paragraph("Complaints", s.h2),
        chart,
        Paragraph("Median time to resolve, complaints resolved in the last 12 months", s.h3),
        *b.table(s, ("Category", "Resolved", "Median"), rows, (0.4, 0.3, 0.3), width),
    ]


def _satisfaction(a: PortfolioAnalysis, s: Styles, width: float) -> list[Flowable]:
    series = [
        (t.label, TIER_COLOURS[t.value],
         [next(p.mean for p in a.satisfaction if p.quarter == q and p.tier is t)
          for q in a.quarters])
        for t in _tiers(a)
    ]  # fmt: skip
    chart = lines("Satisfaction by tier per quarter (mean, 0–10; CSAT scaled)",
                  [_short(q) for q in a.quarters], series, width)  # fmt: skip
    return [CondPageBreak(chart.height + 30), Paragraph("Satisfaction", s.h2), chart]


def _referrals(a: PortfolioAnalysis, s: Styles, width: float) -> list[Flowable]:
    r = a.referrals
    out: list[Flowable] = [
        CondPageBreak(120),
        Paragraph("Advocacy: references and referrals", s.h2),
        b.key_values(
            s,
            [
                ("References", str(r.references)),
                ("Referrals given", str(r.given)),
                ("Referrals won", str(r.won)),
            ],
            width * 0.6,
            columns=1,
        ),  # fmt: skip
    ]
    if r.top:
        rows = [(t.name, str(t.given), str(t.won)) for t in r.top]
        out += b.table(s, ("Referring account", "Given", "Won"), rows, (0.6, 0.2, 0.2), width)
    return out
