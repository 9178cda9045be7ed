"""Account services on a real SQLite file."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crmdesk.core import accounts
from crmdesk.core.portfolio import AccountFilter, count_accounts, list_accounts
from crmdesk.db.enums import AccountStatus, DefectionType, Tier
from crmdesk.errors import AmbiguousError, InvalidValueError, NotFoundError


def test_create_records_first_tier_in_history(db):
    acme = accounts.create_account(db, name="  Acme GmbH ", tier="partner", owner="Alex")
    assert acme.name == "Acme GmbH"
    history = accounts.tier_history(db, acme.id)
    assert [(h.from_tier, h.to_tier, h.reason) for h in history] == [
        (None, Tier.PARTNER, "Created")
    ]


def test_change_tier_writes_history_with_reason(db):
    acme = accounts.create_account(db, name="Acme")
    accounts.change_tier(db, acme.id, Tier.STRATEGIC, "Joint roadmap signed", changed_by="Alex")
    assert accounts.get_account(db, acme.id).tier is Tier.STRATEGIC
    latest = accounts.tier_history(db, acme.id)[0]
    assert (latest.from_tier, latest.to_tier) == (Tier.TRANSACTIONAL, Tier.STRATEGIC)
    assert latest.reason == "Joint roadmap signed"
    assert latest.changed_at.tzinfo is not None


def test_change_tier_needs_a_reason_and_a_different_tier(db):
    acme = accounts.create_account(db, name="Acme")
    with pytest.raises(InvalidValueError, match="Reason"):
        accounts.change_tier(db, acme.id, Tier.PARTNER, "  ")
    with pytest.raises(InvalidValueError, match="already"):
        accounts.change_tier(db, acme.id, Tier.TRANSACTIONAL, "no-op")
    assert len(accounts.tier_history(db, acme.id)) == 1


def test_soft_delete_hides_and_restore_brings_back(db):
    acme = accounts.create_account(db, name="Acme")
    accounts.create_account(db, name="Other")
    accounts.delete_account(db, acme.id)
    assert [r.name for r in list_accounts(db)] == ["Other"]
    assert count_accounts(db) == 1
    with pytest.raises(NotFoundError):
        accounts.get_account(db, acme.id)
    accounts.restore_account(db, acme.id)
    assert [r.name for r in list_accounts(db)] == ["Acme", "Other"]


def test_validation_messages_name_the_field(db):
    with pytest.raises(InvalidValueError, match="Name is required"):
        accounts.create_account(db, name=" ")
    with pytest.raises(InvalidValueError, match="Website"):
        accounts.create_account(db, name="A", website="not a site")
    with pytest.raises(InvalidValueError, match="Annual value"):
        accounts.create_account(db, name="A", annual_value="lots")
    with pytest.raises(InvalidValueError, match="Tier"):
        accounts.create_account(db, name="A", tier="gold")
    assert count_accounts(db) == 0


def test_money_is_exact_decimal_and_website_normalised(db):
    acme = accounts.create_account(
        db, name="Acme", annual_value="1.234.567,89", website="acme.example", currency="chf"
    )
    again = accounts.get_account(db, acme.id)
    assert again.annual_value == Decimal("1234567.89")
    assert again.currency == "CHF"
    assert again.website == "https://acme.example"


def test_defection_only_kept_for_lost_accounts(db):
    acme = accounts.create_account(
        db, name="Acme", status="lost", defection_type="price", defection_reason="Tender lost"
    )
    assert accounts.get_account(db, acme.id).defection_type is DefectionType.PRICE
    accounts.update_account(db, acme.id, status=AccountStatus.ACTIVE)
    assert accounts.get_account(db, acme.id).defection_type is None


def test_find_account_by_uuid_name_and_ambiguity(db):
    a = accounts.create_account(db, name="Nordwind Logistics GmbH")
    accounts.create_account(db, name="Nordwind Foods AG")
    assert accounts.find_account(db, str(a.uuid)).id == a.id
    assert accounts.find_account(db, "nordwind logistics gmbh").id == a.id
    assert accounts.find_account(db, "Logistics").id == a.id
    with pytest.raises(AmbiguousError, match="Nordwind Foods AG"):
        accounts.find_account(db, "Nordwind")
    with pytest.raises(NotFoundError):
        accounts.find_account(db, "Zebra")


def test_filters_by_tier_status_owner(db):
    accounts.create_account(db, name="A", tier="strategic", owner="Alex")
    accounts.create_account(db, name="B", tier="partner", owner="Birgit", status="at_risk")
    accounts.create_account(db, name="C", owner="Alex")
    by_tier = list_accounts(db, AccountFilter(tiers=frozenset({Tier.STRATEGIC, Tier.PARTNER})))
    assert [r.name for r in by_tier] == ["A", "B"]
    at_risk = list_accounts(db, AccountFilter(statuses=frozenset({AccountStatus.AT_RISK})))
    assert [r.name for r in at_risk] == ["B"]
    assert [r.name for r in list_accounts(db, AccountFilter(owner="Alex"))] == ["A", "C"]
