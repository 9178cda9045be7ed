"""One identity rule for companies and people, used by the importer and the
services alike: proven by sending the same names through both paths."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crmdesk.core import accounts, contacts
from crmdesk.core.identity import CompanyIndex, company_key, fold, person_key
from crmdesk.db.engine import Database
from crmdesk.db.models import Account, Contact
from crmdesk.errors import AmbiguousError
from crmdesk.importing import plan as planning
from crmdesk.importing import service
from crmdesk.importing.snapshot import load_snapshot
from crmdesk.importing.workflow import load_file


def _import(db: Database, tmp_path: Path, rows: list[list[str]]) -> planning.Plan:
    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["First name", "Last name", "Company", "E-mail"], *rows])
    loaded = load_file(db, path)
    options = planning.ImportOptions(loaded.targets, region="DE")
    plan = planning.build_plan(loaded.sheet, options, load_snapshot(db))
    service.commit(db, plan, file_path=path)
    return plan


def _account_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Account)) or 0)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ACME, Inc.", "Acme Inc"),
        ("Acme GmbH", "acme"),
        ("Müller GmbH & Co. KG", "Muller"),
        ("Maersk A/S", "MAERSK"),
        ("Søndergaard Ærø S.A.", "Sondergaard Aero"),
        ("Straße Holding B.V.", "strasse holding"),
        ("Łódź Pharma Oy", "Lodz Pharma"),
    ],
)
def test_company_key_ignores_legal_form_case_accents_and_punctuation(a: str, b: str) -> None:
    assert company_key(a) == company_key(b)


def test_company_key_keeps_what_tells_companies_apart() -> None:
    assert company_key("Acme Tools") != company_key("Acme")
    assert company_key("AG") == "ag"  # a name that is only a legal form keeps it
    assert company_key("Co") == "co"
    assert fold("Ærø") == "aero" and fold("Straße") == "strasse"


def test_person_key_folds_each_word() -> None:
    assert person_key("Jürgen", "O'Brien") == person_key("jurgen", "OBRIEN") == "jurgen obrien"
    assert person_key(None, "Smith") == "smith"


def test_company_index_prefers_the_same_name_and_never_guesses_between_sisters() -> None:
    index: CompanyIndex[str] = CompanyIndex()
    index.add("ag", "Acme AG")
    index.add("ltd", "Acme Ltd")
    index.add("tools", "Tools & Dies GmbH")
    assert index.find("ACME ag") == "ag"
    assert index.find("acme ltd.") == "ltd"
    assert index.find("Acme") is None  # two sisters: not guessed
    assert index.find("Tools and Dies") is None
    assert index.find("Tools & Dies") == "tools"  # the only one, legal form aside
    assert index.same_company("Acme S.A.") == ["ag", "ltd"]


@pytest.mark.parametrize(
    ("stored", "typed"), [("ACME, Inc.", "Acme Inc"), ("Acme Inc", "ACME, Inc.")]
)
def test_import_and_find_account_resolve_a_name_to_the_same_account(
    db: Database, tmp_path: Path, stored: str, typed: str
) -> None:
    """The defect: the import joined "Acme Inc" to "ACME, Inc." while
    ``crmdesk plan "Acme Inc"`` (find_account) found no such account."""
    acme = accounts.create_account(db, name=stored)
    accounts.create_account(db, name="Acme Tools")
    plan = _import(db, tmp_path, [["Anna", "Schmidt", typed, "anna@acme.example"]])
    assert plan.rows[0].account_id == acme.id
    assert accounts.find_account(db, typed).id == acme.id
    assert [a.id for a in accounts.matching_accounts(db, typed)] == [acme.id]
    assert _account_count(db) == 2  # the import made no second Acme


def test_a_legal_form_alone_links_to_the_only_account_both_ways(
    db: Database, tmp_path: Path
) -> None:
    acme = accounts.create_account(db, name="Acme")
    plan = _import(db, tmp_path, [["Anna", "Schmidt", "Acme GmbH", ""]])
    assert plan.rows[0].account_id == acme.id
    assert accounts.find_account(db, "Acme GmbH").id == acme.id


def test_sister_companies_stay_apart_in_the_import_and_the_lookup(
    db: Database, tmp_path: Path
) -> None:
    ag = accounts.create_account(db, name="Acme AG")
    ltd = accounts.create_account(db, name="Acme Ltd")
    plan = _import(
        db,
        tmp_path,
        [
            ["Anna", "Schmidt", "ACME AG", ""],
            ["Bob", "Jones", "acme ltd.", ""],
            ["Cy", "Ng", "Acme", ""],
        ],
    )
    assert [r.account_id for r in plan.rows[:2]] == [ag.id, ltd.id]
    assert plan.rows[2].account_id is None  # neither is guessed: a new account "Acme"
    assert accounts.find_account(db, "acme ag").id == ag.id
    with pytest.raises(AmbiguousError, match="several accounts"):
        accounts.find_account(db, "Acme S.A.")
    assert {a.id for a in accounts.matching_accounts(db, "Acme S.A.")} == {
        ag.id,
        ltd.id,
        accounts.find_account(db, "Acme").id,
    }


def test_rows_of_one_new_company_share_one_new_account(db: Database, tmp_path: Path) -> None:
    plan = _import(
        db,
        tmp_path,
        [["Anna", "Schmidt", "Initech GmbH", ""], ["Bob", "Jones", "INITECH", ""]],
    )
    assert plan.counts()["accounts_new"] == 1
    assert _account_count(db) == 1


def test_people_match_by_the_importers_rule(db: Database, tmp_path: Path) -> None:
    """matching_people (the service's duplicate check) finds exactly what the
    importer calls the same person: same e-mail anywhere, close name at the
    same account."""
    acme = accounts.create_account(db, name="Acme")
    other = accounts.create_account(db, name="Other")
    anna = contacts.create_contact(
        db, acme.id, first_name="Anna", last_name="Schmidt", email="Anna@Acme.example"
    )
    found = contacts.matching_people(db, other.id, "Zed", "Zed", ["anna@acme.EXAMPLE"])
    assert [c.id for c in found] == [anna.id]
    assert [c.id for c in contacts.matching_people(db, acme.id, "ANNA", "Schmidt")] == [anna.id]
    assert [c.id for c in contacts.matching_people(db, acme.id, "Anna", "Schmitt")] == [anna.id]
    assert contacts.matching_people(db, other.id, "Anna", "Schmidt") == []
    # the importer, given the same two people, calls them duplicates the same way
    plan = _import(
        db,
        tmp_path,
        [["Zed", "Zed", "Other", "ANNA@acme.example"], ["Anna", "Schmitt", "Acme", ""]],
    )
    assert [(r.match_kind, r.match_id) for r in plan.rows] == [
        ("email", anna.id),
        ("probable", anna.id),
    ]


def test_find_contact_by_name_key_email_id_and_uuid(db: Database) -> None:
    acme = accounts.create_account(db, name="Acme")
    jurgen = contacts.create_contact(
        db, acme.id, first_name="Jürgen", last_name="O'Brien", email="j@acme.example"
    )
    for text in ("jurgen obrien", "J@ACME.example", str(jurgen.id), str(jurgen.uuid)):
        assert contacts.find_contact(db, text).id == jurgen.id
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 1
