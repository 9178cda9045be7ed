"""The portfolio: filtered, searched, sorted, paged lists of accounts.

Filtering, full-text search and sorting all run in SQL so that a page of a
10,000-account portfolio costs the same as a page of ten.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, case, func, literal_column, or_, select

from crmdesk.db import fts
from crmdesk.db.engine import Database
from crmdesk.db.enums import AccountStatus, Tier
from crmdesk.db.models import Account, Activity, Contact
from crmdesk.db.types import UTCDateTime

TIER_RANK = {Tier.TRANSACTIONAL: 0, Tier.PARTNER: 1, Tier.STRATEGIC: 2}


class SortKey(StrEnum):
    NAME = "name"
    TIER = "tier"
    STATUS = "status"
    OWNER = "owner"
    LAST_INTERACTION = "last_interaction"
    NEXT_FOLLOW_UP = "next_follow_up"
    ANNUAL_VALUE = "annual_value"
    HEALTH = "health"  # worst first; ranked by crmdesk.core.health_store


@dataclass(frozen=True)
class AccountFilter:
    """What the customer pane and ``crmdesk accounts`` filter by."""

    text: str = ""
    tiers: frozenset[Tier] = field(default_factory=frozenset)
    statuses: frozenset[AccountStatus] = field(default_factory=frozenset)
    owner: str | None = None
    ids: frozenset[int] | None = None


@dataclass(frozen=True)
class AccountRow:
    """One line of the portfolio: plain values, safe to hand to any thread."""

    id: int
    uuid: uuid.UUID
    name: str
    tier: Tier
    status: AccountStatus
    owner: str | None
    annual_value: Decimal | None
    currency: str
    last_interaction: datetime | None
    next_follow_up: datetime | None


# Both dates are "first row in index order" rather than max()/min(): SQLite
# then stops at the first qualifying activity instead of reading them all.


def _last_interaction():  # type: ignore[no-untyped-def]
    return (
        select(Activity.occurred_at)
        .where(
            Activity.account_id == Account.id,
            Activity.deleted_at.is_(None),
            or_(Activity.due_at.is_(None), Activity.completed_at.is_not(None)),
        )
        .order_by(Activity.occurred_at.desc())
        .limit(1)
        .correlate(Account)
        .scalar_subquery()
    )


def _next_follow_up():  # type: ignore[no-untyped-def]
    return (
        select(Activity.due_at)
        .where(
            Activity.account_id == Account.id,
            Activity.deleted_at.is_(None),
            Activity.due_at.is_not(None),
            Activity.completed_at.is_(None),
        )
        .order_by(Activity.due_at)
        .limit(1)
        .correlate(Account)
        .scalar_subquery()
    )


def _text_condition(use_fts: bool, text: str, *, name_order: bool = False):  # type: ignore[no-untyped-def]
    """Accounts whose name, contacts (names, e-mails) or activities (subject,
    notes) match ``text``; FTS5 where available, LIKE otherwise.

    ``name_order``: the page is sorted by name. SQLite can't tell how many
    accounts an FTS query returns and would fetch every match and sort them
    (30 ms for a word found in 9,000 accounts); ``id + 0`` keeps it from
    driving the query by id, so it walks the ``lower(name)`` index and stops
    after one page instead (about 5 ms, and 1-2 ms for narrow searches)."""
    if use_fts:
        query = fts.match_query(text)
        if query is None:
            return literal_column("1") == 1
        key = Account.id + literal_column("0") if name_order else Account.id
        return key.in_(fts.matching_account_ids(query))
    pattern = fts.like_pattern(text)
    like = {"escape": "\\"}
    by_contact = select(Contact.account_id).where(
        Contact.deleted_at.is_(None),
        or_(
            Contact.first_name.ilike(pattern, **like),
            Contact.last_name.ilike(pattern, **like),
            Contact.email.ilike(pattern, **like),
            Contact.email_secondary.ilike(pattern, **like),
        ),
    )
    by_activity = select(Activity.account_id).where(
        Activity.deleted_at.is_(None),
        or_(Activity.subject.ilike(pattern, **like), Activity.notes.ilike(pattern, **like)),
    )
    return or_(
        Account.name.ilike(pattern, **like),
        Account.id.in_(by_contact),
        Account.id.in_(by_activity),
    )


def _conditions(  # type: ignore[type-arg]
    db: Database, flt: AccountFilter, *, skip_tier: bool = False, name_order: bool = False
) -> list:
    conditions: list[ColumnElement[bool]] = [Account.deleted_at.is_(None)]
    if flt.tiers and not skip_tier:
        conditions.append(Account.tier.in_(sorted(flt.tiers)))
    if flt.statuses:
        conditions.append(Account.status.in_(sorted(flt.statuses)))
    if flt.owner:
        conditions.append(Account.owner == flt.owner)
    if flt.ids is not None:
        conditions.append(Account.id.in_(sorted(flt.ids)))
    if flt.text.strip():
        conditions.append(_text_condition(db.has_fts, flt.text, name_order=name_order))
    return conditions


def _order(sort: SortKey, descending: bool, last, nxt) -> list:  # type: ignore[no-untyped-def,type-arg]
    tier_rank = case({t.value: r for t, r in TIER_RANK.items()}, value=Account.tier)
    column = {
        SortKey.NAME: func.lower(Account.name),
        SortKey.TIER: tier_rank,
        SortKey.STATUS: Account.status,
        SortKey.OWNER: func.lower(Account.owner),
        SortKey.LAST_INTERACTION: last,
        SortKey.NEXT_FOLLOW_UP: nxt,
        SortKey.ANNUAL_VALUE: Account.annual_value,
    }[sort]
    if sort is SortKey.NAME:  # exactly the index's order (names are never NULL)
        return [column.desc(), Account.id.desc()] if descending else [column, Account.id]
    primary = column.desc().nulls_last() if descending else column.asc().nulls_last()
    return [primary, func.lower(Account.name), Account.id]


def _columns():  # type: ignore[no-untyped-def]
    return (
        Account.id,
        Account.uuid,
        Account.name,
        Account.tier,
        Account.status,
        Account.owner,
        Account.annual_value,
        Account.currency,
        _last_interaction().label("last_interaction"),
        _next_follow_up().label("next_follow_up"),
    )


def page_query(  # type: ignore[type-arg]
    db: Database,
    flt: AccountFilter,
    *,
    sort: SortKey,
    descending: bool,
    offset: int = 0,
    limit: int | None = None,
) -> Select:
    """The ids of one page, for sort keys that are plain columns."""
    conditions = _conditions(db, flt, name_order=sort is SortKey.NAME)
    last, nxt = _last_interaction(), _next_follow_up()
    page = select(Account.id).where(and_(*conditions))
    page = page.order_by(*_order(sort, descending, last, nxt)).offset(offset)
    return page.limit(limit) if limit is not None else page


def list_accounts(
    db: Database,
    flt: AccountFilter | None = None,
    *,
    sort: SortKey = SortKey.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 200,
) -> list[AccountRow]:
    """One page of the portfolio. When the sort key is a plain column, the
    page's ids are found first and the per-account activity dates are only
    computed for that page."""
    flt = flt or AccountFilter()
    if sort is SortKey.HEALTH:
        return _by_health(db, flt, descending=descending, offset=offset, limit=limit)
    columns = _columns()
    last, nxt = columns[-2], columns[-1]
    with db.reading() as session:
        if sort in (SortKey.LAST_INTERACTION, SortKey.NEXT_FOLLOW_UP):
            stmt = select(*columns).where(and_(*_conditions(db, flt)))
        else:
            page = page_query(db, flt, sort=sort, descending=descending, offset=offset, limit=limit)
            stmt = select(*columns).where(Account.id.in_(page.scalar_subquery()))
            offset, limit = 0, None
        stmt = stmt.order_by(*_order(sort, descending, last, nxt)).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [_to_row(row) for row in session.execute(stmt)]


def _by_health(
    db: Database, flt: AccountFilter, *, descending: bool, offset: int, limit: int | None
) -> list[AccountRow]:
    """Scores come from the health cache (they are not a column): the
    matching ids are ranked in memory and only the page's rows are read."""
    from crmdesk.core.health_store import ranked_ids

    ranked = list(ranked_ids(db))
    if descending:
        ranked.reverse()
    end = None if limit is None else offset + limit
    with db.session() as session:
        if flt == AccountFilter() and end is not None and end <= len(ranked):
            page = ranked[offset:end]  # every account: no need to ask which match
        else:
            ids = set(session.scalars(select(Account.id).where(and_(*_conditions(db, flt)))))
            unscored = sorted(ids.difference(ranked))  # lost accounts: always last
            page = ([i for i in ranked if i in ids] + unscored)[offset:end]
    if not page:
        return []
    order = {account_id: i for i, account_id in enumerate(page)}
    with db.session() as session:
        rows = session.execute(select(*_columns()).where(Account.id.in_(page)))
        return sorted((_to_row(r) for r in rows), key=lambda r: order[r.id])


