"""Regenerate the sample pages the README shows (resources/samples/*.png)
from `crmdesk demo` data: ``python -m tests.reports.make_samples``.
Needs pdftoppm (poppler-utils). Look at the pages before committing them."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from crmdesk.core.accounts import find_account
from crmdesk.core.demo import generate_demo
from crmdesk.core.plan_document import build_pack, build_plan_document
from crmdesk.core.portfolio import AccountFilter
from crmdesk.db.enums import Tier
from crmdesk.db.migrate import open_database
from crmdesk.reports.pack_pdf import write_pack_pdf
from crmdesk.reports.plan_pdf import write_plan_pdf

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "samples"
# (file, account from the 500-account demo, page shown)
PLANS = (
    ("plan-strategic.png", "Yukon Retail Ltd", 1),
    ("plan-partner.png", "Bluewater Retail AG", 2),
    ("plan-transactional.png", "Alpen Health", 1),
)


def _page_png(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)  # fmt: skip


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = open_database(f"sqlite:///{work / 'demo.sqlite3'}")
        generate_demo(db, accounts=500, seed=1)
        for name, account, page in PLANS:
            found = find_account(db, account)
            pdf = write_plan_pdf(build_plan_document(db, found.id), work / f"{name}.pdf")
            _page_png(pdf, page, OUT / name)
        tiers = frozenset({Tier.STRATEGIC})
        pack = build_pack(db, AccountFilter(tiers=tiers))
        pdf = write_pack_pdf(pack, work / "pack.pdf")
        _page_png(pdf, 3, OUT / "pack-summary.png")
        db.dispose()
    print(f"wrote {len(PLANS) + 1} pages to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
