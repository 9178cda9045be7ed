"""Retention figures on the 10,000-account demo: the whole portfolio
analysis, each of its parts, the satisfaction index, the complaints
register and the win-back list (goal: each ≤ 1 s). Wall-clock and CPU time
are both reported: on a shared machine the wall clock includes waiting for
a core."""

from __future__ import annotations

import time
from collections.abc import Callable

from crmdesk.core import analysis, complaints, retention, satisfaction
from crmdesk.db.migrate import open_database
from crmdesk.db.types import utcnow
from tests.benchmarks.common import BenchContext, Figure, median_p95

AREA = "retention"
GOAL = "≤ 1 s"


def _timed(func: Callable[[], object], repeat: int) -> tuple[float, float]:
    wall, cpu = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        func()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return median_p95(wall)[0], median_p95(cpu)[0]


def run(ctx: BenchContext) -> list[Figure]:
    db = open_database(f"sqlite:///{ctx.demo_10k}")
    now = utcnow()
    today = now.date()
    qs, ms = analysis.quarters(today), analysis.months(today)
    analysis.analyse(db)  # warm SQLite's page cache and SQLAlchemy's statement cache
    figures = []
    wall, cpu = _timed(lambda: analysis.analyse(db), 3)
    figures.append(Figure(AREA, "portfolio analysis, every figure, median", wall, "s", GOAL,
                          note=f"CPU {cpu:.3f} s"))  # fmt: skip
    parts: dict[str, Callable[[object], object]] = {
        "defection rate per quarter and tier": lambda s: analysis.defection_rates(s, qs),
        "value lost by defection type": analysis.value_lost,
        "retention by acquisition source": analysis.retention_by_source,
        "life-cycle funnel": analysis.funnel,
        "complaints per month": lambda s: analysis.complaints_per_month(s, ms),
        "median time to resolve": lambda s: analysis.resolution_times(s, now),
        "satisfaction by tier over time": lambda s: analysis.satisfaction_by_tier(s, qs),
        "referrals given and won": analysis.referrals,
    }
    with db.session() as session:
        for name, part in parts.items():
            wall, cpu = _timed(lambda part=part: part(session), 3)  # type: ignore[misc]
            figures.append(Figure(AREA, f"analysis: {name}", wall, "s", GOAL,
                                  note=f"CPU {cpu:.3f} s"))  # fmt: skip
    for name, func in (
        ("satisfaction index (accounts, tiers, owners)", lambda: satisfaction.index(db)),
        ("complaints register, every complaint", lambda: complaints.register(db)),
        ("win-back list", lambda: retention.win_back(db)),
    ):
        wall, cpu = _timed(func, 3)
        figures.append(Figure(AREA, name, wall, "s", GOAL, note=f"CPU {cpu:.3f} s"))
    return figures
