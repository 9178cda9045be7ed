"""Foundation figures: demo generation, text search, first page by tier."""

from __future__ import annotations

import random
import sqlite3

from crmdesk.core.portfolio import AccountFilter, count_accounts, list_accounts
from crmdesk.db.enums import Tier
from crmdesk.db.migrate import open_database
from tests.benchmarks.common import BenchContext, Figure, median_p95, timings_ms

AREA = "foundation"


def _queries(path) -> list[str]:
    """What people type: parts of company names, surnames, whole and partial
    e-mails, words from notes — drawn from the data itself."""
    rng = random.Random(5)
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM accounts ORDER BY random() LIMIT 40")]
        people = conn.execute(
            "SELECT last_name, email FROM contacts ORDER BY random() LIMIT 40"
        ).fetchall()
        notes = [r[0] for r in conn.execute("SELECT notes FROM activities LIMIT 200")]
    queries = []
    for name in names[:20]:
        queries.append(name.split()[0][:5])
    for name in names[20:40]:
        queries.append(" ".join(name.split()[:2]))
    for last, email in people:
        queries.append(last)
        queries.append(email if rng.random() < 0.5 else email.split("@")[0][:8])
    for note in notes[:20]:
        queries.append(rng.choice(note.rstrip(".").split()))
    return queries


def run(ctx: BenchContext) -> list[Figure]:
    path = ctx.demo_10k
    figures = [
        Figure(
            AREA,
            f"demo generation, {ctx.accounts:,} accounts",
            ctx.demo_seconds or 0,
            "s",
            "< 60 s",
        )
    ]
    db = open_database(f"sqlite:///{path}")
    queries = _queries(path)

    def search_all() -> None:
        for q in queries:
            flt = AccountFilter(text=q)
            list_accounts(db, flt, limit=100)
            count_accounts(db, flt)

    search_all()  # warm the page cache once, as a running app would be
    samples = []
    for _ in range(3):
        for q in queries:
            flt = AccountFilter(text=q)
            samples += timings_ms(
                lambda flt=flt: (list_accounts(db, flt, limit=100), count_accounts(db, flt)), 1
            )
    median, p95 = median_p95(samples)
    figures += [
        Figure(AREA, f"text search page + count, median of {len(samples)}", median, "ms"),
        Figure(AREA, "text search page + count, p95", p95, "ms", "p95 < 20 ms"),
    ]
    tier = AccountFilter(tiers=frozenset({Tier.PARTNER}))
    page = timings_ms(lambda: list_accounts(db, tier, limit=100), 20)
    m, p = median_p95(page)
    figures += [
        Figure(AREA, "page 1 (100 rows) filtered by tier, median", m, "ms"),
        Figure(AREA, "page 1 (100 rows) filtered by tier, p95", p, "ms"),
    ]
    db.dispose()
    return figures
