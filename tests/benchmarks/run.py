"""``make bench``: run every benchmark module and print one table.

Each module in MODULES exposes ``run(ctx) -> list[Figure]``. Results are
also written to bench-results/latest.md. A module that fails is reported as
a row, not a crash, so one broken benchmark doesn't hide the others.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import traceback
from pathlib import Path

from tests.benchmarks.common import BenchContext, Figure

MODULES = [
    "bench_foundation",
    "bench_reports",
    "bench_gui",
    "bench_import",
    "bench_safety",
    "bench_health",
    "bench_retention",
]


def _fmt(value: float) -> str:
    return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"


def table(figures: list[Figure]) -> str:
    lines = [
        "| area | figure | value | unit | baseline | ratio | goal | note |",
        "|---|---|---:|---|---:|---:|---|---|",
    ]
    for f in figures:
        base = _fmt(f.baseline) if f.baseline is not None else ""
        ratio = f"{f.ratio:.2f}" if f.ratio is not None else ""
        lines.append(
            f"| {f.area} | {f.name} | {_fmt(f.value)} | {f.unit} | {base} | {ratio} "
            f"| {f.goal} | {f.note} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="crmdesk benchmarks")
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--only", action="append", help="run only these modules")
    args = parser.parse_args(argv)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="crmdesk-bench-") as tmp:
        ctx = BenchContext(workdir=Path(tmp), accounts=args.accounts)
        for name in args.only or MODULES:
            print(f"running {name} …", file=sys.stderr, flush=True)
            try:
                module = importlib.import_module(f"tests.benchmarks.{name}")
                figures.extend(module.run(ctx))
            except Exception as exc:  # report, keep going
                traceback.print_exc()
                figures.append(Figure(name, "FAILED", 0, "", note=str(exc)[:80]))
    out = table(figures)
    print(out)
    results = Path("bench-results")
    results.mkdir(exist_ok=True)
    (results / "latest.md").write_text(out + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
