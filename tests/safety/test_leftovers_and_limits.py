"""Issue 21, defects 10 and 11: a crash during an export or a PDF leaves its
``.partial`` beside the user's file, and the next run of the same operation
removes it (a write still in progress keeps its own); an XLSX export larger
than a sheet is refused at once, pointing to CSV."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.safety.envtools import assert_one_line, crmdesk

# A real writer that dies (kill -9) in the middle of an atomic write.
_CRASHING_WRITER = """
import sys, time
from crmdesk.atomic import atomic_path
with atomic_path(sys.argv[1]) as temp:
    temp.write_bytes(b"%PDF-1.4 half a file")
    print(temp, flush=True)
    time.sleep(120)
"""


def _crash_while_writing(dest: Path) -> Path:
    writer = subprocess.Popen(
        [sys.executable, "-c", _CRASHING_WRITER, str(dest)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    partial = Path(writer.stdout.readline().strip())
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert partial.exists() and partial.name.endswith(".partial")
    return partial


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("leftovers") / "crm.sqlite3"
    done = crmdesk("--db", str(path), "demo", "--accounts", "4")
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_cleans_the_partial_of_a_crashed_export(demo_file, tmp_path, suffix):
    dest = tmp_path / f"contacts{suffix}"
    partial = _crash_while_writing(dest)
    done = crmdesk("--db", str(demo_file), "export", "contacts", "-o", str(dest))
    assert done.returncode == 0, done.stderr
    assert not partial.exists()
    assert dest.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [dest.name]


def test_a_plan_pdf_cleans_the_partial_of_a_crashed_pdf(demo_file, tmp_path):
    account = json.loads(crmdesk("--db", str(demo_file), "accounts", "--json").stdout)[0]["name"]
    dest = tmp_path / "account.plan.pdf"
    partial = _crash_while_writing(dest)
    done = crmdesk("--db", str(demo_file), "plan", account, "-o", str(dest))
    assert done.returncode == 0, done.stderr
    assert not partial.exists()
    from pypdf import PdfReader

    assert len(PdfReader(dest).pages) >= 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [dest.name]


def test_a_write_in_progress_keeps_its_partial(tmp_path):
    from crmdesk.atomic import clean_partials

    dest = tmp_path / "report.pdf"
    writer = subprocess.Popen(
        [sys.executable, "-c", _CRASHING_WRITER, str(dest)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None
        partial = Path(writer.stdout.readline().strip())
        assert clean_partials(dest) == 0
        assert partial.exists()
    finally:
        writer.kill()
        writer.wait()
    assert clean_partials(dest) == 1
    assert not partial.exists()


def test_an_old_unowned_partial_goes_a_fresh_one_stays(tmp_path):
    from crmdesk.atomic import clean_partials

    dest = tmp_path / "contacts.csv"
    old = tmp_path / ".contacts.csv.k2j3h4g5.partial"  # no writer's pid in the name
    fresh = tmp_path / ".contacts.csv.a1b2c3d4.partial"
    for path in (old, fresh):
        path.write_bytes(b"x")
    past = time.time() - 2 * 3600
    os.utime(old, (past, past))
    assert clean_partials(dest) == 1
    assert not old.exists() and fresh.exists()


# --- defect 11: more rows than an XLSX sheet holds ----------------------------------

_SMALL_SHEET = """
import sys
import crmdesk.core.export as export
export.XLSX_MAX_ROWS = 20  # stands in for Excel's 1,048,576
from crmdesk.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_an_xlsx_export_larger_than_a_sheet_is_refused_at_once(demo_file, tmp_path):
    dest = tmp_path / "activities.xlsx"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _SMALL_SHEET, "--db", str(demo_file), "export", "activities",
         "-o", str(dest)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    line = assert_one_line(done, "do not fit in an XLSX sheet", ".csv")
    assert "at most 19 rows" in line
    assert time.monotonic() - started < 30
    assert list(tmp_path.iterdir()) == []  # nothing written, no partial
    fits = subprocess.run(
        [sys.executable, "-c", _SMALL_SHEET, "--db", str(demo_file), "export", "accounts",
         "-o", str(dest)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert fits.returncode == 0, fits.stderr  # 4 accounts fit
    assert dest.is_file()
