from crmdesk.core.stats import stats


def test_demo_fixture_has_all_tiers(demo_db):
    counts = stats(demo_db)
    assert counts.accounts == 60
    assert all(n > 0 for n in counts.accounts_by_tier.values())
