"""Every command-line example in the README runs as written (issue 13).

Examples live in fenced blocks whose info string is ``sh demo``; each
``crmdesk …`` line of such a block is run, in README order, in a folder
whose ``demo.sqlite3`` (also the default database, through CRMDESK_DB) is
made by the README's own ``demo`` example, and must exit 0. Mark a new block
``sh demo`` and its examples are run too; a line that only shows the shape
of a command (a file or backup name the user would type) goes in
PLACEHOLDERS, by its exact text.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"^```sh demo[ \t]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
PLACEHOLDERS = {
    "crmdesk restore NAME",  # a backup name from `crmdesk backups`
    "crmdesk import Connections.csv --yes --json",  # the user's LinkedIn export
    'crmdesk import leads.ods --sheet Hannover --map "Handy=mobile" --region DE --yes',
    "crmdesk import --undo 3f2a9c1e",  # a batch id from an earlier import
    "crmdesk import broken.csv --literal-quotes-from 2 --dry-run",  # the user's broken file
}


def examples() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in BLOCK.findall(readme):
        for line in block.splitlines():
            command = line.split("  #")[0].strip()
            if command:
                lines.append(command)
    return lines


def test_marked_blocks_hold_only_crmdesk_commands() -> None:
    found = examples()
    assert len(found) >= 10  # the backup, import, command-line and plan blocks
    assert all(line.startswith("crmdesk ") for line in found), found
    stale = PLACEHOLDERS - set(found)
    assert not stale, f"placeholders no longer in the README: {stale}"


def _argv(line: str) -> list[str]:
    return shlex.split(line, comments=True)[1:]


def test_every_example_runs_on_demo_data(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "CRMDESK_DB": str(tmp_path / "demo.sqlite3")}  # fmt: skip
    lines = [line for line in examples() if line not in PLACEHOLDERS]
    demo = next(line for line in lines if "demo" in _argv(line))
    failures = []
    for line in [demo, *(other for other in lines if other != demo)]:
        done = subprocess.run([sys.executable, "-m", "crmdesk", *_argv(line)], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
        if done.returncode != 0:
            failures.append(f"{line}\n  exit {done.returncode}: {done.stderr.strip()[-500:]}")
    assert not failures, "\n".join(failures)
