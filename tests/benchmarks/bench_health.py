"""Relationship-health figures on the 10,000-account demo: scoring every
account (cold, no cache), a portfolio page sorted by health (the score
cache warm, as in the window after its first page), and this week's
worklist (everyone's from the warm cache; one owner's computed cold).

Wall-clock and CPU time are both reported: on a shared machine the wall
clock includes waiting for a core."""

from __future__ import annotations

import time

from crmdesk.core.health import portfolio_health
from crmdesk.core.health_store import current_scores, forget_scores
from crmdesk.core.portfolio import AccountFilter, SortKey, list_accounts, owners
from crmdesk.core.worklist import worklist
from crmdesk.db.migrate import open_database
from tests.benchmarks.common import BenchContext, Figure, median_p95

AREA = "health"


def _timed(func, repeat: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    wall, cpu = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        func()
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def run(ctx: BenchContext) -> list[Figure]:
    db = open_database(f"sqlite:///{ctx.demo_10k}")
    portfolio_health(db)  # warm SQLite's page cache, as a running app has
    wall, cpu = _timed(lambda: portfolio_health(db), 5)
    n = len(portfolio_health(db))
    median, _p95 = median_p95(wall)
    figures = [
        Figure(AREA, "health of every account (cold), median", median / 1000, "s", "≤ 0.5 s",
               note=f"{n} accounts; CPU {median_p95(cpu)[0] / 1000:.3f} s"),
    ]  # fmt: skip

    forget_scores()
    first, _c = _timed(lambda: list_accounts(db, sort=SortKey.HEALTH, limit=200), 1)
    wall, cpu = _timed(lambda: list_accounts(db, sort=SortKey.HEALTH, limit=200), 30)
    median, p95 = median_p95(wall)
    figures.append(
        Figure(
            AREA,
            "portfolio page 1 by health (cache warm), p95",
            p95,
            "ms",
            "≤ 50 ms",
            note=f"median {median:.1f} ms, CPU p95 {median_p95(cpu)[1]:.1f} ms; "
            f"first page (cache cold) {first[0]:.0f} ms",
        )  # fmt: skip
    )
    flt = AccountFilter(text="logistics")
    wall, _c = _timed(lambda: list_accounts(db, flt, sort=SortKey.HEALTH, limit=200), 20)
    figures.append(Figure(AREA, "page 1 by health, searched, p95", median_p95(wall)[1], "ms",
                          "≤ 50 ms", note="search 'logistics'"))  # fmt: skip

    current_scores(db)
    wall, cpu = _timed(lambda: worklist(db, owner=None), 5)
    median, _p95 = median_p95(wall)
    figures.append(Figure(AREA, "worklist, everyone (cache warm), median", median, "ms",
                          "≤ 200 ms", note=f"CPU {median_p95(cpu)[0]:.0f} ms"))  # fmt: skip
    owner = owners(db)[0]
    wall, cpu = _timed(lambda: worklist(db, owner=owner), 5)
    median, _p95 = median_p95(wall)
    mine = sum(1 for h in current_scores(db).values() if h.owner == owner)
    figures.append(Figure(AREA, "worklist, one owner (cold), median", median, "ms", "≤ 200 ms",
                          note=f"{mine} accounts; CPU {median_p95(cpu)[0]:.0f} ms"))  # fmt: skip
    db.dispose()
    return figures
