"""Data safety costs on the 10k-account demo: the quick_check a due open
pays, the cheap check after a clean close, a skipped quit backup, a
verified backup, a restore, the full check, and exports."""

from __future__ import annotations

import time
from pathlib import Path

from tests.benchmarks.common import BenchContext, Figure, median_p95, timings_ms


def _seconds(func) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def run(ctx: BenchContext) -> list[Figure]:
    from crmdesk.core.export import export
    from crmdesk.db import backup as bk
    from crmdesk.db.health import check_database, check_on_open, record_clean_close
    from crmdesk.db.migrate import open_database
    from crmdesk.db.restore import restore_backup

    work = ctx.workdir / "safety"
    work.mkdir(exist_ok=True)
    path = bk.backup_file(ctx.demo_10k, work / "crm.sqlite3")
    size_mb = path.stat().st_size / 1e6
    med, p95 = median_p95(timings_ms(lambda: bk.quick_check(path), 5))
    figures = [
        Figure("safety", "quick_check on open (10k accounts)", med, "ms", "< 300 ms",
               note=f"p95 {p95:.0f} ms, file {size_mb:.0f} MB"),
    ]  # fmt: skip
    check_on_open(path, full=True)
    record_clean_close(path)
    cheap, cheap_p95 = median_p95(timings_ms(lambda: check_on_open(path), 5))
    figures.append(
        Figure("safety", "check on open after a clean close (10k)", cheap, "ms",
               f"<= {med / 10:.0f} ms (1/10 of quick_check)", note=f"p95 {cheap_p95:.1f} ms")
    )  # fmt: skip
    taken: list[Path] = []
    figures.append(
        Figure("safety", "verified backup (10k)", _seconds(
            lambda: taken.append(bk.take_backup(path, "bench"))), "s", "< 2 s")
    )  # fmt: skip
    figures.append(
        Figure("safety", "quit backup when nothing changed (10k)", _seconds(
            lambda: bk.unchanged_since_last_backup(path) or bk.take_backup(path, "bench")) * 1000,
            "ms", "< 10 ms (skipped)")
    )  # fmt: skip
    figures.append(
        Figure("safety", "restore (10k, backs up first)",
               _seconds(lambda: restore_backup(path, taken[0])), "s", "< 4 s")
    )  # fmt: skip
    figures.append(
        Figure("safety", "integrity + foreign key check (10k)",
               _seconds(lambda: check_database(path)), "s")
    )  # fmt: skip
    db = open_database(f"sqlite:///{path}")
    try:
        for kind, suffix in (("contacts", ".xlsx"), ("activities", ".csv")):
            dest = work / f"{kind}{suffix}"
            seconds = _seconds(lambda k=kind, d=dest: export(db, k, d))
            figures.append(Figure("safety", f"export {kind} {suffix} (10k accounts)", seconds, "s"))
    finally:
        db.dispose()
    return figures
