"""Accounts without a plan (issue 13, PDFs): the CLI says so instead of
printing pages of "No plan recorded", a pack gives them one compact page,
and a pack of everything has to be asked for."""

from __future__ import annotations

from pypdf import PdfReader

from crmdesk.cli import main
from crmdesk.core import accounts, activities, contacts
from crmdesk.core.plan_document import build_pack, build_plan_document
from crmdesk.core.portfolio import AccountFilter
from crmdesk.db.enums import Tier
from crmdesk.db.migrate import open_database
from crmdesk.db.types import utcnow
from crmdesk.reports.plan_pdf import write_plan_pdf

from .helpers import pdf_text, stranded_headings


def _planless(db, name: str = "Planless Trading GmbH", tier: str = "partner") -> int:
    a = accounts.create_account(db, name=name, tier=tier, owner="Chen Wei", industry="Retail")
    for n in range(20):
        contacts.create_contact(db, a.id, first_name="Person", last_name=f"P{n:02d}",
                                level="operational")  # fmt: skip
    activities.log_activity(db, a.id, kind="call", subject="Quarterly catch-up",
                            occurred_at=utcnow())  # fmt: skip
    return a.id


def test_account_without_plan_gets_one_compact_page(db, tmp_path):
    doc = build_plan_document(db, _planless(db))
    out = write_plan_pdf(doc, tmp_path / "summary.pdf")
    pages = pdf_text(out)
    assert len(pages) == 1
    text = pages[0]
    assert "No plan is recorded for this period" in text
    assert 'crmdesk plan-new "Planless Trading GmbH"' in " ".join(text.split())
    for heading in ("Snapshot", "Stakeholders", "Recent activity", "Open follow-ups"):
        assert heading in text
    assert "Quarterly catch-up" in text and "… and 8 more people." in text
    assert "No plan recorded for this period." not in text  # no template of empty headings
    assert "SWOT" not in text and "Objectives" not in text


def test_pack_gives_planless_accounts_a_page_and_needs_a_choice(tmp_path, capsys):
    path = tmp_path / "crm.sqlite3"
    assert main(["--db", str(path), "demo", "--accounts", "40"]) == 0
    base = ["--db", str(path)]
    out = tmp_path / "pack.pdf"
    capsys.readouterr()

    assert main([*base, "pack", "-o", str(out)]) == 2  # no choice, no --all
    err = capsys.readouterr().err
    assert "--all" in err and len(err.strip().splitlines()) == 1 and not out.exists()

    assert main([*base, "pack", "--tier", "transactional", "-o", str(out)]) == 0
    reader = PdfReader(out)
    db = open_database(f"sqlite:///{path}")
    pack = build_pack(db, AccountFilter(tiers=frozenset({Tier.TRANSACTIONAL})))
    db.dispose()
    assert not any(p.has_plan for p in pack.plans)
    # cover, contents, the portfolio summary (its health table can take a
    # second page), the portfolio analysis (seven charts: up to four pages),
    # then one page per account without a plan
    analysis_pages = 4 if pack.analysis is not None else 0
    assert len(reader.pages) <= 4 + analysis_pages + len(pack.plans) + 1
    assert stranded_headings(out) == []

    assert main([*base, "pack", "--all", "-o", str(out)]) == 0
    assert "40 accounts" in capsys.readouterr().err


def test_plan_of_an_account_without_plan_is_refused_unless_asked(tmp_path, capsys):
    path = tmp_path / "crm.sqlite3"
    db = open_database(f"sqlite:///{path}")
    _planless(db, "Corner Shop Ltd", tier="transactional")
    db.dispose()
    base = ["--db", str(path)]
    target = tmp_path / "shop.pdf"
    assert main([*base, "plan", "Corner Shop", "-o", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "has no plan for this period" in err and 'plan-new "Corner Shop Ltd"' in err
    assert not target.exists()
    assert main([*base, "plan", "Corner Shop", "-o", str(target), "--without-plan"]) == 0
    assert "summary (no plan for this period)" in capsys.readouterr().err
    assert len(PdfReader(target).pages) == 1
