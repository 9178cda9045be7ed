"""``crmdesk plan`` and ``crmdesk pack`` run as a user runs them: a real
process, exit codes, one-line errors, PDFs read back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from crmdesk.cli import main
from crmdesk.core.accounts import create_account
from crmdesk.db.migrate import open_database

from .helpers import assert_structurally_sound, rich_account


def crmdesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "crmdesk", *args], capture_output=True,
                          text=True, env=env, timeout=120)  # fmt: skip


@pytest.mark.slow
def test_plan_and_pack_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "crm.sqlite3"
    db = open_database(f"sqlite:///{path}")
    rich_account(db, name="Nordlicht Energie GmbH")
    create_account(db, name="Nordlicht Logistik AG", tier="partner", owner="Chen Wei")
    uuid = str(create_account(db, name="Solo Trading", tier="transactional").uuid)
    db.dispose()
    base = ("--db", str(path))

    out = tmp_path / "plan.pdf"
    result = crmdesk(*base, "plan", "nordlicht energie", "-o", str(out), "--page-size", "letter")
    assert result.returncode == 0, result.stderr
    assert_structurally_sound(out)
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.height)) == 792
    assert "Nordlicht Energie GmbH" in reader.pages[0].extract_text()

    ambiguous = crmdesk(*base, "plan", "Nordlicht", "-o", str(tmp_path / "x.pdf"))
    assert ambiguous.returncode == 1
    assert "Nordlicht Energie GmbH" in ambiguous.stderr
    assert "Nordlicht Logistik AG" in ambiguous.stderr
    assert "Traceback" not in ambiguous.stderr
    assert not (tmp_path / "x.pdf").exists()

    pack = tmp_path / "pack.pdf"
    result = crmdesk(*base, "pack", "--tier", "strategic", "--tier", "partner", "-o", str(pack))
    assert result.returncode == 0, result.stderr
    assert "2 accounts" in result.stderr
    assert_structurally_sound(pack)
    text = "\n".join(p.extract_text() for p in PdfReader(pack).pages)
    assert "Nordlicht Energie GmbH" in text and "Nordlicht Logistik AG" in text
    assert "Solo Trading" not in text

    # the remaining cases in-process: same parser and handlers, no start-up cost
    by_uuid = tmp_path / "solo.pdf"
    assert main([*base, "plan", uuid, "-o", str(by_uuid)]) == 0
    assert "Solo Trading" in PdfReader(by_uuid).pages[0].extract_text()
    assert main([*base, "plan", "Nobody", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "no account named 'Nobody'" in capsys.readouterr().err
    assert main([*base, "pack", "--account", "Solo", "--owner", "Nobody", "-o", str(pack)]) == 1
    assert "no accounts match" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main([*base, "pack", "--tier", "gold", "-o", str(pack)])
    assert usage.value.code == 2 and "'gold' is not one of" in capsys.readouterr().err
    assert main([*base, "pack", "-o", str(tmp_path / "no" / "pack.pdf")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_plan_new_and_plans(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    import json

    path = tmp_path / "crm.sqlite3"
    db = open_database(f"sqlite:///{path}")
    rich_account(db, name="Fjord Freight AS")
    db.dispose()
    base = ["--db", str(path)]
    args = ["plan-new", "Fjord", "--start", "2031-01-01", "--end", "2031-12-31"]
    assert main([*base, *args]) == 0
    assert "copied from the previous plan" in capsys.readouterr().err
    assert main([*base, *args]) == 1
    assert "already has a plan" in capsys.readouterr().err
    assert main([*base, "plans", "Fjord", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["period_start"] for r in rows][0] == "2031-01-01"
    assert rows[0]["status"] == "draft" and rows[0]["entries"] == rows[1]["entries"]
