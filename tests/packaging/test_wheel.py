"""The wheel a user installs really runs: built from a copy of the tree,
installed into a fresh virtual environment outside the checkout, driven by
the ``crmdesk`` command from a temporary folder. The source copy is deleted
before anything runs, so a path into the source tree would fail here.

One module-scoped build (about a minute: most of it is pip unpacking PySide6
from the local package cache); each smoke step is its own test.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
_SKIP_DIRS = {
    ".git",
    ".venv",
    "build",
    "dist",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
    ".hypothesis",
    "bench-results",
}


def _load_smoke():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("crmdesk_smoke", ROOT / "packaging" / "smoke.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


smoke = _load_smoke()


def _copy_tree(dest: Path) -> None:
    def ignore(folder: str, names: list[str]) -> set[str]:
        return {
            n
            for n in names
            if n in _SKIP_DIRS
            or n.endswith((".egg-info", ".pyc", ".sqlite3", ".sqlite3-wal", ".sqlite3-shm"))
        }

    shutil.copytree(ROOT, dest, ignore=ignore)


def _run(*args: str | Path, cwd: Path, timeout: float = 600) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    base = tmp_path_factory.mktemp("wheel")
    source, dist = base / "source", base / "dist"
    _copy_tree(source)
    # sdist first, then the wheel built from the unpacked sdist: proves the
    # sdist alone is enough to build what users install.
    build = subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(source)],
                           cwd=base, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    (base / "build.log").write_text(build.stdout + build.stderr)
    wheel = next(dist.glob("crmdesk-*.whl"))
    sdist = next(dist.glob("crmdesk-*.tar.gz"))
    venv = base / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=base)
    (base / "expected.txt").write_text("\n".join(sorted(_runtime_files(source))))
    shutil.rmtree(source)  # from here on, nothing can read the source tree copy
    _run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel, cwd=base)
    yield {"wheel": wheel, "sdist": sdist, "venv": venv, "expected": base / "expected.txt",
           "log": base / "build.log"}  # fmt: skip


# What our own packaging configuration made setuptools say (issue 13: ~300
# lines on every install). The environment's own notes (pip's index mirrors,
# byte-compiling disabled by PYTHONDONTWRITEBYTECODE) are not ours.
OUR_WARNINGS = (
    "BuildBackendWarning",
    "SetuptoolsDeprecationWarning",
    "is absent from the `packages` configuration",
    "no previously-included files",
    "project.license",
)


def test_building_prints_no_warning_about_our_configuration(built: dict[str, Path]) -> None:
    log = built["log"].read_text()
    assert "Successfully built" in log
    found = [line.strip() for line in log.splitlines() if any(w in line for w in OUR_WARNINGS)]
    assert not found, "\n".join(found[:20])


@pytest.fixture(scope="module")
def runner(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    work = tmp_path_factory.mktemp("smoke")
    return smoke.Smoke([str(built["venv"] / "bin" / "crmdesk")], work)


def _package_files(folder: Path, target: str, suffixes: tuple[str, ...] | None = None) -> set[str]:
    return {
        f"{target}/{p.relative_to(folder).as_posix()}"
        for p in folder.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and not p.name.endswith(".pyc")
        and (suffixes is None or p.suffix in suffixes)
    }


def _runtime_files(source: Path) -> set[str]:
    """Where each file of the tree that the app needs at run time must be in
    the wheel (resources/ installs as crmdesk/resources)."""
    return _package_files(
        source / "crmdesk", "crmdesk", (".py", ".ini", ".mako", ".typed", ".qm")
    ) | _package_files(source / "resources", "crmdesk/resources")


def test_wheel_carries_every_runtime_file(built: dict[str, Path]) -> None:
    # One version: crmdesk.__version__ is the package metadata's version too.
    assert built["wheel"].name.startswith(f"crmdesk-{smoke.expected_version()}-")
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    wanted = set(built["expected"].read_text().split("\n"))
    assert "crmdesk/resources/icons/crmdesk.svg" in wanted
    assert "crmdesk/db/alembic.ini" in wanted
    missing = sorted(wanted - names)
    assert not missing, f"not in the wheel: {missing}"
    assert any(n.startswith("crmdesk/gui/forms/ui_") for n in names), "compiled forms missing"
    assert any(n.startswith("crmdesk/db/migrations/versions/0001") for n in names)


def test_sdist_carries_sources_of_generated_files(built: dict[str, Path]) -> None:
    import tarfile

    with tarfile.open(built["sdist"]) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for wanted in (
        "ui/main_window.ui",
        "resources/icons/crmdesk.svg",
        "packaging/crmdesk.spec",
        "packaging/linux/io.github.crmdesk.CrmDesk.desktop",
        "crmdesk/db/alembic.ini",
    ):
        assert wanted in names, f"{wanted} not in the sdist"


def test_installed_package_reads_only_its_own_files(built: dict[str, Path]) -> None:
    code = (
        "import crmdesk, crmdesk.assets as a, crmdesk.db.migrate as m;"
        "print(crmdesk.__file__);"
        "print(a.resource_path('icons', 'crmdesk.svg'));"
        "print(m.alembic_config().get_main_option('script_location'))"
    )
    out = _run(built["venv"] / "bin" / "python", "-c", code, cwd=built["venv"])
    paths = out.split()
    assert len(paths) == 3
    for path in paths:
        assert Path(path).is_relative_to(built["venv"]), f"{path} is outside the installed venv"
        assert not Path(path).is_relative_to(ROOT)


def _check(result) -> None:  # type: ignore[no-untyped-def]
    if result.status == "skip":
        pytest.skip(result.detail)
    assert result.status == "pass", result.detail


def test_version(runner) -> None:  # type: ignore[no-untyped-def]
    _check(runner.check_version())


def test_demo(runner) -> None:  # type: ignore[no-untyped-def]
    _check(runner.check_demo())


def test_plan_pdf(runner) -> None:  # type: ignore[no-untyped-def]
    if not runner.db.exists():
        runner.check_demo()
    _check(runner.check_plan())


def test_import_xlsx(runner) -> None:  # type: ignore[no-untyped-def]
    _check(runner.check_import())


def test_file_argument_opens_the_window(runner) -> None:  # type: ignore[no-untyped-def]
    _check(runner.check_window(seconds=5))