def _to_row(row) -> AccountRow:  # type: ignore[no-untyped-def]
    convert = UTCDateTime().process_result_value
    return AccountRow(
        id=row.id,
        uuid=row.uuid,
        name=row.name,
        tier=row.tier,
        status=row.status,
        owner=row.owner,
        annual_value=row.annual_value,
        currency=row.currency,
        last_interaction=convert(row.last_interaction, None),  # type: ignore[arg-type]
        next_follow_up=convert(row.next_follow_up, None),  # type: ignore[arg-type]
    )


def account_rows(db: Database, ids: list[int]) -> dict[int, AccountRow]:
    """Rows for given ids (live accounts only), for refreshing single rows."""
    if not ids:
        return {}
    rows = list_accounts(db, AccountFilter(ids=frozenset(ids)), limit=None)
    return {row.id: row for row in rows}


def count_accounts(db: Database, flt: AccountFilter | None = None) -> int:
    flt = flt or AccountFilter()
    with db.reading() as session:
        stmt = select(func.count()).select_from(Account).where(and_(*_conditions(db, flt)))
        return int(session.scalar(stmt) or 0)


def tier_counts(db: Database, flt: AccountFilter | None = None) -> dict[Tier, int]:
    """Accounts per tier under every filter but the tier one (for the tier
    filter's labels)."""
    flt = flt or AccountFilter()
    with db.reading() as session:
        stmt = (
            select(Account.tier, func.count())
            .where(and_(*_conditions(db, flt, skip_tier=True)))
            .group_by(Account.tier)
        )
        counts = {tier: 0 for tier in Tier}
        counts.update({tier: int(n) for tier, n in session.execute(stmt)})
        return counts


def owners(db: Database) -> list[str]:
    with db.reading() as session:
        stmt = (
            select(Account.owner)
            .where(Account.deleted_at.is_(None), Account.owner.is_not(None))
            .distinct()
            .order_by(Account.owner)
        )
        return [o for o in session.scalars(stmt) if o]
