"""Review packs: contents pointing at the right pages, summary, atomic write."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from crmdesk.core.plan_document import Cancelled, build_pack
from crmdesk.core.portfolio import AccountFilter
from crmdesk.db.enums import Tier
from crmdesk.errors import InvalidValueError
from crmdesk.reports.pack_pdf import write_pack_pdf

from .helpers import assert_structurally_sound, rich_account

LINE = re.compile(r"^\s*(\S.*?\S)\s+(?:\.\s*){3,}\s*(\d+)\s*$")


def _contents(reader: PdfReader) -> dict[str, int]:
    """Entries of the contents pages, read in layout mode: name ... page."""
    out: dict[str, int] = {}
    for page in reader.pages[1:6]:
        text = page.extract_text(extraction_mode="layout")
        for line in text.splitlines():
            match = LINE.match(line)
            if match:
                out[match.group(1)] = int(match.group(2))
    return out


@pytest.mark.slow
def test_pack_of_strategic_and_partner_accounts(demo_db, tmp_path):
    rich_account(demo_db, name="Петров & Παπαδόπουλος 王 Holding")
    flt = AccountFilter(tiers=frozenset({Tier.STRATEGIC, Tier.PARTNER}))
    pack = build_pack(demo_db, flt)
    assert {p.account.tier for p in pack.plans} == {Tier.STRATEGIC, Tier.PARTNER}
    out = write_pack_pdf(pack, tmp_path / "pack.pdf", size="letter")
    assert_structurally_sound(out)
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    cover = reader.pages[0].extract_text()
    assert "Account review pack" in cover and f"{len(pack.plans)} accounts" in cover
    contents = _contents(reader)
    assert "Portfolio summary" in contents
    names = [p.account.name for p in pack.plans]
    assert set(names) <= set(contents), set(names) - set(contents)
    for name in names:  # every entry points at the first page of that account
        page = reader.pages[contents[name] - 1].extract_text()
        assert "Account plan" in page and name in page, name
        before = reader.pages[contents[name] - 2].extract_text()
        assert "Account plan\n" not in before or name not in before.split("Account plan")[-1]
    summary = reader.pages[contents["Portfolio summary"] - 1].extract_text()
    for heading in ("Accounts and annual value per tier", "At-risk accounts", "Overdue follow-ups"):
        assert heading in summary
    assert "Петров & Παπαδόπουλος 王 Holding" in summary  # at risk: complaint, satisfaction
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Recent timeline (last 90 days)" in text
    assert f"page {len(reader.pages)} of {len(reader.pages)}" in text


def test_pack_of_every_strategic_account_builds(demo_db, tmp_path):
    pack = build_pack(demo_db, AccountFilter(tiers=frozenset({Tier.STRATEGIC})))
    assert pack.plans and all(p.account.tier is Tier.STRATEGIC for p in pack.plans)
    out = write_pack_pdf(pack, tmp_path / "strategic.pdf")
    assert_structurally_sound(out)


def test_empty_selection_and_cancel_leave_the_old_file(demo_db, tmp_path):
    with pytest.raises(InvalidValueError, match="no accounts match"):
        build_pack(demo_db, AccountFilter(owner="Nobody At All"))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "pack.pdf"
    target.write_bytes(b"the previous pack")
    pack = build_pack(demo_db, AccountFilter(tiers=frozenset({Tier.PARTNER})))
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        write_pack_pdf(pack, target, progress=lambda d, t: seen.append((d, t)),
                       cancelled=lambda: len(seen) >= 2)  # fmt: skip
    assert target.read_bytes() == b"the previous pack"
    assert [p.name for p in folder.iterdir()] == ["pack.pdf"]  # no temp file left
    with pytest.raises(Cancelled):
        build_pack(demo_db, AccountFilter(), cancelled=lambda: True)


@pytest.mark.slow
def test_contents_over_several_pages_point_at_the_right_pages(demo_db, tmp_path):
    pack = build_pack(demo_db, AccountFilter())  # all 60 accounts: two pages of contents
    out = write_pack_pdf(pack, tmp_path / "all.pdf")
    reader = PdfReader(out)
    contents = _contents(reader)
    assert len(contents) == len(pack.plans) + 2  # summary, portfolio analysis
    assert contents["Portfolio summary"] == 4  # cover, two pages of contents
    pages = sorted(contents.values())
    assert pages == sorted(set(pages))  # every entry on its own page
    for plan in pack.plans[::7]:
        page = reader.pages[contents[plan.account.name] - 1].extract_text()
        assert page.startswith(plan.account.name) or plan.account.name in page.split("\n")[:4]
