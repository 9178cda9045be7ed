"""Cadence: how often an account, or a key contact, must be touched.

The one home of three rules that the health score, the worklist, the
stakeholder map, the plan PDF and the command line all share:

- **What a touch is**: a two-way interaction with the customer — a call, a
  meeting, a site visit or an e-mail (either direction) that has happened.
  Internal notes, tasks, one-way traffic (letters, web visits, campaign
  responses, social posts, chats), complaints and satisfaction checks (each
  scored in its own health component) are not touches; nor is anything
  marked *internal*, nor a follow-up still open (a planned call is not a call).
- **The ideal period** per tier (strategic 30 days, partner 60,
  transactional 120), overridable per account; key contacts (decision
  makers, economic buyers, champions) have their own tier defaults, and any
  contact can be given "stay in touch every N days".
- **The maximum period** is always the ideal plus half of it, rounded up
  (30 → 45, 60 → 90, 120 → 180): past the ideal a touch is *due* (yellow),
  past the maximum it is *overdue* (red). One number to set, so an
  override can never make the maximum shorter than the ideal.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, or_, text

from crmdesk.core import accounts
from crmdesk.db.engine import Database
from crmdesk.db.enums import ActivityKind, BuyingRole, Direction, Tier
from crmdesk.db.models import Contact
from crmdesk.errors import InvalidValueError, NotFoundError

#: activity kinds that count as a touch (see the module docstring)
TOUCH_KINDS: frozenset[ActivityKind] = frozenset(
    {ActivityKind.CALL, ActivityKind.EMAIL, ActivityKind.MEETING, ActivityKind.SITE_VISIT}
)
#: ideal days between touches of an account, by tier
ACCOUNT_DAYS: dict[Tier, int] = {Tier.STRATEGIC: 30, Tier.PARTNER: 60, Tier.TRANSACTIONAL: 120}
#: ideal days between touches of a key contact, by tier
KEY_CONTACT_DAYS: dict[Tier, int] = {
    Tier.STRATEGIC: 60,
    Tier.PARTNER: 90,
    Tier.TRANSACTIONAL: 180,
}
#: buying roles watched by default (any contact can be watched by setting days)
KEY_ROLES: frozenset[BuyingRole] = frozenset(
    {BuyingRole.DECISION_MAKER, BuyingRole.ECONOMIC_BUYER, BuyingRole.CHAMPION}
)
MIN_DAYS, MAX_DAYS = 1, 730


def maximum_for(ideal_days: int) -> int:
    """The maximum period for an ideal one: ideal + half of it, rounded up."""
    return ideal_days + -(-ideal_days // 2)


class Source(StrEnum):
    TIER = "tier"  # the tier's default for accounts
    ACCOUNT = "account"  # set on the account
    KEY_ROLE = "key role"  # the tier's default for a key buying role
    CONTACT = "contact"  # "stay in touch every N days" on the contact


class State(StrEnum):
    OK = "ok"
    DUE = "due"  # past the ideal period
    OVERDUE = "overdue"  # past the maximum period (or never touched)


@dataclass(frozen=True)
class Cadence:
    ideal_days: int
    source: Source

    @property
    def max_days(self) -> int:
        return maximum_for(self.ideal_days)

    def state(self, days_since: int | None) -> State:
        """Where a last touch ``days_since`` days ago stands; None: never."""
        if days_since is None or days_since > self.max_days:
            return State.OVERDUE
        return State.DUE if days_since > self.ideal_days else State.OK

    def describe(self) -> str:
        return f"every {self.ideal_days} days, at most {self.max_days}"

    def to_json(self) -> dict[str, object]:
        return {"ideal_days": self.ideal_days, "max_days": self.max_days, "source": self.source}


@functools.lru_cache(maxsize=1024)
def account_cadence(tier: Tier, override_days: int | None = None) -> Cadence:
    if override_days:
        return Cadence(override_days, Source.ACCOUNT)
    return Cadence(ACCOUNT_DAYS[tier], Source.TIER)


@functools.lru_cache(maxsize=1024)
def contact_cadence(
    tier: Tier, role: BuyingRole | None, stay_in_touch_days: int | None = None
) -> Cadence | None:
    """The contact's cadence, or None when nobody asked to watch them."""
    if stay_in_touch_days:
        return Cadence(stay_in_touch_days, Source.CONTACT)
    if role in KEY_ROLES:
        return Cadence(KEY_CONTACT_DAYS[tier], Source.KEY_ROLE)
    return None


def days_since(last: datetime | None, now: datetime) -> int | None:
    """Whole local calendar days between a touch and now (0: today)."""
    if last is None:
        return None
    return max(0, (now.astimezone().date() - last.astimezone().date()).days)


def touch_sql(table: str = "activities") -> str:
    """SQL text: this activity row is a touch (built from TOUCH_KINDS).

    Literal values, not bound parameters: SQLite uses the partial index
    ``ixp_health_touches`` (migration 0005, made with ``touch_sql("")``) only
    for a WHERE clause that repeats its terms exactly. Changing TOUCH_KINDS
    therefore needs a migration that re-creates that index; a test fails
    until it exists."""
    t = f"{table}." if table else ""
    kinds = ", ".join(f"'{kind.value}'" for kind in sorted(TOUCH_KINDS))
    return (
        f"{t}kind IN ({kinds}) AND ({t}direction IS NULL OR {t}direction != "
        f"'{Direction.INTERNAL.value}') AND ({t}due_at IS NULL OR {t}completed_at IS NOT NULL) "
        f"AND {t}deleted_at IS NULL"
    )


def touch_condition() -> ColumnElement[bool]:
    """SQL expression over ``activities``: the row is a touch."""
    return and_(text(f"({touch_sql()})"))


def watched_contact_condition() -> ColumnElement[bool]:
    """SQL: this contact has a cadence (key role or stay-in-touch days)."""
    return or_(
        Contact.buying_role.in_(sorted(KEY_ROLES)),
        Contact.stay_in_touch_days.is_not(None),
    )


def _days(value: int | str | None, what: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        days = int(value)
    except (TypeError, ValueError):
        raise InvalidValueError(f"{what} '{value}' is not a whole number of days") from None
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise InvalidValueError(f"{what} must be between {MIN_DAYS} and {MAX_DAYS} days")
    return days


def set_account_cadence(db: Database, account_id: int, days: int | str | None) -> Cadence:
    """Override the account's ideal period (None: back to the tier's)."""
    value = _days(days, "Cadence")
    with db.session() as session:
        account = accounts.load(session, account_id)
        account.cadence_days = value
        return account_cadence(account.tier, value)


def set_contact_cadence(db: Database, contact_id: int, days: int | str | None) -> Cadence | None:
    """ "Stay in touch every N days" on a contact (None: key-role default)."""
    value = _days(days, "Stay in touch")
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.is_deleted:
            raise NotFoundError(f"no contact with id {contact_id}")
        contact.stay_in_touch_days = value
        return contact_cadence(contact.account.tier, contact.buying_role, value)
