"""Signals read from an account's activity for the printed plan: the
monthly rhythm, satisfaction over time, and the defection signals a plan
should list as risks. The signals are the health score's components
(crmdesk.core.health) put as risks — one implementation for both.

Everything here is computed from plain rows so that a review pack of a
hundred accounts costs one query, not a hundred.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from crmdesk.core.health import AccountHealth, Band, Component
from crmdesk.core.plan_data import ActivitySeries, ItemData
from crmdesk.db.enums import ActivityKind, ComplaintStatus, Tier
from crmdesk.db.models import Activity

# Kinds grouped for the monthly chart: thirteen colours would be unreadable.
KIND_GROUPS: tuple[tuple[str, frozenset[ActivityKind]], ...] = (
    ("Calls", frozenset({ActivityKind.CALL})),
    ("E-mails and letters", frozenset({ActivityKind.EMAIL, ActivityKind.LETTER})),
    ("Meetings and visits", frozenset({ActivityKind.MEETING, ActivityKind.SITE_VISIT})),
    ("Complaints", frozenset({ActivityKind.COMPLAINT})),
)
OTHER_GROUP = "Other"
OPEN_COMPLAINT = frozenset({ComplaintStatus.OPEN, ComplaintStatus.IN_PROGRESS})
IMPACT_BY_TIER = {Tier.TRANSACTIONAL: "low", Tier.PARTNER: "medium", Tier.STRATEGIC: "high"}
HISTORY_DAYS = 730


@dataclass(frozen=True)
class Fact:
    """The part of an activity that signals need."""

    kind: ActivityKind
    occurred_at: datetime
    due_at: datetime | None
    completed_at: datetime | None
    complaint_status: ComplaintStatus | None
    score: int | None

    @property
    def is_open_follow_up(self) -> bool:
        return self.due_at is not None and self.completed_at is None


def load_facts(
    session: Session, account_ids: Sequence[int], now: datetime
) -> dict[int, list[Fact]]:
    """Two years of activity per account, plus open complaints of any age."""
    if not account_ids:
        return {}
    since = now - timedelta(days=HISTORY_DAYS)
    stmt = select(
        Activity.account_id,
        Activity.kind,
        Activity.occurred_at,
        Activity.due_at,
        Activity.completed_at,
        Activity.complaint_status,
        Activity.satisfaction_score,
    ).where(
        Activity.account_id.in_(account_ids),
        Activity.deleted_at.is_(None),
        or_(Activity.occurred_at >= since, Activity.complaint_status.in_(sorted(OPEN_COMPLAINT))),
    )
    out: dict[int, list[Fact]] = defaultdict(list)
    for row in session.execute(stmt):
        out[row.account_id].append(Fact(*row[1:]))
    for facts in out.values():
        facts.sort(key=lambda f: f.occurred_at)
    return dict(out)


def last_months(today: date, count: int = 12) -> list[date]:
    """First days of the last ``count`` calendar months, oldest first."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def activity_series(facts: Sequence[Fact], today: date) -> ActivitySeries:
    months = last_months(today)
    index = {(m.year, m.month): i for i, m in enumerate(months)}
    labels = [label for label, _kinds in KIND_GROUPS] + [OTHER_GROUP]
    counts = {label: [0] * len(months) for label in labels}
    for fact in facts:
        local = fact.occurred_at.astimezone().date()
        slot = index.get((local.year, local.month))
        if slot is None or local > today:
            continue
        group = next((lb for lb, kinds in KIND_GROUPS if fact.kind in kinds), OTHER_GROUP)
        counts[group][slot] += 1
    return ActivitySeries(
        months=tuple(months), series=tuple((lb, tuple(counts[lb])) for lb in labels)
    )


def satisfaction(facts: Sequence[Fact]) -> list[tuple[date, int]]:
    return [
        (f.occurred_at.astimezone().date(), f.score)
        for f in facts
        if f.kind is ActivityKind.SATISFACTION_CHECK and f.score is not None
    ]


MITIGATIONS = {
    "last_touch": "Call the main contact this week and book a meeting.",
    "activity_trend": "Find out why contact has dropped; plan a review meeting.",
    "complaints": "Resolve, recover the service and confirm with the customer that it is closed.",
    "satisfaction": "Ask what changed; agree a service recovery plan.",
}


def _signal_title(c: Component, h: AccountHealth) -> str:
    if c.key == "last_touch":
        return "Activity gone quiet" if c.band is Band.RED else "Touch due"
    if c.key == "activity_trend":
        return "Activity declining" if c.band is Band.RED else "Activity slowing"
    if c.key == "complaints":
        n = next((int(w) for w in c.text.split()[:1] if w.isdigit()), 1)
        return f"{n} open complaint{'s' if n > 1 else ''}"
    return "Satisfaction falling" if "falling" in c.text else "Satisfaction low"


def defection_signals(h: AccountHealth) -> list[ItemData]:
    """Risks proposed from the data for the plan's risk section: the health
    components that are about defection (quiet or declining activity, open
    complaints, satisfaction) and not green — the same numbers, rules and
    sentences as the health score, never a second implementation."""
    impact = IMPACT_BY_TIER[h.tier]
    out = []
    for c in h.components:
        if c.key not in MITIGATIONS or c.band is Band.GREEN:
            continue
        out.append(
            ItemData(
                section="risk",
                title=_signal_title(c, h),
                detail=c.text,
                likelihood="high" if c.band is Band.RED else "medium",
                impact=impact,
                mitigation=MITIGATIONS[c.key],
                proposed=True,
            )
        )
    return out
