"""Main-window figures on the 10k-account demo database.

- time from process start to the window shown, against a bare PySide6
  QMainWindow measured the same way in the same run (the ratio is the figure
  that travels between machines);
- search: time from a keystroke's filter being applied (the debounce timer
  firing) to the table updated and painted, over realistic typing;
- peak RSS of a process with the window open on the 10k database after
  scrolling through every account.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import BenchContext, Figure, median_p95

AREA = "gui"
REPEAT = 3

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1280, 760)
w.show()
app.processEvents()
print("shown", flush=True)
"""

# the launcher's own start (crmdesk.app.open_window): "shown" when the
# window's frame is on screen, "ready" when the first page of the portfolio
# and the selected account are painted
CRMDESK = """
import sys
from crmdesk.app import open_window, _application
app = _application()
w = open_window(sys.argv[1], shown=lambda: print("shown", flush=True), interactive=False)
app.processEvents()
w.repaint()
print("ready", w.customer_pane.model.rowCount(), flush=True)
if len(sys.argv) > 2:  # memory run: scroll through everything, open a few accounts
    import resource
    model = w.customer_pane.model
    while model.canFetchMore():
        model.fetchMore()
        app.processEvents()
    for row in range(0, model.rowCount(), max(1, model.rowCount() // 20)):
        w.customer_pane.ui.table.selectRow(row)
        app.processEvents()
    w.jobs.wait(30000)
    print("rows", model.rowCount(), flush=True)
    print("maxrss_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
w.close()
"""


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    env["CRMDESK_DB"] = str(home / "unused.sqlite3")
    return env


def _time_to_shown(
    script: str, args: list[str], env: dict[str, str]
) -> tuple[float, list[str], float | None]:
    """Seconds from spawning the interpreter to the child saying 'shown'
    (and 'ready', when it says that)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    elapsed = ready = None
    lines = []
    for line in proc.stdout:
        if line.startswith("shown") and elapsed is None:
            elapsed = time.perf_counter() - start
        if line.startswith("ready") and ready is None:
            ready = time.perf_counter() - start
        lines.append(line.strip())
    proc.wait(timeout=300)
    if elapsed is None:
        raise RuntimeError(f"the window never showed (exit {proc.returncode})")
    return elapsed, lines, ready


def _copy(source: Path, folder: Path) -> Path:
    from crmdesk.db.backup import backup_file

    return Path(backup_file(source, folder / "gui-bench.sqlite3"))


def _startup(ctx: BenchContext, home: Path, db_path: Path) -> list[Figure]:
    env = _env(home)
    _time_to_shown(BARE, [], env)  # warm the file cache for both
    _time_to_shown(CRMDESK, [str(db_path)], env)
    bare = [_time_to_shown(BARE, [], env)[0] for _ in range(REPEAT)]
    runs = [_time_to_shown(CRMDESK, [str(db_path)], env) for _ in range(REPEAT)]
    base_ms = statistics.median(bare) * 1000
    ready_ms = statistics.median(r[2] or 0 for r in runs) * 1000
    return [
        Figure(
            AREA,
            f"process start to window shown, {ctx.accounts:,} accounts",
            statistics.median(r[0] for r in runs) * 1000,
            "ms",
            goal="ratio <= 1.5",
            baseline=base_ms,
            note=f"baseline: bare QMainWindow; median of {REPEAT}; the frame, then the panes fill",
        ),
        Figure(
            AREA,
            "process start to portfolio painted (first page, selected account)",
            ready_ms,
            "ms",
            baseline=base_ms,
            note="same runs; SQLAlchemy, services and panes load after the frame shows",
        ),
    ]


def _memory(home: Path, db_path: Path) -> list[Figure]:
    _elapsed, lines, _ready = _time_to_shown(CRMDESK, [str(db_path), "memory"], _env(home))
    values = dict(line.split(" ", 1) for line in lines if " " in line)
    rss_mb = int(values["maxrss_kb"]) / 1024
    return [
        Figure(
            AREA,
            "peak RSS, window open, every account scrolled through",
            rss_mb,
            "MB",
            goal="<= 250",
            note=f"{values['rows']} rows loaded, 20 accounts opened",
        )
    ]


def _typing(db_path: Path) -> list[str]:
    """Prefixes as a person types them: company names, surnames, e-mails."""
    rng = random.Random(11)
    with sqlite3.connect(db_path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM accounts ORDER BY id LIMIT 400")]
        people = [r for r in conn.execute("SELECT last_name, email FROM contacts LIMIT 400")]
    words = [rng.choice(names).split()[0] for _ in range(6)]
    words += [rng.choice(people)[0] for _ in range(6)]
    words += [rng.choice(people)[1] for _ in range(3)]
    prefixes = []
    for word in words:
        prefixes += [word[:n] for n in range(2, min(len(word), 12) + 1)]
    return prefixes


def _search(home: Path, db_path: Path) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from crmdesk.app import _application
    from crmdesk.db.migrate import open_database
    from crmdesk.gui.main_window import MainWindow

    app = _application()
    settings = QSettings(str(home / "bench.ini"), QSettings.Format.IniFormat)
    db = open_database(f"sqlite:///{db_path}")
    window = MainWindow(db, settings)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    pane = window.customer_pane
    samples = []
    for prefix in _typing(db_path):
        pane.ui.search.setText(prefix)  # starts the debounce timer
        start = time.perf_counter()
        pane.apply_filter()  # what the timer runs when it fires
        pane.ui.table.viewport().repaint()
        samples.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    window.jobs.wait(30000)
    window.close()
    median, p95 = median_p95(samples)
    note = f"{len(samples)} keystrokes; plus the 150 ms typing debounce"
    return [
        Figure(AREA, "search keystroke to table updated, median", median, "ms", note=note),
        Figure(AREA, "search keystroke to table updated, p95", p95, "ms", goal="<= 50"),
    ]


def run(ctx: BenchContext) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="crmdesk-bench-gui-") as tmp:
        home = Path(tmp)
        db_path = _copy(ctx.demo_10k, home)
        figures = _startup(ctx, home, db_path)
        figures += _search(home, db_path)
        figures += _memory(home, db_path)
    return figures
