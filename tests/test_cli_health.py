"""``crmdesk health / week / remind / cadence / accounts --sort`` as a user
runs them: a real process on a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta

from crmdesk.core import accounts, activities, contacts
from crmdesk.db.migrate import open_database
from crmdesk.db.types import utcnow
from crmdesk.preferences import Preferences, save_preferences


def crmdesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "crmdesk", *args], capture_output=True,
                          text=True, env=env, timeout=120)  # fmt: skip


def _portfolio(path):  # type: ignore[no-untyped-def]
    db = open_database(f"sqlite:///{path}")
    now = utcnow()
    cold = accounts.create_account(db, name="Cold Steel AG", tier="partner", owner="Dana")
    boss = contacts.create_contact(db, cold.id, first_name="Maria", last_name="Rossi",
                                   level="executive", buying_role="decision_maker")  # fmt: skip
    kickoff = now - timedelta(days=120)
    activities.log_activity(db, cold.id, kind="meeting", subject="Kick-off",
                            occurred_at=kickoff, contact_ids=[boss.id])  # fmt: skip
    activities.log_activity(db, cold.id, kind="task", subject="Send the quote",
                            due_at=now - timedelta(days=2))  # fmt: skip
    warm = accounts.create_account(db, name="Warm Wool Ltd", tier="transactional", owner="Sam")
    activities.log_activity(db, warm.id, kind="call", subject="Hello", occurred_at=now)
    db.dispose()
    return cold, boss


def test_health_lists_worst_first_and_explains_one_account(tmp_path):
    path = tmp_path / "crm.sqlite3"
    _portfolio(path)
    rows = json.loads(crmdesk("--db", str(path), "health", "--json").stdout)
    assert [r["account"] for r in rows] == ["Cold Steel AG", "Warm Wool Ltd"]
    cold = rows[0]
    assert cold["band"] == "red" and cold["needs_attention"] and cold["days_since_touch"] == 120
    assert cold["cadence"] == {"ideal_days": 60, "max_days": 90, "source": "tier"}
    parts = {c["key"]: c for c in cold["components"]}
    assert parts["last_touch"]["points"] == 0 and parts["last_touch"]["max"] == 30
    assert "Maria Rossi" in parts["key_contacts"]["text"]
    assert sum(c["points"] for c in cold["components"]) == cold["score"]

    flagged = crmdesk("--db", str(path), "health", "--needs-attention", "--tier", "partner")
    assert flagged.returncode == 0 and flagged.stdout.count("\n") == 1
    assert "Cold Steel AG" in flagged.stdout

    one = crmdesk("--db", str(path), "health", "Cold Steel")
    assert one.returncode == 0, one.stderr
    assert "Cold Steel AG:" in one.stdout and "needs attention" in one.stdout
    assert "Last touch" in one.stdout and " 0/30 " in one.stdout

    missing = crmdesk("--db", str(path), "health", "Nobody GmbH")
    assert missing.returncode == 1 and missing.stderr.startswith("crmdesk: no account named")
    assert "Traceback" not in missing.stderr


def test_snapshot_week_remind_and_sort(tmp_path):
    path = tmp_path / "crm.sqlite3"
    cold, boss = _portfolio(path)
    for _ in range(2):
        snap = crmdesk("--db", str(path), "health", "--snapshot", "--json")
        assert snap.returncode == 0, snap.stderr
    assert json.loads(snap.stdout)["replaced"] == 2
    history = json.loads(crmdesk("--db", str(path), "health", "Cold Steel", "--json").stdout)
    assert len(history["history"]) == 1
    bad = crmdesk("--db", str(path), "health", "--snapshot", "--tier", "partner")
    assert bad.returncode == 1 and "no other option" in bad.stderr

    week = json.loads(crmdesk("--db", str(path), "week", "--owner", "Dana", "--json").stdout)
    kinds = {i["kind"] for i in week["items"]}
    assert {"follow_up", "account_cadence", "contact_cadence"} <= kinds
    assert {i["account"] for i in week["items"]} == {"Cold Steel AG"}
    everyone = json.loads(crmdesk("--db", str(path), "week", "--owner", "all", "--json").stdout)
    assert everyone["owner"] is None

    no_me = crmdesk("--db", str(path), "week", "--owner", "me")
    assert no_me.returncode == 1 and "does not know your name" in no_me.stderr
    save_preferences(Preferences(me="Sam"))
    mine = json.loads(crmdesk("--db", str(path), "week", "--json").stdout)  # mine by default
    assert mine["owner"] == "Sam" and mine["items"] == []
    quiet = crmdesk("--db", str(path), "remind")
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
    loud = crmdesk("--db", str(path), "remind", "--owner", "Dana")
    assert loud.returncode == 0 and loud.stdout.startswith("crmdesk: ")
    assert "Send the quote" in loud.stdout

    listed = crmdesk("--db", str(path), "accounts", "--sort", "health", "--json")
    assert [r["name"] for r in json.loads(listed.stdout)] == ["Cold Steel AG", "Warm Wool Ltd"]
    assert json.loads(listed.stdout)[0]["health"] < json.loads(listed.stdout)[1]["health"]
    recent = crmdesk("--db", str(path), "accounts", "--sort", "last-contact")
    assert recent.stdout.splitlines()[0].startswith("Warm Wool Ltd")

    set_it = crmdesk("--db", str(path), "cadence", "Cold Steel", "200")
    assert set_it.returncode == 0 and "every 200 days, at most 300" in set_it.stderr
    again = json.loads(crmdesk("--db", str(path), "health", "Cold Steel", "--json").stdout)
    assert again["cadence"]["source"] == "account"
    person = crmdesk("--db", str(path), "cadence", "Cold Steel", "7", "--contact", str(boss.id))
    assert person.returncode == 0 and "Maria Rossi" in person.stderr
    wrong = crmdesk("--db", str(path), "cadence", "Warm Wool", "7", "--contact", str(boss.id))
    assert wrong.returncode == 1 and "not one of" in wrong.stderr
    usage = crmdesk("--db", str(path), "cadence", "Cold Steel", "0")
    assert usage.returncode == 1 and "between 1 and 730" in usage.stderr
