"""Tools ▸ Portfolio analysis: the figures of crmdesk.core.analysis as
tables, computed on a worker (the window never waits for the queries)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.analysis import PortfolioAnalysis


def _table(parent: QWidget, header: list[str], rows: list[list[str]]) -> QTableWidget:
    t = QTableWidget(len(rows), len(header), parent)
    t.setHorizontalHeaderLabels(header)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            t.setItem(i, j, QTableWidgetItem(value))
    t.resizeColumnsToContents()
    return t


class AnalysisDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Portfolio analysis"))
        self.resize(900, 520)
        self.status = QLabel(self.tr("Computing…"), self)
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs)

    def show_result(self, a: PortfolioAnalysis) -> None:
        self.status.setText(self.tr("The whole portfolio as of %s (periods in UTC)") % a.as_of)
        self.tabs.clear()
        quarters = list(a.quarters)
        tiers = sorted({d.tier for d in a.defection}, key=lambda t: t.value)

        def rate(q: str, t: object) -> str:
            d = next(x for x in a.defection if x.quarter == q and x.tier is t)
            return "—" if d.rate is None else f"{d.lost}/{d.at_start} ({d.rate:g} %)"

        self.tabs.addTab(_table(self, ["Tier", *quarters],
                                [[t.label, *(rate(q, t) for q in quarters)] for t in tiers]),
                         self.tr("Defection"))  # fmt: skip
        self.tabs.addTab(_table(self, ["Defection type", "Lost", "Value lost", "Reduced",
                                       "Value reduced"],
                                [[v.defection_type.label, str(v.lost), str(v.lost_value),
                                  str(v.reduced), str(v.reduced_value)] for v in a.value_lost]),
                         self.tr("Value lost"))  # fmt: skip
        self.tabs.addTab(_table(self, ["Source", "Accounts", "Kept", "Lost", "Retention"],
                                [[s.source.label if s.source else "Unknown", str(s.accounts),
                                  str(s.retained), str(s.lost), f"{s.rate} %"]
                                 for s in a.by_source]),
                         self.tr("Sources"))  # fmt: skip
        self.tabs.addTab(_table(self, ["Stage", "At stage", "Reached"],
                                [[f.stage.label, str(f.at_stage), str(f.reached)]
                                 for f in a.funnel]),
                         self.tr("Funnel"))  # fmt: skip
        self.tabs.addTab(_table(self, ["Month", "Opened", "Closed"],
                                [[c.month, str(c.opened), str(c.closed)] for c in a.complaints]
                                + [[f"median {r.category.label}", str(r.resolved),
                                    "—" if r.median_days is None else f"{r.median_days:g} days"]
                                   for r in a.resolution]),
                         self.tr("Complaints"))  # fmt: skip
        self.tabs.addTab(_table(self, ["Quarter", "Tier", "Checks", "Mean (0–10)"],
                                [[p.quarter, p.tier.label, str(p.checks),
                                  "—" if p.mean is None else f"{p.mean:g}"]
                                 for p in a.satisfaction]),
                         self.tr("Satisfaction"))  # fmt: skip
        r = a.referrals
        self.tabs.addTab(_table(self, ["Referring account", "Given", "Won"],
                                [["(all)", str(r.given), str(r.won)]]
                                + [[t.name, str(t.given), str(t.won)] for t in r.top]),
                         self.tr("Referrals"))  # fmt: skip

    def show_error(self, exc: BaseException) -> None:
        self.status.setText(str(exc))
