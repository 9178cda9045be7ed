"""The printed side and the commands: the review pack's analysis pages and
the "ask them" questionnaire read back with pypdf; the retention commands
as a user runs them (real processes, JSON read back)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from crmdesk.core.plan_document import build_pack
from crmdesk.core.portfolio import AccountFilter
from crmdesk.core.questionnaire import OPEN_QUESTIONS, gather_questionnaire
from crmdesk.reports.pack_pdf import write_pack_pdf
from crmdesk.reports.questionnaire_pdf import render_questionnaire
from tests.reports.helpers import assert_structurally_sound, pdf_text

from .portfolio import NOW, build


def test_pack_has_a_portfolio_analysis_section_with_the_figures(db, tmp_path):
    build(db)
    pack = build_pack(db, AccountFilter(), now=NOW)
    assert pack.analysis is not None
    assert pack.analysis.rate("2026-Q2", pack.analysis.defection[0].tier).quarter == "2026-Q2"
    out = write_pack_pdf(pack, tmp_path / "pack.pdf")
    assert_structurally_sound(out)
    pages = pdf_text(out)
    assert "Portfolio analysis" in pages[1]  # in the contents
    start = next(i for i, t in enumerate(pages) if t.lstrip().startswith("Portfolio analysis"))
    section = "\n".join(pages[start : start + 4])
    for words in ("Defection rate per quarter and tier", "3/12", "1/4",
                  "Annual value lost by defection type", "200,000", "Retention by acquisition",
                  "Life-cycle funnel", "Complaints opened and closed per month", "4 days",
                  "2 days", "Satisfaction by tier", "Trans 04"):  # fmt: skip
        assert words in section, words


def test_questionnaire_is_one_page_with_the_questions_and_people(db, tmp_path):
    from crmdesk.core import contacts

    ids = build(db)
    contacts.create_contact(db, ids["T10"], first_name="Øyvind", last_name="Sæther",
                            buying_role="decision_maker", job_title="CEO")  # fmt: skip
    data = gather_questionnaire(db, ids["T10"], now=NOW)
    assert data.last_answer == "CSAT (1–5) 4 on 2026-07-01"
    out = render_questionnaire(data, tmp_path / "ask.pdf")
    assert_structurally_sound(out)
    pages = pdf_text(out)
    assert len(pages) == 1
    text = pages[0]
    assert "Ask them: Trans 10" in text and "Øyvind Sæther" in text
    assert "recommend us" in text and all(q[:30] in text for q in OPEN_QUESTIONS)


def _crmdesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "crmdesk", *args], capture_output=True,
                          text=True, env=env, timeout=120)  # fmt: skip


@pytest.fixture
def portfolio_file(db, db_path):
    ids = build(db)
    db.dispose()
    return db_path, ids


def test_commands_print_what_the_core_computes(portfolio_file):
    path, ids = portfolio_file
    db = ("--db", str(path))
    listed = _crmdesk(*db, "complaints", "--open", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    # today, long after the fixture dates: every open one is overdue
    assert [r["signal"] for r in rows] == ["overdue"] * 3 + ["awaiting_confirmation"]
    strategic = _crmdesk(*db, "complaints", "--tier", "strategic", "--json")
    assert [r["account"] for r in json.loads(strategic.stdout)] == ["Strategic One"]

    resolved = _crmdesk(*db, "complaint", "resolve", str(ids["c_trans"]), "--action",
                        "Price corrected", "--confirmed", "--json")  # fmt: skip
    assert resolved.returncode == 0, resolved.stderr
    body = json.loads(resolved.stdout)
    assert (body["signal"], body["customer_confirmed"]) == ("closed", True)
    missing = _crmdesk(*db, "complaint", "resolve", str(ids["c_partner"]))
    assert missing.returncode == 1
    assert missing.stderr.strip() == "crmdesk: Recovery action is required"

    recorded = _crmdesk(*db, "satisfaction", "Trans 06", "--record", "nps", "10", "--json")
    assert recorded.returncode == 0, recorded.stderr
    assert json.loads(recorded.stdout)["account"]["nps_class"] == "promoter"
    wrong = _crmdesk(*db, "satisfaction", "Trans 06", "--record", "csat", "9")
    assert wrong.returncode == 1 and "between 1 and 5" in wrong.stderr

    winback = json.loads(_crmdesk(*db, "winback", "--json").stdout)
    assert winback[0]["account"] == "Partner 0" and winback[0]["value_lost"] == "200000.00"
    analysed = _crmdesk(*db, "analyse", "--json")
    assert analysed.returncode == 0, analysed.stderr
    assert json.loads(analysed.stdout)["referrals"]["given"] == 2

    ask = _crmdesk(*db, "questionnaire", "Trans 10", "-o", str(path.parent / "ask.pdf"))
    assert ask.returncode == 0, ask.stderr
    assert len(pdf_text(path.parent / "ask.pdf")) == 1
