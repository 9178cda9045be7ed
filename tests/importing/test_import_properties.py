"""Property tests: export -> import round-trips; only documented
normalisations; the importer raises nothing but its own error type."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from crmdesk.db.migrate import open_database
from crmdesk.db.models import Account, Contact
from crmdesk.importing import plan as planning
from crmdesk.importing import service
from crmdesk.importing.errors import ImportFileError
from crmdesk.importing.headers import find_header
from crmdesk.importing.mapping import auto_map
from crmdesk.importing.readers import read_table
from crmdesk.importing.snapshot import load_snapshot

HEADERS = ["First Name", "Last Name", "Company", "Job Title", "E-mail Address", "Mobile", "Notes"]
PROPERTY = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target],  # shrinking is slow here
)

letters = st.characters(categories=["Lu", "Ll"], max_codepoint=0x17F)
word = st.text(letters, min_size=1, max_size=12)
name = st.lists(word, min_size=1, max_size=3).map(" ".join)
free_text = st.text(
    st.characters(categories=["L", "N", "P", "Zs"], max_codepoint=0x2FFF), max_size=40
)
local = st.from_regex(r"[a-z0-9]{1,10}(\.[a-z0-9]{1,8})?", fullmatch=True)
domain = st.from_regex(r"[a-z]{2,10}\.(de|com|fr|org)", fullmatch=True)
person = st.fixed_dictionaries(
    {
        "first": name,
        "last": name,
        "company": word,
        "title": free_text,
        "email": st.one_of(st.just(""), st.tuples(local, domain).map("@".join)),
        "mobile": st.integers(1000000, 9999999).map(lambda n: f"+49 170 {n}"),
        "notes": st.lists(free_text, max_size=3).map("\n".join),
    }
)


def expected_name(text: str) -> str:
    """The documented rule, written independently: collapse spaces; title-case
    only a name written all in capitals or all in lower case."""
    text = " ".join(text.split())
    if text.upper() == text or text.lower() == text:
        return " ".join(part.capitalize() for part in text.split(" "))
    return text


def export(path: Path, people: list[dict[str, str]], kind: str) -> None:
    rows = [HEADERS] + [
        [
            p["first"],
            p["last"],
            f"{p['company']} {i}",
            p["title"],
            p["email"],
            p["mobile"],
            p["notes"],
        ]  # fmt: skip
        for i, p in enumerate(people)
    ]
    if kind == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    else:
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)


@pytest.mark.slow
@PROPERTY
@given(
    # the same e-mail twice is one person (a duplicate); that rule has its own test
    people=st.lists(person, min_size=1, max_size=8, unique_by=lambda p: p["email"] or id(p)),
    kind=st.sampled_from(["csv", "xlsx"]),
)
def test_export_import_round_trip(people: list[dict[str, str]], kind: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"export.{kind}"
        export(path, people, kind)
        db = open_database(f"sqlite:///{tmp}/crm.sqlite3")
        try:
            sheet = find_header(read_table(path))
            targets = auto_map(sheet.headers)
            assert targets == ["first_name", "last_name", "company", "job_title", "email",
                               "mobile", "notes"]  # fmt: skip
            options = planning.ImportOptions(targets, region="DE")
            plan = planning.build_plan(sheet, options, load_snapshot(db))
            result = service.commit(db, plan, file_path=path, backup=False)
            assert result.created == len(people) and result.rejected == 0
            with db.session() as session:
                stmt = select(Contact, Account.name).join(Account, Account.id == Contact.account_id)
                stmt = stmt.order_by(Contact.id)
                got = list(session.execute(stmt))
        finally:
            db.dispose()
    assert len(got) == len(people)
    for i, ((contact, company), p) in enumerate(zip(got, people, strict=True)):
        assert contact.first_name == expected_name(p["first"])
        assert contact.last_name == expected_name(p["last"])
        assert company == f"{p['company']} {i}"
        assert (contact.job_title or "") == " ".join(p["title"].split())
        assert (contact.email or "") == p["email"]
        assert contact.mobile == p["mobile"].replace(" ", "")
        assert (contact.notes or "") == p["notes"].strip()


@PROPERTY
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".xlsx", ".ods", ".xls"]))
def test_arbitrary_bytes_raise_only_import_errors(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"file{suffix}"
        path.write_bytes(data)
        _pipeline(path)


@PROPERTY
@given(
    rows=st.lists(st.lists(free_text, max_size=6), max_size=12),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_arbitrary_csv_text_raises_only_import_errors(
    rows: list[list[str]], delimiter: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "file.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=delimiter).writerows(rows)
        _pipeline(path)


def _pipeline(path: Path) -> None:
    try:
        sheet = find_header(read_table(path))
        targets = auto_map(sheet.headers)
        if "last_name" not in targets and "full_name" not in targets and targets:
            targets[0] = "full_name"
        planning.build_plan(sheet, planning.ImportOptions(targets, region="DE"), _EMPTY)
    except ImportFileError:
        pass


_EMPTY = planning.Snapshot()


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    digits=st.from_regex(r"[1-9][0-9]{5,12}", fullmatch=True),
    sep=st.sampled_from(["", " ", "-", "/"]),
    region=st.sampled_from(
        ["DE", "FR", "NL", "AT", "CH", "GB", "IT", "US", "BE", "SE", "PL", "AU", "NZ"]
    ),
    international=st.booleans(),
)
def test_phone_fast_paths_agree_with_phonenumbers(
    digits: str, sep: str, region: str, international: bool
) -> None:
    """The shortcuts for "+49 30 …" and "030 …" give what phonenumbers gives."""
    import phonenumbers

    from crmdesk.core import phones

    text = (
        (f"+{digits[:2]}{sep}{digits[2:]}") if international else f"0{digits[:3]}{sep}{digits[3:]}"
    )
    fast = phones._fast_international(text) or phones._fast_national(text, region)
    if fast is None:
        return
    number = phonenumbers.parse(text, region)
    assert phonenumbers.is_possible_number(number)
    assert fast == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    local=st.from_regex(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,70}", fullmatch=True),
    domain=st.from_regex(r"[A-Za-z0-9-]{1,70}(\.[A-Za-z0-9-]{1,20}){0,3}", fullmatch=True),
)
def test_email_fast_path_agrees_with_email_validator(local: str, domain: str) -> None:
    from email_validator import EmailNotValidError, validate_email

    from crmdesk.core.normalise import email_address as normalise_email

    text = f"{local}@{domain}"
    try:
        expected = validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        expected = None
    try:
        got = normalise_email(text)
    except ValueError:
        got = None
    assert got == expected
