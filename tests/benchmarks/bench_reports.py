"""Report figures: one account plan PDF, and a 100-account review pack
(time and peak memory, measured in a fresh process so earlier benchmarks
don't inflate the peak)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from crmdesk.core.plan_document import build_plan_document
from crmdesk.core.portfolio import AccountFilter, list_accounts
from crmdesk.db.enums import Tier
from crmdesk.db.migrate import open_database
from crmdesk.reports.plan_pdf import write_plan_pdf
from tests.benchmarks.common import BenchContext, Figure, median_p95, timings_ms

AREA = "reports"

_PACK = r"""
import json, resource, sys, time
from crmdesk.core.plan_document import build_pack
from crmdesk.core.portfolio import AccountFilter
from crmdesk.db.migrate import open_database
from crmdesk.reports.pack_pdf import write_pack_pdf
db = open_database(f"sqlite:///{sys.argv[1]}")
ids = frozenset(int(x) for x in sys.argv[3].split(","))
start = time.perf_counter()
pack = build_pack(db, AccountFilter(ids=ids))
write_pack_pdf(pack, sys.argv[2])
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
from pypdf import PdfReader
print(json.dumps({"s": seconds, "rss": rss, "pages": len(PdfReader(sys.argv[2]).pages)}))
"""


def run(ctx: BenchContext) -> list[Figure]:
    path = ctx.demo_10k
    db = open_database(f"sqlite:///{path}")
    strategic = list_accounts(db, AccountFilter(tiers=frozenset({Tier.STRATEGIC})), limit=100)
    out = Path(tempfile.mkdtemp(dir=ctx.workdir))

    def one_plan() -> None:
        write_plan_pdf(build_plan_document(db, strategic[0].id), out / "plan.pdf")

    one_plan()  # fonts registered once per process, as in the app
    median, p95 = median_p95(timings_ms(one_plan, 10))
    figures = [
        Figure(AREA, "account plan PDF (strategic), median", median / 1000, "s", "≤ 0.3 s",
               note=f"p95 {p95 / 1000:.3f} s"),
    ]  # fmt: skip
    db.dispose()
    ids = ",".join(str(r.id) for r in strategic)
    result = subprocess.run(
        [sys.executable, "-c", _PACK, str(path), str(out / "pack.pdf"), ids],
        capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    data = json.loads(result.stdout.strip().splitlines()[-1])
    note = f"{len(strategic)} strategic accounts, {data['pages']} pages"
    figures += [
        Figure(AREA, "review pack PDF, 100 accounts", data["s"], "s", "≤ 10 s", note=note),
        Figure(AREA, "review pack peak RSS", data["rss"], "MB", "≤ 300 MB", note=note),
    ]
    return figures
