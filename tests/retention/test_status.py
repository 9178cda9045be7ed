"""The status rule (lost/reduced need a defection type, a reason, a value
lost) in the core and the CLI, the history written in the same transaction,
win-back and referrals."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from crmdesk.core import accounts, activities, retention
from crmdesk.db.enums import AccountStatus, DefectionType
from crmdesk.db.models_retention import StatusChange
from crmdesk.errors import InvalidValueError

from .portfolio import at, build, make_account


def _history(db, account_id):
    return [
        (h.from_status, h.to_status) for h in reversed(retention.status_history(db, account_id))
    ]


def _rows(db) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(StatusChange)) or 0)


def test_lost_without_a_defection_type_is_refused_and_nothing_is_written(db):
    acc = make_account(db, "Keeper", annual_value=Decimal(5000))
    before = _rows(db)
    with pytest.raises(InvalidValueError, match=r"^an account marked lost needs a defection type"):
        retention.change_status(db, acc, "lost", reason="Gone to a rival")
    with pytest.raises(InvalidValueError, match="needs the reason"):
        retention.change_status(db, acc, "lost", defection_type="price")
    with pytest.raises(InvalidValueError, match="needs the annual value lost"):
        retention.change_status(db, acc, "reduced", reason="Half", defection_type="price")
    # the account form and `account edit` go through update_account: same rule
    with pytest.raises(InvalidValueError, match="needs a defection type"):
        accounts.update_account(db, acc, status="lost")
    assert accounts.get_account(db, acc).status is AccountStatus.ACTIVE
    assert _rows(db) == before


def test_every_change_is_recorded_with_its_defection(db):
    acc = make_account(db, "Mover", annual_value=Decimal(80000))
    retention.change_status(db, acc, "at_risk", reason="Quiet")
    retention.change_status(db, acc, "reduced", reason="Second source", defection_type="price",
                            value_lost="20000")  # fmt: skip
    change = retention.change_status(db, acc, "lost", reason="Gone", defection_type="service")
    assert change.value_lost == Decimal("80000.00")  # lost: the annual value by default
    a = accounts.get_account(db, acc)
    assert (a.status, a.defection_type, a.defection_reason) == (
        AccountStatus.LOST, DefectionType.SERVICE, "Gone",
    )  # fmt: skip
    accounts.update_account(db, acc, status="won_back")
    assert _history(db, acc) == [
        (None, AccountStatus.ACTIVE),
        (AccountStatus.ACTIVE, AccountStatus.AT_RISK),
        (AccountStatus.AT_RISK, AccountStatus.REDUCED),
        (AccountStatus.REDUCED, AccountStatus.LOST),
        (AccountStatus.LOST, AccountStatus.WON_BACK),
    ]
    assert accounts.get_account(db, acc).defection_type is None
    with pytest.raises(InvalidValueError, match="already won back"):
        retention.change_status(db, acc, "won_back", reason="again")


def test_win_back_lists_when_why_and_what_was_tried_since(db):
    ids = build(db)
    activities.log_activity(db, ids["T0"], kind="call", subject="Win-back call",
                            occurred_at=at(2026, 5, 2))  # fmt: skip
    activities.log_activity(db, ids["T0"], kind="email", subject="Offer sent",
                            occurred_at=at(2026, 6, 2))  # fmt: skip
    activities.log_activity(db, ids["T0"], kind="note", subject="Before it left",
                            occurred_at=at(2026, 3, 2))  # fmt: skip
    rows = retention.win_back(db)
    assert [r.name for r in rows] == [
        "Partner 0", "Trans 03", "Trans 01", "Trans 00", "Trans 02", "Newcomer",
    ]  # fmt: skip
    t0 = next(r for r in rows if r.account_id == ids["T0"])
    assert (t0.left_at, t0.defection_type, t0.reason) == (
        at(2026, 4, 10), DefectionType.PRICE, "Cheaper tender",
    )  # fmt: skip
    assert (t0.tried_since, t0.last_tried) == (2, "Offer sent")
    reduced = next(r for r in rows if r.account_id == ids["T3"])
    assert (reduced.status, reduced.value_lost) == (AccountStatus.REDUCED, Decimal("30000.00"))


def test_referral_needs_a_referrer_other_than_itself(db):
    ids = build(db)
    with pytest.raises(InvalidValueError, match="cannot refer itself"):
        retention.set_referral(db, ids["T6"], by_account_id=ids["T6"])
    with pytest.raises(InvalidValueError, match="needs the account or contact"):
        retention.set_referral(db, ids["T6"])
    from crmdesk.core import contacts

    person = contacts.create_contact(db, ids["T7"], last_name="Okafor")
    a = retention.set_referral(db, ids["T6"], by_contact_id=person.id)
    assert (a.referred_by_account_id, a.referred_by_contact_id) == (ids["T7"], person.id)
    assert a.acquisition_source.value == "referral"


def _crmdesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "crmdesk", *args], capture_output=True,
                          text=True, env=env, timeout=120)  # fmt: skip


def test_cli_refuses_lost_without_a_defection_type_in_one_line(db, db_path):
    make_account(db, "Cli Account", annual_value=Decimal(1000))
    db.dispose()
    refused = _crmdesk("--db", str(db_path), "status", "Cli Account", "lost", "--reason", "Gone")
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "crmdesk: an account marked lost needs a defection type (price, product, service, "
        "market, technological, organisational)"
    ]
    bad = _crmdesk("--db", str(db_path), "status", "Cli Account", "lost", "--defection-type", "x")
    assert bad.returncode == 2 and "'x' is not one of" in bad.stderr
    done = _crmdesk("--db", str(db_path), "status", "Cli Account", "lost", "--reason", "Gone",
                    "--defection-type", "price", "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert '"value_lost": "1000.00"' in done.stdout and '"to": "lost"' in done.stdout
