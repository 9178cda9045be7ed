"""The rules every activity writer applies to complaint and satisfaction
fields (called by crmdesk.core.activities). A module of its own, importing
no other service, so complaints and satisfaction can use the activity
service without an import cycle."""

from __future__ import annotations

from crmdesk.db.enums import (
    ActivityKind,
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    SatisfactionKind,
)
from crmdesk.db.models import Activity
from crmdesk.db.types import utcnow
from crmdesk.errors import InvalidValueError

OPEN_STATES = (ComplaintStatus.OPEN, ComplaintStatus.IN_PROGRESS)
CLOSED_STATES = (ComplaintStatus.RESOLVED, ComplaintStatus.REJECTED)


def check_complaint_fields(activity: Activity) -> None:
    """Keep a complaint's register fields consistent (called by every
    activity writer): defaults for a new complaint, a resolution date once
    closed, none while open; no complaint fields on other kinds."""
    if activity.kind is not ActivityKind.COMPLAINT:
        activity.complaint_category = activity.complaint_severity = None
        activity.recovery_action = None
        activity.resolved_at = activity.customer_confirmed_at = None
        return
    activity.complaint_category = activity.complaint_category or ComplaintCategory.OTHER
    activity.complaint_severity = activity.complaint_severity or ComplaintSeverity.MEDIUM
    if activity.complaint_status in CLOSED_STATES:
        activity.resolved_at = activity.resolved_at or utcnow()
    else:
        activity.resolved_at = activity.customer_confirmed_at = None


def check_satisfaction_fields(activity: Activity) -> None:
    """A check's scale defaults to 0–10; its score must fit the scale."""
    if activity.kind is not ActivityKind.SATISFACTION_CHECK:
        activity.satisfaction_kind = None
        return
    kind = activity.satisfaction_kind = activity.satisfaction_kind or SatisfactionKind.SCORE
    score = activity.satisfaction_score
    low, high = kind.scale
    if score is not None and not low <= score <= high:
        raise InvalidValueError(f"a {kind.label} score must be between {low} and {high}")
