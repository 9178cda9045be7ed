"""Records as the command line prints them with ``--json``: plain values
(enums as their stored value, money as decimal text so no cent is lost to a
float, times as ISO 8601 in UTC), always with the integer id and the UUID."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the command line starts without SQLAlchemy until a command needs it
    from crmdesk.core.activities import FollowUp
    from crmdesk.db.models import Account, Activity, Contact, TierChange

ACCOUNT_FIELDS = (
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
)
CONTACT_FIELDS = (
    "first_name",
    "last_name",
    "job_title",
    "department",
    "level",
    "email",
    "email_secondary",
    "phone",
    "mobile",
    "buying_role",
    "stance",
    "relationship_holder",
    "notes",
)
ACTIVITY_FIELDS = (
    "kind",
    "direction",
    "subject",
    "notes",
    "occurred_at",
    "due_at",
    "completed_at",
    "outcome",
    "complaint_status",
    "satisfaction_score",
)


def plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _record(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": obj.id, "uuid": str(obj.uuid)}
    out.update((name, plain(getattr(obj, name))) for name in fields)
    for stamp in ("created_at", "updated_at", "deleted_at"):
        out[stamp] = plain(getattr(obj, stamp))
    return out


def account_json(account: Account) -> dict[str, Any]:
    return _record(account, ACCOUNT_FIELDS)


def contact_json(contact: Contact) -> dict[str, Any]:
    """A contact with its account and manager (both must be loaded)."""
    out = _record(contact, CONTACT_FIELDS)
    out["name"] = contact.full_name
    out["account"] = contact.account.name
    out["account_uuid"] = str(contact.account.uuid)
    boss = contact.reports_to
    out["reports_to"] = (
        {"id": boss.id, "uuid": str(boss.uuid), "name": boss.full_name} if boss else None
    )
    return out


def activity_json(activity: Activity, account: Account | None = None) -> dict[str, Any]:
    """An activity with its people (loaded) and, when given, its account."""
    out = _record(activity, ACTIVITY_FIELDS)
    out["account_id"] = activity.account_id
    if account is not None:
        out["account"] = account.name
        out["account_uuid"] = str(account.uuid)
    out["people"] = [
        {"id": c.id, "uuid": str(c.uuid), "name": c.full_name} for c in activity.contacts
    ]
    return out


def follow_up_json(item: FollowUp, now: datetime) -> dict[str, Any]:
    out = activity_json(item.activity)
    out["account"] = item.account_name
    out["owner"] = item.owner
    out["state"] = item.state(now)
    return out


def tier_change_json(change: TierChange) -> dict[str, Any]:
    return {
        "uuid": str(change.uuid),
        "from_tier": plain(change.from_tier),
        "to_tier": plain(change.to_tier),
        "reason": change.reason,
        "changed_at": plain(change.changed_at),
        "changed_by": change.changed_by,
    }
