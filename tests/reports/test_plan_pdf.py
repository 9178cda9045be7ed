"""Account plan PDFs read back with pypdf: page size, headings, names."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from crmdesk.core import accounts, contacts, plans
from crmdesk.core.plan_data import ItemData
from crmdesk.core.plan_document import build_plan_document
from crmdesk.core.plan_templates import HEADINGS, template_for
from crmdesk.db.enums import Tier
from crmdesk.errors import CrmError
from crmdesk.reports.plan_pdf import write_plan_pdf

from .helpers import assert_structurally_sound, pdf_text, rich_account


def _heading_present(heading: str, text: str) -> bool:
    return " ".join(heading.split()) in " ".join(text.split())


@pytest.mark.parametrize(("size", "points"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_strategic_plan_pdf(db, tmp_path, size, points):
    account_id = rich_account(db)
    out = write_plan_pdf(build_plan_document(db, account_id), tmp_path / "plan.pdf", size=size)
    assert_structurally_sound(out)
    reader = PdfReader(out)
    assert 2 <= len(reader.pages) <= 6
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == points
    pages = pdf_text(out)
    text = "\n".join(pages)
    assert "Ørsted Føroyar Ltd" in pages[0] and "Strategic account" in pages[0]
    for section in template_for(Tier.STRATEGIC).sections:
        assert _heading_present(HEADINGS[section], text), HEADINGS[section]
    for sub in ("Their customers and markets", "Joint strategy and initiatives", "Coverage gaps",
                "Defection signals proposed from the data", "Open follow-ups"):  # fmt: skip
        assert sub in text
    # non-ASCII names come back out intact, drawn in the org chart and listed in the table
    assert text.count("Иван Петров") >= 2
    assert text.count("Νίκος Παπαδόπουλος") >= 2
    assert "王" in text and "Zoë" in text
    # the plan's own content and the data-driven parts
    assert "Decarbonise the fleet by 2030." in text
    assert "Aarhus plant fit-out" in text and "250,000 EUR" in text
    assert "1 open complaint" in text and "Satisfaction falling" in text
    assert "Activities per month" in text and "Satisfaction over time" in text
    assert "Send the revised quote" in text and "overdue" in text
    assert f"page 1 of {len(pages)}" in pages[0]
    assert "page 2 of" in pages[1] and "Ørsted Føroyar Ltd" in pages[1]  # running header


def test_transactional_plan_is_short_and_an_account_without_plan_says_so(db, tmp_path):
    a = accounts.create_account(db, name="Corner Shop Ltd", tier="transactional")
    contacts.create_contact(db, a.id, first_name="Ana", last_name="Lòpez", buying_role="user")
    plan = plans.create_plan(db, a.id, "2026-01-01", "2026-12-31")
    out = write_plan_pdf(build_plan_document(db, a.id), tmp_path / "t.pdf")
    assert_structurally_sound(out)
    text = "\n".join(pdf_text(out))
    assert "SWOT" not in text  # transactional plans are short
    for section in template_for(Tier.TRANSACTIONAL).sections:
        assert _heading_present(HEADINGS[section], text)
    assert "Ana Lòpez" in text
    assert "No satisfaction checks recorded" in text
    plans.delete_plan(db, plan.id)
    out = write_plan_pdf(build_plan_document(db, a.id), tmp_path / "none.pdf")
    pages = pdf_text(out)
    assert len(pages) == 1 and "No plan is recorded for this period" in pages[0]
    assert "Ana Lòpez" in pages[0]


def test_long_text_splits_and_long_values_wrap(db, tmp_path):
    a = accounts.create_account(db, name="Verbose Industries", tier="partner")
    plan = plans.create_plan(db, a.id, "2026-01-01", "2026-12-31")
    essay = "\n\n".join(f"Paragraph {n}: " + "the customer wants more " * 60 for n in range(40))
    unbroken = "X" * 400
    items = [ItemData("action", unbroken, owner="O" * 90, detail="word " * 400)]
    items += [ItemData("strength", f"Strength number {n} " + "good " * 30) for n in range(30)]
    plans.save_plan(db, plan.id, texts={"customer_priorities": essay}, items=items)
    for n in range(25):
        contacts.create_contact(db, a.id, last_name=f"Person{n:02d}", level="operational")
    out = write_plan_pdf(build_plan_document(db, a.id), tmp_path / "long.pdf")
    assert_structurally_sound(out)
    pages = pdf_text(out)
    assert len(pages) > 5
    text = "\n".join(pages)
    assert "Paragraph 39:" in text  # nothing lost at the end of the split text
    assert "Strength number 29" in text
    assert "(in full)" in text  # an over-long cell continues below its table
    assert "Person24" in text


def test_unwritable_target_is_a_clear_error_and_leaves_no_file(db, tmp_path):
    a = accounts.create_account(db, name="Nowhere AB")
    doc = build_plan_document(db, a.id)
    with pytest.raises(CrmError, match="does not exist"):
        write_plan_pdf(doc, tmp_path / "missing" / "x.pdf")
    with pytest.raises(CrmError, match="page size"):
        write_plan_pdf(doc, tmp_path / "x.pdf", size="a5")
    assert not list(tmp_path.glob("*.pdf*")) and not list(tmp_path.glob(".*"))
