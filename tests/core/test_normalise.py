"""E-mail and phone normalisation is one function in core: the importer and
the contact service (window and command line) store the same input the same
way, proven by sending the same values through both paths."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from crmdesk.core import accounts, contacts
from crmdesk.core.normalise import default_region, email_address, phone_number
from crmdesk.db.engine import Database
from crmdesk.db.models import Contact
from crmdesk.errors import InvalidValueError
from crmdesk.importing import plan as planning
from crmdesk.importing import service
from crmdesk.importing.snapshot import load_snapshot
from crmdesk.importing.workflow import load_file
from crmdesk.preferences import Preferences, save_preferences

SAME_INPUTS = [
    # (e-mail as typed, phone as typed, mobile as typed)
    (" Anna.Schmidt@ACME.DE ", "030 1234567", "+49 (170) 555-0101"),
    ("mailto:bob@Example.COM", "+49 30 7654321 ext. 12", "0171/2345678"),
    ("Zoë Lefèvre <zoe@lefevre.FR>", "0049 89 123456", "reception desk"),
    ("jürgen@bäckerei.de", "+33 1 42 14 20 00", ""),
]


def _import_one(db: Database, tmp_path: Path, email: str, phone: str, mobile: str) -> Contact:
    path = tmp_path / "one.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Last name", "Company", "E-mail", "Business phone", "Mobile"])
        writer.writerow(["Imported", "Imported GmbH", email, phone, mobile])
    loaded = load_file(db, path)
    plan = planning.build_plan(
        loaded.sheet, planning.ImportOptions(loaded.targets, region="DE"), load_snapshot(db)
    )
    service.commit(db, plan, file_path=path)
    with db.session() as session:
        return session.scalars(select(Contact).where(Contact.last_name == "Imported")).one()


@pytest.mark.parametrize(("email", "phone", "mobile"), SAME_INPUTS)
def test_import_and_contact_service_store_the_same_values(
    db: Database, tmp_path: Path, email: str, phone: str, mobile: str
) -> None:
    imported = _import_one(db, tmp_path, email, phone, mobile)
    account = accounts.create_account(db, name="Typed AG", country="DE")
    typed = contacts.create_contact(
        db, account.id, last_name="Typed", email=email, phone=phone, mobile=mobile
    )
    assert (typed.email, typed.phone, typed.mobile) == (
        imported.email,
        imported.phone,
        imported.mobile,
    )
    assert typed.phone is not None and typed.phone.startswith("+")


def test_contact_service_stores_e164_where_it_only_trimmed(db: Database) -> None:
    """The defect: the window and the CLI stored "030 1234567" as typed,
    the import stored +49301234567; duplicates by phone could not be found."""
    account = accounts.create_account(db, name="Acme", country="DE")
    anna = contacts.create_contact(db, account.id, last_name="Schmidt", phone=" 030 1234567 ")
    assert anna.phone == "+49301234567"
    edited = contacts.update_contact(db, anna.id, mobile="0170 5550101")
    assert edited.mobile == "+491705550101"


def test_numbers_without_code_are_read_in_the_accounts_country_else_the_users(
    db: Database,
) -> None:
    norway = accounts.create_account(db, name="Nordlys Energi", country="NO")
    nowhere = accounts.create_account(db, name="Somewhere Ltd")
    ola = contacts.create_contact(db, norway.id, last_name="Nordmann", phone="22 12 34 56")
    assert ola.phone == "+4722123456"
    save_preferences(Preferences(phone_country="FR"))
    assert default_region() == "FR"
    zoe = contacts.create_contact(db, nowhere.id, last_name="Lefèvre", phone="01 42 14 20 00")
    assert zoe.phone == "+33142142000"


def test_bad_email_is_refused_by_the_service_with_the_field_named(db: Database) -> None:
    account = accounts.create_account(db, name="Acme")
    with pytest.raises(InvalidValueError, match="Second e-mail 'anna@localhost' is not valid"):
        contacts.create_contact(db, account.id, last_name="X", email_secondary="anna@localhost")
    assert contacts.contacts_for_account(db, account.id) == []


def test_core_functions_directly() -> None:
    assert email_address(" Anna.Schmidt@ACME.DE ") == "Anna.Schmidt@acme.de"
    assert email_address("Bob Jones <bob@example.com>") == "bob@example.com"
    for bad in ("not-an-email", "a@b", "x@@y.com", "a b@c.de"):
        with pytest.raises(ValueError):
            email_address(bad)
    assert phone_number("030  1234567", "de") == ("+49301234567", True)
    assert phone_number("call reception", "DE") == ("call reception", False)
