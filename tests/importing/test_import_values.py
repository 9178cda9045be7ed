"""The documented value normalisations, one rule each."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from crmdesk.core.normalise import email_address
from crmdesk.importing import values as v
from crmdesk.importing.mapping import KEEP
from crmdesk.importing.rows import ColumnInfo, normalise_row


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ANNA", "Anna"),
        ("müller", "Müller"),
        ("o'brien", "O'Brien"),
        ("JEAN-LUC", "Jean-Luc"),
        ("McDonald", "McDonald"),  # mixed case is left alone
        ("van der Berg", "van der Berg"),
        ("  Anna   Maria ", "Anna Maria"),
        ("X", "X"),
        ("q", "Q"),
        ("İSTANBUL", "İstanbul"),  # not "İStanbul": "İ" lower-cases to two characters
        ("RE\u0301NE", "Re\u0301ne"),  # a combining accent stays inside its word
    ],
)
def test_names_title_cased_only_when_all_caps_or_all_lower(raw: str, expected: str) -> None:
    assert v.clean_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "first", "last"),
    [
        ("Anna Maria Schmidt", "Anna Maria", "Schmidt"),
        ("Schmidt, Anna", "Anna", "Schmidt"),
        ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
        ("Cher", "", "Cher"),
    ],
)
def test_full_name_split(raw: str, first: str, last: str) -> None:
    assert v.split_full_name(raw) == (first, last)


def test_emails() -> None:
    assert email_address(" Anna.Schmidt@ACME.DE ") == "Anna.Schmidt@acme.de"
    assert email_address("mailto:bob@example.com") == "bob@example.com"
    assert email_address("Bob Jones <bob@example.com>") == "bob@example.com"
    assert email_address("jürgen@bäckerei.de") == "jürgen@bäckerei.de"
    for bad in ("not-an-email", "a@b", "anna@localhost", "x@@y.com", "a b@c.de"):
        with pytest.raises(ValueError):
            email_address(bad)


@pytest.mark.parametrize(
    ("cell", "region", "expected", "ok"),
    [
        ("+49 30 1234567", "DE", "+49301234567", True),
        ("+49 (0)30 1234567", "DE", "+49301234567", True),
        ("030 1234567", "DE", "+49301234567", True),
        ("0049 30 1234567", "US", "+49301234567", True),
        ("(212) 555-0100", "US", "+12125550100", True),
        (4930123456.0, "DE", "+4930123456", True),  # a number cell that lost its "+"
        (301234567, "DE", "+49301234567", True),  # ... or its trunk 0
        ("+44 20 7946 0958 ext. 12", "DE", "+442079460958 ext. 12", True),
        ("call reception", "DE", "call reception", False),
    ],
)
def test_phones(cell: object, region: str, expected: str, ok: bool) -> None:
    assert v.normalise_phone(cell, region) == (expected, ok)


def test_number_cells_lose_the_spurious_point_zero() -> None:
    assert v.cell_to_text(4930123456.0) == "4930123456"
    assert v.cell_to_text(1.5) == "1.5"
    assert v.cell_to_text(datetime(2023, 3, 15)) == "2023-03-15"
    assert v.cell_to_text(True) == "yes"


def test_date_order_is_decided_per_column() -> None:
    assert v.date_order(["03/04/2023", "15/04/2023"]) == "dmy"
    assert v.date_order(["03/04/2023", "04/15/2023"]) == "mdy"
    assert v.date_order(["03/04/2023"]) is None
    assert v.parse_date("03/04/2023", "dmy") == date(2023, 4, 3)
    assert v.parse_date("03/04/2023", "mdy") == date(2023, 3, 4)
    assert v.parse_date("2023-04-03", "mdy") == date(2023, 4, 3)
    assert v.parse_date("15 Mar 2023", "mdy") == date(2023, 3, 15)
    assert v.parse_date("3. März 2023", "dmy") == date(2023, 3, 3)
    assert v.parse_date(45000, "dmy") == date(2023, 3, 15)  # an Excel serial
    assert v.parse_date("31/02/2023", "dmy") is None


def test_google_multi_values_are_split() -> None:
    headers = ["Given Name", "Family Name", "Organization 1 - Name", "E-mail 1 - Value",
               "Phone 1 - Value"]  # fmt: skip
    columns = ColumnInfo(headers, ["first_name", "last_name", "company", "email", "phone"], {})
    out = normalise_row(
        [
            "Anna",
            "Schmidt",
            "ACME",
            "a@acme.de ::: anna@home.de ::: third@x.de",
            "+49 30 1234567 ::: +49 170 1234567",
        ],  # fmt: skip
        columns,
        "DE",
    )
    assert out.errors == []
    assert out.fields["email"] == "a@acme.de"
    assert out.fields["email_secondary"] == "anna@home.de"
    assert out.fields["phone"] == "+49301234567"
    assert "Other e-mail: third@x.de" in out.fields["notes"]
    assert "+491701234567" in out.fields["notes"]


def test_kept_columns_go_to_notes_with_iso_dates() -> None:
    columns = ColumnInfo(["Last", "Company", "Met on"], ["last_name", "company", KEEP], {2: "dmy"})
    out = normalise_row(["Smith", "ACME", "03/04/2023"], columns, "GB")
    assert out.fields["notes"] == "Met on: 2023-04-03"


def test_row_errors_are_reasons() -> None:
    columns = ColumnInfo(
        ["First", "Company", "Mail", "Role"], ["first_name", "company", "email", "buying_role"]
    )
    out = normalise_row(["Anna", "ACME", "nope", "boss"], columns, "DE")
    assert any("no last name" in e for e in out.errors)
    assert any("e-mail 'nope' is not valid" in e for e in out.errors)
    assert any("Buying role 'boss' is not one of" in e for e in out.errors)


def test_google_phone_labels_route_mobiles() -> None:
    from crmdesk.importing.mapping import auto_map, phone_labels

    headers = ["Given Name", "Family Name", "Organization 1 - Name", "Phone 1 - Type",
               "Phone 1 - Value", "Phone 2 - Type", "Phone 2 - Value"]  # fmt: skip
    targets = auto_map(headers)
    assert phone_labels(headers) == {4: 3, 6: 5}
    columns = ColumnInfo(headers, targets, {}, phone_labels(headers))
    out = normalise_row(
        ["Anna", "Schmidt", "ACME", "Mobile", "0170 1234567", "Work", "030 1234567"], columns, "DE"
    )
    assert out.fields["mobile"] == "+491701234567"
    assert out.fields["phone"] == "+49301234567"
