"""What every benchmark module shares: the Figure it reports and the context
(scratch folder, a 10k-account demo database built once per run)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Figure:
    area: str
    name: str
    value: float
    unit: str
    goal: str = ""
    baseline: float | None = None  # same unit, measured in the same run
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline  # type: ignore[operator]


@dataclass
class BenchContext:
    workdir: Path
    accounts: int = 10_000
    _demo: Path | None = field(default=None, repr=False)
    demo_seconds: float | None = None

    @property
    def demo_10k(self) -> Path:
        """A demo database with ``accounts`` accounts (built on first use).
        Treat it as read-only; copy it (crmdesk.db.backup.backup_file) to write."""
        if self._demo is None:
            from crmdesk.core.demo import generate_demo
            from crmdesk.db.migrate import open_database

            path = self.workdir / f"demo-{self.accounts}.sqlite3"
            path.unlink(missing_ok=True)
            db = open_database(f"sqlite:///{path}")
            start = time.perf_counter()
            generate_demo(db, accounts=self.accounts, seed=1)
            self.demo_seconds = time.perf_counter() - start
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            db.dispose()
            self._demo = path
        return self._demo


def timings_ms(func: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        out.append((time.perf_counter() - start) * 1000)
    return out


def median_p95(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95
