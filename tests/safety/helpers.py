"""Real second processes that hold real SQLite locks, and a real read-only
medium (a small tmpfs remounted read-only), for the safety tests."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HOLDER = """
import sqlite3, sys, time
path, mode, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
conn = sqlite3.connect(path, isolation_level=None, timeout=30)
if mode == "wal-exclusive":
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE accounts SET name = name")
elif mode == "journal-exclusive":
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE accounts SET name = name")
else:  # "writer": an ordinary write transaction, as a CLI import holds one
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE accounts SET name = name WHERE id = (SELECT min(id) FROM accounts)")
print("held", flush=True)
time.sleep(seconds)
conn.execute("COMMIT")
print("released", flush=True)
"""


@contextlib.contextmanager
def lock_held(path: Path, mode: str, seconds: float = 60.0) -> Iterator[subprocess.Popen[str]]:
    """A second process holding ``mode`` on ``path`` until ``seconds`` pass
    (then it commits) or the block ends (then it is killed)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), mode, str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "8m") -> Iterator[Path]:
    """A small real tmpfs at ``folder`` (skips where the test may not mount)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or 'not root'})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
