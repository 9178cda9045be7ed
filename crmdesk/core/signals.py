"""Signals read from an account's activity: the monthly rhythm, satisfaction
over time, and the defection signals that a plan should list as risks
(activity gone quiet or declining, open complaints, falling satisfaction).

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

from crmdesk.core.plan_data import ActivitySeries, ItemData
from crmdesk.core.plan_templates import template_for
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
# Kinds that are not a touch point with the customer.
INTERNAL_KINDS = frozenset({ActivityKind.NOTE, ActivityKind.TASK})
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

    @property
    def is_touch_point(self) -> bool:
        return self.kind not in INTERNAL_KINDS and not self.is_open_follow_up


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


def defection_signals(tier: Tier, facts: Sequence[Fact], now: datetime) -> list[ItemData]:
    """Risks proposed from the data, for the plan's risk section."""
    impact = IMPACT_BY_TIER[tier]
    template = template_for(tier)
    out: list[ItemData] = []
    touches = [f.occurred_at for f in facts if f.is_touch_point and f.occurred_at <= now]
    recent = sum(1 for t in touches if t >= now - timedelta(days=90))
    before = sum(1 for t in touches if now - timedelta(days=180) <= t < now - timedelta(days=90))
    last = max(touches, default=None)
    quiet_for = (now - last).days if last else None
    if quiet_for is None or quiet_for > template.quiet_days:
        since = f"{quiet_for} days" if quiet_for is not None else "two years or more"
        out.append(
            ItemData(
                section="risk",
                title="Activity gone quiet",
                detail=f"No interaction for {since}; a {tier.label.lower()} relationship needs "
                f"one at least every {template.quiet_days} days.",
                likelihood="high",
                impact=impact,
                mitigation="Call the main contact this week and book a meeting.",
                proposed=True,
            )
        )
    elif before >= 4 and recent <= before // 2:
        out.append(
            ItemData(
                section="risk",
                title="Activity declining",
                detail=f"{recent} interactions in the last 90 days against {before} in the "
                "90 days before.",
                likelihood="medium",
                impact=impact,
                mitigation="Find out why contact has dropped; plan a review meeting.",
                proposed=True,
            )
        )
    complaints = [f for f in facts if f.kind is ActivityKind.COMPLAINT]
    open_complaints = [f for f in complaints if f.complaint_status in OPEN_COMPLAINT]
    if open_complaints:
        oldest = min(f.occurred_at for f in open_complaints).astimezone().date()
        count = len(open_complaints)
        out.append(
            ItemData(
                section="risk",
                title=f"{count} open complaint{'s' if count > 1 else ''}",
                detail=f"Unresolved since {oldest.isoformat()}: poor service is a common reason "
                "to defect.",
                likelihood="high" if count > 1 else "medium",
                impact=impact,
                mitigation="Resolve, recover the service and confirm with the customer that it "
                "is closed.",
                proposed=True,
            )
        )
    scores = satisfaction(facts)
    if len(scores) >= 2:
        *earlier, (when, latest) = scores
        mean = sum(s for _d, s in earlier) / len(earlier)
        if latest <= mean - 1 or (latest < earlier[-1][1] and latest <= 5):
            out.append(
                ItemData(
                    section="risk",
                    title="Satisfaction falling",
                    detail=f"Latest score {latest}/10 on {when.isoformat()} against an average "
                    f"of {mean:.1f} before.",
                    likelihood="medium",
                    impact=impact,
                    mitigation="Ask what changed; agree a service recovery plan.",
                    proposed=True,
                )
            )
    return out
