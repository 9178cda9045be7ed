"""Where the importer meets the rest of crmdesk: tier history, our own
neutralised exports, and rejected-row files that can't attack Excel."""

from __future__ import annotations

import csv
from pathlib import Path

from test_import_service import make_plan

from crmdesk.core import accounts as account_service
from crmdesk.core import contacts as contact_service
from crmdesk.core.export import export
from crmdesk.db.engine import Database
from crmdesk.db.enums import Tier
from crmdesk.importing import service


def test_accounts_created_by_import_start_their_tier_history(db: Database, csv_file) -> None:
    path = csv_file([["First", "Last", "Company"], ["Anna", "Schmidt", "Nordwind GmbH"]])
    service.commit(db, make_plan(db, path), file_path=path)
    account = account_service.find_account(db, "Nordwind GmbH")
    history = account_service.tier_history(db, account.id)
    assert [(h.from_tier, h.to_tier) for h in history] == [(None, Tier.TRANSACTIONAL)]
    assert history[0].uuid is not None and history[0].changed_at.tzinfo is not None


def test_our_csv_export_imports_back_without_the_guard_apostrophe(
    db: Database, tmp_path: Path
) -> None:
    acme = account_service.create_account(db, name="Acme")
    contact_service.create_contact(
        db, acme.id, first_name="=Eve", last_name="-Minus", job_title="@ops +1"
    )
    exported = tmp_path / "contacts.csv"
    export(db, "contacts", exported)
    assert "'=Eve" in exported.read_text(encoding="utf-8-sig")
    other = tmp_path / "other.sqlite3"
    from crmdesk.db.migrate import open_database

    target = open_database(f"sqlite:///{other}")
    service.commit(target, make_plan(target, exported), file_path=exported)
    (person,) = contact_service.contacts_for_account(
        target, account_service.find_account(target, "Acme").id
    )
    assert (person.first_name, person.last_name, person.job_title) == ("=Eve", "-Minus", "@ops +1")
    target.dispose()


def test_rejected_rows_file_neutralises_formulas(db: Database, csv_file, tmp_path: Path) -> None:
    path = csv_file(
        [["First", "Last", "Company", "Email"], ["=HYPERLINK(1)", "Smith", "ACME", "bad@@x"]]
    )
    out = tmp_path / "rejected.csv"
    assert service.save_rejected(make_plan(db, path), out) == 1
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert not list(tmp_path.glob("*.partial"))
