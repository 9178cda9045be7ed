"""Compile the Qt Designer forms in ``ui/`` into ``crmdesk/gui/forms/``.

``ui/*.ui`` is the single source of every form's layout; the generated
``ui_<name>.py`` modules are committed so that running the app needs no
build step. ``make forms`` runs this; a test recompiles into a temporary
folder and fails when a committed form is stale or missing.

    python -m crmdesk.gui.build_forms [--check]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
FORMS_DIR = Path(__file__).resolve().parent / "forms"
# uic writes its own version into this header line; it is not part of the form
_VOLATILE = ("## Created by: Qt User Interface Compiler version",)


def uic_executable() -> Path:
    base = Path(PySide6.__file__).resolve().parent
    candidates = [base / "Qt" / "libexec" / "uic", base / "uic", base / "uic.exe"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("pyside6's uic was not found next to PySide6")


def target_name(ui_file: Path) -> str:
    return f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path, out_file: Path) -> None:
    cmd = [
        os.fspath(uic_executable()),
        "-g",
        "python",
        os.fspath(ui_file),
        "-o",
        os.fspath(out_file),
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"uic failed on {ui_file.name}: {result.stderr.strip()}")


def compile_all(ui_dir: Path = UI_DIR, out_dir: Path = FORMS_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    init = out_dir / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated from ui/*.ui by crmdesk.gui.build_forms; do not edit."""\n')
    written = []
    for ui_file in sorted(ui_dir.glob("*.ui")):
        target = out_dir / target_name(ui_file)
        compile_form(ui_file, target)
        written.append(target)
    return written


def _normalised(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith(_VOLATILE)]


def stale_forms(ui_dir: Path = UI_DIR, out_dir: Path = FORMS_DIR) -> list[str]:
    """Names of compiled forms that are missing, out of date, or orphaned."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = compile_all(ui_dir, Path(tmp))
        for new in fresh:
            old = out_dir / new.name
            if not old.is_file():
                problems.append(f"{new.name} (missing)")
            elif _normalised(old.read_text("utf-8")) != _normalised(new.read_text("utf-8")):
                problems.append(f"{new.name} (stale)")
        expected = {p.name for p in fresh}
        for old in sorted(out_dir.glob("ui_*.py")):
            if old.name not in expected:
                problems.append(f"{old.name} (no ui/{old.stem[3:]}.ui)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale forms")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale_forms()
        for problem in problems:
            print(f"stale form: {problem}", file=sys.stderr)
        return 1 if problems else 0
    for path in compile_all():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
