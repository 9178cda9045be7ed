"""Smoke checks for an installed crmdesk: the same commands a person would
type, run from a temporary folder outside the checkout against a given
program (an installed wheel's ``crmdesk`` or the frozen ``dist/crmdesk``).

Used by tests/packaging/test_wheel.py (one pytest test per check) and by
``make dist-test`` (``python packaging/smoke.py PROGRAM...``). Each check
returns a Result; a command this build does not have yet is a skip that
names the command, never a silent pass.

Needs openpyxl and pypdf in the Python that runs it (the test extras), not
in the program under test.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 180

IMPORT_ROWS = [
    ("Company", "First name", "Last name", "E-mail", "Phone", "Job title"),
    ("Quarzwerk Smoketest GmbH", "Ines", "Brandt", "ines.brandt@quarzwerk.example", "", "CFO"),
    ("Quarzwerk Smoketest GmbH", "Tomas", "Lind", "tomas.lind@quarzwerk.example", "", "Buyer"),
]
IMPORT_ACCOUNT = "Quarzwerk Smoketest GmbH"


def expected_version() -> str:
    text = (ROOT / "crmdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    assert match, "crmdesk/__init__.py has no __version__"
    return match.group(1)


@dataclass
class Result:
    name: str
    status: str  # "pass", "skip" or "fail"
    detail: str = ""


class Smoke:
    """Runs ``program`` (argv prefix) in ``workdir`` with a database there."""

    def __init__(self, program: list[str], workdir: Path) -> None:
        self.program = program
        self.workdir = workdir
        self.db = workdir / "smoke.sqlite3"
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            # Nothing of the checkout may leak in: no PYTHONPATH, no default db.
            "PYTHONPATH": "",
            "CRMDESK_DB": str(self.db),
            "HOME": str(workdir / "home"),
            "XDG_DATA_HOME": str(workdir / "home" / "data"),
            "XDG_CONFIG_HOME": str(workdir / "home" / "config"),
        }
        self.env.pop("PYTHONHOME", None)
        self._commands: set[str] | None = None

    def run(self, *args: str, timeout: float = TIMEOUT_S) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.program, *args],
            cwd=self.workdir,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def crmdesk(self, *args: str) -> subprocess.CompletedProcess[str]:
        """A command on the smoke database; fails loudly with its output."""
        done = self.run("--db", str(self.db), *args)
        if done.returncode != 0:
            raise AssertionError(
                f"crmdesk {' '.join(args)} exited {done.returncode}\n"
                f"stdout: {done.stdout[-2000:]}\nstderr: {done.stderr[-4000:]}"
            )
        if "Traceback" in done.stderr:
            raise AssertionError(f"crmdesk {' '.join(args)} printed a traceback:\n{done.stderr}")
        return done

    def commands(self) -> set[str]:
        if self._commands is None:
            usage = self.run("--help").stdout
            match = re.search(r"\{([a-z0-9_,-]+)\}", usage)
            self._commands = set(match.group(1).split(",")) if match else set()
        return self._commands

    def missing(self, command: str) -> str | None:
        if command in self.commands():
            return None
        return f"this build has no `crmdesk {command}` command yet (has: {sorted(self.commands())})"

    # --- the checks ---------------------------------------------------------
    def check_version(self) -> Result:
        done = self.run("--version")
        want = f"crmdesk {expected_version()}"
        if done.returncode != 0 or done.stdout.strip() != want:
            return Result("version", "fail", f"got {done.stdout!r} {done.stderr!r}, want {want!r}")
        return Result("version", "pass", want)

    def check_demo(self) -> Result:
        done = self.crmdesk("demo", "--accounts", "50")
        stats = json.loads(self.crmdesk("stats", "--json").stdout)
        if stats.get("accounts") != 50 or not stats.get("contacts"):
            return Result("demo", "fail", f"stats after demo: {stats}")
        return Result("demo", "pass", (done.stdout or done.stderr).strip())

    def first_account(self) -> str:
        rows = json.loads(self.crmdesk("accounts", "--tier", "strategic", "--json").stdout)
        if not rows:
            rows = json.loads(self.crmdesk("accounts", "--json").stdout)
        return str(rows[0]["name"])

    def check_plan(self) -> Result:
        reason = self.missing("plan")
        if reason:
            return Result("plan", "skip", reason)
        from pypdf import PdfReader

        name = self.first_account()
        pdf = self.workdir / "plan.pdf"
        self.crmdesk("plan", name, "-o", str(pdf))
        reader = PdfReader(str(pdf))
        text = " ".join(page.extract_text() or "" for page in reader.pages)
        if not reader.pages or name.split()[0] not in text:
            return Result("plan", "fail", f"{len(reader.pages)} page(s), {name!r} not in the text")
        return Result("plan", "pass", f"{len(reader.pages)} page(s) for {name}")

    def write_xlsx(self) -> Path:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "Contacts"
        for row in IMPORT_ROWS:
            sheet.append(list(row))
        path = self.workdir / "contacts.xlsx"
        book.save(path)
        return path

    def check_import(self) -> Result:
        reason = self.missing("import")
        if reason:
            return Result("import", "skip", reason)
        path = self.write_xlsx()
        # The reader runs in a spawn child process: in the frozen build this
        # proves multiprocessing.freeze_support() is wired.
        done = self.crmdesk("import", str(path), "--yes", "--json")
        rows = json.loads(self.crmdesk("accounts", "--search", "Quarzwerk", "--json").stdout)
        if IMPORT_ACCOUNT not in [row["name"] for row in rows]:
            return Result("import", "fail", f"{IMPORT_ACCOUNT} missing; import said {done.stdout}")
        return Result("import", "pass", f"{IMPORT_ACCOUNT} imported")

    def check_window(self, seconds: float = 8.0) -> Result:
        """``crmdesk FILE.xlsx`` (what a file manager runs) starts the window
        on the offscreen platform and keeps running: the Qt plugins load and
        nothing crashes. Stopped after ``seconds``."""
        path = self.write_xlsx()
        process = subprocess.Popen(
            [*self.program, "--db", str(self.db), str(path)],
            cwd=self.workdir,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            out, err = process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.terminate()
            out, err = process.communicate(timeout=30)
            if "Traceback" in err:
                return Result("window", "fail", f"traceback while running:\n{err[-4000:]}")
            return Result("window", "pass", f"window up for {seconds:.0f} s with {path.name}")
        return Result("window", "fail", f"exited {process.returncode} early:\n{err[-4000:]}")

    def all(self) -> list[Result]:
        results = []
        for check in (
            self.check_version,
            self.check_demo,
            self.check_plan,
            self.check_import,
            self.check_window,
        ):
            try:
                results.append(check())
            except (AssertionError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
                results.append(Result(check.__name__.removeprefix("check_"), "fail", str(exc)))
        return results


def main(argv: list[str]) -> int:
    """``python packaging/smoke.py PROGRAM...``: every check against each
    program, one line each, then one total line; exit 1 if any failed."""
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    counts = {"pass": 0, "fail": 0, "skip": 0}
    for program in argv:
        print(f"{program}:")
        with tempfile.TemporaryDirectory(prefix="crmdesk-smoke-") as tmp:
            results = Smoke([str(Path(program).resolve())], Path(tmp)).all()
        for result in results:
            counts[result.status] += 1
            lines = result.detail.splitlines() or [""]
            print(f"  {result.status.upper():4}  {result.name:8}  {lines[0]}")
            if result.status == "fail":
                print("\n".join("        " + line for line in lines[1:]))
    print(f"smoke: {counts['pass']} passed, {counts['fail']} failed, {counts['skip']} skipped")
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
