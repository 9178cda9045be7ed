"""The record commands as a user runs them: real processes on a real demo
database, the JSON they print, and bad input that leaves the file as it was
(same rows, same content) with one line on stderr."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from crmdesk.db.backup import backup_file
from tests.safety.digest import digest

pytestmark = pytest.mark.slow  # some seventy crmdesk processes


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crmdesk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )


def ok(db: Path, *args: str) -> Any:
    result = run(db, *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def one(db: Path, sql: str, *params: Any) -> Any:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchone()


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    return backup_file(demo_template, tmp_path / "demo.sqlite3")


def _an_account(db: Path) -> tuple[str, str]:
    """(name, owner) of a demo account whose name is unique by identity."""
    with sqlite3.connect(db) as conn:
        names = [r for r in conn.execute("SELECT name, owner FROM accounts ORDER BY id")]
    from crmdesk.core.identity import company_key

    keys = [company_key(n) for n, _o in names]
    return next((n, o) for n, o in names if keys.count(company_key(n)) == 1)


ACCOUNT_KEYS = {
    "id",
    "uuid",
    "name",
    "tier",
    "status",
    "owner",
    "industry",
    "employee_band",
    "website",
    "address",
    "country",
    "lifecycle_stage",
    "acquisition_source",
    "defection_type",
    "defection_reason",
    "currency",
    "annual_value",
    "potential_value",
    "notes",
    "created_at",
    "updated_at",
    "deleted_at",
}


def test_me_then_account_add_is_mine_and_refuses_a_duplicate(demo: Path) -> None:
    assert ok(demo, "me") == {"me": None}
    assert ok(demo, "me", "Dana Kowalczyk") == {"me": "Dana Kowalczyk"}
    added = ok(demo, "account", "add", "ACME, Inc.", "--industry", "Tools", "--tier", "partner")
    assert set(added) == ACCOUNT_KEYS
    assert (added["name"], added["owner"], added["tier"]) == (
        "ACME, Inc.",
        "Dana Kowalczyk",
        "partner",
    )
    assert one(demo, "SELECT name FROM accounts WHERE uuid = ?", added["uuid"].replace("-", ""))
    before = digest(demo)
    again = run(demo, "account", "add", "Acme Inc")
    assert again.returncode == 1
    assert again.stderr.count("\n") == 1 and "ACME, Inc." in again.stderr
    assert "--yes" in again.stderr and "Traceback" not in again.stderr
    assert digest(demo) == before
    forced = ok(demo, "account", "add", "Acme Inc", "--yes")
    assert forced["name"] == "Acme Inc" and forced["uuid"] != added["uuid"]


def test_account_edit_has_a_flag_for_every_form_field(demo: Path) -> None:
    name, _owner = _an_account(demo)
    owners = {r for (r,) in sqlite3.connect(demo).execute("SELECT DISTINCT owner FROM accounts")}
    other_owner = sorted(o for o in owners if o)[0]
    edited = ok(
        demo,
        "account",
        "edit",
        name.upper(),
        "--industry",
        "Energy",
        "--employees",
        "50-249",
        "--website",
        "nordlys.example",
        "--address",
        "Dronning Eufemias gate 16, Oslo",
        "--country",
        "no",
        "--stage",
        "retention",
        "--source",
        "referral",
        "--status",
        "lost",
        "--defection-type",
        "price",
        "--defection-reason",
        "cheaper bid",
        "--owner",
        other_owner.lower(),
        "--currency",
        "nok",
        "--annual-value",
        "1.250.000,50",
        "--potential",
        "2000000",
        "--notes",
        "note",
    )
    assert {k: edited[k] for k in ("industry", "employee_band", "website", "country")} == {
        "industry": "Energy",
        "employee_band": "50-249",
        "website": "https://nordlys.example",
        "country": "NO",
    }
    assert (edited["lifecycle_stage"], edited["acquisition_source"], edited["status"]) == (
        "retention",
        "referral",
        "lost",
    )
    assert (edited["defection_type"], edited["defection_reason"]) == ("price", "cheaper bid")
    assert edited["owner"] == other_owner  # matched in any case, stored as spelled before
    assert (edited["currency"], edited["annual_value"], edited["potential_value"]) == (
        "NOK",
        "1250000.50",
        "2000000.00",
    )
    cleared = ok(demo, "account", "edit", name, "--industry", "", "--name", name + " Renamed")
    assert cleared["industry"] is None and cleared["name"] == name + " Renamed"


def test_account_delete_is_a_tombstone_and_restore_lifts_it(demo: Path) -> None:
    name, _owner = _an_account(demo)
    deleted = ok(demo, "account", "delete", name)
    assert deleted["deleted_at"] is not None
    assert one(demo, "SELECT deleted_at FROM accounts WHERE name = ?", name)[0] is not None
    gone = run(demo, "account", "show", name)
    assert gone.returncode == 1 and "no account named" in gone.stderr
    restored = ok(demo, "account", "restore", deleted["uuid"])
    assert (
        restored["deleted_at"] is None and ok(demo, "account", "show", name)["id"] == deleted["id"]
    )


def test_contact_add_edit_list_delete_with_reports_to(demo: Path) -> None:
    name, _owner = _an_account(demo)
    ok(demo, "account", "edit", name, "--country", "DE")
    boss = ok(
        demo,
        "people",
        "add",
        name,
        "Ingrid Solberg",
        "--job-title",
        "CEO",
        "--email",
        "Ingrid.Solberg@NORDLYS.example",
        "--phone",
        "030 1234567",
        "--level",
        "executive",
        "--buying-role",
        "decision_maker",
    )
    assert (boss["email"], boss["phone"], boss["account"]) == (
        "Ingrid.Solberg@nordlys.example",
        "+49301234567",
        name,
    )
    ola = ok(demo, "person", "add", name, "Ola Nordmann", "--reports-to", "ingrid solberg")
    assert ola["reports_to"] == {"id": boss["id"], "uuid": boss["uuid"], "name": "Ingrid Solberg"}
    edited = ok(
        demo, "contact", "edit", "ola nordmann", "--mobile", "0170 5550101", "--stance", "preferer"
    )
    assert (edited["mobile"], edited["stance"]) == ("+491705550101", "preferer")
    listed = ok(demo, "contacts", "list", name)
    assert {"Ingrid Solberg", "Ola Nordmann"} <= {p["name"] for p in listed}
    twin = run(demo, "contact", "add", name, "Ingrid Solberg")
    assert twin.returncode == 1 and "Ingrid.Solberg@nordlys.example" in twin.stderr
    removed = ok(demo, "contact", "delete", ola["uuid"])
    assert removed["deleted_at"] is not None
    assert ok(demo, "contact", "restore", "ola nordmann")["deleted_at"] is None


def test_log_with_follow_up_then_follow_ups_and_done(demo: Path) -> None:
    name, owner = _an_account(demo)
    person = one(
        demo,
        "SELECT c.first_name || ' ' || c.last_name FROM contacts c JOIN accounts a "
        "ON a.id = c.account_id WHERE a.name = ? AND c.deleted_at IS NULL ORDER BY c.id",
        name,
    )[0]
    logged = ok(
        demo,
        "log",
        name,
        "--kind",
        "meeting",
        "--subject",
        "Kick-off",
        "--with",
        person,
        "--follow-up",
        "2099-01-15",
        "--notes",
        "went well",
    )
    activity, task = logged["activity"], logged["follow_up"]
    assert (activity["kind"], activity["notes"], task["kind"]) == ("meeting", "went well", "task")
    assert task["subject"] == "Follow up: Kick-off" and task["due_at"].startswith("2099-01-1")
    assert (
        [p["name"] for p in activity["people"]] == [person] == [p["name"] for p in task["people"]]
    )
    listed = ok(demo, "follow-ups", "--owner", owner.swapcase())
    assert task["id"] in {f["id"] for f in listed}
    assert {f["owner"] for f in listed} == {owner}
    assert {"id", "uuid", "subject", "due_at", "state", "account", "owner", "people"} <= set(
        listed[0]
    )
    overdue = ok(demo, "follow-ups", "--owner", "all", "--overdue")
    assert overdue and {f["state"] for f in overdue} == {"overdue"}
    assert task["id"] not in {f["id"] for f in overdue}
    done = ok(demo, "done", str(task["id"]), "--outcome", "Offer sent")
    assert done["completed_at"] is not None and done["outcome"] == "Offer sent"
    assert task["id"] not in {f["id"] for f in ok(demo, "follow-ups", "--owner", "all")}


def test_reschedule_and_snooze_a_follow_up(demo: Path) -> None:
    task = str(
        one(demo, "SELECT id FROM activities WHERE due_at IS NOT NULL AND completed_at IS NULL")[0]
    )
    moved = ok(demo, "reschedule", task, "2099-03-04")
    assert moved["due_at"].startswith("2099-03-0")
    snoozed = ok(demo, "snooze", task, "+1w")
    assert snoozed["due_at"][:10] in ("2099-03-10", "2099-03-11", "2099-03-12")
    bad = run(demo, "reschedule", task, "+3x")
    assert bad.returncode == 1 and "+Nd or +Nw" in bad.stderr
    assert one(demo, "SELECT due_at FROM activities WHERE id = ?", int(task))[0].startswith(
        "2099-03-1"
    )


def test_tier_change_records_the_reason_and_me(demo: Path) -> None:
    ok(demo, "me", "Dana Kowalczyk")
    name, _owner = _an_account(demo)
    current = one(demo, "SELECT tier FROM accounts WHERE name = ?", name)[0]
    target = "strategic" if current != "strategic" else "partner"
    change = ok(demo, "tier", name, target.upper(), "--reason", "Joint grid project")
    assert (change["from_tier"], change["to_tier"], change["reason"]) == (
        current,
        target,
        "Joint grid project",
    )
    assert change["changed_by"] == "Dana Kowalczyk" and change["account"]["tier"] == target


def _follow_up_id(db: Path, kind: str) -> str:
    done = "t.due_at IS NOT NULL" if kind == "task" else "t.due_at IS NULL"
    return str(one(db, f"SELECT id FROM activities t WHERE {done} ORDER BY id")[0])


BAD = [
    (["log", "No Such Company Anywhere", "--subject", "x"], "no account named"),
    (["contact", "add", "{account}", "Per Hansen", "--email", "per@@x"], "not valid"),
    (["log", "{account}", "--subject", "x", "--follow-up", "2026-13-01"], "not a date"),
    (["log", "{account}", "--subject", "x", "--with", "Nobody Atall"], "no person"),
    (["log", "{account}", "--subject", "x", "--kind", "chitchat"], "Kind 'chitchat'"),
    (["tier", "{account}", "platinum", "--reason", "x"], "Tier 'platinum' is not one of"),
    (["account", "edit", "{account}", "--status", "bogus"], "Status 'bogus'"),
    (["account", "edit", "{account}", "--website", "not a site"], "not a web address"),
    (["account", "add", "{account}"], "is the existing account"),
    (["done", "{note}"], "not a follow-up"),
    (["done", "123456789"], "no activity with id"),
    (["reschedule", "{note}", "2099-01-01"], "not a follow-up"),
    (["follow-ups", "--owner", "me"], "does not know your name"),
]


@pytest.mark.parametrize(("argv", "message"), BAD, ids=[m for _a, m in BAD])
def test_bad_input_one_line_exit_1_nothing_written(
    demo: Path, argv: list[str], message: str
) -> None:
    name, _owner = _an_account(demo)
    args = [a.format(account=name, note=_follow_up_id(demo, "note")) for a in argv]
    before = digest(demo)
    result = run(demo, *args, "--json")
    assert result.returncode == 1, result.stderr
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("crmdesk: ")
    assert result.stdout == ""
    assert digest(demo) == before


@pytest.mark.parametrize(
    "argv",
    [["log", "X"], ["tier", "X", "partner"], ["account", "frobnicate", "X"], ["account", "add"]],
)
def test_usage_errors_exit_2(demo: Path, argv: list[str]) -> None:
    before = digest(demo)
    result = run(demo, *argv)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "usage:" in result.stderr
    assert digest(demo) == before
