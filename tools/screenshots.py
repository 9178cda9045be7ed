"""Remake the README's screenshots (``make screenshots``): the main window,
the People tab, the plan editor, the import preview and My follow-ups, at
1366×768 and 1920×1080, on a copy of the demo data. Runs off screen (no X
server needed); each window is grabbed at the size it takes on that screen.

    python tools/screenshots.py [--out resources/screenshots] [--db demo.sqlite3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# (name, available screen area: the screen less a 32 px panel)
SCREENS = (("1366x768", 1366, 768 - 32), ("1920x1080", 1920, 1080 - 32))
TITLE_BAR = 30
IMPORT_SAMPLE = Path(__file__).resolve().parent.parent / "tests/fixtures/import/messe.xlsx"


def _settle(app: object, rounds: int = 30) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def _first(window: object, tier: str) -> int:
    from crmdesk.core.portfolio import AccountFilter, list_accounts
    from crmdesk.db.enums import Tier

    rows = list_accounts(window.db, AccountFilter(tiers=frozenset({Tier(tier)})), limit=1)  # type: ignore[attr-defined]
    return rows[0].id


def _ensure_plan(window: object, account_id: int) -> None:
    from crmdesk.core import plans

    db = window.db  # type: ignore[attr-defined]
    if not plans.plans_for_account(db, account_id):
        year = date.today().year
        plans.create_plan(db, account_id, date(year, 1, 1), date(year, 12, 31))


def shoot(db_path: Path, out: Path) -> list[Path]:
    from PySide6.QtCore import QRect, QSettings, QSize
    from PySide6.QtWidgets import QApplication

    from crmdesk.app import create_window
    from crmdesk.gui.common.settings import Settings
    from crmdesk.gui.window_state import restore_geometry

    made: list[Path] = []
    for name, width, height in SCREENS:
        settings_dir = tempfile.mkdtemp(prefix="crmdesk-shots-")
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, settings_dir)
        window = create_window(db_path)
        app = QApplication.instance()
        area = QRect(0, 0, width, height - TITLE_BAR)
        window.settings = Settings(QSettings())
        restore_geometry(window, window.settings, areas=[area])
        window.resize(min(window.width(), width), min(window.height(), area.height()))
        window.show()
        _settle(app)

        def save(widget: object, what: str, name: str = name, app: object = app) -> None:
            path = out / f"{what}-{name}.png"
            _settle(app, 10)
            widget.grab().save(str(path))  # type: ignore[attr-defined]
            made.append(path)

        strategic = _first(window, "strategic")
        _ensure_plan(window, strategic)
        window.open_account(strategic)
        _settle(app)
        save(window, "main-window")
        pane = window.account_pane
        pane.tabs.setCurrentWidget(pane.ui.peopleTab)
        save(window, "account-people")
        plan_tab = next(
            pane.tabs.widget(i) for i in range(pane.tabs.count()) if pane.tabs.tabText(i) == "Plan"
        )
        pane.tabs.setCurrentWidget(plan_tab)
        _settle(app)
        save(window, "plan-editor")
        plan_tab.ui.sectionList.setCurrentRow(1)  # Objectives
        save(window, "plan-objectives")
        pane.tabs.setCurrentIndex(0)

        from crmdesk.gui.common.sizing import fit_to_screen
        from crmdesk.gui.import_wizard.dialog import ImportWizard

        wizard = ImportWizard(window, str(IMPORT_SAMPLE))
        # off screen, Qt's screen is 800×600: size the dialog for this one
        fit_to_screen(wizard, QSize(900, 620), 0.75, area=area)
        wizard.show()
        for _ in range(6):  # file -> sheet -> mapping -> preview
            _settle(app)
            while wizard.job is not None:
                _settle(app, 5)
            if wizard.model is not None:
                break
            wizard.next_page()
        _settle(app)
        save(wizard, "import-preview")
        wizard.reject()

        view = window.actions_.my_follow_ups()
        _settle(app)
        save(view, "follow-ups")
        view.close()
        window.account_pane.ask_unsaved = lambda: None  # nothing was edited
        window.close()
        shutil.rmtree(settings_dir, ignore_errors=True)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("resources/screenshots"))
    parser.add_argument("--db", type=Path, help="a demo database (made when not given)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="crmdesk-shots-") as tmp:
        db_path = Path(tmp) / "demo.sqlite3"
        if args.db:
            shutil.copy(args.db, db_path)
        else:
            crmdesk = [sys.executable, "-m", "crmdesk", "--db", str(db_path), "demo"]
            subprocess.run(crmdesk, check=True, stdout=subprocess.DEVNULL)
        os.environ.setdefault("CRMDESK_CONFIG", str(Path(tmp) / "config"))
        for path in shoot(db_path, args.out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
