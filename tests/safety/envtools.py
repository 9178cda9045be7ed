"""Real environments for the environment-error tests: a small tmpfs (as root),
a process without root's permission bypass, the CLI as a subprocess."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
# Root ignores file permissions; setpriv drops that capability for one process.
_DROP = "-dac_override,-dac_read_search"


def _unprivileged_prefix() -> list[str]:
    if not IS_ROOT:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make file permissions apply")
    return [setpriv, f"--bounding-set={_DROP}", f"--inh-caps={_DROP}", "--"]


def crmdesk(
    *args: str | bytes, unprivileged: bool = False, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``crmdesk ARGS`` in a real process; ``unprivileged``: file permissions
    apply even when the tests run as root."""
    prefix = _unprivileged_prefix() if unprivileged else []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "crmdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def assert_one_line(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 1, no traceback, and the last stderr line says ``fragments``."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("crmdesk: "), result.stderr
    for fragment in fragments:
        assert fragment in line, line
    return line


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str = "2m") -> Iterator[Path]:
    """A real, small file system at ``folder`` (needs root and mount)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs (a real full disk); not run")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}); not run")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of ``folder`` but ``leave`` bytes."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
        if leave:
            os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
    finally:
        os.close(fd)


def count(db_file: Path, table: str) -> int:
    """Rows in ``table``, read without writing (immutable: no -shm needed)."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def contacts_csv(path: Path, rows: int, company: str = "Acme") -> Path:
    lines = ["First name,Last name,Email,Company"]
    lines += [f"Anna{i},Berg{i},anna{i}@example.com,{company} {i}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
