"""Plan, duplicates, commit, undo, cancel, rejected rows, on a real SQLite file."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pytest
from conftest import HEADERS, PEOPLE, db_counts
from sqlalchemy import select

from crmdesk.core import accounts as account_service
from crmdesk.core import contacts as contact_service
from crmdesk.core.portfolio import AccountFilter, count_accounts
from crmdesk.db.engine import Database
from crmdesk.db.enums import AcquisitionSource, Tier
from crmdesk.db.models import Account, Contact
from crmdesk.importing import plan as planning
from crmdesk.importing import service
from crmdesk.importing.errors import ImportCancelled, ImportFileError
from crmdesk.importing.snapshot import load_snapshot
from crmdesk.importing.workflow import load_file


def make_plan(db: Database, path: Path, **options: object) -> planning.Plan:
    loaded = load_file(db, path)
    opts = planning.ImportOptions(loaded.targets, region="DE", **options)  # type: ignore[arg-type]
    return planning.build_plan(loaded.sheet, opts, load_snapshot(db))


def live_contacts(db: Database) -> list[Contact]:
    with db.session() as session:
        stmt = select(Contact).where(Contact.deleted_at.is_(None)).order_by(Contact.id)
        return list(session.scalars(stmt))


def test_import_creates_contacts_and_transactional_accounts(db: Database, xlsx_file) -> None:
    path = xlsx_file([HEADERS, *PEOPLE])
    plan = make_plan(db, path, acquisition_source=AcquisitionSource.REFERRAL)
    assert plan.counts()["create"] == 3 and plan.counts()["accounts_new"] == 3
    result = service.commit(db, plan, file_path=path)
    assert (result.created, result.accounts_created, result.rejected) == (3, 3, 0)
    people = live_contacts(db)
    assert [(c.first_name, c.last_name, c.phone) for c in people] == [
        ("Anna", "Schmidt", "+49301234567"),
        ("Jürgen", "Müller", "+49307654321"),
        ("Zoë", "Lefèvre", "+33142142000"),
    ]
    # the bulk writer stores ids and times exactly as the ORM does
    assert all(isinstance(c.uuid, uuid.UUID) and c.created_at.tzinfo for c in people)
    assert len({c.uuid for c in people}) == 3
    with db.session() as session:
        accounts = list(session.scalars(select(Account).order_by(Account.id)))
    assert {a.tier for a in accounts} == {Tier.TRANSACTIONAL}
    assert {a.acquisition_source for a in accounts} == {AcquisitionSource.REFERRAL}
    # the search index knows the new people (bulk path or triggers)
    assert count_accounts(db, AccountFilter(text="lefèvre")) == 1


def test_rows_link_to_existing_accounts_ignoring_case_and_punctuation(
    db: Database, csv_file
) -> None:
    acme = account_service.create_account(db, name="ACME, Inc.")
    path = csv_file([["Name", "Company"], ["Anna Schmidt", "acme inc"], ["Bob Jones", "Initech"]])
    plan = make_plan(db, path)
    assert plan.rows[0].account_id == acme.id
    assert plan.rows[1].account_id is None
    assert plan.counts()["accounts_new"] == 1


def test_duplicates_in_file_and_in_database(db: Database, csv_file) -> None:
    acme = account_service.create_account(db, name="ACME GmbH")
    anna = contact_service.create_contact(
        db, acme.id, first_name="Anna", last_name="Schmidt", email="anna.schmidt@acme.de"
    )
    contact_service.create_contact(db, acme.id, first_name="Jonathan", last_name="Miller")
    path = csv_file(
        [
            ["First Name", "Last Name", "Company", "E-mail", "Job Title"],
            ["Anna", "Schmidt", "ACME GmbH", "ANNA.SCHMIDT@acme.de", "CFO"],  # DB, e-mail case
            ["Jonathon", "Miller", "ACME GmbH", "", ""],  # DB, fuzzy name
            ["Bob", "Jones", "Initech", "bob@initech.com", ""],
            ["Robert", "Jones", "Initech", "BOB@initech.com", ""],  # file, same e-mail
            ["Bob", "Jones", "Initech", "", ""],  # file, probable
        ]
    )
    plan = make_plan(db, path)
    kinds = [(r.match_kind, r.action) for r in plan.rows]
    assert kinds == [
        ("email", "update"),
        ("probable", "skip"),
        (None, "create"),
        ("file", "skip"),
        ("file-probable", "skip"),
    ]
    assert plan.rows[0].match_id == anna.id and plan.rows[0].changes == {"job_title": "CFO"}
    assert "row 4" in plan.rows[3].problem
    counts = plan.counts()
    assert (counts["create"], counts["update"], counts["skip"], counts["duplicates"]) == (
        1,
        1,
        3,
        4,
    )
    with pytest.raises(ImportFileError, match="matches no existing contact"):
        plan.set_action(2, "update")
    assert plan.set_bulk("probable", "create") == 1
    assert plan.rows[1].action == "create"


def test_update_fill_vs_overwrite(db: Database, csv_file) -> None:
    acme = account_service.create_account(db, name="ACME")
    contact_service.create_contact(
        db, acme.id, first_name="Anna", last_name="Schmidt", email="a@acme.de", job_title="Buyer"
    )
    path = csv_file(
        [
            ["First", "Last", "Company", "Email", "Position", "Phone"],
            ["Anna", "Schmidt", "ACME", "a@acme.de", "Head of Buying", "030 1234567"],
        ]
    )
    assert make_plan(db, path).rows[0].changes == {"phone": "+49301234567"}
    overwrite = make_plan(db, path, update_mode="overwrite").rows[0].changes
    assert overwrite == {"job_title": "Head of Buying", "phone": "+49301234567"}


def test_undo_removes_created_and_restores_updated(db: Database, csv_file) -> None:
    acme = account_service.create_account(db, name="ACME")
    anna = contact_service.create_contact(db, acme.id, last_name="Schmidt", email="a@acme.de")
    path = csv_file(
        [
            ["First", "Last", "Company", "Email", "Position"],
            ["Anna", "Schmidt", "ACME", "a@acme.de", "CFO"],
            ["Bob", "Jones", "Initech", "bob@initech.com", "CEO"],
        ]
    )
    result = service.commit(db, make_plan(db, path), file_path=path)
    assert (result.created, result.updated, result.accounts_created) == (1, 1, 1)
    after = contact_service.get_contact(db, anna.id)
    assert (after.first_name, after.job_title) == ("Anna", "CFO")
    undo = service.undo(db, result.batch[:8])
    assert (undo.removed_contacts, undo.restored_contacts, undo.removed_accounts) == (1, 1, 1)
    restored = contact_service.get_contact(db, anna.id)
    assert (restored.first_name, restored.job_title) == (None, None)
    assert [c.id for c in live_contacts(db)] == [anna.id]
    assert count_accounts(db) == 1
    with pytest.raises(ImportFileError, match="already undone"):
        service.undo(db, result.batch)


def test_undo_keeps_edits_made_after_the_import(db: Database, csv_file) -> None:
    acme = account_service.create_account(db, name="ACME")
    anna = contact_service.create_contact(db, acme.id, last_name="Schmidt", email="a@acme.de")
    path = csv_file(
        [["Last", "Company", "Email", "Position"], ["Schmidt", "ACME", "a@acme.de", "CFO"]]
    )
    result = service.commit(db, make_plan(db, path), file_path=path)
    contact_service.update_contact(db, anna.id, job_title="CEO")
    undo = service.undo(db, result.batch)
    assert contact_service.get_contact(db, anna.id).job_title == "CEO"
    assert any("edited after the import" in k for k in undo.kept)


def test_cancel_during_commit_leaves_database_untouched(db: Database, csv_file) -> None:
    rows = [["First", "Last", "Company"]] + [
        [f"P{i}", f"Person{i}", f"Firm {i % 7}"] for i in range(700)
    ]
    path = csv_file(rows)
    plan = make_plan(db, path)
    before = db_counts(db)
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2  # cancel after the first chunk was written

    with pytest.raises(ImportCancelled):
        service.commit(db, plan, file_path=path, cancelled=cancelled)
    assert db_counts(db) == before
    # and the search triggers are back (bulk path drops and restores them)
    service.commit(db, plan, file_path=path)
    acme = account_service.create_account(db, name="Zebra Corp")
    contact_service.create_contact(db, acme.id, last_name="Quuxley")
    assert count_accounts(db, AccountFilter(text="quuxley")) == 1


def test_commit_failure_rolls_back_everything(db: Database, csv_file) -> None:
    path = csv_file([["Last", "Company"], ["Schmidt", "ACME"], ["Jones", "Initech"]])
    plan = make_plan(db, path)
    plan.rows[1].values.fields["last_name"] = None  # type: ignore[assignment]  # NOT NULL
    before = db_counts(db)
    with pytest.raises(Exception):  # noqa: B017 - the database's own integrity error
        service.commit(db, plan, file_path=path)
    assert db_counts(db) == before


def test_rejected_rows_saved_with_reason(db: Database, csv_file, tmp_path: Path) -> None:
    path = csv_file(
        [
            ["First", "Last", "Company", "Email"],
            ["Anna", "Schmidt", "ACME", "nope"],
            ["Bob", "Jones", "", "bob@x.com"],
            ["Ok", "Person", "ACME", ""],
        ]
    )
    plan = make_plan(db, path)
    out = tmp_path / "rejected.csv"
    assert service.save_rejected(plan, out) == 2
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["First", "Last", "Company", "Email", "Row", "Reason"]
    assert rows[1][:4] == ["Anna", "Schmidt", "ACME", "nope"] and rows[1][4] == "2"
    assert "not valid" in rows[1][5]
    assert "no company" in rows[2][5]


def test_default_account_for_rows_without_company(db: Database, csv_file) -> None:
    path = csv_file([["First", "Last", "Company"], ["Anna", "Schmidt", ""]])
    plan = make_plan(db, path, default_account="Trade show leads")
    assert plan.rows[0].action == "create"
    service.commit(db, plan, file_path=path)
    assert account_service.find_account(db, "Trade show leads").name == "Trade show leads"


def test_backup_taken_before_import(db: Database, db_path: Path, csv_file) -> None:
    path = csv_file([["Last", "Company"], ["Schmidt", "ACME"]])
    result = service.commit(db, make_plan(db, path), file_path=path)
    assert result.backup and Path(result.backup).is_file()
    assert "before-import" in Path(result.backup).name


def test_bulk_import_reindexes_only_what_it_touched(demo_db: Database, csv_file) -> None:
    """Above BULK_FTS_ROWS the per-row triggers are paused and the touched
    accounts re-indexed once; the rest of the index stays as it was."""
    with demo_db.session() as session:
        existing = session.scalar(select(Account.name).order_by(Account.id).limit(1))
    found_before = count_accounts(demo_db, AccountFilter(text=existing))
    rows = [["First", "Last", "Company"]]
    rows += [
        [f"Q{i}", f"Zyxwort{i}", f"Importfirma {i % 40}"] for i in range(service.BULK_FTS_ROWS + 50)
    ]
    path = csv_file(rows)
    service.commit(demo_db, make_plan(demo_db, path), file_path=path)
    assert count_accounts(demo_db, AccountFilter(text="zyxwort17")) == 1
    assert count_accounts(demo_db, AccountFilter(text="importfirma")) == 40
    assert count_accounts(demo_db, AccountFilter(text=existing)) == found_before
