"""A realistic account with a plan, built through the services, and PDF
reading helpers shared by the report tests."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader

from crmdesk.core import accounts, activities, contacts, plans
from crmdesk.core.plan_data import ItemData
from crmdesk.db.engine import Database
from crmdesk.db.types import utcnow


def rich_account(db: Database, *, tier: str = "strategic", name: str = "Ørsted Føroyar Ltd") -> int:
    """An account with a CEO and reports at several levels (Cyrillic, Greek
    and Chinese names), a year of activity, an open complaint, falling
    satisfaction and a plan for this year with every section filled."""
    account = accounts.create_account(
        db, name=name, tier=tier, owner="Dana Kowalczyk", annual_value="1250000",
        potential_value="2000000", industry="Energy", country="DK",
    )  # fmt: skip
    ceo = contacts.create_contact(
        db, account.id, first_name="Иван", last_name="Петров", job_title="Chief Executive",
        level="executive", buying_role="decision_maker", stance="preferer",
        relationship_holder="Dana Kowalczyk",
    )  # fmt: skip
    cfo = contacts.create_contact(
        db, account.id, first_name="Νίκος", last_name="Παπαδόπουλος", job_title="CFO",
        level="senior_management", buying_role="economic_buyer", stance="indifferent",
        reports_to_id=ceo.id,
    )  # fmt: skip
    buyer = contacts.create_contact(
        db, account.id, first_name="伟", last_name="王", job_title="Head of Purchasing",
        level="middle_management", buying_role="champion", stance="knower",
        reports_to_id=cfo.id,
    )  # fmt: skip
    contacts.create_contact(
        db, account.id, first_name="Zoë", last_name="Müller-Lüdenscheidt", job_title="Planner",
        level="operational", buying_role="user", stance="rejecter", reports_to_id=buyer.id,
    )  # fmt: skip
    now = utcnow()
    for days in range(5, 360, 12):
        activities.log_activity(
            db, account.id, kind="call", subject=f"Call {days}",
            occurred_at=now - timedelta(days=days), contact_ids=[buyer.id],
        )  # fmt: skip
    activities.log_activity(
        db, account.id, kind="complaint", subject="Late delivery of order 4711",
        occurred_at=now - timedelta(days=20), complaint_status="open",
    )  # fmt: skip
    for days, score in ((300, 9), (200, 8), (40, 4)):
        activities.log_activity(
            db, account.id, kind="satisfaction_check", subject="Satisfaction check",
            occurred_at=now - timedelta(days=days), satisfaction_score=score,
        )  # fmt: skip
    activities.log_activity(
        db, account.id, kind="task", subject="Send the revised quote",
        occurred_at=now - timedelta(days=10), due_at=now - timedelta(days=3),
    )  # fmt: skip
    today = date.today()
    plan = plans.create_plan(db, account.id, date(today.year, 1, 1), date(today.year, 12, 31))
    items = [
        *(plans.item_data(row) for row in plan.items),
        ItemData("strength", "Trusted delivery record"),
        ItemData("weakness", "Single contact in logistics"),
        ItemData("swot_opportunity", "New plant in Aarhus"),
        ItemData("threat", "Low-cost importer"),
        ItemData("competitor", "Nordic Supply A/S", detail="Cheaper, slower", impact="medium"),
        ItemData("opportunity", "Aarhus plant fit-out", value="250000", stage="proposal",
                 expected_close=today + timedelta(days=60), owner="Dana Kowalczyk"),
        ItemData("risk", "Price pressure from importer", likelihood="medium", impact="high",
                 mitigation="Total cost of ownership study"),
        ItemData("action", "Book executive review with Петров", owner="Dana Kowalczyk",
                 due_date=today + timedelta(days=14), status="open"),
    ]  # fmt: skip
    plans.save_plan(
        db, plan.id, status="active", items=items,
        texts={
            "since_last_review": "Volumes up 12 %; one late delivery.",
            "customer_priorities": "Decarbonise the fleet by 2030.",
            "customer_markets": "Utilities in the Nordics and the Baltics.",
            "relationship_strategy": "Executive sponsorship; joint roadmap.",
            "value_proposition": "Lowest total cost of ownership with guaranteed uptime.",
            "review_of_last_period": "Met three of four objectives.",
        },
    )  # fmt: skip
    return account.id


def pdf_text(path: Path) -> list[str]:
    reader = PdfReader(path, strict=True)
    return [page.extract_text() for page in reader.pages]


def assert_structurally_sound(path: Path) -> None:
    """pypdf in strict mode reads every page; qpdf --check, when installed,
    finds no error."""
    reader = PdfReader(path, strict=True)
    for page in reader.pages:
        page.extract_text()
    if shutil.which("qpdf"):
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


HEADING_SIZES = (15.0, 11.5, 9.5)  # h1, h2, h3 (bold); see reports.styles


def stranded_headings(path: Path) -> list[tuple[int, str]]:
    """Headings that are the last thing in the body of a page (nothing of
    their section under them), as (page number, text)."""
    out = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        top = float(page.mediabox.height) - 50  # below the running header
        runs: list[tuple[float, float, bool, str]] = []

        def visit(text, cm, tm, font, size, runs=runs, top=top):  # type: ignore[no-untyped-def]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and 49 < y < top:  # the body, not header or footer
                bold = "Bold" in str((font or {}).get("/BaseFont", ""))
                runs.append((y, size, bold, text.strip()))

        page.extract_text(visitor_text=visit)
        if not runs:
            continue
        lowest = min(y for y, *_ in runs)
        last = [r for r in runs if r[0] - lowest < 2]
        if all(bold and size in HEADING_SIZES for _y, size, bold, _t in last):
            out.append((number, " ".join(t for *_r, t in last)))
    return out
