"""Header finder and column synonyms across exporters and languages."""

from __future__ import annotations

from pathlib import Path

from conftest import write_csv

from crmdesk.db.engine import Database
from crmdesk.importing.headers import find_header
from crmdesk.importing.mapping import IGNORE, KEEP, auto_map, check_mapping, signature
from crmdesk.importing.readers import RawTable, read_table
from crmdesk.importing.service import remembered_mapping

LINKEDIN_PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing. You will only see email addresses for connections who have allowed it."\r\n'
    "\r\n"
)


def test_linkedin_notes_preamble(tmp_path: Path) -> None:
    rows = [
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
        [
            "Anna",
            "Schmidt",
            "https://www.linkedin.com/in/a",
            "a@acme.de",
            "ACME",
            "CTO",
            "15 Mar 2023",
        ],
    ]
    path = write_csv(tmp_path / "Connections.csv", rows, preamble=LINKEDIN_PREAMBLE)
    sheet = find_header(read_table(path))
    assert sheet.header_row_number == 4
    assert sheet.headers == rows[0]
    assert sheet.row_numbers == [5]
    assert auto_map(sheet.headers) == [
        "first_name", "last_name", KEEP, "email", "company", "job_title", KEEP
    ]  # fmt: skip


def test_title_rows_blank_rows_totals_and_footer() -> None:
    raw = RawTable(
        kind="xlsx",
        rows=[
            ["Trade show Hannover 2024 – leads", None, None],
            [None, None, None],
            ["Name", "Company", "E-mail"],
            ["Anna Schmidt", "ACME", "a@acme.de"],
            [None, None, None],
            ["Bob Jones", "Initech", "bob@initech.com"],
            ["Total", 2, None],
            ["should not be read", "x", "y"],
        ],
    )
    sheet = find_header(raw)
    assert sheet.header_row_number == 3
    assert [r[0] for r in sheet.rows] == ["Anna Schmidt", "Bob Jones"]
    assert sheet.row_numbers == [4, 6]
    assert any("totals" in n for n in sheet.notes)


def test_footer_after_blank_gap_is_dropped() -> None:
    raw = RawTable(
        kind="csv",
        rows=[["First name", "Last name"], ["Anna", "Schmidt"], [], [], ["Exported by CRM X"]],
    )
    sheet = find_header(raw)
    assert [r[0] for r in sheet.rows] == ["Anna"]


def test_no_header_row_gives_letters() -> None:
    sheet = find_header(RawTable(kind="csv", rows=[["1", "2"], ["3", "4"]]))
    assert sheet.headers == ["Column A", "Column B"]
    assert len(sheet.rows) == 2


def test_outlook_export() -> None:
    headers = ["Title", "First Name", "Middle Name", "Last Name", "Company", "Department",
               "Job Title", "Business Phone", "Business Phone 2", "Mobile Phone",
               "E-mail Address", "E-mail 2 Address", "Notes", "Business City",
               "Business Country/Region"]  # fmt: skip
    assert auto_map(headers) == [
        IGNORE, "first_name", "middle_name", "last_name", "company", "department",
        "job_title", "phone", "phone", "mobile", "email", "email_secondary", "notes",
        "city", "country",
    ]  # fmt: skip


def test_google_contacts_export() -> None:
    headers = ["Name", "Given Name", "Family Name", "Organization 1 - Name",
               "Organization 1 - Title", "E-mail 1 - Type", "E-mail 1 - Value",
               "Phone 1 - Type", "Phone 1 - Value"]  # fmt: skip
    targets = auto_map(headers)
    assert targets == [
        IGNORE, "first_name", "last_name", "company", "job_title", IGNORE, "email", IGNORE, "phone"
    ]  # fmt: skip
    new_google = ["First Name", "Last Name", "Organization Name", "Organization Title",
                  "E-mail 1 - Value", "E-mail 2 - Value", "Phone 1 - Value"]  # fmt: skip
    assert auto_map(new_google) == [
        "first_name", "last_name", "company", "job_title", "email", "email_secondary", "phone"
    ]  # fmt: skip


def test_german_and_french_headers() -> None:
    assert auto_map(["Vorname", "Name", "Firma", "Funktion", "E-Mail", "Telefon", "Handy"]) == [
        "first_name", "last_name", "company", "job_title", "email", "phone", "mobile"
    ]  # fmt: skip
    assert auto_map(["Prénom", "Nom", "Société", "Poste", "Courriel", "Téléphone"]) == [
        "first_name", "last_name", "company", "job_title", "email", "phone"
    ]  # fmt: skip


def test_full_name_and_title_synonyms() -> None:
    assert auto_map(["Full name", "Organisation", "Title", "E-Mail-Adresse"]) == [
        "full_name", "company", "job_title", "email"
    ]  # fmt: skip
    assert auto_map(["Name", "Company"]) == ["full_name", "company"]


def test_check_mapping_requires_a_name() -> None:
    assert check_mapping(["email", "company"]) == [
        "no column is mapped to the last name (or the full name)"
    ]
    assert "Company (account) is mapped from more than one column" in check_mapping(
        ["last_name", "company", "company"]
    )


def test_signature_ignores_spelling_noise() -> None:
    assert signature(["E-mail Address", "First Name"]) == signature(["email address", "first_name"])
    assert signature(["A", "B"]) != signature(["B", "A"])


def test_mapping_is_remembered_per_signature(db: Database, tmp_path: Path, csv_file) -> None:
    from crmdesk.importing.workflow import load_file

    path = csv_file([["Nom de famille", "Boîte", "Fax"], ["Dupont", "ACME", "123"]])
    loaded = load_file(db, path)
    assert loaded.targets == [IGNORE, IGNORE, IGNORE] and not loaded.remembered
    from crmdesk.importing import plan as planning
    from crmdesk.importing import service
    from crmdesk.importing.snapshot import load_snapshot

    targets = ["last_name", "company", KEEP]
    plan = planning.build_plan(
        loaded.sheet, planning.ImportOptions(targets, region="FR"), load_snapshot(db)
    )
    service.commit(db, plan, file_path=path)
    assert remembered_mapping(db, ["Nom de famille", "Boîte", "Fax"]) == targets
    again = load_file(db, path)
    assert again.remembered and again.targets == targets
