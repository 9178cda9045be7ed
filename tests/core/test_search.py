"""Full-text search: what it finds, and that it follows every edit."""

from __future__ import annotations

import pytest

from crmdesk.core import accounts, activities, contacts
from crmdesk.core.portfolio import AccountFilter, SortKey, count_accounts, list_accounts
from crmdesk.db import fts
from crmdesk.db.engine import Database


def names(db, text):
    return [r.name for r in list_accounts(db, AccountFilter(text=text))]


@pytest.fixture
def portfolio(db):
    acme = accounts.create_account(db, name="Acme Logistics GmbH")
    zeta = accounts.create_account(db, name="Zeta Foods AG")
    anna = contacts.create_contact(
        db, acme.id, first_name="Anna", last_name="Müller", email="Anna.Mueller@acme.example"
    )
    activities.log_activity(
        db, zeta.id, kind="call", subject="Price check", notes="Discussed consignment stock"
    )
    return {"acme": acme, "zeta": zeta, "anna": anna}


def test_finds_by_name_prefix_and_ignores_accents(db, portfolio):
    assert names(db, "acme") == ["Acme Logistics GmbH"]
    assert names(db, "logis") == ["Acme Logistics GmbH"]
    assert names(db, "muller") == ["Acme Logistics GmbH"]
    assert names(db, "Müll") == ["Acme Logistics GmbH"]


def test_finds_by_contact_email(db, portfolio):
    assert names(db, "anna.mueller@acme.example") == ["Acme Logistics GmbH"]
    assert names(db, "anna.muel") == ["Acme Logistics GmbH"]


def test_finds_by_activity_notes_and_subject(db, portfolio):
    assert names(db, "consignment") == ["Zeta Foods AG"]
    assert names(db, "price check") == ["Zeta Foods AG"]


def test_terms_are_anded(db, portfolio):
    assert names(db, "acme consignment") == []
    assert count_accounts(db, AccountFilter(text="zeta consignment")) == 1


def test_punctuation_only_and_fts_syntax_are_harmless(db, portfolio):
    assert len(names(db, "***")) == 2  # nothing searchable: no filter
    assert names(db, 'acme" OR "zeta') == []  # quotes can't inject FTS syntax
    assert names(db, "NEAR(acme)") == []


def test_index_follows_edits_deletes_and_restores(db, portfolio):
    acme, anna = portfolio["acme"], portfolio["anna"]
    accounts.update_account(db, acme.id, name="Borealis Freight")
    assert names(db, "acme logistics") == []
    assert names(db, "borealis") == ["Borealis Freight"]

    contacts.update_contact(db, anna.id, email="anna@borealis.example")
    assert names(db, "anna.mueller") == []
    assert names(db, "anna@borealis.example") == ["Borealis Freight"]

    contacts.delete_contact(db, anna.id)
    assert names(db, "müller") == []
    contacts.restore_contact(db, anna.id)
    assert names(db, "müller") == ["Borealis Freight"]

    note = activities.log_activity(db, acme.id, kind="note", subject="Budget freeze rumoured")
    assert names(db, "freeze") == ["Borealis Freight"]
    activities.update_activity(db, note.id, subject="Budget approved")
    assert names(db, "freeze") == []
    activities.delete_activity(db, note.id)
    assert names(db, "approved") == []


def test_deleted_accounts_are_not_found(db, portfolio):
    accounts.delete_account(db, portfolio["acme"].id)
    assert names(db, "acme") == []


def test_like_fallback_without_fts(db, portfolio):
    with db.engine.begin() as conn:
        fts.drop_fts(conn)
        assert not fts.fts_available(conn)
    db = Database(db.url)  # a fresh open notices the index is gone
    assert not db.has_fts
    assert names(db, "Acme") == ["Acme Logistics GmbH"]
    assert names(db, "anna.mueller@acme") == ["Acme Logistics GmbH"]
    assert names(db, "consignment") == ["Zeta Foods AG"]
    assert names(db, "100%") == []


def test_match_query_shapes():
    assert fts.match_query("anna.sch") == '"anna sch"*'
    assert fts.match_query("a b") == '"a"* AND "b"*'
    assert fts.match_query("  ...  ") is None


def test_search_pages_follow_name_order_both_ways(demo_db):
    flt = AccountFilter(text="a")
    everything = list_accounts(demo_db, flt, limit=None, sort=SortKey.TIER)
    by_name = sorted(everything, key=lambda r: (r.name.lower(), r.id))
    pages = [list_accounts(demo_db, flt, limit=7, offset=o) for o in (0, 7, 14)]
    assert [r for page in pages for r in page] == by_name[:21]
    backwards = list_accounts(demo_db, flt, limit=7, descending=True)
    assert backwards == list(reversed(by_name))[:7]


def test_name_ordered_search_walks_the_name_index(demo_db):
    """A broad search must not fetch and sort every match (see portfolio)."""
    from crmdesk.core.portfolio import page_query

    for descending in (False, True):
        page = page_query(
            demo_db, AccountFilter(text="a"), sort=SortKey.NAME, descending=descending, limit=10
        )
        sql = str(page.compile(demo_db.engine, compile_kwargs={"literal_binds": True}))
        with demo_db.engine.connect() as conn:
            plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").fetchall()
        assert any("USING INDEX ix_accounts_name_lower" in row[-1] for row in plan), plan
        assert not any("TEMP B-TREE" in row[-1] for row in plan), plan
