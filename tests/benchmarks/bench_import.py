"""Import benchmarks: a 100,000-row contact list end to end (read in the
sandbox, header, mapping, values, duplicates against the 10k-account demo
database, one-transaction commit), against baselines measured in the same
run: ``pandas.read_excel(engine="openpyxl")`` only *reading* the XLSX, and
the ``sqlite3`` command line's ``.import`` of the CSV (no checks at all).

Each contender runs in its own fresh interpreter so that peak RSS is its own
(for crmdesk: the window/CLI process, and the sandboxed reader separately).
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.common import BenchContext, Figure

ROWS = 100_000
ROOT = Path(__file__).resolve().parents[2]
HEADERS = ["First Name", "Last Name", "Company", "Job Title", "Department", "E-mail Address",
           "Business Phone", "Mobile Phone", "City"]  # fmt: skip
_FIRST = (
    "Anna Jürgen Zoë Liam Olivia Mehmet Sofia Lukas Emma Noah Mia Felix Lea Paul Clara "
    "Jonas Marie Elias Hannah Ben Ida Finn Lina Emil Greta Karl Nora Oskar"
).split()
_LAST = (
    "Schmidt Müller Lefèvre O'Brien García Nowak Rossi Jensen Dubois Weber Wagner Becker "
    "Hoffmann Schulz Koch Richter Klein Wolf Neumann Schwarz Braun Zimmermann"
).split()
_ENDINGS = ["", "mann", "er", "berg", "feld", "hoff", "stein", "wald", "ke", "hausen"]
_TITLES = ["Head of Purchasing", "Buyer", "CFO", "Plant Manager", "Category Manager", "CEO"]


def contact_rows(count: int = ROWS, seed: int = 1) -> list[list[object]]:
    """Realistic rows: unique people, ~5,000 companies, numbers as text."""
    rng = random.Random(seed)
    rows: list[list[object]] = []
    for i in range(count):
        first, last = rng.choice(_FIRST), rng.choice(_LAST) + rng.choice(_ENDINGS)
        local = f"{first}.{last}.{i}".lower().replace("'", "")
        for a, b in (("ü", "ue"), ("ë", "e"), ("è", "e"), ("í", "i")):
            local = local.replace(a, b)
        company = f"{_LAST[i % 5000 % len(_LAST)]} {i % 5000:04d} GmbH"  # 5,000 companies
        rows.append([first, last, company, rng.choice(_TITLES), "Purchasing",
                     f"{local}@firm{i % 5000}.de", f"+49 30 {1_000_000 + i}",
                     f"0170 {5_000_000 + i}", "Berlin"])  # fmt: skip
    return rows


def write_files(folder: Path) -> tuple[Path, Path]:
    import openpyxl

    rows = contact_rows()
    xlsx = folder / "contacts-100k.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Contacts")
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(xlsx)
    csv_path = folder / "contacts-100k.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return xlsx, csv_path


def _child(code: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; it prints a JSON dict last."""
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


_RSS = """
import json, resource, sys
def rss(who):
    kb = resource.getrusage(who).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 2**20
"""


def crmdesk_import(path: Path, db_path: Path) -> dict[str, float]:
    code = (
        _RSS
        + f"""
import time
from crmdesk.db.migrate import open_database
from crmdesk.importing.plan import ImportOptions, build_plan
from crmdesk.importing.service import commit
from crmdesk.importing.workflow import load_with_snapshot
if __name__ == "__main__":
    db = open_database("sqlite:///{db_path}")
    start = time.perf_counter()
    loaded, snapshot = load_with_snapshot(db, "{path}")
    read = time.perf_counter()
    plan = build_plan(loaded.sheet, ImportOptions(loaded.targets, region="DE"), snapshot)
    planned = time.perf_counter()
    result = commit(db, plan, file_path="{path}")
    end = time.perf_counter()
    print(json.dumps({{"seconds": end - start, "read": read - start, "plan": planned - read,
                      "commit": end - planned, "created": result.created,
                      "rss": rss(resource.RUSAGE_SELF),
                      "reader_rss": rss(resource.RUSAGE_CHILDREN)}}))
"""
    )
    return _child(code)


def pandas_read(path: Path) -> dict[str, float]:
    code = (
        _RSS
        + f"""
import time
import pandas as pd
start = time.perf_counter()
frame = pd.read_excel("{path}", engine="openpyxl")
print(json.dumps({{"seconds": time.perf_counter() - start, "rows": len(frame),
                  "rss": rss(resource.RUSAGE_SELF)}}))
"""
    )
    return _child(code)


def sqlite_import(path: Path, db_path: Path) -> float | None:
    exe = shutil.which("sqlite3")
    if exe is None:
        return None
    db_path.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run([exe, str(db_path), f".import --csv {path} contacts_raw"], check=True)
    return time.perf_counter() - start


def _fresh_db(ctx: BenchContext, name: str) -> Path:
    from crmdesk.db.backup import backup_file

    target = ctx.workdir / name
    target.unlink(missing_ok=True)
    return backup_file(ctx.demo_10k, target)


def run(ctx: BenchContext) -> list[Figure]:
    xlsx, csv_path = write_files(ctx.workdir)
    base = pandas_read(xlsx)
    ours = crmdesk_import(xlsx, _fresh_db(ctx, "import-xlsx.sqlite3"))
    assert ours["created"] > 0.95 * ROWS, ours  # the rest: probable duplicates, skipped
    note = (f"read {ours['read']:.1f}s, check {ours['plan']:.1f}s, commit {ours['commit']:.1f}s; "
            f"{ours['created']:,.0f} created in the {ctx.accounts:,}-account demo db")  # fmt: skip
    figures = [
        Figure("import", "100k-row XLSX, whole import", ours["seconds"], "s",
               goal="≤ 0.5× pandas read_excel", baseline=base["seconds"], note=note),
        Figure("import", "100k-row XLSX, peak RSS (app process)", ours["rss"], "MB",
               baseline=base["rss"], note="baseline: pandas read_excel process"),
        Figure("import", "100k-row XLSX, peak RSS (sandboxed reader)", ours["reader_rss"], "MB",
               baseline=base["rss"], note="limit 3 GB address space"),
    ]  # fmt: skip
    ours_csv = crmdesk_import(csv_path, _fresh_db(ctx, "import-csv.sqlite3"))
    sqlite_seconds = sqlite_import(csv_path, ctx.workdir / "sqlite-cli.sqlite3")
    figures.append(
        Figure(
            "import",
            "100k-row CSV, whole import",
            ours_csv["seconds"],
            "s",
            goal="≤ 3× sqlite3 .import",
            baseline=sqlite_seconds,
            note=(
                "sqlite3 CLI not installed"
                if sqlite_seconds is None
                else f"read {ours_csv['read']:.1f}s, check {ours_csv['plan']:.1f}s, "
                f"commit {ours_csv['commit']:.1f}s"
            ),
        )  # fmt: skip
    )
    return figures
